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
import java.security.cert.CertPathBuilder;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.PKIXRevocationChecker;
import java.security.cert.X509CertSelector;
import java.util.EnumSet;
import javax.net.ssl.CertPathTrustManagerParameters;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;

/** The JDK client with revocation checking turned on for itself only, as a user would configure it. */
@RequiresAtsTrust
class PerClientRevocationTest {

    @Test
    void jdkClientCheckingRevocationRejectsTheRevokedLeaf(@AtsScenario("revoked") AtsEndpoint revoked,
                                                          @AtsProfile("all-ats") TrustProfile allAts) throws Exception {
        HttpClient client = HttpClient.newBuilder().sslContext(revocationChecking(allAts)).build();

        HandshakeOutcome outcome = revoked.probe(() -> client.send(HttpRequest.newBuilder(revoked.uri()).build(),
                BodyHandlers.ofString()));

        assertThat(outcome).isRejectedBecause(RejectionReason.REVOKED);
        ClientsReport.note("revocation checking per client", "jdk-httpclient",
                "with its own PKIXRevocationChecker (OCSP, end entity): " + outcome.describe());
    }

    @Test
    void jdkClientCheckingRevocationAcceptsAGoodLeaf(@AtsScenario("ats-root-ca-1") AtsEndpoint good,
                                                     @AtsProfile("all-ats") TrustProfile allAts) throws Exception {
        HttpClient client = HttpClient.newBuilder().sslContext(revocationChecking(allAts)).build();

        assertThat(good.probe(() -> client.send(HttpRequest.newBuilder(good.uri()).build(), BodyHandlers.ofString())))
                .isAccepted();
    }

    private static SSLContext revocationChecking(TrustProfile profile) throws Exception {
        PKIXBuilderParameters parameters = new PKIXBuilderParameters(profile.keyStore(), new X509CertSelector());
        PKIXRevocationChecker checker = (PKIXRevocationChecker) CertPathBuilder.getInstance("PKIX").getRevocationChecker();
        checker.setOptions(EnumSet.of(PKIXRevocationChecker.Option.ONLY_END_ENTITY));
        parameters.addCertPathChecker(checker);
        TrustManagerFactory factory = TrustManagerFactory.getInstance("PKIX");
        factory.init(new CertPathTrustManagerParameters(parameters));
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, factory.getTrustManagers(), null);
        return context;
    }
}
