package io.github.atstrust.benchmarks;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.X509ExtendedKeyManager;

/**
 * The bare-JDK baseline of {@link HandshakeThroughput}: accept, handshake, wait for the client to close; nothing
 * else. One handshake thread per client thread, TCP_NODELAY as Jetty sets it, and a key manager that returns the one
 * chain without lookup: the fastest a server can present a chain.
 */
final class BareJdkServer implements AutoCloseable {
    private final SSLServerSocket server;
    private final ExecutorService workers;
    private final AtomicBoolean open = new AtomicBoolean(true);
    private final Thread acceptor;

    BareJdkServer(List<X509Certificate> chain, PrivateKey key, int threads) throws Exception {
        workers = Executors.newFixedThreadPool(threads);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(new KeyManager[] {new OneChain(chain.toArray(X509Certificate[]::new), key)}, null, null);
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

/** A key manager with one chain and no lookup: the cheapest a server can present a chain. */
final class OneChain extends X509ExtendedKeyManager {
    private final X509Certificate[] chain;
    private final PrivateKey key;

    OneChain(X509Certificate[] chain, PrivateKey key) {
        this.chain = chain;
        this.key = key;
    }

    private String alias(String keyType) {
        return key.getAlgorithm().equalsIgnoreCase(keyType) ? "one" : null;
    }

    @Override
    public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
        return alias(keyType);
    }

    @Override
    public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
        return alias(keyType);
    }

    @Override
    public String[] getServerAliases(String keyType, Principal[] issuers) {
        return alias(keyType) == null ? null : new String[] {"one"};
    }

    @Override
    public X509Certificate[] getCertificateChain(String alias) {
        return chain;
    }

    @Override
    public PrivateKey getPrivateKey(String alias) {
        return key;
    }

    @Override
    public String[] getClientAliases(String keyType, Principal[] issuers) {
        return null;
    }

    @Override
    public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
        return null;
    }
}
