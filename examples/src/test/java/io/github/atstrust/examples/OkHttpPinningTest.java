package io.github.atstrust.examples;

import static io.github.atstrust.junit.AtsAssertions.assertThat;

import io.github.atstrust.junit.AtsProfile;
import io.github.atstrust.junit.AtsScenario;
import io.github.atstrust.junit.RequiresAtsTrust;
import io.github.atstrust.testkit.pki.FakeCa;
import io.github.atstrust.testkit.probe.HandshakeOutcome;
import io.github.atstrust.testkit.server.AtsEndpoint;
import io.github.atstrust.testkit.trust.TrustProfile;
import okhttp3.CertificatePinner;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

/**
 * Certificate pinning, which the S3 and SES guides warn about: a pin on the intermediate's key breaks when
 * AWS rotates intermediates; a pin on the Amazon root's key survives it.
 */
@RequiresAtsTrust
class OkHttpPinningTest {

    private static final String ROTATION_EXPLAINED = "a pin on an intermediate (%s) breaks as soon as the server is "
            + "reissued under another intermediate (rotated-intermediate is under M02); a pin on the root key "
            + "(Amazon Root CA 1) holds for every intermediate under it: pin roots, never intermediates";

    @Test
    void pinOnTheIntermediateAcceptsTheCurrentChainButRejectsARotatedIntermediate(
            @AtsScenario("ats-root-ca-1") AtsEndpoint current, @AtsScenario("rotated-intermediate") AtsEndpoint rotated,
            @AtsProfile("amazon-root-ca-1") TrustProfile root1) {
        OkHttpClient client = pinnedTo(FakeCa.AMAZON_RSA_2048_M01, root1);

        HandshakeOutcome beforeRotation = fetch(client, current);
        HandshakeOutcome afterRotation = fetch(client, rotated);

        assertThat(beforeRotation).isAccepted();
        assertThat(afterRotation).isRejected();
        assertThat(afterRotation.thrown().orElseThrow()).hasMessageContaining("Certificate pinning failure");
        ClientsReport.note("pinning", "okhttp", "pinned to the intermediate M01: ats-root-ca-1 accepted, "
                + "rotated-intermediate rejected (" + afterRotation.thrown().orElseThrow().getMessage().lines().findFirst().orElse("")
                + "); " + String.format(ROTATION_EXPLAINED, "M01"));
    }

    @Test
    void pinOnTheAmazonRootKeyAcceptsBothChains(
            @AtsScenario("ats-root-ca-1") AtsEndpoint current, @AtsScenario("rotated-intermediate") AtsEndpoint rotated,
            @AtsProfile("amazon-root-ca-1") TrustProfile root1) {
        OkHttpClient client = pinnedTo(FakeCa.AMAZON_ROOT_CA_1, root1);

        assertThat(fetch(client, current)).isAccepted();
        assertThat(fetch(client, rotated)).isAccepted();
        ClientsReport.note("pinning", "okhttp", "pinned to Amazon Root CA 1's key: both chains accepted, because "
                + "OkHttp checks pins against the chain it built up to the trust anchor, which includes the root");
    }

    private static OkHttpClient pinnedTo(FakeCa pinned, TrustProfile profile) {
        return new OkHttpClient.Builder()
                .sslSocketFactory(profile.sslSocketFactory(), profile.trustManager())
                .certificatePinner(new CertificatePinner.Builder()
                        .add("localhost", CertificatePinner.pin(pinned.certificate())).build())
                .build();
    }

    private static HandshakeOutcome fetch(OkHttpClient client, AtsEndpoint endpoint) {
        return endpoint.probe(() -> {
            try (Response response = client.newCall(new Request.Builder().url(endpoint.uri().toURL()).build()).execute()) {
                return response.body().string();
            }
        });
    }
}
