package io.github.atstrust.benchmarks;

import io.github.atstrust.testkit.pki.FakeAtsHierarchy;
import io.github.atstrust.testkit.server.AtsEndpoint;
import io.github.atstrust.testkit.server.AtsServers;
import io.github.atstrust.testkit.trust.TrustProfile;
import java.io.IOException;
import java.net.InetAddress;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * Full TLS handshakes per second (no resumption: every session is invalidated) from two client threads,
 * against the kit's connector for {@code ats-root-ca-1} and against a bare JDK {@link SSLServerSocket} that
 * presents the same chain and key, TLS 1.3 on both.
 */
final class HandshakeThroughput {

    private static final int CLIENT_THREADS = 2;

    private HandshakeThroughput() {
    }

    /**
     * Handshakes per second against the kit and against the bare JDK server: {kit, bare}. Both are warmed up
     * first, then measured in alternating rounds, so neither profits from running later in a warmer JVM.
     */
    static double[] measure(Duration duration) throws Exception {
        try (AtsServers servers = AtsServers.builder().only(Set.of("ats-root-ca-1")).start()) {
            AtsEndpoint endpoint = servers.endpoint("ats-root-ca-1");
            try (BareJdkServer bare = new BareJdkServer(endpoint.chain(),
                    FakeAtsHierarchy.load().leafKeyPair(endpoint.scenario().leaf().keyType()).getPrivate())) {
                SSLSocketFactory sockets = TrustProfile.byId("all-ats").sslContext().getSocketFactory();
                Duration warmUp = Duration.ofMillis(Math.min(3000, duration.toMillis() / 2));
                handshakes(sockets, endpoint.port(), warmUp);
                handshakes(sockets, bare.port(), warmUp);
                int rounds = 4;
                Duration round = duration.dividedBy(rounds);
                long kit = 0;
                long baseline = 0;
                for (int i = 0; i < rounds; i++) {
                    kit += handshakes(sockets, endpoint.port(), round);
                    baseline += handshakes(sockets, bare.port(), round);
                }
                double seconds = duration.toMillis() / 1000.0;
                return new double[] {kit / seconds, baseline / seconds};
            }
        }
    }

    private static long handshakes(SSLSocketFactory sockets, int port, Duration duration) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(CLIENT_THREADS);
        long end = System.nanoTime() + duration.toNanos();
        List<Future<Long>> counts = new ArrayList<>();
        for (int i = 0; i < CLIENT_THREADS; i++) {
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

    /** The bare-JDK baseline: accept, handshake, close; nothing else. */
    private static final class BareJdkServer implements AutoCloseable {
        private final SSLServerSocket server;
        private final ExecutorService workers = Executors.newFixedThreadPool(4);
        private final AtomicBoolean open = new AtomicBoolean(true);
        private final Thread acceptor;

        BareJdkServer(java.util.List<X509Certificate> chain, java.security.PrivateKey key) throws Exception {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("server", key, "x".toCharArray(), chain.toArray(X509Certificate[]::new));
            KeyManagerFactory keys = KeyManagerFactory.getInstance("PKIX");
            keys.init(store, "x".toCharArray());
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            server = (SSLServerSocket) context.getServerSocketFactory().createServerSocket(0, 128, InetAddress.getLoopbackAddress());
            acceptor = new Thread(this::accept, "bare-jdk-acceptor");
            acceptor.start();
        }

        int port() {
            return server.getLocalPort();
        }

        private void accept() {
            while (open.get()) {
                try {
                    SSLSocket socket = (SSLSocket) server.accept();
                    socket.setTcpNoDelay(true); // as Jetty's connectors do (acceptedTcpNoDelay)
                    workers.execute(() -> {
                        try (socket) {
                            socket.startHandshake();
                            socket.getInputStream().read();
                        } catch (IOException ignored) {
                            // the client closes right after its handshake
                        }
                    });
                } catch (IOException e) {
                    return;
                }
            }
        }

        @Override
        public void close() throws Exception {
            open.set(false);
            server.close();
            acceptor.join();
            workers.shutdownNow();
        }
    }
}
