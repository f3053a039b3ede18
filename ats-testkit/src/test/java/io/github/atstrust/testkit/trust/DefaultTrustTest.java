package io.github.atstrust.testkit.trust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.atstrust.testkit.ProcessRun;
import io.github.atstrust.testkit.probe.HandshakeOutcome;
import io.github.atstrust.testkit.probe.RejectionReason;
import io.github.atstrust.testkit.server.AtsEndpoint;
import io.github.atstrust.testkit.server.AtsServers;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The opt-in switch of the JVM's default trust to its mirror: clients with no TLS settings accept the fake
 * chains of the roots the JVM trusts and refuse the rest while it is on; every original value is back after.
 */
class DefaultTrustTest {

    private static AtsServers servers;

    @TempDir
    Path dir;

    @BeforeAll
    static void startServers() {
        servers = AtsServers.builder().only(Set.of("ats-root-ca-1", "untrusted-root", "wrong-host")).start();
    }

    @AfterAll
    static void stopServers() {
        servers.close();
    }

    @Test
    void aClientWithNoTrustSettingsMeetsTheFakeChainsAsItMeetsAwssWhileTheSwitchIsOn() throws Exception {
        Map<String, String> before = properties();
        SSLContext defaultBefore = SSLContext.getDefault();
        SSLSocketFactory urlConnectionBefore = HttpsURLConnection.getDefaultSSLSocketFactory();
        HandshakeOutcome refusedBefore = get(servers.endpoint("ats-root-ca-1"));
        Path store;

        try (DefaultTrust mirrored = DefaultTrust.mirrored()) {
            store = mirrored.store();
            assertThat(System.getProperty("javax.net.ssl.trustStore")).isEqualTo(store.toString());
            assertThat(mirrored.mirror().trusts(io.github.atstrust.testkit.pki.FakeCa.AMAZON_ROOT_CA_1.certificate())).isTrue();
            assertThat(get(servers.endpoint("ats-root-ca-1")).accepted()).as("accepted under the mirror").isTrue();
            assertThat(get(servers.endpoint("untrusted-root")).rejectionReason()).contains(RejectionReason.UNTRUSTED_ROOT);
            assertThat(get(servers.endpoint("wrong-host")).rejectionReason()).contains(RejectionReason.HOSTNAME_MISMATCH);
            assertThat(urlConnection(servers.endpoint("ats-root-ca-1"))).as("HttpsURLConnection's default").isEqualTo(200);
        }

        assertThat(refusedBefore.rejectionReason()).as("the JVM alone refuses the fake chain")
                .contains(RejectionReason.UNTRUSTED_ROOT);
        assertThat(properties()).as("every trust property as it was").isEqualTo(before);
        assertThat(SSLContext.getDefault()).isSameAs(defaultBefore);
        assertThat(HttpsURLConnection.getDefaultSSLSocketFactory()).isSameAs(urlConnectionBefore);
        assertThat(store).as("the temporary store is gone").doesNotExist();
        assertThat(get(servers.endpoint("ats-root-ca-1")).rejectionReason()).as("refused again after")
                .contains(RejectionReason.UNTRUSTED_ROOT);
    }

    @Test
    void oneSwitchAtATime() {
        try (DefaultTrust first = DefaultTrust.mirrored()) {
            assertThatThrownBy(DefaultTrust::mirrored).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("already the kit's mirror");
            assertThat(DefaultTrust.active()).containsSame(first);
        }
        assertThat(DefaultTrust.active()).isEmpty();
    }

    @Test
    void aDefaultContextThatAlreadyServedAConnectionIsRefusedNamingWhatToDo() throws Exception {
        Path store = TrustProfiles.byId("all-ats").writePkcs12(dir.resolve("all-ats.p12"), "changeit".toCharArray());

        ProcessRun run = ProcessRun.run(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Djavax.net.ssl.trustStore=" + store,
                "-Djavax.net.ssl.trustStorePassword=changeit", ConnectsFirst.class.getName()));

        assertThat(run.output()).as(run.output()).contains("connected first: 200")
                .contains("refused: the JVM's default SSLContext has already served TLS connections")
                .contains("-Djavax.net.ssl.trustStore=");
        assertThat(run.exitCode()).isZero();
    }

    /** A JVM whose default trust already trusts the fake roots, and connects before it asks for the switch. */
    static final class ConnectsFirst {
        public static void main(String[] args) throws Exception {
            try (AtsServers servers = AtsServers.builder().only(Set.of("ats-root-ca-1")).start()) {
                System.out.println("connected first: " + urlConnection(servers.endpoint("ats-root-ca-1")));
                try (DefaultTrust unexpected = DefaultTrust.mirrored()) {
                    System.out.println("switched, which must not happen");
                } catch (IllegalStateException refused) {
                    System.out.println("refused: " + refused.getMessage());
                }
            }
        }
    }

    private static HandshakeOutcome get(AtsEndpoint endpoint) {
        HttpClient client = HttpClient.newHttpClient();
        return endpoint.probe(() -> client.send(HttpRequest.newBuilder(endpoint.uri()).build(),
                HttpResponse.BodyHandlers.ofString()));
    }

    private static int urlConnection(AtsEndpoint endpoint) throws Exception {
        HttpsURLConnection connection = (HttpsURLConnection) endpoint.uri().toURL().openConnection();
        try {
            return connection.getResponseCode();
        } finally {
            connection.disconnect();
        }
    }

    private static Map<String, String> properties() {
        Map<String, String> values = new LinkedHashMap<>();
        DefaultTrust.PROPERTIES.forEach(name -> values.put(name, System.getProperty(name)));
        return values;
    }
}
