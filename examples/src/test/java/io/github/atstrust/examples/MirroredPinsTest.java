package io.github.atstrust.examples;

import static io.github.atstrust.junit.AtsAssertions.assertThat;

import io.github.atstrust.junit.AtsProfile;
import io.github.atstrust.junit.AtsScenario;
import io.github.atstrust.junit.RequiresAtsTrust;
import io.github.atstrust.testkit.audit.PinSet;
import io.github.atstrust.testkit.pki.RealAtsCertificate;
import io.github.atstrust.testkit.pki.RealAtsRoot;
import io.github.atstrust.testkit.probe.HandshakeOutcome;
import io.github.atstrust.testkit.server.AtsEndpoint;
import io.github.atstrust.testkit.trust.TrustProfile;
import java.util.List;
import okhttp3.CertificatePinner;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

/**
 * A production pinning configuration (pins of the real ATS keys) run unchanged against the kit through its mirror
 * ({@link PinSet#mirrored()}): OkHttp's {@code CertificatePinner} with a pin on the real issuing CA M01 breaks on
 * the rotation scenarios; with the real Amazon roots' keys it survives them; unmirrored, the real pins match nothing.
 */
@RequiresAtsTrust
class MirroredPinsTest {

    private static final List<String> PRODUCTION_ISSUING_CA_PIN =
            List.of(RealAtsCertificate.pin(RealAtsCertificate.AMAZON_RSA_2048_M01.certificate()));
    private static final List<String> PRODUCTION_ROOT_PINS = RealAtsRoot.amazonRoots().stream()
            .map(root -> RealAtsCertificate.pin(root.certificate())).toList();

    @Test
    void aMirroredIssuingCaPinAcceptsTodaysChainAndBreaksOnEveryRotation(
            @AtsScenario("ats-root-ca-1") AtsEndpoint today, @AtsScenario("rotated-intermediate") AtsEndpoint rotated,
            @AtsScenario("next-generation-rsa") AtsEndpoint nextGeneration, @AtsProfile("all-ats") TrustProfile allAts) {
        OkHttpClient client = pinned(PinSet.parse(PRODUCTION_ISSUING_CA_PIN).mirrored(), allAts);

        assertThat(fetch(client, today)).isAccepted();
        for (AtsEndpoint rotation : List.of(rotated, nextGeneration)) {
            HandshakeOutcome outcome = fetch(client, rotation);
            assertThat(outcome).isRejected();
            org.assertj.core.api.Assertions.assertThat(outcome.thrown().orElseThrow())
                    .as(rotation.id()).hasMessageContaining("Certificate pinning failure");
        }
        ClientsReport.note("pinning", "okhttp", "the mirror of a production pin on the real M01: ats-root-ca-1 accepted, "
                + "rotated-intermediate and next-generation-rsa rejected (Certificate pinning failure)");
    }

    @Test
    void mirroredAmazonRootPinsSurviveEveryRotationAndTheEcChains(
            @AtsScenario("ats-root-ca-1") AtsEndpoint today, @AtsScenario("rotated-intermediate") AtsEndpoint rotated,
            @AtsScenario("next-generation-rsa") AtsEndpoint nextRsa, @AtsScenario("next-generation-ec") AtsEndpoint nextEc,
            @AtsScenario("ats-root-ca-4") AtsEndpoint ec384, @AtsProfile("all-ats") TrustProfile allAts) {
        OkHttpClient client = pinned(PinSet.parse(PRODUCTION_ROOT_PINS).mirrored(), allAts);

        for (AtsEndpoint endpoint : List.of(today, rotated, nextRsa, nextEc, ec384)) {
            assertThat(fetch(client, endpoint)).as(endpoint.id()).isAccepted();
        }
        ClientsReport.note("pinning", "okhttp", "the mirror of production pins on the real Amazon Root CA 1-4 keys: "
                + "today's chain, both rotations and the EC chains accepted");
    }

    @Test
    void unmirroredRealPinsMatchNothingTheKitServes(@AtsScenario("ats-root-ca-1") AtsEndpoint today,
                                                    @AtsProfile("all-ats") TrustProfile allAts) {
        OkHttpClient client = pinned(PinSet.parse(PRODUCTION_ROOT_PINS), allAts);

        HandshakeOutcome outcome = fetch(client, today);

        assertThat(outcome).isRejected();
        org.assertj.core.api.Assertions.assertThat(outcome.thrown().orElseThrow())
                .hasMessageContaining("Certificate pinning failure");
    }

    private static OkHttpClient pinned(PinSet pins, TrustProfile profile) {
        CertificatePinner.Builder pinner = new CertificatePinner.Builder();
        pins.pins().forEach(pin -> pinner.add("localhost", pin));
        return new OkHttpClient.Builder().sslSocketFactory(profile.sslSocketFactory(), profile.trustManager())
                .certificatePinner(pinner.build()).build();
    }

    private static HandshakeOutcome fetch(OkHttpClient client, AtsEndpoint endpoint) {
        return endpoint.probe(() -> {
            try (Response response = client.newCall(new Request.Builder().url(endpoint.uri().toURL()).build()).execute()) {
                return response.body().string();
            }
        });
    }
}
