package io.github.atstrust.testkit.server;

import io.github.atstrust.testkit.probe.HandshakeOutcome;
import io.github.atstrust.testkit.probe.RejectionReason;
import io.github.atstrust.testkit.scenario.ExpectedOutcome;
import io.github.atstrust.testkit.scenario.Scenario;
import io.github.atstrust.testkit.trust.TrustProfile;
import java.net.URI;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * One running scenario server: where to connect, what it presents, and how to judge a client's call to it.
 * The server's private key stays inside the server.
 *
 * <pre>
 * HttpRequest request = HttpRequest.newBuilder(endpoint.uri()).build();
 * HandshakeOutcome outcome = endpoint.probe(() -> http.send(request, BodyHandlers.ofString()));
 * </pre>
 *
 * An endpoint can be {@linkplain #observedBy observed}: junit-ats hands each matrix case an endpoint that records every
 * outcome its probes give in the trust-matrix report, whichever way the test probes.
 */
public final class AtsEndpoint {

    private final Scenario scenario;
    private final String scheme;
    private final String hostname;
    private final int port;
    private final List<X509Certificate> chain;
    private final Consumer<HandshakeOutcome> observer;

    /**
     * An endpoint; the kit's servers make them.
     *
     * @param scenario the scenario this server presents
     * @param scheme   {@code https}, {@code smtp} or {@code smtps}
     * @param hostname the name to connect to
     * @param port     the TCP port it listens on
     * @param chain    the certificates it sends, leaf first
     * @throws IllegalArgumentException when the chain is empty or the scheme unknown
     */
    public AtsEndpoint(Scenario scenario, String scheme, String hostname, int port, List<X509Certificate> chain) {
        this(scenario, scheme, hostname, port, chain, outcome -> { });
    }

    private AtsEndpoint(Scenario scenario, String scheme, String hostname, int port, List<X509Certificate> chain,
                        Consumer<HandshakeOutcome> observer) {
        this.scenario = Objects.requireNonNull(scenario, "scenario");
        if (!List.of("https", "smtp", "smtps").contains(scheme)) {
            throw new IllegalArgumentException("scheme '" + scheme + "': use https, smtp or smtps");
        }
        this.scheme = scheme;
        this.hostname = Objects.requireNonNull(hostname, "hostname");
        this.port = port;
        this.chain = List.copyOf(chain);
        if (this.chain.isEmpty()) {
            throw new IllegalArgumentException("an endpoint sends at least its leaf certificate");
        }
        this.observer = observer;
    }

    /**
     * This endpoint, telling {@code observer} of every outcome that {@link #probe} and {@link #judgeCommand} give
     * (after the observers already attached). Equal to this endpoint: the same server.
     *
     * @param observer e.g. a report that records each outcome
     * @return the observed endpoint
     */
    public AtsEndpoint observedBy(Consumer<HandshakeOutcome> observer) {
        Objects.requireNonNull(observer, "observer");
        return new AtsEndpoint(scenario, scheme, hostname, port, chain, this.observer.andThen(observer));
    }

    /** {@return the scenario this server presents} */
    public Scenario scenario() {
        return scenario;
    }

    /** {@return {@code https}; for the mail scenarios {@code smtp} (STARTTLS) or {@code smtps} (TLS wrapper mode)} */
    public String scheme() {
        return scheme;
    }

    /** {@return the name to connect to: {@code localhost} when bound to 127.0.0.1, else the bound address} */
    public String hostname() {
        return hostname;
    }

    /** {@return the TCP port it listens on (ephemeral unless chosen)} */
    public int port() {
        return port;
    }

    /** {@return the certificates this server sends, leaf first, in the order sent} */
    public List<X509Certificate> chain() {
        return chain;
    }

    /**
     * Where to connect.
     *
     * @return {@code https://<hostname>:<port>/}, or {@code smtp://<hostname>:<port>} / {@code smtps://…} for mail
     *         (an IPv6 address in brackets)
     */
    public URI uri() {
        return URI.create(scheme + "://" + address() + (scheme.equals("https") ? "/" : ""));
    }

    /**
     * The scenario's id, e.g. {@code untrusted-root}.
     *
     * @return the id of {@link #scenario()}
     */
    public String id() {
        return scenario.id();
    }

    /**
     * The server's own certificate.
     *
     * @return the first certificate of {@link #chain()}
     */
    public X509Certificate leaf() {
        return chain.get(0);
    }

    /**
     * Everything the server sends after its leaf (intermediates, cross-certificates), in order.
     *
     * @return the rest of {@link #chain()}, possibly empty
     */
    public List<X509Certificate> intermediates() {
        return chain.subList(1, chain.size());
    }

    /**
     * Runs a client call against this endpoint and classifies how it ended, knowing what this server sends (a
     * "no trusted path" failure is {@link RejectionReason#INCOMPLETE_CHAIN} when it leaves out an intermediate)
     * and naming its address when nothing was judged.
     *
     * @param call the client call; what it returns (an {@code HttpResponse}, an {@code SSLSocket}…) is inspected
     * @return accepted, rejected with a reason, or no verdict
     */
    public HandshakeOutcome probe(Callable<?> call) {
        HandshakeOutcome outcome = HandshakeOutcome.of(call, address(), scenario.sendsIncompleteChain());
        observer.accept(outcome);
        return outcome;
    }

    /**
     * Judges how a command-line client (curl, {@code openssl s_client}, a script) ended against this endpoint,
     * as {@link HandshakeOutcome#ofCommand} does, knowing what this server sends.
     *
     * @param exitCode the command's exit status
     * @param output   what it printed (stdout and stderr)
     * @param elapsed  how long it ran
     * @return accepted, rejected with a reason, or no verdict
     */
    public HandshakeOutcome judgeCommand(int exitCode, String output, Duration elapsed) {
        HandshakeOutcome outcome = HandshakeOutcome.ofCommand(exitCode, output, elapsed, address(),
                scenario.sendsIncompleteChain());
        observer.accept(outcome);
        return outcome;
    }

    /**
     * Verdict and reason of a client trusting exactly {@code profile}'s anchors here.
     *
     * @param profile the client's trust anchors
     * @return what a correct client does
     */
    public ExpectedOutcome expectedOutcomeFor(TrustProfile profile) {
        return scenario.expectedOutcomeFor(profile);
    }

    /**
     * Why a client trusting {@code profile} refuses this chain.
     *
     * @param profile the client's trust anchors
     * @return the reason, or empty when it accepts the chain
     */
    public Optional<RejectionReason> expectedReasonFor(TrustProfile profile) {
        return scenario.expectedReasonFor(profile);
    }

    /** Endpoints are equal when they are the same server: scenario, scheme, host name, port and chain. */
    @Override
    public boolean equals(Object other) {
        return other instanceof AtsEndpoint that && port == that.port && scenario.equals(that.scenario)
                && scheme.equals(that.scheme) && hostname.equals(that.hostname) && chain.equals(that.chain);
    }

    @Override
    public int hashCode() {
        return Objects.hash(scenario, scheme, hostname, port, chain);
    }

    /** {@code AtsEndpoint[ats-root-ca-1 at https://localhost:41234/]}. */
    @Override
    public String toString() {
        return "AtsEndpoint[" + scenario.id() + " at " + uri() + "]";
    }

    private String address() {
        return (hostname.contains(":") ? "[" + hostname + "]" : hostname) + ":" + port;
    }
}
