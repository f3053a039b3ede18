package io.github.atstrust.benchmarks;

import java.net.InetAddress;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.net.ssl.SSLSocketFactory;
import mockwebserver3.MockWebServer;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;

/**
 * okhttp's {@link MockWebServer} over TLS with a {@link HeldCertificate} chain of the kit's shape for
 * {@code ats-root-ca-1} (RSA 2048 root, intermediate and localhost leaf; the leaf and intermediate sent), as a
 * user of okhttp-tls would serve it: the handshake-throughput peer beside the bare JDK server.
 */
final class MockWebServerPeer implements AutoCloseable {

    /** Held so that its level stays: MockWebServer logs every connection that makes no request, as ours do not. */
    private static final Logger QUIET = Logger.getLogger(MockWebServer.class.getName());

    private final MockWebServer server = new MockWebServer();
    private final SSLSocketFactory clients;

    MockWebServerPeer() throws Exception {
        QUIET.setLevel(Level.SEVERE);
        HeldCertificate root = new HeldCertificate.Builder().rsa2048().certificateAuthority(1)
                .commonName("FAKE Amazon Root CA 1").build();
        HeldCertificate intermediate = new HeldCertificate.Builder().rsa2048().certificateAuthority(0)
                .commonName("FAKE Amazon RSA 2048 M01").signedBy(root).build();
        HeldCertificate leaf = new HeldCertificate.Builder().rsa2048().commonName("localhost")
                .addSubjectAlternativeName("localhost").signedBy(intermediate).build();
        server.useHttps(new HandshakeCertificates.Builder().heldCertificate(leaf, intermediate.certificate()).build()
                .sslSocketFactory());
        server.start(InetAddress.getLoopbackAddress(), 0);
        clients = new HandshakeCertificates.Builder().addTrustedCertificate(root.certificate()).build().sslSocketFactory();
    }

    int port() {
        return server.getPort();
    }

    /** Client sockets trusting this peer's root. */
    SSLSocketFactory clients() {
        return clients;
    }

    @Override
    public void close() throws Exception {
        server.close();
    }
}
