package io.github.atstrust.junit;

import io.github.atstrust.testkit.probe.HandshakeOutcome;
import io.github.atstrust.testkit.probe.ThrowingCallable;
import io.github.atstrust.testkit.probe.ThrowingRunnable;
import io.github.atstrust.testkit.scenario.ExpectedOutcome;
import io.github.atstrust.testkit.scenario.Scenario;
import io.github.atstrust.testkit.server.AtsEndpoint;
import io.github.atstrust.testkit.trust.TrustProfile;

/**
 * One cell of an {@link AtsTrustMatrix}: a scenario's endpoint, the profile the client trusts, and what should
 * happen. {@link #probe(ThrowingCallable)} runs the client and records the outcome in the trust-matrix report.
 */
public final class AtsCase {

    private final AtsEndpoint endpoint;
    private final TrustProfile profile;
    private final TrustReport report;
    private final String test;

    AtsCase(AtsEndpoint endpoint, TrustProfile profile, TrustReport report, String test) {
        this.endpoint = endpoint;
        this.profile = profile;
        this.report = report;
        this.test = test;
    }

    public Scenario scenario() {
        return endpoint.scenario();
    }

    public TrustProfile profile() {
        return profile;
    }

    public AtsEndpoint endpoint() {
        return endpoint;
    }

    /** What a client trusting {@link #profile()} should do with this scenario: accept, or reject for a reason. */
    public ExpectedOutcome expectation() {
        return endpoint.expectedOutcomeFor(profile);
    }

    /** Runs the client call, classifies how it ended and records it in the report. */
    public HandshakeOutcome probe(ThrowingCallable call) {
        HandshakeOutcome outcome = endpoint.probe(call);
        report.record(test, scenario().id(), profile.id(), expectation(), outcome);
        return outcome;
    }

    /** Like {@link #probe(ThrowingCallable)}, for a call that returns nothing. */
    public HandshakeOutcome probe(ThrowingRunnable call) {
        return probe(() -> {
            call.run();
            return null;
        });
    }

    /** {@code ats-root-ca-3 with amazon-root-ca-3 → accept}, {@code expired with no-ats → reject (UNTRUSTED_ROOT)}. */
    @Override
    public String toString() {
        return scenario().id() + " with " + profile.id() + " → " + expectation();
    }
}
