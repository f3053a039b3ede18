package io.github.atstrust.testkit.server;

import io.github.atstrust.testkit.pki.CertificateAuthority;
import io.github.atstrust.testkit.pki.FakeAtsHierarchy;
import io.github.atstrust.testkit.pki.FakeCa;
import io.github.atstrust.testkit.pki.LeafSpec;
import io.github.atstrust.testkit.scenario.Scenario;
import io.github.atstrust.testkit.scenario.ScenarioCatalogue;
import io.github.atstrust.testkit.scenario.ServerBehaviour;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
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
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * Every scenario served over real TLS on loopback by one embedded Jetty server: one TLS connector per
 * scenario on an ephemeral port (HTTP/2 and HTTP/1.1 over TLS 1.2/1.3), plus a plain-HTTP connector with
 * an index page, CRLs and an OCSP responder. Ready when {@link #start()} returns; {@link #close()} frees
 * every port and thread.
 *
 * <pre>
 * try (AtsServers servers = AtsServers.start()) {
 *     URI uri = servers.endpoint("ats-root-ca-3").uri();
 * }
 * </pre>
 */
public final class AtsServers implements AutoCloseable {

    /** Connections to {@code stalled-handshake} are closed after this long unless configured otherwise. */
    public static final Duration DEFAULT_STALL_LIMIT = Duration.ofSeconds(30);

    /** A TLS connection whose handshake has not completed after this long is closed, unless configured otherwise. */
    public static final Duration DEFAULT_HANDSHAKE_DEADLINE = Duration.ofSeconds(5);

    /**
     * The scenarios that {@link Builder#mail()} also serves over SMTP, as the SES SMTP interface does: a STARTTLS
     * server ({@link #smtp}) and a TLS wrapper mode server ({@link #smtps}) each.
     */
    public static final Set<String> MAIL_SCENARIOS = Set.of("ats-root-ca-1", "ats-root-ca-2", "ats-root-ca-3",
            "ats-root-ca-4", "ats-acm-2024", "untrusted-root", "expired", "wrong-host", "stalled-handshake");

    private final Server server;
    private final Map<String, AtsEndpoint> endpoints;
    private final Map<String, AtsEndpoint> smtp;
    private final Map<String, AtsEndpoint> smtps;
    private final AutoCloseable mail;
    private final URI indexUri;

    private AtsServers(Server server, Map<String, AtsEndpoint> endpoints, Map<String, AtsEndpoint> smtp,
                       Map<String, AtsEndpoint> smtps, AutoCloseable mail, URI indexUri) {
        this.server = server;
        this.endpoints = endpoints;
        this.smtp = smtp;
        this.smtps = smtps;
        this.mail = mail;
        this.indexUri = indexUri;
    }

    /**
     * Starts every built-in scenario on 127.0.0.1 with the defaults of {@link #builder()}.
     *
     * <pre>try (AtsServers servers = AtsServers.start()) { URI uri = servers.endpoint("untrusted-root").uri(); }</pre>
     *
     * @return the running servers; close them when done
     * @throws UncheckedIOException when a port cannot be bound
     */
    public static AtsServers start() {
        return builder().start();
    }

    /**
     * Options for the servers: which scenarios, where to bind, deadlines.
     *
     * <pre>AtsServers servers = AtsServers.builder().only(Set.of("ats-root-ca-1", "untrusted-root")).start();</pre>
     *
     * @return a builder with the defaults: built-in scenarios, 127.0.0.1, ephemeral ports
     */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return the running endpoints, in catalogue order} */
    public List<AtsEndpoint> endpoints() {
        return List.copyOf(endpoints.values());
    }

    /**
     * The endpoint serving this scenario.
     *
     * @param scenarioId e.g. {@code untrusted-root}
     * @return the running endpoint
     * @throws IllegalArgumentException listing the running ids when there is none
     */
    public AtsEndpoint endpoint(String scenarioId) {
        AtsEndpoint endpoint = endpoints.get(scenarioId);
        if (endpoint == null) {
            throw new IllegalArgumentException("no running scenario '" + scenarioId + "'; running: "
                    + String.join(", ", endpoints.keySet()));
        }
        return endpoint;
    }

    /**
     * The STARTTLS mail server of a mail scenario: the greeting and EHLO in the clear, then TLS with the scenario's
     * chain before any mail (like SES on ports 25, 587 and 2587).
     *
     * @param scenarioId one of {@link #MAIL_SCENARIOS}
     * @return the endpoint, {@code smtp://localhost:PORT}
     * @throws IllegalArgumentException naming the mail scenarios, or saying how to turn mail on
     */
    public AtsEndpoint smtp(String scenarioId) {
        return mailEndpoint(smtp, scenarioId);
    }

    /**
     * The TLS wrapper mode mail server of a mail scenario: TLS with the scenario's chain from the first byte
     * (like SES on ports 465 and 2465).
     *
     * @param scenarioId one of {@link #MAIL_SCENARIOS}
     * @return the endpoint, {@code smtps://localhost:PORT}
     * @throws IllegalArgumentException naming the mail scenarios, or saying how to turn mail on
     */
    public AtsEndpoint smtps(String scenarioId) {
        return mailEndpoint(smtps, scenarioId);
    }

    /**
     * Whether {@link Builder#mail()} can start the mail servers: SubEthaSMTP and Jakarta Mail are on the
     * classpath (the kit declares them optional). Checked without loading the kit's mail classes.
     *
     * @return {@code true} when both are there
     */
    public static boolean mailAvailable() {
        ClassLoader loader = AtsServers.class.getClassLoader();
        try {
            Class.forName("org.subethamail.smtp.server.SMTPServer", false, loader);
            Class.forName("jakarta.mail.internet.InternetAddress", false, loader);
            return true;
        } catch (ClassNotFoundException | LinkageError absent) {
            return false;
        }
    }

    /** {@return every running mail endpoint, STARTTLS then TLS wrapper mode per scenario; empty unless mail is on} */
    public List<AtsEndpoint> mailEndpoints() {
        List<AtsEndpoint> all = new ArrayList<>();
        smtp.forEach((id, endpoint) -> {
            all.add(endpoint);
            all.add(smtps.get(id));
        });
        return all;
    }

    private AtsEndpoint mailEndpoint(Map<String, AtsEndpoint> servers, String scenarioId) {
        if (smtp.isEmpty()) {
            throw new IllegalArgumentException("no mail servers are running: start with AtsServers.builder().mail() "
                    + "(or serve --mail), with com.github.davidmoten:subethasmtp on the classpath");
        }
        AtsEndpoint endpoint = servers.get(scenarioId);
        if (endpoint == null) {
            throw new IllegalArgumentException("no mail server for '" + scenarioId + "'; mail scenarios running: "
                    + String.join(", ", servers.keySet()));
        }
        return endpoint;
    }

    /** {@return the plain-HTTP index page listing every scenario (also the base of the CRL and OCSP URLs)} */
    public URI indexUri() {
        return indexUri;
    }

    /** Stops every connector and releases the ports; the endpoints stop answering. */
    @Override
    public void close() {
        try {
            if (mail != null) {
                mail.close();
            }
            server.stop();
            server.destroy();
        } catch (Exception e) {
            throw new IllegalStateException("could not stop the scenario servers cleanly", e);
        }
    }

    /** Options for {@link AtsServers}: which scenarios, where to bind, how long a stalled connection lives. */
    public static final class Builder {
        private ScenarioCatalogue catalogue = ScenarioCatalogue.builtIn();
        private Set<String> only = Set.of();
        private InetAddress bind = InetAddress.getLoopbackAddress();
        private String hostname;
        private boolean allowNonLoopback;
        private boolean mail;
        private int indexPort;
        private Duration stallLimit = DEFAULT_STALL_LIMIT;
        private Duration handshakeDeadline = DEFAULT_HANDSHAKE_DEADLINE;

        private Builder() {
        }

        /**
         * Serves these scenarios instead of the built-in ones.
         *
         * @param scenarios e.g. {@code ScenarioCatalogue.builtIn().with(myScenario)}
         * @return this builder
         */
        public Builder catalogue(ScenarioCatalogue scenarios) {
            this.catalogue = Objects.requireNonNull(scenarios);
            return this;
        }

        /**
         * Serves only these scenarios of the catalogue (all when empty, the default): fewer connectors, faster start.
         *
         * @param scenarioIds ids of the catalogue; an unknown id fails {@link #start()}
         * @return this builder
         */
        public Builder only(Set<String> scenarioIds) {
            this.only = Set.copyOf(scenarioIds);
            return this;
        }

        /**
         * The address to bind, 127.0.0.1 by default; anything but loopback also needs {@link #allowNonLoopback()}.
         *
         * @param address e.g. {@code InetAddress.getByName("::1")}
         * @return this builder
         */
        public Builder bind(InetAddress address) {
            this.bind = Objects.requireNonNull(address);
            return this;
        }

        /**
         * The host name that endpoint URIs use: by default {@code localhost} when bound to 127.0.0.1, else the bound
         * address itself (every leaf names localhost, 127.0.0.1 and ::1).
         *
         * @param name e.g. {@code 127.0.0.1}
         * @return this builder
         */
        public Builder hostname(String name) {
            this.hostname = Objects.requireNonNull(name);
            return this;
        }

        /**
         * Also serves {@link #MAIL_SCENARIOS}, and every scenario whose {@code requires} names
         * {@value ScenarioCatalogue#SMTP}, over SMTP (STARTTLS and TLS wrapper mode), for mail clients such as
         * those of the SES SMTP interface. Needs {@code com.github.davidmoten:subethasmtp},
         * {@code jakarta.mail:jakarta.mail-api} and {@code org.eclipse.angus:angus-mail} on the classpath: the kit
         * declares them optional, so only users of mail get them.
         *
         * @return this builder
         */
        public Builder mail() {
            this.mail = true;
            return this;
        }

        /**
         * Permits binding an address other than loopback: test material would be reachable from elsewhere.
         *
         * @return this builder
         */
        public Builder allowNonLoopback() {
            this.allowNonLoopback = true;
            return this;
        }

        /**
         * A fixed port for the plain-HTTP index/CRL/OCSP connector; 0, the default, picks a free one.
         *
         * @param port a TCP port, or 0
         * @return this builder
         */
        public Builder indexPort(int port) {
            this.indexPort = port;
            return this;
        }

        /**
         * How long {@code stalled-handshake} keeps a connection before closing it (default
         * {@link #DEFAULT_STALL_LIMIT}).
         *
         * @param limit a positive duration
         * @return this builder
         * @throws IllegalArgumentException when not positive
         */
        public Builder stallLimit(Duration limit) {
            if (limit.isNegative() || limit.isZero()) {
                throw new IllegalArgumentException("stall limit must be positive, was " + limit);
            }
            this.stallLimit = limit;
            return this;
        }

        /**
         * How long a TLS connection may take to complete its handshake before it is closed (default
         * {@link #DEFAULT_HANDSHAKE_DEADLINE}); {@code stalled-handshake} keeps its own {@link #stallLimit}.
         *
         * @param deadline a positive duration
         * @return this builder
         * @throws IllegalArgumentException when not positive
         */
        public Builder handshakeDeadline(Duration deadline) {
            if (deadline.isNegative() || deadline.isZero()) {
                throw new IllegalArgumentException("handshake deadline must be positive, was " + deadline);
            }
            this.handshakeDeadline = deadline;
            return this;
        }

        /**
         * Mints the leaves and starts every connector; returns once all listen.
         *
         * @return the running servers; close them when done
         * @throws IllegalArgumentException for an unknown scenario id or a non-loopback address not permitted
         * @throws UncheckedIOException     when a port cannot be bound
         */
        public AtsServers start() {
            if (!bind.isLoopbackAddress() && !allowNonLoopback) {
                throw new IllegalArgumentException(bind.getHostAddress() + " is not a loopback address: the kit "
                        + "serves test material on loopback only unless non-loopback binding is explicitly allowed");
            }
            List<Scenario> scenarios = selected();
            QueuedThreadPool threads = new QueuedThreadPool(Math.max(64, scenarios.size() * 3), 4);
            threads.setName("ats-server");
            Server server = new Server(threads);
            RevocationResponder revocation = new RevocationResponder();
            Map<org.eclipse.jetty.server.Connector, AtsEndpoint> byConnector = new LinkedHashMap<>();
            try {
                HttpConfiguration plainHttp = new HttpConfiguration();
                plainHttp.setSendServerVersion(false);
                // OCSP GET puts URL-encoded base64 in the path, which may contain %2F
                plainHttp.setUriCompliance(UriCompliance.DEFAULT.with("ocsp-get",
                        UriCompliance.Violation.AMBIGUOUS_PATH_SEPARATOR));
                ServerConnector plain = new ServerConnector(server, 0, 1, new HttpConnectionFactory(plainHttp));
                plain.setHost(bind.getHostAddress());
                plain.setPort(indexPort);
                server.addConnector(plain);
                plain.open();
                URI index = URI.create("http://" + literal(bind) + ":" + plain.getLocalPort() + "/");
                // Signing dominates a cold start (RSA 4096 above all): mint on every core at once.
                PublishedCas cas = new PublishedCas(index, revocation);
                // Signing dominates a cold start (RSA 4096 above all): the CA copies and the leaves are independent
                // (a leaf needs only its issuer's name and key), so all of them are signed at once on every core.
                Map<Scenario, X509Certificate> leaves = new java.util.concurrent.ConcurrentHashMap<>();
                Stream.concat(
                        scenarios.stream().flatMap(s -> Stream.concat(Stream.ofNullable(s.leafIssuer()), s.sentAfterLeaf().stream()))
                                .distinct().map(ca -> (Runnable) () -> cas.certificate(ca)),
                        scenarios.stream().map(s -> (Runnable) () -> leaves.put(s, mintLeaf(s, cas, revocation))))
                        .toList().parallelStream().forEach(Runnable::run);
                Map<Scenario, List<X509Certificate>> chains = new LinkedHashMap<>();
                scenarios.forEach(s -> chains.put(s, chain(s, leaves.get(s), cas)));
                for (Scenario scenario : scenarios) {
                    List<X509Certificate> chain = chains.get(scenario);
                    ServerConnector connector = connector(server, scenario, chain);
                    server.addConnector(connector);
                    connector.open();
                    byConnector.put(connector, new AtsEndpoint(scenario, "https", host(), connector.getLocalPort(), chain));
                }
                Map<String, AtsEndpoint> endpoints = new LinkedHashMap<>();
                byConnector.values().forEach(e -> endpoints.put(e.id(), e));
                Map<String, AtsEndpoint> smtp = new LinkedHashMap<>();
                Map<String, AtsEndpoint> smtps = new LinkedHashMap<>();
                AutoCloseable mailServers = mail ? startMail(scenarios, chains, endpoints, smtp, smtps) : null;
                try {
                    List<AtsEndpoint> mailEndpoints = new ArrayList<>(smtp.values());
                    mailEndpoints.addAll(smtps.values());
                    server.setHandler(new ScenarioHandler(byConnector, plain, revocation, cas,
                            IndexPage.render(List.copyOf(endpoints.values()), mailEndpoints)));
                    server.start();
                } catch (Exception e) {
                    if (mailServers != null) {
                        mailServers.close();
                    }
                    throw e;
                }
                return new AtsServers(server, endpoints, smtp, smtps, mailServers, index);
            } catch (IOException e) {
                release(server, e);
                if (e instanceof BindException || e.getCause() instanceof BindException) {
                    throw new UncheckedIOException("cannot bind " + bind.getHostAddress() + ":" + indexPort
                            + " (" + e.getMessage() + "); choose another port or stop what is using it", e);
                }
                throw new UncheckedIOException("cannot start the scenario servers: " + e.getMessage(), e);
            } catch (RuntimeException e) {
                release(server, e);
                throw e;
            } catch (Exception e) {
                release(server, e);
                throw new IllegalStateException("cannot start the scenario servers: " + e.getMessage(), e);
            }
        }

        /**
         * A STARTTLS and a TLS wrapper mode server per mail scenario. The TLS wrapper server of
         * {@code stalled-handshake} is its HTTPS connector: accepting TCP and never answering the ClientHello is the
         * same before HTTP as before SMTP.
         */
        private AutoCloseable startMail(List<Scenario> scenarios, Map<Scenario, List<X509Certificate>> chains,
                                        Map<String, AtsEndpoint> https, Map<String, AtsEndpoint> smtp,
                                        Map<String, AtsEndpoint> smtps) {
            if (!mailAvailable()) {
                throw new IllegalStateException("mail scenarios need SubEthaSMTP and Jakarta Mail on the classpath: add "
                        + "com.github.davidmoten:subethasmtp, jakarta.mail:jakarta.mail-api and org.eclipse.angus:angus-mail "
                        + "to your test dependencies (the ats-bom does not manage them; see the README's mail section)");
            }
            MailServers servers = new MailServers(bind, host());
            try {
                for (Scenario scenario : scenarios) {
                    if (!MAIL_SCENARIOS.contains(scenario.id()) && !scenario.requires().contains(ScenarioCatalogue.SMTP)) {
                        continue;
                    }
                    List<X509Certificate> chain = chains.get(scenario);
                    if (scenario.behaviour() == ServerBehaviour.STALL_HANDSHAKE) {
                        smtp.put(scenario.id(), servers.stallingStartTls(scenario, chain, stallLimit));
                        AtsEndpoint stalling = https.get(scenario.id());
                        smtps.put(scenario.id(), new AtsEndpoint(scenario, "smtps", stalling.hostname(), stalling.port(), chain));
                    } else {
                        SSLContext tls = sslContext(chain, FakeAtsHierarchy.load().leafKeyPair(scenario.leaf().keyType()).getPrivate());
                        smtp.put(scenario.id(), servers.startTls(scenario, chain, tls));
                        smtps.put(scenario.id(), servers.implicitTls(scenario, chain, tls));
                    }
                }
                return servers;
            } catch (RuntimeException e) {
                servers.close();
                throw e;
            }
        }

        private String host() {
            if (hostname != null) {
                return hostname;
            }
            return bind.getHostAddress().equals("127.0.0.1") ? "localhost" : bind.getHostAddress();
        }

        private List<Scenario> selected() {
            if (only.isEmpty()) {
                return catalogue.scenarios();
            }
            only.forEach(catalogue::byId);
            return catalogue.scenarios().stream().filter(s -> only.contains(s.id())).collect(Collectors.toList());
        }

        /** Mints the scenario's leaf, with this server's URLs, and registers it with the responder. */
        private static X509Certificate mintLeaf(Scenario scenario, PublishedCas cas, RevocationResponder revocation) {
            FakeAtsHierarchy fake = FakeAtsHierarchy.load();
            KeyPair keyPair = fake.leafKeyPair(scenario.leaf().keyType());
            FakeCa issuer = scenario.leafIssuer();
            if (issuer == null) {
                return CertificateAuthority.selfSigned(scenario.leaf(), keyPair);
            }
            LeafSpec spec = scenario.leaf().publishedAt(cas.crl(issuer), cas.ocsp(), cas.caIssuers(issuer));
            X509Certificate leaf = fake.authority(issuer).issue(spec, keyPair);
            revocation.register(issuer, leaf.getSerialNumber(), scenario.behaviour() == ServerBehaviour.REVOKED_LEAF);
            return leaf;
        }

        /** The leaf followed by the CA certificates this server publishes, as the scenario declares them. */
        private static List<X509Certificate> chain(Scenario scenario, X509Certificate leaf, PublishedCas cas) {
            List<X509Certificate> chain = new ArrayList<>();
            chain.add(leaf);
            X509Certificate revokedIssuer = scenario.behaviour() == ServerBehaviour.REVOKED_INTERMEDIATE
                    ? cas.revokedCopy(scenario.leafIssuer()) : null;
            scenario.sentAfterLeaf().forEach(ca -> chain.add(revokedIssuer != null && ca == scenario.leafIssuer()
                    ? revokedIssuer : cas.certificate(ca)));
            return List.copyOf(chain);
        }

        private ServerConnector connector(Server server, Scenario scenario, List<X509Certificate> chain) {
            ServerConnector connector;
            if (scenario.behaviour() == ServerBehaviour.STALL_HANDSHAKE) {
                connector = new ServerConnector(server, 0, 1, new StallingConnectionFactory(stallLimit));
                connector.setIdleTimeout(stallLimit.toMillis());
            } else {
                SslContextFactory.Server tls = new SslContextFactory.Server();
                tls.setSslContext(sslContext(chain, FakeAtsHierarchy.load().leafKeyPair(scenario.leaf().keyType()).getPrivate()));
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
                connector = new ServerConnector(server, 0, 1,
                        new SslConnectionFactory(tls, alpn.getProtocol()), alpn, h2, http11);
                connector.addBean(new HandshakeDeadline(handshakeDeadline, connector.getScheduler()));
            }
            connector.setHost(bind.getHostAddress());
            connector.setPort(0);
            connector.setName(scenario.id());
            return connector;
        }

        private static SSLContext sslContext(List<X509Certificate> chain, java.security.PrivateKey key) {
            try {
                SSLContext context = SSLContext.getInstance("TLS");
                context.init(new KeyManager[] {new ScenarioKeyManager(chain, key)}, null, null);
                return context;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("cannot build the server TLS context", e);
            }
        }

        private static String literal(InetAddress address) {
            String host = address.getHostAddress();
            return host.contains(":") ? "[" + host + "]" : host;
        }

        /** Frees what a failed start opened; connectors opened before {@code start()} need closing by hand. */
        private static void release(Server server, Exception failure) {
            try {
                server.stop();
                for (org.eclipse.jetty.server.Connector connector : server.getConnectors()) {
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
}
