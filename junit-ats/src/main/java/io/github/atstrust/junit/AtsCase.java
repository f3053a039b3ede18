package io.github.atstrust.junit;

import io.github.atstrust.testkit.probe.HandshakeOutcome;
import io.github.atstrust.testkit.scenario.ExpectedOutcome;
import io.github.atstrust.testkit.scenario.Scenario;
import io.github.atstrust.testkit.server.AtsEndpoint;
import io.github.atstrust.testkit.trust.TrustProfile;
import java.util.concurrent.Callable;

/**
 * One cell of an {@link AtsTrustMatrix}: a scenario's endpoint, the profile the client trusts, and what should
 * happen. {@link #probe(Callable)} runs the client and records the outcome in the trust-matrix report, and so does
 * every probe of {@link #endpoint()}: there is one way to probe a case.
 */
public final class AtsCase {

    private final AtsEndpoint endpoint;
    private final TrustProfile profile;

    AtsCase(AtsEndpoint endpoint, TrustProfile profile, TrustReport report, String test) {
        this.profile = profile;
        this.endpoint = endpoint.observedBy(outcome -> report.record(test, endpoint.id(), profile.id(),
                endpoint.expectedOutcomeFor(profile), outcome));
    }

    /** {@return the scenario of this case} */
    public Scenario scenario() {
        return endpoint.scenario();
    }

    /** {@return the profile the client under test should trust: hand its {@code sslContext()} to the client} */
    public TrustProfile profile() {
        return profile;
    }

    /**
     * {@return the running server of this case's scenario; what its {@code probe} and {@code judgeCommand} give is
     * recorded in the trust-matrix report, as {@link #probe} records it}
     */
    public AtsEndpoint endpoint() {
        return endpoint;
    }

    /** {@return what a client trusting {@link #profile()} should do with this scenario: accept, or reject for a reason} */
    public ExpectedOutcome expectation() {
        return endpoint.expectedOutcomeFor(profile);
    }

    /**
     * Runs the client call, classifies how it ended and records it in the trust-matrix report.
     *
     * @param call the client call, e.g. {@code () -> client.send(request, BodyHandlers.ofString())}
     * @return accepted, rejected with a reason, or no verdict
     */
    public HandshakeOutcome probe(Callable<?> call) {
        return endpoint.probe(call);
    }

    /** {@code ats-root-ca-3 with amazon-root-ca-3 → accept}, {@code expired with no-ats → reject (UNTRUSTED_ROOT)}. */
    @Override
    public String toString() {
        return scenario().id() + " with " + profile.id() + " → " + expectation();
    }
}
