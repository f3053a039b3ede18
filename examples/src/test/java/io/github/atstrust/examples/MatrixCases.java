package io.github.atstrust.examples;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.atstrust.testkit.ProcessRun;
import io.github.atstrust.testkit.scenario.ExpectedOutcome;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DynamicTest;

/**
 * The cases of a command-line client over {@code serve}'s matrix: one process per scenario and profile, its exit
 * code the verdict and its words the reason, each checked against what the manifest declares for that client.
 */
final class MatrixCases {

    private MatrixCases() {
    }

    /** Runs one case: the client against {@code scenario}'s server, trusting {@code profile}'s anchors. */
    interface CaseRun {
        ProcessRun run(JsonNode scenario, String profile) throws Exception;
    }

    /**
     * What the client is expected to do with a case: the manifest's declaration, or its known behaviour; empty for a
     * client known to refuse the case without naming any reason.
     */
    interface Expectation {
        Optional<ExpectedOutcome> of(JsonNode scenario, String profile);
    }

    /** A dynamic test per scenario with empty {@code requires} and per profile. */
    static List<DynamicTest> cases(ServeProcess serve, String client, List<String> profiles, Expectation expectation,
                                       CaseRun caseRun) {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode scenario : serve.unconditionalScenarios()) {
            for (String profile : profiles) {
                Optional<ExpectedOutcome> expected = expectation.of(scenario, profile);
                String name = scenario.get("id").asText() + " with " + profile + " → "
                        + expected.map(ExpectedOutcome::toString).orElse(ManifestVerdicts.UNNAMED_REJECTION);
                tests.add(DynamicTest.dynamicTest(name, () -> {
                    long start = System.nanoTime();
                    ProcessRun run = caseRun.run(scenario, profile);
                    Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
                    if (expected.isPresent()) {
                        ManifestVerdicts.verify(client, scenario, profile, expected.get(), run.exitCode(), run.output(), elapsed);
                    } else {
                        ManifestVerdicts.verifyUnnamedRejection(client, scenario, profile, run.exitCode(), run.output(), elapsed);
                    }
                }));
            }
        }
        return tests;
    }
}
