package io.github.atstrust.testkit.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.atstrust.testkit.TruthTable;
import io.github.atstrust.testkit.probe.HandshakeOutcome;
import io.github.atstrust.testkit.scenario.ScenarioCatalogue;
import io.github.atstrust.testkit.trust.TrustProfile;
import io.github.atstrust.testkit.trust.TrustProfiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;

/**
 * Load and leaks, kept as tests: concurrent handshakes all judged as declared, and nothing left behind by
 * {@code close()} or by a failed start (threads, listening ports, file descriptors). Counts are bounded.
 */
class LoadAndLeakTest {

    private static final int CLIENTS = 50;
    private static final int HANDSHAKES = 1_000;
    private static final TrustProfile ALL_ATS = TrustProfiles.byId("all-ats");

    @Test
    void aThousandHandshakesFromFiftyConcurrentClientsAreEachJudgedAsDeclared() throws Exception {
        List<String> scenarios = ScenarioCatalogue.builtIn().unconditional().stream().map(s -> s.id()).toList();
        Map<String, String> disagreements = new ConcurrentHashMap<>();
        AtomicInteger judged = new AtomicInteger();
        try (AtsServers servers = AtsServers.start()) {
            ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < HANDSHAKES; i++) {
                AtsEndpoint endpoint = servers.endpoint(scenarios.get(i % scenarios.size()));
                done.add(clients.submit(() -> {
                    HandshakeOutcome outcome = endpoint.probe(() -> handshake(endpoint));
                    String expected = endpoint.expectedOutcomeFor(ALL_ATS).toString();
                    if (!TruthTable.said(outcome).equals(expected)) {
                        disagreements.put(endpoint.id(), TruthTable.said(outcome) + " instead of " + expected);
                    }
                    judged.incrementAndGet();
                }));
            }
            for (Future<?> future : done) {
                future.get(60, TimeUnit.SECONDS);
            }
            clients.shutdown();
        }

        assertThat(judged).hasValue(HANDSHAKES);
        assertThat(disagreements).isEmpty();
    }

    @Test
    void twentyStartCloseCyclesLeaveNoThreadNoListeningPortAndNoFileDescriptor() throws Exception {
        cycle();
        int descriptors = openDescriptors();
        List<Integer> ports = new ArrayList<>();

        for (int i = 0; i < 20; i++) {
            ports.addAll(cycle());
        }

        assertThat(kitThreads()).isEmpty();
        // Listening sockets of this JVM only: once closed, a port may be taken by any other process on the machine.
        assertThat(listeningPortsOfThisProcess()).as("ports this JVM still listens on").doesNotContainAnyElementsOf(ports);
        // At most as many as before: a leak adds one or more per cycle (20 here); fewer happens when a client of an
        // earlier test class (a JDK HttpClient's selector) is collected meanwhile, as seen once here (70 -> 69).
        assertThat(openDescriptors()).isLessThanOrEqualTo(descriptors);
    }

    @Test
    void failedStartsOnAPortInUseLeaveNothingBehind() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            tryToStartOn(taken.getLocalPort());
            int descriptors = openDescriptors();

            for (int i = 0; i < 20; i++) {
                tryToStartOn(taken.getLocalPort());
            }

            assertThat(kitThreads()).isEmpty();
            assertThat(openDescriptors()).as("a leak adds one per failed start").isLessThanOrEqualTo(descriptors);
        }
    }

    private static void tryToStartOn(int port) {
        assertThatThrownBy(() -> AtsServers.builder().only(java.util.Set.of("ats-root-ca-1")).indexPort(port).start())
                .isInstanceOf(UncheckedIOException.class).hasMessageContaining(String.valueOf(port));
    }

    /** One start and close of every scenario, after a real handshake; the ports it listened on. */
    private static List<Integer> cycle() throws IOException {
        List<Integer> ports = new ArrayList<>();
        try (AtsServers servers = AtsServers.start()) {
            AtsEndpoint endpoint = servers.endpoint("ats-root-ca-1");
            assertThat(endpoint.probe(() -> handshake(endpoint)).accepted()).isTrue();
            servers.endpoints().forEach(e -> ports.add(e.port()));
            ports.add(servers.indexUri().getPort());
            assertThat(listeningPortsOfThisProcess()).as("the probe sees the open ports").containsAll(ports);
        }
        return ports;
    }

    private static Object handshake(AtsEndpoint endpoint) throws IOException {
        try (SSLSocket socket = (SSLSocket) ALL_ATS.sslContext().getSocketFactory().createSocket(endpoint.hostname(),
                endpoint.port())) {
            socket.setSoTimeout(10_000);
            SSLParameters parameters = socket.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            socket.setSSLParameters(parameters);
            socket.startHandshake();
            return socket.getSession();
        }
    }

    private static List<String> kitThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(name -> name.startsWith("ats-server") || name.startsWith("Scheduler-")).toList();
    }

    /** The TCP ports on which a socket of this process listens: /proc/net/tcp{,6} in LISTEN state, by inode. */
    private static java.util.Set<Integer> listeningPortsOfThisProcess() throws IOException {
        java.util.Set<String> inodes = new java.util.HashSet<>();
        try (var list = Files.list(Path.of("/proc/self/fd"))) {
            for (Path fd : list.toList()) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[")) {
                        inodes.add(target.substring(8, target.length() - 1));
                    }
                } catch (IOException closedMeanwhile) {
                    // the descriptor of the listing itself, or one closed since
                }
            }
        }
        java.util.Set<Integer> ports = new java.util.HashSet<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            for (String line : Files.readAllLines(Path.of(table)).stream().skip(1).toList()) {
                String[] fields = line.strip().split("\\s+");
                boolean listening = fields[3].equals("0A");
                if (listening && inodes.contains(fields[9])) {
                    String local = fields[1];
                    ports.add(Integer.parseInt(local.substring(local.indexOf(':') + 1), 16));
                }
            }
        }
        return ports;
    }

    private static int openDescriptors() throws IOException {
        try (var list = Files.list(Path.of("/proc/self/fd"))) {
            return (int) list.count();
        }
    }
}
