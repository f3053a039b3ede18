package io.github.atstrust.testkit.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AtsServersLifecycleTest {

    @Test
    void closeFreesEveryPortAndThread() throws Exception {
        AtsServers servers = AtsServers.start();
        List<Integer> ports = servers.endpoints().stream().map(AtsEndpoint::port).toList();
        int indexPort = servers.indexUri().getPort();

        servers.close();

        for (int port : ports) {
            assertThat(refuses(port)).as("port %d still accepts", port).isTrue();
        }
        assertThat(refuses(indexPort)).isTrue();
        assertThat(kitThreads()).isEmpty();
    }

    @Test
    void everyConnectorListensOnLoopbackOnly() {
        try (AtsServers servers = AtsServers.builder().only(Set.of("ats-root-ca-1")).start()) {
            assertThat(servers.indexUri().getHost()).isEqualTo("127.0.0.1");
            assertThat(servers.endpoint("ats-root-ca-1").uri().getHost()).isEqualTo("localhost");
        }
    }

    @Test
    void servesOnIpv6LoopbackWithEndpointsNamingThatAddress() throws Exception {
        try (AtsServers servers = AtsServers.builder().bind(InetAddress.getByName("::1")).only(Set.of("ats-root-ca-1")).start()) {
            AtsEndpoint endpoint = servers.endpoint("ats-root-ca-1");

            String body = java.net.http.HttpClient.newBuilder()
                    .sslContext(io.github.atstrust.testkit.trust.TrustProfiles.byId("amazon-root-ca-1").sslContext()).build()
                    .send(java.net.http.HttpRequest.newBuilder(endpoint.uri()).build(),
                            java.net.http.HttpResponse.BodyHandlers.ofString()).body();

            assertThat(endpoint.uri().toString()).startsWith("https://[0:0:0:0:0:0:0:1]:");
            assertThat(body).isEqualTo("healthy: [0:0:0:0:0:0:0:1]");
        }
    }

    @Test
    void refusesANonLoopbackAddressUnlessAllowed() throws Exception {
        InetAddress lan = InetAddress.getByAddress(new byte[] {10, 1, 2, 3});

        assertThatThrownBy(() -> AtsServers.builder().bind(lan).start())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("10.1.2.3").hasMessageContaining("loopback");
    }

    @Test
    void unknownScenarioIdIsRejectedWithTheValidIds() {
        assertThatThrownBy(() -> AtsServers.builder().only(Set.of("nope")).start())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'nope'").hasMessageContaining("ats-root-ca-1");
    }

    @Test
    void indexPortInUseFailsNamingThePortAndLeavesNothingRunning() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> AtsServers.builder().indexPort(taken.getLocalPort()).start())
                    .isInstanceOf(UncheckedIOException.class)
                    .hasMessageContaining(String.valueOf(taken.getLocalPort()));
        }
        assertThat(kitThreads()).isEmpty();
    }

    @Test
    void unknownEndpointLookupListsRunningScenarios() {
        try (AtsServers servers = AtsServers.builder().only(Set.of("expired")).start()) {
            assertThatThrownBy(() -> servers.endpoint("ats-root-ca-1"))
                    .hasMessageContaining("ats-root-ca-1").hasMessageContaining("running: expired");
        }
    }

    private static boolean refuses(int port) throws IOException {
        try (Socket ignored = new Socket("127.0.0.1", port)) {
            return false;
        } catch (ConnectException refused) {
            return true;
        }
    }

    private static List<String> kitThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(name -> name.startsWith("ats-server")).toList();
    }
}
