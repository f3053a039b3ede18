package io.github.atstrust.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.github.atstrust.junit.AtsAssertions;
import io.github.atstrust.junit.AtsCase;
import io.github.atstrust.junit.AtsTrustMatrix;
import io.github.atstrust.junit.RequiresAtsTrust;
import io.github.atstrust.testkit.audit.TrustStoreAudit;
import io.github.atstrust.testkit.audit.TrustStoreSource;
import io.github.atstrust.testkit.probe.HandshakeOutcome;
import io.github.atstrust.testkit.server.AtsEndpoint;
import io.github.atstrust.testkit.server.AtsServers;
import io.github.atstrust.testkit.trust.TrustProfile;
import io.github.atstrust.testkit.trust.TrustProfiles;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.Provider;
import java.security.Security;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * Runs the whole kit (servers and handshakes, revocation-checking contexts, profile files, export, audit, the
 * command line, the JUnit extension with a trust matrix) and proves that no JVM-wide trust setting changed:
 * the default {@code SSLContext}, {@code HttpsURLConnection}'s defaults, every trust-related system and
 * security property, the provider list, and the bytes of the JVM's {@code cacerts}.
 */
class GlobalTrustUntouchedTest {

    private static final List<String> PROPERTY_PREFIXES = List.of("javax.net.ssl.", "ocsp.", "com.sun.net.ssl.",
            "com.sun.security.", "jdk.tls.", "jdk.certpath.", "jdk.security.", "sun.security.");
    private static final List<String> SECURITY_PROPERTIES = List.of("ocsp.enable", "ocsp.responderURL",
            "ocsp.responderCertSubjectName", "jdk.tls.disabledAlgorithms", "jdk.certpath.disabledAlgorithms",
            "jdk.tls.legacyAlgorithms", "jdk.security.caDistrustPolicies", "com.sun.security.allowedAIALocations",
            "com.sun.security.enableCRLDP", "ssl.KeyManagerFactory.algorithm", "ssl.TrustManagerFactory.algorithm",
            "ssl.SocketFactory.provider", "ssl.ServerSocketFactory.provider", "keystore.type", "securerandom.source",
            "jdk.tls.keyLimits", "jdk.tls.namedGroups", "jdk.certpath.disabledAlgorithms");

    @TempDir
    Path dir;

    @RequiresAtsTrust
    static class AUsersTrustTest {
        @AtsTrustMatrix(scenarios = {"ats-root-ca-1", "untrusted-root"}, profiles = {"all-ats", "mirrored"})
        void judges(AtsCase c) {
            HttpClient client = HttpClient.newBuilder().sslContext(c.profile().sslContext()).build();
            AtsAssertions.assertThat(c.probe(() -> client.send(HttpRequest.newBuilder(c.endpoint().uri()).build(),
                    BodyHandlers.ofString()))).matches(c.expectation());
        }
    }

    @Test
    void theWholeKitLeavesEveryJvmWideTrustSettingAsItWas() throws Exception {
        Snapshot before = Snapshot.take();

        try (AtsServers servers = AtsServers.start()) {
            for (AtsEndpoint endpoint : servers.endpoints().subList(0, 5)) {
                HandshakeOutcome outcome = endpoint.probe(() -> HttpClient.newBuilder()
                        .sslContext(TrustProfiles.byId("all-ats").revocationCheckingSslContext()).build()
                        .send(HttpRequest.newBuilder(endpoint.uri()).build(), BodyHandlers.ofString()));
                assertThat(outcome.hasNoVerdict()).as(outcome.describe()).isFalse();
            }
        }
        TrustProfile mirrored = TrustProfile.mirrorOf(TrustStoreSource.jvm().toKeyStore());
        assertThat(mirrored.pkcs12File()).isRegularFile();
        TrustMaterialExport.writeTo(dir.resolve("export"), "changeit", "test-run", "export").close();
        assertThat(TrustStoreAudit.audit(TrustStoreSource.jvm()).trustsAts()).isTrue();
        assertThat(cli("export", "--dir", dir.resolve("cli-export").toString())).isZero();
        assertThat(cli("audit", "jvm", dir.resolve("export/all-ats.p12").toString())).isEqualTo(1);
        EngineTestKit.engine("junit-jupiter").selectors(selectClass(AUsersTrustTest.class)).execute().testEvents()
                .assertStatistics(stats -> stats.succeeded(4).failed(0));

        assertThat(Snapshot.take()).isEqualTo(before);
    }

    private static int cli(String... args) {
        return AtsCommand.execute(args, new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
    }

    /** Everything JVM-wide that decides whom a client trusts. */
    private record Snapshot(SSLContext defaultContext, Object defaultSocketFactory, Object defaultHostnameVerifier,
                            Map<String, String> systemProperties, Map<String, String> securityProperties,
                            List<String> providers, Map<String, String> trustStoreFiles) {

        static Snapshot take() throws Exception {
            Map<String, String> system = new TreeMap<>();
            System.getProperties().stringPropertyNames().stream()
                    .filter(name -> PROPERTY_PREFIXES.stream().anyMatch(name::startsWith))
                    .forEach(name -> system.put(name, System.getProperty(name)));
            Map<String, String> security = new TreeMap<>();
            SECURITY_PROPERTIES.forEach(name -> security.put(name, String.valueOf(Security.getProperty(name))));
            Map<String, String> files = new TreeMap<>();
            Path securityDir = Path.of(System.getProperty("java.home"), "lib", "security");
            for (String name : List.of("cacerts", "jssecacerts")) {
                Path file = securityDir.resolve(name);
                files.put(name, Files.exists(file) ? HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                        .digest(Files.readAllBytes(file))) : "absent");
            }
            return new Snapshot(SSLContext.getDefault(), HttpsURLConnection.getDefaultSSLSocketFactory(),
                    HttpsURLConnection.getDefaultHostnameVerifier(), system, security,
                    Arrays.stream(Security.getProviders()).map(Provider::getName).toList(), files);
        }
    }

}
