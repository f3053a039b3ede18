package io.github.atstrust.testkit.server;

import io.github.atstrust.testkit.probe.HandshakeOutcome;
import io.github.atstrust.testkit.probe.RejectionReason;
import io.github.atstrust.testkit.probe.ThrowingCallable;
import io.github.atstrust.testkit.probe.ThrowingRunnable;
import io.github.atstrust.testkit.scenario.Expectation;
import io.github.atstrust.testkit.scenario.Scenario;
import io.github.atstrust.testkit.scenario.ServedChain;
import io.github.atstrust.testkit.trust.TrustProfile;
import java.net.URI;

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
     * Runs a client call against this endpoint and classifies how it ended. A "no trusted path" failure is
     * reported as {@link RejectionReason#INCOMPLETE_CHAIN} when this server leaves out an intermediate: the
     * JDK and most clients word both failures alike.
     */
    public HandshakeOutcome probe(ThrowingCallable call) {
        HandshakeOutcome outcome = HandshakeOutcome.of(call);
        return outcome.rejected() && outcome.reason() == RejectionReason.UNTRUSTED_ROOT && chain.endsBelowAnIntermediate()
                ? outcome.withReason(RejectionReason.INCOMPLETE_CHAIN) : outcome;
    }

    /** Like {@link #probe(ThrowingCallable)}, for a call that returns nothing. */
    public HandshakeOutcome probe(ThrowingRunnable call) {
        return probe(() -> {
            call.run();
            return null;
        });
    }

    /** What a client trusting {@code profile} should do here. */
    public Expectation expectationFor(TrustProfile profile) {
        return scenario.expectationFor(profile);
    }
}
