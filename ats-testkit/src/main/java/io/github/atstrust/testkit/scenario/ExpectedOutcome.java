package io.github.atstrust.testkit.scenario;

import io.github.atstrust.testkit.probe.RejectionReason;
import java.util.Objects;

/**
 * What a correctly configured client should do with a chain: accept it, or reject it for a declared reason.
 * {@code OTHER} is never a declared reason.
 *
 * <pre>assertThat(outcome).matches(ExpectedOutcome.reject(RejectionReason.EXPIRED));</pre>
 *
 * @param verdict accept or reject
 * @param reason  why the client rejects; {@code null} when it accepts
 */
public record ExpectedOutcome(Expectation verdict, RejectionReason reason) {

    public ExpectedOutcome {
        Objects.requireNonNull(verdict, "verdict");
        if ((verdict == Expectation.REJECT) != (reason != null)) {
            throw new IllegalArgumentException("a rejection needs a reason and an acceptance has none: " + verdict + ", " + reason);
        }
        if (reason == RejectionReason.OTHER) {
            throw new IllegalArgumentException("OTHER is not an expectation: declare the reason a correct client gives");
        }
    }

    /** The chain is accepted. */
    public static ExpectedOutcome accept() {
        return new ExpectedOutcome(Expectation.ACCEPT, null);
    }

    /** The chain is rejected for {@code reason}. */
    public static ExpectedOutcome reject(RejectionReason reason) {
        return new ExpectedOutcome(Expectation.REJECT, Objects.requireNonNull(reason, "reason"));
    }

    /** {@code accept}, or {@code reject (UNTRUSTED_ROOT)}. */
    @Override
    public String toString() {
        return verdict == Expectation.ACCEPT ? "accept" : "reject (" + reason + ")";
    }
}
