package io.github.atstrust.junit;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.container;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedSuccessfully;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.skippedWithReason;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * {@code @RequiresCommand}: runs where the command runs; elsewhere skipped with the reason, or failed under
 * {@code ATS_REQUIRE_ALL=1} (CI sets it, so there this test proves the failing branch; a user's machine the other).
 */
class RequiresCommandTest {

    @RequiresCommand("no-such-command-of-ats-trust-kit --version")
    static class NeedsAMissingCommand {
        @Test
        void neverRuns() {
        }
    }

    static class NeedsJavaForOneMethod {
        @Test
        @RequiresCommand("java -version")
        void runs() {
        }
    }

    @Test
    void aMissingCommandFailsWithTheReasonWhenNothingMaySkip() {
        var events = EngineTestKit.engine("junit-jupiter").selectors(selectClass(NeedsAMissingCommand.class))
                .configurationParameter(RequireAll.KEY, "true").execute().containerEvents();

        events.assertThatEvents().haveExactly(1, event(container(NeedsAMissingCommand.class), finishedWithFailure(
                message(m -> m.contains("no-such-command-of-ats-trust-kit is not installed")
                        && m.contains("ATS_REQUIRE_ALL=1 (or ats.requireAll=true) forbids skipping")))));
    }

    @Test
    void aMissingCommandSkipsWithTheReasonWhenSkippingIsAllowedEvenUnderTheCiVariable() {
        var events = EngineTestKit.engine("junit-jupiter").selectors(selectClass(NeedsAMissingCommand.class))
                .configurationParameter(RequireAll.KEY, "false").execute().containerEvents();

        events.assertThatEvents().haveExactly(1, event(container(NeedsAMissingCommand.class), skippedWithReason(
                reason -> reason.contains("no-such-command-of-ats-trust-kit is not installed"))));
    }

    @Test
    void aPresentCommandLetsTheTestRun() {
        EngineTestKit.engine("junit-jupiter").selectors(selectClass(NeedsJavaForOneMethod.class)).execute().testEvents()
                .assertThatEvents().haveExactly(1, event(test("runs"), finishedSuccessfully()));
    }
}
