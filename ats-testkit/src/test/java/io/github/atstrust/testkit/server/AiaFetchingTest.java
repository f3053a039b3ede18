package io.github.atstrust.testkit.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.atstrust.testkit.ProcessRun;
import io.github.atstrust.testkit.TruthTable;
import io.github.atstrust.testkit.probe.HandshakeOutcome;
import io.github.atstrust.testkit.trust.TrustProfiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code incomplete-chain-aia}: the leaf comes without its intermediate, but its caIssuers URL serves it. A JDK
 * that fetches missing intermediates ({@code com.sun.security.enableAIAcaIssuers=true}, a JVM-wide property, so
 * in a forked JVM) accepts it under Amazon Root CA 1; one that does not, and every client meeting
 * {@code incomplete-chain} (no caIssuers URL), rejects it as INCOMPLETE_CHAIN. Recent JDKs (25 here) also
 * filter the URLs they fetch from ({@code com.sun.security.allowedAIALocations}, deny-all by default): the
 * client allows the kit's {@code /ca/} path only.
 */
class AiaFetchingTest {

    private static final String CLIENT = """
            import java.io.FileInputStream;
            import java.security.KeyStore;
            import javax.net.ssl.*;

            public class Client {
                public static void main(String[] args) throws Exception {
                    KeyStore store = KeyStore.getInstance("PKCS12");
                    try (var in = new FileInputStream(args[1])) { store.load(in, "changeit".toCharArray()); }
                    TrustManagerFactory trust = TrustManagerFactory.getInstance("PKIX");
                    trust.init(store);
                    SSLContext context = SSLContext.getInstance("TLS");
                    context.init(null, trust.getTrustManagers(), null);
                    HttpsURLConnection connection = (HttpsURLConnection) java.net.URI.create(args[0]).toURL().openConnection();
                    connection.setSSLSocketFactory(context.getSocketFactory());
                    try {
                        System.out.println(connection.getResponseCode());
                    } catch (Exception e) {
                        System.out.println(e);
                        System.exit(1);
                    }
                }
            }
            """;

    @org.junit.jupiter.api.Test
    void aJdkThatFiltersAiaLocationsFetchesNothingUnlessTheKitsUrlIsAllowed() throws Exception {
        AtsEndpoint endpoint = servers.endpoint("incomplete-chain-aia");
        Path source = Files.writeString(dir.resolve("Client.java"), CLIENT);

        ProcessRun run = ProcessRun.run(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dcom.sun.security.enableAIAcaIssuers=true", source.toString(), endpoint.uri().toString(),
                TrustProfiles.byId("amazon-root-ca-1").pkcs12File().toString()));
        HandshakeOutcome outcome = endpoint.judgeCommand(run.exitCode(), run.output(), Duration.ZERO);

        boolean filters = java.security.Security.getProperty("com.sun.security.allowedAIALocations") != null;
        assertThat(TruthTable.said(outcome)).as("JDK %s (AIA location filter: %s) said: %s", Runtime.version(), filters,
                run.output()).isEqualTo(filters ? "reject (INCOMPLETE_CHAIN)" : "accept");
    }

    private static AtsServers servers;
    @TempDir
    static Path dir;

    @BeforeAll
    static void startServers() {
        servers = AtsServers.builder().only(Set.of("incomplete-chain", "incomplete-chain-aia")).start();
    }

    @AfterAll
    static void stopServers() {
        servers.close();
    }

    @ParameterizedTest(name = "{0} under {1}, AIA fetching {2} → {3}")
    @CsvSource({
            "incomplete-chain-aia, amazon-root-ca-1, true, accept",
            "incomplete-chain-aia, all-ats, true, accept",
            "incomplete-chain-aia, starfield-services-root-g2, true, reject (INCOMPLETE_CHAIN)",
            "incomplete-chain-aia, amazon-root-ca-1, false, reject (INCOMPLETE_CHAIN)",
            "incomplete-chain, amazon-root-ca-1, true, reject (INCOMPLETE_CHAIN)",
    })
    void aJdkFetchingMissingIntermediatesAcceptsOnlyTheChainWhoseLeafNamesItsIssuer(String scenario, String profile,
                                                                                      boolean fetching, String expected)
            throws Exception {
        AtsEndpoint endpoint = servers.endpoint(scenario);
        Path source = Files.writeString(dir.resolve("Client.java"), CLIENT);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();

        long start = System.nanoTime();
        ProcessRun run = ProcessRun.run(List.of(java, "-Dcom.sun.security.enableAIAcaIssuers=" + fetching,
                "-Dcom.sun.security.allowedAIALocations=" + servers.indexUri().resolve("/ca/"),
                source.toString(), endpoint.uri().toString(), TrustProfiles.byId(profile).pkcs12File().toString()));
        HandshakeOutcome outcome = endpoint.judgeCommand(run.exitCode(), run.output(),
                Duration.ofNanos(System.nanoTime() - start));

        assertThat(TruthTable.said(outcome)).as("forked JDK said: %s", run.output()).isEqualTo(expected);
    }
}
