package io.github.atstrust.testkit;

import io.github.atstrust.testkit.probe.HandshakeOutcome;
import io.github.atstrust.testkit.scenario.Scenario;
import io.github.atstrust.testkit.scenario.ScenarioCatalogue;
import io.github.atstrust.testkit.trust.TrustProfile;
import io.github.atstrust.testkit.trust.TrustProfiles;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/** The cells of the declared truth table, for parameterized tests: (scenario id, profile id); and how to compare. */
public final class TruthTable {

    private TruthTable() {
    }

    /**
     * What a client said, in the words of {@link io.github.atstrust.testkit.scenario.ExpectedOutcome#toString()}:
     * {@code accept}, {@code reject (EXPIRED)}, or {@code no verdict: …} (which equals no expectation).
     */
    public static String said(HandshakeOutcome outcome) {
        if (outcome instanceof HandshakeOutcome.Rejected rejected) {
            return "reject (" + rejected.reason() + ")";
        }
        return outcome.accepted() ? "accept" : outcome.describe();
    }

    /** Every scenario with empty {@code requires} × every built-in profile. */
    public static Stream<Arguments> everyUnconditionalScenarioUnderEveryProfile() {
        List<Arguments> cases = new ArrayList<>();
        for (Scenario scenario : ScenarioCatalogue.builtIn().unconditional()) {
            for (TrustProfile profile : TrustProfiles.builtIn()) {
                cases.add(Arguments.of(scenario.id(), profile.id()));
            }
        }
        return cases.stream();
    }
}
