package io.github.atstrust.junit;

import io.github.atstrust.testkit.probe.HandshakeOutcome;
import io.github.atstrust.testkit.probe.RejectionReason;
import io.github.atstrust.testkit.scenario.ExpectedOutcome;
import java.time.Duration;
import java.util.function.Predicate;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on a {@link HandshakeOutcome}, with failure messages in words:
 * {@code expected the handshake to be rejected because UNTRUSTED_ROOT, but it was accepted with TLSv1.3/h2 in 12 ms}.
 * An outcome with no verdict (connection refused, a peer that does not speak TLS, an exception of the probed
 * code) satisfies none of them; the failure says what happened and keeps the cause's stack trace.
 */
public final class HandshakeOutcomeAssert extends AbstractAssert<HandshakeOutcomeAssert, HandshakeOutcome> {

    HandshakeOutcomeAssert(HandshakeOutcome actual) {
        super(actual, HandshakeOutcomeAssert.class);
    }

    /**
     * The handshake completed and the client accepted the chain.
     *
     * @return this, for chaining
     */
    public HandshakeOutcomeAssert isAccepted() {
        return expect(HandshakeOutcome::accepted, "to be accepted");
    }

    /**
     * The client refused the chain during the handshake, for any reason.
     *
     * @return this, for chaining
     */
    public HandshakeOutcomeAssert isRejected() {
        return expect(HandshakeOutcome::rejected, "to be rejected");
    }

    /**
     * The client refused the chain during the handshake because of {@code reason}.
     *
     * @param reason the expected reason, e.g. {@code UNTRUSTED_ROOT}
     * @return this, for chaining
     */
    public HandshakeOutcomeAssert isRejectedBecause(RejectionReason reason) {
        return expect(ExpectedOutcome.reject(reason)::isMetBy, "to be rejected because " + reason);
    }

    /**
     * Accepted, or rejected for the declared reason, whichever {@code expected} says.
     *
     * @param expected e.g. {@code atsCase.expectation()} or {@code ExpectedOutcome.reject(EXPIRED)}
     * @return this, for chaining
     */
    public HandshakeOutcomeAssert matches(ExpectedOutcome expected) {
        return expect(expected::isMetBy, expected.accepts() ? "to be accepted" : "to be rejected because " + expected.reason());
    }

    /**
     * Ended (either way) within {@code limit}: a client that hangs is broken even when it rejects.
     *
     * @param limit the longest acceptable time
     * @return this, for chaining
     */
    public HandshakeOutcomeAssert completedWithin(Duration limit) {
        isNotNull();
        if (actual.elapsed().compareTo(limit) > 0) {
            failWithMessage("expected the handshake to complete within %d ms, but it was %s", limit.toMillis(),
                    actual.describe());
        }
        return this;
    }

    private HandshakeOutcomeAssert expect(Predicate<HandshakeOutcome> holds, String what) {
        isNotNull();
        if (holds.test(actual)) {
            return this;
        }
        String message = "expected the handshake " + what + ", but "
                + (actual.hasNoVerdict() ? actual.describe() : "it was " + actual.describe());
        AssertionError failure = new AssertionError(descriptionText().isEmpty() ? message : "[" + descriptionText() + "] " + message);
        if (actual instanceof HandshakeOutcome.NoVerdict none) {
            failure.initCause(none.cause());
        }
        throw failure;
    }
}
