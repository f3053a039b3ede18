package io.github.atstrust.testkit.server;

import io.github.atstrust.testkit.probe.HandshakeOutcome;
import io.github.atstrust.testkit.probe.ProbeTarget;
import io.github.atstrust.testkit.probe.RejectionReason;
import io.github.atstrust.testkit.probe.ThrowingCallable;
import io.github.atstrust.testkit.probe.ThrowingRunnable;
import io.github.atstrust.testkit.scenario.ExpectedOutcome;
import io.github.atstrust.testkit.scenario.Expectation;
import io.github.atstrust.testkit.scenario.Scenario;
import io.github.atstrust.testkit.scenario.ServedChain;
import io.github.atstrust.testkit.trust.TrustProfile;
import java.net.URI;
import java.util.Optional;

/**
 * One running scenario server: where to connect and what it presents.
 *
 * <pre>HttpRequest request = HttpRequest.newBuilder(endpoint.uri()).build();</pre>
 *
 * @param hostname the name to connect to: {@code localhost} when bound to 127.0.0.1, else the bound address
 * @param chain    the certificates this server presents, leaf first
 */
public record AtsEndpoint(Scenario scenario, String hostname, int port, ServedChain chain) {

    /** {@code https://<hostname>:<port>/} (an IPv6 address in brackets). */
    public URI uri() {
        return URI.create("https://" + (hostname.contains(":") ? "[" + hostname + "]" : hostname) + ":" + port + "/");
    }

    public String id() {
        return scenario.id();
    }

    /**
     * Runs a client call against this endpoint and classifies how it ended, knowing what this server sends (a
     * "no trusted path" failure is {@link RejectionReason#INCOMPLETE_CHAIN} when it leaves out an intermediate)
     * and naming its address when nothing was judged.
     */
    public HandshakeOutcome probe(ThrowingCallable call) {
        return HandshakeOutcome.of(call, target());
    }

    /** Like {@link #probe(ThrowingCallable)}, for a call that returns nothing. */
    public HandshakeOutcome probe(ThrowingRunnable call) {
        return HandshakeOutcome.of(call, target());
    }

    /** What a prober knows of this server: its address and whether it sends an incomplete chain. */
    public ProbeTarget target() {
        return new ProbeTarget((hostname.contains(":") ? "[" + hostname + "]" : hostname) + ":" + port,
                scenario.sendsIncompleteChain());
    }

    /** What a client trusting {@code profile} should do here. */
    public Expectation expectationFor(TrustProfile profile) {
        return scenario.expectationFor(profile);
    }

    /** Verdict and reason of a client trusting {@code profile} here. */
    public ExpectedOutcome expectedOutcomeFor(TrustProfile profile) {
        return scenario.expectedOutcomeFor(profile);
    }

    /** Why a client trusting {@code profile} refuses this chain; empty when it accepts it. */
    public Optional<RejectionReason> expectedReasonFor(TrustProfile profile) {
        return scenario.expectedReasonFor(profile);
    }
}
