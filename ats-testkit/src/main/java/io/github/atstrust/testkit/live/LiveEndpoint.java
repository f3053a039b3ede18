package io.github.atstrust.testkit.live;

import io.github.atstrust.testkit.probe.RejectionReason;
import io.github.atstrust.testkit.scenario.ExpectedOutcome;
import io.github.atstrust.testkit.scenario.Expectation;
import java.net.URI;
import java.util.Set;

/**
 * A real endpoint from the AWS migration guides, with what a correctly configured client should do there.
 * Never contacted by the kit unless the user opts in to live tests.
 *
 * @param expectedReason the rejection reason for endpoints that must be rejected, else {@code null}
 * @param expectedBody   the exact body the endpoint answers, or {@code null} when not checked
 * @param requires       client settings the expectation depends on, as for scenarios
 */
public record LiveEndpoint(String id, URI uri, Expectation expectation, RejectionReason expectedReason,
                           String expectedBody, Set<String> requires, String description) {

    public LiveEndpoint {
        requires = Set.copyOf(requires);
    }

    /** The expectation with its reason, for {@code matches(…)}. */
    public ExpectedOutcome expectedOutcome() {
        return expectation == Expectation.ACCEPT ? ExpectedOutcome.accept() : ExpectedOutcome.reject(expectedReason);
    }

    public String host() {
        return uri.getHost();
    }

    public int port() {
        return uri.getPort() == -1 ? 443 : uri.getPort();
    }
}
