package io.github.atstrust.testkit.server;

import io.github.atstrust.testkit.scenario.Scenario;
import io.github.atstrust.testkit.scenario.ScenarioCatalogue;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.jetty.server.Server;

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

    private final Server server;
    private final Map<String, AtsEndpoint> endpoints;
    private final Map<String, AtsEndpoint> smtp;
    private final Map<String, AtsEndpoint> smtps;
    private final MailServers mail;
    private final URI indexUri;

    AtsServers(Server server, Map<String, AtsEndpoint> endpoints, MailServers mail, URI indexUri) {
        this.server = server;
        this.endpoints = endpoints;
        this.smtp = mail == null ? Map.of() : mail.smtp();
        this.smtps = mail == null ? Map.of() : mail.smtps();
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
     * @param scenarioId a scenario {@linkplain Scenario#servedOverSmtp() served over SMTP}
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
     * @param scenarioId a scenario {@linkplain Scenario#servedOverSmtp() served over SMTP}
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
                    + "(serve has it on unless --no-mail), with com.github.davidmoten:subethasmtp on the classpath");
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
         * Also serves every scenario {@linkplain Scenario#servedOverSmtp() served over SMTP} over SMTP (STARTTLS
         * and TLS wrapper mode), for mail clients such as
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
            if (mail && !mailAvailable()) {
                throw new IllegalStateException("mail scenarios need SubEthaSMTP and Jakarta Mail on the classpath: add "
                        + "com.github.davidmoten:subethasmtp, jakarta.mail:jakarta.mail-api and org.eclipse.angus:angus-mail "
                        + "to your test dependencies (the ats-bom does not manage them; see docs/mail.md)");
            }
            return ServerAssembly.start(new ServerAssembly.Options(scenarios, bind, host(), mail, indexPort, stallLimit,
                    handshakeDeadline));
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
    }
}
