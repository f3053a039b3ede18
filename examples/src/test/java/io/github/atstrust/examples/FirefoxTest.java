package io.github.atstrust.examples;

import static io.github.atstrust.junit.AtsAssertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.atstrust.junit.RequiresCommand;
import io.github.atstrust.testkit.Prerequisites;
import io.github.atstrust.testkit.ProcessRun;
import io.github.atstrust.testkit.scenario.ExpectedOutcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Firefox ESR headless, as a person's browser: a fresh profile per trust profile whose NSS database holds exactly
 * its anchors, driven by puppeteer-core over WebDriver BiDi, over every scenario with empty {@code requires}; the
 * verdict is whether the page loaded, the reason the error Firefox's certificate error page names.
 */
@RequiresCommand({"firefox-esr --version", "which certutil", "node --version"})
class FirefoxTest {

    private static final String FIREFOX = "/usr/bin/firefox-esr";

    @TempDir
    static Path dir;
    private static ServeProcess serve;

    @BeforeAll
    static void startServe() throws Exception {
        Prerequisites.require(Files.isDirectory(Path.of("src/test/js/node_modules/puppeteer-core")),
                "puppeteer-core is not installed: npm ci --prefix examples/src/test/js (as .ci/run does)");
        serve = ServeProcess.start(dir);
    }

    @AfterAll
    static void stopServe() throws Exception {
        serve.close();
    }

    @TestFactory
    List<DynamicTest> firefoxEsr() throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<DynamicTest> tests = new ArrayList<>();
        for (String profile : serve.profileIds()) {
            Path firefoxProfile = NssDatabase.trusting(dir.resolve("firefox-" + profile), Path.of(serve.bundle(profile)));
            ProcessRun run = ProcessRun.run(List.of("env", "NODE_PATH=" + Path.of("src/test/js/node_modules").toAbsolutePath(),
                    "node", "src/test/resources/clients/firefox-matrix.js", FIREFOX, serve.manifestFile().toString(), profile,
                    firefoxProfile.toString()));
            List<String> lines = run.output().lines().filter(l -> l.startsWith("{")).toList();
            assertThat(lines).as("Firefox printed a result per scenario under %s: %s", profile, run.output())
                    .hasSize(serve.unconditionalScenarios().size());
            for (String line : lines) {
                JsonNode result = json.readTree(line);
                JsonNode scenario = serve.scenario(result.get("scenario").asText());
                Optional<ExpectedOutcome> expected = VerifierBehaviours.expected("firefox-esr", scenario, profile,
                        ManifestVerdicts.expected(scenario, profile));
                tests.add(DynamicTest.dynamicTest(scenario.get("id").asText() + " with " + profile + " → "
                        + expected.orElseThrow(), () -> ManifestVerdicts.verify("firefox-esr", scenario, profile,
                        expected.orElseThrow(), result.get("outcome").asText().equals("accept") ? 0 : 1,
                        result.get("error").asText(), Duration.ofMillis(result.get("ms").asLong()))));
            }
        }
        return tests;
    }
}
