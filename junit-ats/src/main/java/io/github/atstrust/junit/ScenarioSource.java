package io.github.atstrust.junit;

import io.github.atstrust.testkit.scenario.ScenarioCatalogue;

/**
 * Supplies the scenarios a test run serves, for {@code @RequiresAtsTrust(scenarios = …)} or, for every class, the
 * configuration parameter {@value #DEFAULT_KEY} (like JUnit's {@code @TempDir(factory = …)} and
 * {@code junit.jupiter.tempdir.factory.default}). Implementations need a public no-argument constructor; one
 * instance is made per run and its servers are shared by every class that names it. With neither, the run serves
 * {@link ScenarioCatalogue#builtIn()}.
 *
 * <pre>
 * public class MyScenarios implements ScenarioSource {
 *     public ScenarioCatalogue scenarios() {
 *         return ScenarioCatalogue.builtIn().with(Scenario.builder("my-dynamodb")…build());
 *     }
 * }
 * </pre>
 */
public interface ScenarioSource {

    /** Configuration parameter naming the {@code ScenarioSource} class used when an annotation names none. */
    String DEFAULT_KEY = "ats.scenarios.default";

    /** {@return the scenarios to serve: the built-in ones, the user's own, or both} */
    ScenarioCatalogue scenarios();

}
