package io.github.atstrust.junit;

import io.github.atstrust.testkit.probe.HandshakeOutcome;
import io.github.atstrust.testkit.probe.RejectionReason;
import io.github.atstrust.testkit.scenario.Expectation;
import java.time.Duration;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on a {@link HandshakeOutcome}, with failure messages in words:
 * {@code expected the handshake to be rejected because UNTRUSTED_ROOT, but it was accepted with TLSv1.3/h2 in 12 ms}.
 */
public final class HandshakeOutcomeAssert extends AbstractAssert<HandshakeOutcomeAssert, HandshakeOutcome> {

    HandshakeOutcomeAssert(HandshakeOutcome actual) {
        super(actual, HandshakeOutcomeAssert.class);
    }

    public HandshakeOutcomeAssert isAccepted() {
        isNotNull();
        if (actual.rejected()) {
            failWithMessage("expected the handshake to be accepted, but it was %s", actual.describe());
        }
        return this;
    }

    public HandshakeOutcomeAssert isRejected() {
        isNotNull();
        if (actual.accepted()) {
            failWithMessage("expected the handshake to be rejected, but it was %s", actual.describe());
        }
        return this;
    }

    public HandshakeOutcomeAssert isRejectedBecause(RejectionReason reason) {
        isNotNull();
        if (actual.accepted() || actual.reason() != reason) {
            failWithMessage("expected the handshake to be rejected because %s, but it was %s", reason, actual.describe());
        }
        return this;
    }

    /** Accepted or rejected, whichever {@code expectation} says. */
    public HandshakeOutcomeAssert matches(Expectation expectation) {
        return expectation == Expectation.ACCEPT ? isAccepted() : isRejected();
    }

    /** Ended (either way) within {@code limit}: a client that hangs is broken even when it rejects. */
    public HandshakeOutcomeAssert completedWithin(Duration limit) {
        isNotNull();
        if (actual.elapsed().compareTo(limit) > 0) {
            failWithMessage("expected the handshake to complete within %d ms, but it was %s", limit.toMillis(),
                    actual.describe());
        }
        return this;
    }
}
