package io.github.atstrust.testkit.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.atstrust.testkit.trust.TrustProfiles;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.security.cert.CertPathValidatorException;
import java.security.cert.PKIXRevocationChecker;
import java.security.cert.PKIXRevocationChecker.Option;
import java.util.EnumSet;
import java.util.Set;
import javax.net.ssl.SSLContext;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The offline CRL and OCSP services, met by a JDK client whose revocation checking is switched on for that
 * client only (a {@link PKIXRevocationChecker} in its own trust manager; no global property is touched).
 */
class RevocationTest {

    enum Mode {
        OCSP(EnumSet.of(Option.ONLY_END_ENTITY, Option.NO_FALLBACK)),
        CRL(EnumSet.of(Option.ONLY_END_ENTITY, Option.PREFER_CRLS, Option.NO_FALLBACK));

        final Set<Option> options;

        Mode(Set<Option> options) {
            this.options = options;
        }
    }

    private static AtsServers servers;

    @BeforeAll
    static void startServers() {
        servers = AtsServers.builder().only(Set.of("ats-root-ca-1", "revoked")).start();
    }

    @AfterAll
    static void stopServers() {
        servers.close();
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void revocationCheckingClientRejectsTheRevokedLeafAsRevoked(Mode mode) throws Exception {
        HttpClient client = HttpClient.newBuilder().sslContext(revocationChecking(mode)).build();

        Throwable failure = catchThrowable(() -> client.send(
                HttpRequest.newBuilder(servers.endpoint("revoked").uri()).build(), BodyHandlers.ofString()));

        assertThat(rootCause(failure)).asInstanceOf(InstanceOfAssertFactories.type(CertPathValidatorException.class))
                .extracting(CertPathValidatorException::getReason)
                .isEqualTo(CertPathValidatorException.BasicReason.REVOKED);
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void revocationCheckingClientAcceptsAGoodLeaf(Mode mode) throws Exception {
        HttpClient client = HttpClient.newBuilder().sslContext(revocationChecking(mode)).build();

        HttpResponse<String> response = client.send(
                HttpRequest.newBuilder(servers.endpoint("ats-root-ca-1").uri()).build(), BodyHandlers.ofString());

        assertThat(response.body()).isEqualTo("healthy: localhost");
    }

    @Test
    void ocspGetWithAnEncodedSlashReachesTheResponder() throws Exception {
        URI get = servers.indexUri().resolve("/ocsp/MAo" + "%2F" + "MAgwBjAEAgEB");

        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(get).build(),
                BodyHandlers.ofByteArray());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type")).hasValue("application/ocsp-response");
    }

    private static SSLContext revocationChecking(Mode mode) {
        return TrustProfiles.byId("amazon-root-ca-1").revocationCheckingSslContext(mode.options.toArray(Option[]::new));
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && !(cause instanceof CertPathValidatorException)) {
            cause = cause.getCause();
        }
        return cause;
    }
}
