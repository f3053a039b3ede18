package io.github.atstrust.junit;

import static io.github.atstrust.junit.AtsAssertions.assertThat;
import static io.github.atstrust.junit.AtsAssertions.assertThatThrownBy;

import io.github.atstrust.testkit.live.LiveEndpoint;
import io.github.atstrust.testkit.pki.FakeCa;
import io.github.atstrust.testkit.pki.RealAtsRoot;
import io.github.atstrust.testkit.probe.HandshakeOutcome;
import io.github.atstrust.testkit.probe.RejectionReason;
import io.github.atstrust.testkit.server.AtsEndpoint;
import io.github.atstrust.testkit.trust.TrustProfile;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.security.KeyStore;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.HttpsURLConnection;
import org.junit.jupiter.api.Test;

/** A client test suite as a user writes it, using every annotation of junit-ats. */
@RequiresAtsTrust
class SampleClientTrustTest {

    @AtsTrustMatrix
    void jdkHttpClientJudgesEveryChainAsItWouldJudgeAws(AtsCase c) {
        HttpClient client = HttpClient.newBuilder().sslContext(c.profile().sslContext()).build();

        HandshakeOutcome outcome = c.probe(() -> client.send(HttpRequest.newBuilder(c.endpoint().uri()).build(),
                BodyHandlers.ofString()));

        assertThat(outcome).matches(c.expectation());
    }

    @AtsTrustMatrix(scenarios = {"ats-root-ca-1", "ats-acm-2024", "untrusted-root"},
            profiles = {"starfield-class-2", "starfield-services-root-g2", "no-ats"})
    void httpsUrlConnectionAcrossProfiles(AtsCase c) {
        HandshakeOutcome outcome = c.probe(() -> {
            HttpsURLConnection connection = (HttpsURLConnection) c.endpoint().uri().toURL().openConnection();
            connection.setSSLSocketFactory(c.profile().sslContext().getSocketFactory());
            connection.getResponseCode();
            return connection;
        });

        assertThat(outcome).matches(c.expectation());
    }

    @AtsTrustMatrix(scenarios = "stalled-handshake", profiles = "all-ats", includeRequiring = true)
    void clientWithATimeoutDoesNotHang(AtsCase c) {
        HttpClient client = HttpClient.newBuilder().sslContext(c.profile().sslContext())
                .connectTimeout(Duration.ofSeconds(1)).build();

        HandshakeOutcome outcome = c.probe(() -> client.send(HttpRequest.newBuilder(c.endpoint().uri())
                .timeout(Duration.ofSeconds(1)).build(), BodyHandlers.ofString()));

        assertThat(outcome).isRejectedBecause(RejectionReason.TIMEOUT).completedWithin(Duration.ofSeconds(30));
    }

    @Test
    void rejectsAnUntrustedRoot(@AtsScenario("untrusted-root") AtsEndpoint endpoint, AtsEnvironment ats) {
        HttpClient http = HttpClient.newBuilder().sslContext(ats.mirrored().sslContext()).build();

        HandshakeOutcome outcome = HandshakeOutcome.of(() -> http.send(HttpRequest.newBuilder(endpoint.uri()).build(),
                BodyHandlers.ofString()));

        assertThat(outcome).isRejectedBecause(RejectionReason.UNTRUSTED_ROOT);
    }

    @Test
    void clientTrustingOnlyStarfieldClass2RejectsTheAcmChainSince2024(
            @AtsScenario("ats-acm-2024") AtsEndpoint acm, @AtsProfile("starfield-class-2") TrustProfile classTwoOnly) {
        HttpClient http = HttpClient.newBuilder().sslContext(classTwoOnly.sslContext()).build();

        HandshakeOutcome outcome = acm.probe(() -> http.send(HttpRequest.newBuilder(acm.uri()).build(), BodyHandlers.ofString()));

        assertThat(outcome).isRejectedBecause(RejectionReason.UNTRUSTED_ROOT);
    }

    @Test
    void theAuditedStoreTrustsAtsAndHoldsNoTestRoot(AtsEnvironment ats) {
        assertThat(ats.audit()).trustsAts().containsAnchor(RealAtsRoot.AMAZON_ROOT_CA_1).containsNoFakeRoots();
    }

    @Test
    void theMirrorHoldsFakeTwinsInsteadOfTheRealRoots(@AtsProfile("mirrored") TrustProfile mirrored) {
        KeyStore store = mirrored.keyStore();

        assertThat(mirrored.anchors()).contains(FakeCa.AMAZON_ROOT_CA_1.certificate())
                .noneMatch(RealAtsRoot.AMAZON_ROOT_CA_1::matches);
        assertThatThrownBy(() -> assertThat(store).containsNoFakeRoots())
                .hasMessageContaining("FAKE Amazon Root CA 1");
    }

    /** Every HTTPS endpoint of the guides, with the JVM's own trust: verdict, reason, and the answer the guide names. */
    @LiveAtsTest
    void realEndpointsAreJudgedAsTheAwsGuidesSay(LiveEndpoint endpoint) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        AtomicReference<HttpResponse<String>> response = new AtomicReference<>();

        HandshakeOutcome outcome = HandshakeOutcome.of(() -> {
            response.set(http.send(HttpRequest.newBuilder(endpoint.uri()).build(), BodyHandlers.ofString()));
            return response.get();
        });

        assertThat(outcome).matches(endpoint.expected());
        if (outcome.accepted() && endpoint.expectedStatus() != 0) {
            assertThat(response.get().statusCode()).isEqualTo(endpoint.expectedStatus());
        }
        if (outcome.accepted() && endpoint.expectedBody() != null) {
            assertThat(response.get().body().strip()).isEqualTo(endpoint.expectedBody());
        }
    }
}
