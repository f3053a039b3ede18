package io.github.atstrust.benchmarks;

import io.github.atstrust.testkit.pki.FakeAtsHierarchy;
import io.github.atstrust.testkit.server.AtsEndpoint;
import io.github.atstrust.testkit.server.AtsServers;
import io.github.atstrust.testkit.trust.TrustProfiles;
import java.security.PrivateKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * Full TLS 1.3 handshakes per second (no resumption: every session is invalidated) from two client threads,
 * against the kit's connector of a scenario and against the fastest bare JDK server presenting the same chain:
 * an {@link SSLServerSocket} whose key manager returns that one chain (no alias lookup, as the kit's), one
 * handshake thread per client thread, TCP_NODELAY as Jetty sets it. The ratio kit/bare is what Jetty costs. For
 * RSA 2048, okhttp's MockWebServer with a HeldCertificate chain of the same shape runs in the same rounds.
 */
final class HandshakeThroughput {

    private static final int CLIENT_THREADS = 2;

    /** Client threads that keep both cores of the reference machine busy (measured: 6 saturate, 2 leave gaps). */
    private static final int SATURATING_CLIENT_THREADS = 6;

    /** The chains measured, by the key type that signs the handshake and the chain's shape. */
    static final Map<String, String> SCENARIOS_BY_KEY_TYPE = new LinkedHashMap<>();

    static {
        SCENARIOS_BY_KEY_TYPE.put("rsa2048", "ats-root-ca-1");
        SCENARIOS_BY_KEY_TYPE.put("rsa2048_under_rsa4096", "ats-root-ca-2");
        SCENARIOS_BY_KEY_TYPE.put("p256", "ats-root-ca-3");
        SCENARIOS_BY_KEY_TYPE.put("p384", "ats-root-ca-4");
    }

    private HandshakeThroughput() {
    }

    /**
     * Handshakes per second of every round, kit and bare, for one chain; for RSA 2048 also okhttp's MockWebServer
     * with a HeldCertificate chain of the same shape ({@code mockWebServer}, empty for the other chains).
     */
    record Rounds(String keyType, String scenario, List<Double> kit, List<Double> bare, List<Double> mockWebServer) {

        double mockWebServerMedian() {
            return mockWebServer.isEmpty() ? Double.NaN : median(mockWebServer);
        }

        double kitMedian() {
            return median(kit);
        }

        double bareMedian() {
            return median(bare);
        }

        /** Kit over bare, median over median. */
        double ratio() {
            return kitMedian() / bareMedian();
        }

        Map<String, Object> toJson() {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("scenario", scenario);
            json.put("kit_rounds", kit.stream().map(BenchmarkRunner::round).toList());
            json.put("bare_rounds", bare.stream().map(BenchmarkRunner::round).toList());
            json.put("kit_median", BenchmarkRunner.round(kitMedian()));
            json.put("bare_median", BenchmarkRunner.round(bareMedian()));
            json.put("kit_spread", BenchmarkRunner.round(Collections.max(kit) - Collections.min(kit)));
            json.put("bare_spread", BenchmarkRunner.round(Collections.max(bare) - Collections.min(bare)));
            json.put("ratio", BenchmarkRunner.round(ratio()));
            if (!mockWebServer.isEmpty()) {
                json.put("mockwebserver_rounds", mockWebServer.stream().map(BenchmarkRunner::round).toList());
                json.put("mockwebserver_median", BenchmarkRunner.round(mockWebServerMedian()));
                json.put("ratio_to_mockwebserver", BenchmarkRunner.round(kitMedian() / mockWebServerMedian()));
            }
            return json;
        }

        @Override
        public String toString() {
            return String.format("%-22s kit %s (median %.0f)  bare %s (median %.0f)  ratio %.2f", keyType,
                    format(kit), kitMedian(), format(bare), bareMedian(), ratio());
        }

        private static String format(List<Double> values) {
            return values.stream().map(v -> String.format("%.0f", v)).toList().toString();
        }
    }

    /**
     * Every chain of {@link #SCENARIOS_BY_KEY_TYPE}: both servers warmed up, then measured in alternating rounds,
     * so neither profits from running later in a warmer JVM.
     */
    static List<Rounds> measure(int rounds, Duration round) throws Exception {
        List<Rounds> results = new ArrayList<>();
        try (AtsServers servers = AtsServers.builder().only(java.util.Set.copyOf(SCENARIOS_BY_KEY_TYPE.values())).start()) {
            SSLSocketFactory sockets = TrustProfiles.byId("all-ats").sslContext().getSocketFactory();
            // The JIT first: without this the first chain measured runs partly interpreted and looks slowest.
            for (String scenario : SCENARIOS_BY_KEY_TYPE.values()) {
                handshakes(sockets, servers.endpoint(scenario).port(), round.multipliedBy(2));
            }
            for (Map.Entry<String, String> chain : SCENARIOS_BY_KEY_TYPE.entrySet()) {
                AtsEndpoint endpoint = servers.endpoint(chain.getValue());
                PrivateKey key = FakeAtsHierarchy.load().leafKeyPair(endpoint.scenario().leaf().keyType()).getPrivate();
                boolean withPeer = chain.getKey().equals("rsa2048");
                try (BareJdkServer bare = new BareJdkServer(endpoint.chain(), key, CLIENT_THREADS);
                     MockWebServerPeer peer = withPeer ? new MockWebServerPeer() : null) {
                    Duration warmUp = round.multipliedBy(2);
                    handshakes(sockets, endpoint.port(), warmUp);
                    handshakes(sockets, bare.port(), warmUp);
                    if (peer != null) {
                        handshakes(peer.clients(), peer.port(), warmUp);
                    }
                    List<Double> kit = new ArrayList<>();
                    List<Double> baseline = new ArrayList<>();
                    List<Double> mockWebServer = new ArrayList<>();
                    for (int i = 0; i < rounds; i++) {
                        kit.add(handshakes(sockets, endpoint.port(), round) / (round.toMillis() / 1000.0));
                        baseline.add(handshakes(sockets, bare.port(), round) / (round.toMillis() / 1000.0));
                        if (peer != null) {
                            mockWebServer.add(handshakes(peer.clients(), peer.port(), round) / (round.toMillis() / 1000.0));
                        }
                    }
                    Rounds result = new Rounds(chain.getKey(), chain.getValue(), kit, baseline, mockWebServer);
                    System.out.println("handshakes/s " + result);
                    results.add(result);
                }
            }
        }
        return results;
    }

    /**
     * RSA 2048, kit and bare, with {@value #SATURATING_CLIENT_THREADS} client threads: enough that both cores are busy
     * all the time, so that the ratio is of CPU per handshake alone. With two client threads each handshake waits for
     * the one before it, and the ratio also holds the latency of the server's thread hand-offs (Jetty's selector
     * wakes a pool thread for each flight; the bare server's thread blocks on its socket).
     */
    static Rounds saturated(int rounds, Duration round) throws Exception {
        String scenario = SCENARIOS_BY_KEY_TYPE.get("rsa2048");
        try (AtsServers servers = AtsServers.builder().only(java.util.Set.of(scenario)).start()) {
            AtsEndpoint endpoint = servers.endpoint(scenario);
            SSLSocketFactory sockets = TrustProfiles.byId("all-ats").sslContext().getSocketFactory();
            PrivateKey key = FakeAtsHierarchy.load().leafKeyPair(endpoint.scenario().leaf().keyType()).getPrivate();
            try (BareJdkServer bare = new BareJdkServer(endpoint.chain(), key, SATURATING_CLIENT_THREADS)) {
                handshakes(sockets, endpoint.port(), round.multipliedBy(2), SATURATING_CLIENT_THREADS);
                handshakes(sockets, bare.port(), round.multipliedBy(2), SATURATING_CLIENT_THREADS);
                List<Double> kit = new ArrayList<>();
                List<Double> baseline = new ArrayList<>();
                for (int i = 0; i < rounds; i++) {
                    kit.add(handshakes(sockets, endpoint.port(), round, SATURATING_CLIENT_THREADS) / (round.toMillis() / 1000.0));
                    baseline.add(handshakes(sockets, bare.port(), round, SATURATING_CLIENT_THREADS) / (round.toMillis() / 1000.0));
                }
                Rounds result = new Rounds("rsa2048_saturated", scenario, kit, baseline, List.of());
                System.out.println("handshakes/s " + result);
                return result;
            }
        }
    }

    private static long handshakes(SSLSocketFactory sockets, int port, Duration duration) throws Exception {
        return handshakes(sockets, port, duration, CLIENT_THREADS);
    }

    private static long handshakes(SSLSocketFactory sockets, int port, Duration duration, int threads) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(threads);
        long end = System.nanoTime() + duration.toNanos();
        List<Future<Long>> counts = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            counts.add(clients.submit(() -> {
                long count = 0;
                while (System.nanoTime() < end) {
                    try (SSLSocket socket = (SSLSocket) sockets.createSocket("localhost", port)) {
                        SSLParameters parameters = socket.getSSLParameters();
                        parameters.setProtocols(new String[] {"TLSv1.3"});
                        parameters.setEndpointIdentificationAlgorithm("HTTPS");
                        socket.setSSLParameters(parameters);
                        socket.startHandshake();
                        socket.getSession().invalidate();
                    }
                    count++;
                }
                return count;
            }));
        }
        long total = 0;
        for (Future<Long> count : counts) {
            total += count.get();
        }
        clients.shutdown();
        return total;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }
}
