package io.github.atstrust.testkit.server;

import io.github.atstrust.testkit.scenario.Scenario;
import io.github.atstrust.testkit.scenario.ScenarioCatalogue;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/** Options for {@link AtsServers}: which scenarios, where to bind, how long a stalled connection lives. */
public final class AtsServersBuilder {
    private ScenarioCatalogue catalogue = ScenarioCatalogue.builtIn();
    private Set<String> only = Set.of();
    private InetAddress bind = InetAddress.getLoopbackAddress();
    private String hostname;
    private boolean allowNonLoopback;
    private boolean mail;
    private int indexPort;
    private Duration stallLimit = AtsServers.DEFAULT_STALL_LIMIT;
    private Duration handshakeDeadline = AtsServers.DEFAULT_HANDSHAKE_DEADLINE;
    private Duration requestDeadline = AtsServers.DEFAULT_REQUEST_DEADLINE;
    private java.time.Clock clock = java.time.Clock.systemUTC();
    private SignedMaterialCache cache = SignedMaterialCache.fromEnvironment();

    AtsServersBuilder() {
    }

    /**
     * Serves these scenarios instead of the built-in ones.
     *
     * @param scenarios e.g. {@code ScenarioCatalogue.builtIn().with(myScenario)}
     * @return this builder
     */
    public AtsServersBuilder catalogue(ScenarioCatalogue scenarios) {
        this.catalogue = Objects.requireNonNull(scenarios);
        return this;
    }

    /**
     * Serves only these scenarios of the catalogue (all when empty, the default): fewer connectors, faster start.
     *
     * @param scenarioIds ids of the catalogue; an unknown id fails {@link #start()}
     * @return this builder
     */
    public AtsServersBuilder only(Set<String> scenarioIds) {
        this.only = Set.copyOf(scenarioIds);
        return this;
    }

    /**
     * The address to bind, 127.0.0.1 by default; anything but loopback also needs {@link #allowNonLoopback()}.
     *
     * @param address e.g. {@code InetAddress.getByName("::1")}
     * @return this builder
     */
    public AtsServersBuilder bind(InetAddress address) {
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
    public AtsServersBuilder hostname(String name) {
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
    public AtsServersBuilder mail() {
        this.mail = true;
        return this;
    }

    /**
     * Permits binding an address other than loopback: test material would be reachable from elsewhere.
     *
     * @return this builder
     */
    public AtsServersBuilder allowNonLoopback() {
        this.allowNonLoopback = true;
        return this;
    }

    /**
     * A fixed port for the plain-HTTP index/CRL/OCSP connector; 0, the default, picks a free one.
     *
     * @param port a TCP port, or 0
     * @return this builder
     */
    public AtsServersBuilder indexPort(int port) {
        this.indexPort = port;
        return this;
    }

    /**
     * How long {@code stalled-handshake} keeps a connection before closing it (default
     * {@link AtsServers#DEFAULT_STALL_LIMIT}).
     *
     * @param limit a positive duration of at most a day
     * @return this builder
     * @throws IllegalArgumentException when not positive, or over a day
     */
    public AtsServersBuilder stallLimit(Duration limit) {
        this.stallLimit = bounded("stall limit", limit);
        return this;
    }

    /**
     * How long a TLS connection may take to complete its handshake before it is closed (default
     * {@link AtsServers#DEFAULT_HANDSHAKE_DEADLINE}); {@code stalled-handshake} keeps its own {@link #stallLimit}.
     *
     * @param deadline a positive duration of at most a day
     * @return this builder
     * @throws IllegalArgumentException when not positive, or over a day
     */
    public AtsServersBuilder handshakeDeadline(Duration deadline) {
        this.handshakeDeadline = bounded("handshake deadline", deadline);
        return this;
    }

    /**
     * How long an HTTP connection may take to complete a request, counted from its handshake or its previous
     * request, and an SMTP session to end, before it is closed (default {@link AtsServers#DEFAULT_REQUEST_DEADLINE}).
     *
     * @param deadline a positive duration of at most a day
     * @return this builder
     * @throws IllegalArgumentException when not positive, or over a day
     */
    public AtsServersBuilder requestDeadline(Duration deadline) {
        this.requestDeadline = bounded("request deadline", deadline);
        return this;
    }

    private static Duration bounded(String what, Duration duration) {
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(what + " must be positive, was " + duration);
        }
        if (duration.compareTo(Duration.ofDays(1)) > 0) {
            throw new IllegalArgumentException(what + " must be at most a day (PT24H), was " + duration);
        }
        return duration;
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
        if (mail && !AtsServers.mailAvailable()) {
            throw new IllegalStateException("mail scenarios need SubEthaSMTP and Jakarta Mail on the classpath: add "
                    + "com.github.davidmoten:subethasmtp, jakarta.mail:jakarta.mail-api and org.eclipse.angus:angus-mail "
                    + "to your test dependencies (the ats-bom does not manage them; see docs/mail.md)");
        }
        return ServerAssembly.start(new ServerAssembly.Options(scenarios, bind, host(), mail, indexPort, stallLimit,
                handshakeDeadline, requestDeadline, clock, cache));
    }

    /** Where signed material is kept between runs (tests only; by default as the environment says). */
    AtsServersBuilder cache(SignedMaterialCache signedMaterial) {
        this.cache = signedMaterial;
        return this;
    }

    /**
     * The clock chains are minted by (tests only): a day after 2030-08-23 serves the next issuing-CA generation.
     * Revocation answers keep the system clock.
     */
    AtsServersBuilder clock(java.time.Clock mintingClock) {
        this.clock = mintingClock;
        return this;
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
