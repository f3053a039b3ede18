package io.github.atstrust.examples;

import static io.github.atstrust.junit.AtsAssertions.assertThat;

import io.github.atstrust.junit.AtsProfile;
import io.github.atstrust.junit.AtsScenario;
import io.github.atstrust.junit.RequiresAtsTrust;
import io.github.atstrust.testkit.probe.HandshakeOutcome;
import io.github.atstrust.testkit.probe.RejectionReason;
import io.github.atstrust.testkit.server.AtsEndpoint;
import io.github.atstrust.testkit.trust.TrustProfile;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.security.cert.PKIXRevocationChecker;
import org.junit.jupiter.api.Test;

/** The JDK client with revocation checking turned on for itself only, as a user would configure it. */
@RequiresAtsTrust
class PerClientRevocationTest {

    @Test
    void jdkClientCheckingRevocationRejectsTheRevokedLeaf(@AtsScenario("revoked") AtsEndpoint revoked,
                                                          @AtsProfile("all-ats") TrustProfile allAts) {
        HttpClient client = HttpClient.newBuilder()
                .sslContext(allAts.revocationCheckingSslContext(PKIXRevocationChecker.Option.ONLY_END_ENTITY)).build();

        HandshakeOutcome outcome = revoked.probe(() -> client.send(HttpRequest.newBuilder(revoked.uri()).build(),
                BodyHandlers.ofString()));

        assertThat(outcome).isRejectedBecause(RejectionReason.REVOKED);
        ClientsReport.note("revocation checking per client", "jdk-httpclient",
                "with its own PKIXRevocationChecker (OCSP, end entity): " + outcome.describe());
    }

    @Test
    void jdkClientCheckingRevocationAcceptsAGoodLeaf(@AtsScenario("ats-root-ca-1") AtsEndpoint good,
                                                     @AtsProfile("all-ats") TrustProfile allAts) {
        HttpClient client = HttpClient.newBuilder()
                .sslContext(allAts.revocationCheckingSslContext(PKIXRevocationChecker.Option.ONLY_END_ENTITY)).build();

        assertThat(good.probe(() -> client.send(HttpRequest.newBuilder(good.uri()).build(), BodyHandlers.ofString())))
                .isAccepted();
    }
}
