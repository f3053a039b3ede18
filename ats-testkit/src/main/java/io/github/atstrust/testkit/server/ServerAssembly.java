package io.github.atstrust.testkit.server;

import io.github.atstrust.testkit.scenario.Scenario;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * Puts the scenario servers together: the plain connector first (every certificate carries its URLs), the chains
 * minted, a TLS connector per scenario, the mail servers, the handler; on any failure, whatever was opened is
 * closed again before the exception leaves.
 */
final class ServerAssembly {

    /** What {@link AtsServersBuilder} decided, checked. */
    record Options(List<Scenario> scenarios, InetAddress bind, String host, boolean mail, int indexPort,
                   Duration stallLimit, Duration handshakeDeadline, Duration requestDeadline, java.time.Clock clock,
                   SignedMaterialCache cache) {
    }

    private ServerAssembly() {
    }

    static AtsServers start(Options options) {
        QueuedThreadPool threads = new QueuedThreadPool(Math.max(64, options.scenarios().size() * 3), 4);
        threads.setName("ats-server");
        Server server = new Server(threads);
        RevocationResponder revocation = new RevocationResponder();
        RequestDeadline requestDeadline = new RequestDeadline(options.requestDeadline(), server.getScheduler(), null);
        TlsConnectors connectors = new TlsConnectors(server, options.bind(), options.stallLimit(), options.handshakeDeadline(),
                requestDeadline);
        MailServers mailServers = null;
        try {
            ServerConnector plain = openPlain(server, connectors, options);
            URI index = URI.create("http://" + literal(options.bind()) + ":" + plain.getLocalPort() + "/");
            PublishedCas cas = new PublishedCas(index, revocation);
            ServedChains chains = ServedChains.mint(options.scenarios(), cas, revocation, options.clock().instant(),
                    options.cache());
            Map<Connector, AtsEndpoint> byConnector = new LinkedHashMap<>();
            Map<String, AtsEndpoint> endpoints = new LinkedHashMap<>();
            for (Scenario scenario : options.scenarios()) {
                ServerConnector connector = connectors.https(scenario, chains.of(scenario));
                connector.open();
                AtsEndpoint endpoint = new AtsEndpoint(scenario, "https", options.host(), connector.getLocalPort(), chains.of(scenario));
                byConnector.put(connector, endpoint);
                endpoints.put(scenario.id(), endpoint);
            }
            mailServers = options.mail()
                    ? MailServers.start(options.bind(), options.host(), chains, endpoints, options.stallLimit(),
                    options.handshakeDeadline(), options.requestDeadline()) : null;
            List<AtsEndpoint> mailEndpoints = new ArrayList<>();
            if (mailServers != null) {
                mailEndpoints.addAll(mailServers.smtp().values());
                mailEndpoints.addAll(mailServers.smtps().values());
            }
            List<AtsEndpoint> served = List.copyOf(endpoints.values());
            List<AtsEndpoint> mail = List.copyOf(mailEndpoints);
            requestDeadline.setHandler(new ScenarioHandler(byConnector, plain, revocation, cas,
                    () -> IndexPage.render(served, mail)));
            server.setHandler(requestDeadline);
            server.start();
            return new AtsServers(server, endpoints, mailServers, index);
        } catch (Exception e) {
            if (mailServers != null) {
                mailServers.close();
            }
            release(server, e);
            if (e instanceof IOException io && (e instanceof BindException || e.getCause() instanceof BindException)) {
                throw new UncheckedIOException("cannot bind " + options.bind().getHostAddress() + ":" + options.indexPort()
                        + " (" + e.getMessage() + "); choose another port or stop what is using it", io);
            }
            if (e instanceof IOException io) {
                throw new UncheckedIOException("cannot start the scenario servers: " + e.getMessage(), io);
            }
            if (e instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("cannot start the scenario servers: " + e.getMessage(), e);
        }
    }

    /**
     * The plain connector, on the port asked for; with none asked for, on the one the last start had if it is free
     * (every certificate carries this port's URLs, so the signing cache can hand that start's material back), else
     * on any free port.
     */
    private static ServerConnector openPlain(Server server, TlsConnectors connectors, Options options) throws IOException {
        java.util.OptionalInt last = options.indexPort() == 0 ? options.cache().lastPort(options.bind())
                : java.util.OptionalInt.empty();
        if (last.isPresent()) {
            ServerConnector reused = connectors.plain(last.getAsInt());
            try {
                reused.open();
                return reused;
            } catch (IOException taken) {
                server.removeConnector(reused);
                reused.close();
            }
        }
        ServerConnector plain = connectors.plain(options.indexPort());
        plain.open();
        if (options.indexPort() == 0) {
            options.cache().rememberPort(options.bind(), plain.getLocalPort());
        }
        return plain;
    }

    private static String literal(InetAddress address) {
        String host = address.getHostAddress();
        return host.contains(":") ? "[" + host + "]" : host;
    }

    /** Frees what a failed start opened; connectors opened before {@code start()} need closing by hand. */
    private static void release(Server server, Exception failure) {
        try {
            server.stop();
            for (Connector connector : server.getConnectors()) {
                if (connector instanceof ServerConnector opened) {
                    opened.close();
                }
            }
            server.destroy();
        } catch (Exception cleanup) {
            failure.addSuppressed(cleanup);
        }
    }
}
