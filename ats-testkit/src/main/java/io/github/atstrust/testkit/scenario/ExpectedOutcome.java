package io.github.atstrust.testkit.scenario;

import io.github.atstrust.testkit.probe.HandshakeOutcome;
import io.github.atstrust.testkit.probe.RejectionReason;
import java.util.Objects;
import java.util.Optional;

/**
 * What a correctly configured client should do with a chain: accept it, or reject it for a declared reason.
 * {@code OTHER} is never a declared reason.
 *
 * <pre>assertThat(outcome).matches(ExpectedOutcome.reject(RejectionReason.EXPIRED));</pre>
 *
 * @param accepts whether the chain is accepted
 * @param reason  why the client rejects it; {@code null} when it accepts
 */
public record ExpectedOutcome(boolean accepts, RejectionReason reason) {

    /**
     * Checks that a rejection has a declared reason and an acceptance none.
     *
     * @param accepts whether the chain is accepted
     * @param reason  why the client rejects it; {@code null} when it accepts
     * @throws IllegalArgumentException when they disagree, or the reason is {@code OTHER}
     */
    public ExpectedOutcome {
        if (accepts == (reason != null)) {
            throw new IllegalArgumentException("a rejection needs a reason and an acceptance has none: "
                    + (accepts ? "accept" : "reject") + ", " + reason);
        }
        if (reason == RejectionReason.OTHER) {
            throw new IllegalArgumentException("OTHER is not an expectation: declare the reason a correct client gives");
        }
    }

    /**
     * The chain is accepted.
     *
     * @return the expectation of an acceptance
     */
    public static ExpectedOutcome accept() {
        return new ExpectedOutcome(true, null);
    }

    /**
     * The chain is rejected for {@code reason}.
     *
     * @param reason the declared reason, never {@code OTHER}
     * @return the expectation of that rejection
     */
    public static ExpectedOutcome reject(RejectionReason reason) {
        return new ExpectedOutcome(false, Objects.requireNonNull(reason, "reason"));
    }

    /**
     * Whether {@code outcome} is what this expects: an acceptance, or a rejection for exactly this reason. An outcome
     * with no verdict meets no expectation.
     *
     * @param outcome how a client's call ended
     * @return whether it agrees
     */
    public boolean isMetBy(HandshakeOutcome outcome) {
        return accepts ? outcome.accepted() : outcome.rejectionReason().equals(Optional.of(reason));
    }

    /**
     * The verdict in one word, as in the {@code serve} manifest.
     *
     * @return {@code accept} or {@code reject}
     */
    public String verdict() {
        return accepts ? "accept" : "reject";
    }

    /** {@code accept}, or {@code reject (UNTRUSTED_ROOT)}. */
    @Override
    public String toString() {
        return accepts ? "accept" : "reject (" + reason + ")";
    }
}
