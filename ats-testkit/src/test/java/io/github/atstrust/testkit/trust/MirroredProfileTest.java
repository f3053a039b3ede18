package io.github.atstrust.testkit.trust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.atstrust.testkit.audit.TrustStoreSource;
import io.github.atstrust.testkit.pki.FakeCa;
import io.github.atstrust.testkit.pki.RealAtsRoot;
import io.github.atstrust.testkit.server.AtsServers;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.Collections;
import java.util.Set;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A mirror of a real store meets the fake chains as the real store would meet AWS's. */
class MirroredProfileTest {

    private static AtsServers servers;

    @BeforeAll
    static void startServers() {
        servers = AtsServers.builder().only(Set.of("ats-root-ca-1", "ats-root-ca-2", "ats-root-ca-3", "ats-root-ca-4",
                "untrusted-root")).start();
    }

    @AfterAll
    static void stopServers() {
        servers.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ats-root-ca-1", "ats-root-ca-2", "ats-root-ca-3", "ats-root-ca-4"})
    void mirrorOfTheJvmStoreAcceptsEveryAtsChain(String scenario) throws Exception {
        TrustProfile mirror = TrustProfile.mirrorOf(TrustStoreSource.jvm().toKeyStore());

        String body = HttpClient.newBuilder().sslContext(mirror.sslContext()).build()
                .send(HttpRequest.newBuilder(servers.endpoint(scenario).uri()).build(), BodyHandlers.ofString()).body();

        assertThat(body).isEqualTo("healthy: localhost");
    }

    @Test
    void mirrorOfTheJvmStoreRejectsAnUntrustedRoot() {
        TrustProfile mirror = TrustProfile.mirrorOf(TrustStoreSource.jvm().toKeyStore());

        Throwable failure = catchThrowable(() -> HttpClient.newBuilder().sslContext(mirror.sslContext()).build()
                .send(HttpRequest.newBuilder(servers.endpoint("untrusted-root").uri()).build(), BodyHandlers.ofString()));

        assertThat(failure).isInstanceOf(SSLHandshakeException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ats-root-ca-1", "ats-root-ca-3"})
    void mirrorOfAStoreWithoutAtsAnchorsRejectsAtsChains(String scenario) throws Exception {
        KeyStore withoutAts = TrustStoreSource.jvm().toKeyStore();
        for (String alias : Collections.list(withoutAts.aliases())) {
            X509Certificate certificate = (X509Certificate) withoutAts.getCertificate(alias);
            for (RealAtsRoot root : RealAtsRoot.values()) {
                if (root.matches(certificate)) {
                    withoutAts.deleteEntry(alias);
                }
            }
        }
        TrustProfile mirror = TrustProfile.mirrorOf(withoutAts);

        Throwable failure = catchThrowable(() -> HttpClient.newBuilder().sslContext(mirror.sslContext()).build()
                .send(HttpRequest.newBuilder(servers.endpoint(scenario).uri()).build(), BodyHandlers.ofString()));

        assertThat(failure).isInstanceOf(SSLHandshakeException.class);
    }

    @Test
    void mirrorKeepsEveryOtherCertificateAndHoldsNoRealAtsRoot() throws Exception {
        KeyStore jvm = TrustStoreSource.jvm().toKeyStore();

        TrustProfile mirror = TrustProfile.mirrorOf(jvm);

        assertThat(mirror.anchors()).hasSize(jvm.size());
        assertThat(mirror.anchors()).noneMatch(a -> java.util.Arrays.stream(RealAtsRoot.values()).anyMatch(r -> r.matches(a)));
        assertThat(mirror.anchors()).contains(FakeCa.AMAZON_ROOT_CA_1.certificate(), FakeCa.STARFIELD_CLASS_2.certificate());
        assertThat(mirror.id()).isEqualTo(TrustProfile.MIRRORED);
    }
}
