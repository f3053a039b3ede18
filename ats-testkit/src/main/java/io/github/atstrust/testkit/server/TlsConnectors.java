package io.github.atstrust.testkit.server;

import io.github.atstrust.testkit.scenario.Scenario;
import io.github.atstrust.testkit.scenario.ServerBehaviour;
import java.net.InetAddress;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import org.eclipse.jetty.alpn.server.ALPNServerConnectionFactory;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.http2.server.HTTP2ServerConnectionFactory;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * The Jetty connectors of the scenario servers: one TLS connector per scenario (ALPN h2 and http/1.1, TLS 1.3 and
 * 1.2, no SNI host check so that wrong-host is served, a handshake and a request deadline), a stalling one for
 * {@code stalled-handshake}, and the plain-HTTP connector of the index, CRLs and OCSP.
 */
final class TlsConnectors {

    private final Server server;
    private final InetAddress bind;
    private final Duration stallLimit;
    private final Duration handshakeDeadline;
    private final RequestDeadline requestDeadline;

    TlsConnectors(Server server, InetAddress bind, Duration stallLimit, Duration handshakeDeadline,
                  RequestDeadline requestDeadline) {
        this.server = server;
        this.bind = bind;
        this.stallLimit = stallLimit;
        this.handshakeDeadline = handshakeDeadline;
        this.requestDeadline = requestDeadline;
    }

    /** The plain-HTTP connector on {@code port} (0: any free one), added to the server; not opened yet. */
    ServerConnector plain(int port) {
        HttpConfiguration plainHttp = new HttpConfiguration();
        plainHttp.setSendServerVersion(false);
        // OCSP GET puts URL-encoded base64 in the path, which may contain %2F
        plainHttp.setUriCompliance(UriCompliance.DEFAULT.with("ocsp-get", UriCompliance.Violation.AMBIGUOUS_PATH_SEPARATOR));
        ServerConnector plain = new ServerConnector(server, 0, 1, new HttpConnectionFactory(plainHttp));
        plain.addBean(requestDeadline, false); // a listener here; its life cycle is the server handler's
        plain.setHost(bind.getHostAddress());
        plain.setPort(port);
        server.addConnector(plain);
        return plain;
    }

    /** The connector presenting {@code chain} for {@code scenario} on an ephemeral port, added to the server. */
    ServerConnector https(Scenario scenario, List<X509Certificate> chain) {
        ServerConnector connector;
        if (scenario.behaviour() == ServerBehaviour.STALL_HANDSHAKE) {
            connector = new ServerConnector(server, 0, 1, new StallingConnectionFactory(stallLimit));
            connector.setIdleTimeout(stallLimit.toMillis());
        } else {
            SslContextFactory.Server tls = new SslContextFactory.Server();
            tls.setSslContext(serverContext(chain, ServedChains.leafKey(scenario)));
            tls.setSniRequired(false);
            tls.setIncludeProtocols(scenario.behaviour() == ServerBehaviour.TLS12_ONLY
                    ? new String[] {"TLSv1.2"} : new String[] {"TLSv1.3", "TLSv1.2"});
            HttpConfiguration http = new HttpConfiguration();
            http.setSendServerVersion(false);
            http.addCustomizer(new SecureRequestCustomizer(false));
            HttpConnectionFactory http11 = new HttpConnectionFactory(http);
            HTTP2ServerConnectionFactory h2 = new HTTP2ServerConnectionFactory(http);
            ALPNServerConnectionFactory alpn = new ALPNServerConnectionFactory();
            alpn.setDefaultProtocol(http11.getProtocol());
            connector = new ServerConnector(server, 0, 1, new SslConnectionFactory(tls, alpn.getProtocol()), alpn, h2, http11);
            connector.addBean(new HandshakeDeadline(handshakeDeadline, connector.getScheduler()));
            connector.addBean(requestDeadline, false);
        }
        connector.setHost(bind.getHostAddress());
        connector.setPort(0);
        connector.setName(scenario.id());
        server.addConnector(connector);
        return connector;
    }

    /** A server-side TLS context that presents exactly {@code chain}, in its order. */
    static SSLContext serverContext(List<X509Certificate> chain, PrivateKey key) {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(new KeyManager[] {new ScenarioKeyManager(chain, key)}, null, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot build the server TLS context", e);
        }
    }
}
