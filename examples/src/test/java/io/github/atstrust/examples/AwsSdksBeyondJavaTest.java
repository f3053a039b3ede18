package io.github.atstrust.examples;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.atstrust.junit.RequiresCommand;
import io.github.atstrust.testkit.Prerequisites;
import io.github.atstrust.testkit.ProcessRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The AWS SDKs beyond Java, each as an application uses it (a DynamoDB client with no TLS settings, ListTables
 * once), first with its default trust and then with the one fix {@code ats doctor} names for it: the SDK for
 * JavaScript v3 on the installed Node ({@code NODE_EXTRA_CA_CERTS}), boto3 and the AWS CLI ({@code AWS_CA_BUNDLE}).
 * Each verdict and reason is checked against the manifest of {@code ats serve}; default trust (the host's real
 * roots, every trust variable unset) is judged as the {@code no-ats} profile, since no real root anchors a fake
 * chain. Retries are off ({@code maxAttempts} 1) so that a refusal is one handshake, not a backoff.
 */
class AwsSdksBeyondJavaTest {

    private static final List<String> SCENARIOS = List.of("ats-root-ca-1", "ats-root-ca-2", "ats-root-ca-3",
            "ats-root-ca-4", "ats-acm-2024", "untrusted-root");
    private static final List<String> PROFILES = List.of("all-ats", "starfield-services-root-g2", "starfield-class-2",
            "amazon-root-ca-1");
    private static final String DEFAULT_TRUST = "default trust";
    /** Every variable that points one of these stacks at a store: unset, as on a machine nobody configured. */
    private static final Set<String> TRUST_VARIABLES = Set.of("SSL_CERT_FILE", "SSL_CERT_DIR", "REQUESTS_CA_BUNDLE",
            "CURL_CA_BUNDLE", "AWS_CA_BUNDLE", "NODE_EXTRA_CA_CERTS", "NODE_OPTIONS");
    private static final Path SCRIPTS = Path.of("src/test/resources/clients");

    @TempDir
    static Path dir;
    private static ServeProcess serve;

    @BeforeAll
    static void startServe() throws Exception {
        serve = ServeProcess.start(dir);
    }

    @AfterAll
    static void stopServe() throws Exception {
        serve.close();
    }

    @TestFactory
    @RequiresCommand("node --version")
    List<DynamicTest> javaScriptSdkV3OnTheInstalledNode() {
        requireJavaScriptSdk();
        return cases("node-aws-sdk-js-v3", "NODE_EXTRA_CA_CERTS", url -> List.of("node",
                SCRIPTS.resolve("sdk-dynamodb.js").toString(), url));
    }

    @TestFactory
    @RequiresCommand("python3 -c __import__('boto3')")
    List<DynamicTest> boto3() {
        return cases("python-boto3", "AWS_CA_BUNDLE", url -> List.of("python3", SCRIPTS.resolve("sdk-dynamodb.py").toString(),
                url));
    }

    @TestFactory
    @RequiresCommand("aws --version")
    List<DynamicTest> awsCli() {
        return cases("aws-cli", "AWS_CA_BUNDLE", url -> List.of("aws", "dynamodb", "list-tables", "--endpoint-url", url,
                "--region", "us-east-1"));
    }

    /**
     * The stores the doctor says each SDK does not read change nothing: the {@code all-ats} bundle through them
     * leaves the ACM chain refused, as under default trust.
     */
    @TestFactory
    @RequiresCommand({"node --version", "python3 -c __import__('boto3')", "aws --version"})
    List<DynamicTest> theStoresAnSdkDoesNotReadChangeNothing() {
        requireJavaScriptSdk();
        Command js = url -> List.of("node", SCRIPTS.resolve("sdk-dynamodb.js").toString(), url);
        Command boto3 = url -> List.of("python3", SCRIPTS.resolve("sdk-dynamodb.py").toString(), url);
        Command cli = url -> List.of("aws", "dynamodb", "list-tables", "--endpoint-url", url, "--region", "us-east-1");
        List<DynamicTest> tests = new ArrayList<>();
        for (String other : List.of("SSL_CERT_FILE", "AWS_CA_BUNDLE", "REQUESTS_CA_BUNDLE")) {
            tests.add(refusedWith("node-aws-sdk-js-v3", other, js));
        }
        for (String other : List.of("SSL_CERT_FILE", "NODE_EXTRA_CA_CERTS")) {
            tests.add(refusedWith("python-boto3", other, boto3));
            tests.add(refusedWith("aws-cli", other, cli));
        }
        return tests;
    }

    private static void requireJavaScriptSdk() {
        Prerequisites.require(Files.isDirectory(Path.of("src/test/js/node_modules/@aws-sdk/client-dynamodb")),
                "@aws-sdk/client-dynamodb is not installed: npm ci --prefix examples/src/test/js (as .ci/run does)");
    }

    private static DynamicTest refusedWith(String client, String variable, Command command) {
        JsonNode scenario = serve.scenario("ats-acm-2024");
        return DynamicTest.dynamicTest(client + " with all-ats in " + variable + " → " + ManifestVerdicts.expected(scenario,
                "no-ats"), () -> {
            ProcessRun result = ProcessRun.run(environment(variable + "=" + serve.bundle("all-ats"),
                    command.of(scenario.get("url").asText())));
            ManifestVerdicts.verify(client + " (" + variable + ")", scenario, "no-ats", result.exitCode(), result.output(),
                    Duration.ZERO);
        });
    }

    /** {@code env} with every trust variable unset, test-only credentials, then {@code setting} (or none). */
    private static List<String> environment(String setting, List<String> command) {
        List<String> run = new ArrayList<>(List.of("env"));
        TRUST_VARIABLES.forEach(name -> run.addAll(List.of("-u", name)));
        run.addAll(List.of("AWS_ACCESS_KEY_ID=AKIDTESTONLY", "AWS_SECRET_ACCESS_KEY=test-only",
                "AWS_MAX_ATTEMPTS=1", "AWS_CONFIG_FILE=" + dir.resolve("no-aws-config"),
                "AWS_SHARED_CREDENTIALS_FILE=" + dir.resolve("no-aws-credentials")));
        if (setting != null) {
            run.add(setting);
        }
        run.addAll(command);
        return run;
    }

    private interface Command {
        List<String> of(String url);
    }

    /** Each scenario under default trust and under each profile given through {@code variable}. */
    private static List<DynamicTest> cases(String client, String variable, Command command) {
        List<DynamicTest> tests = new ArrayList<>();
        for (String id : SCENARIOS) {
            JsonNode scenario = serve.scenario(id);
            for (String profile : concat(DEFAULT_TRUST, PROFILES)) {
                String judgedAs = profile.equals(DEFAULT_TRUST) ? "no-ats" : profile;
                tests.add(DynamicTest.dynamicTest(id + " with " + profile + " → "
                        + ManifestVerdicts.expected(scenario, judgedAs), () -> {
                    List<String> run = environment(profile.equals(DEFAULT_TRUST) ? null
                            : variable + "=" + serve.bundle(profile), command.of(scenario.get("url").asText()));
                    long start = System.nanoTime();
                    ProcessRun result = ProcessRun.run(run);
                    ManifestVerdicts.verify(client + (profile.equals(DEFAULT_TRUST) ? " (default trust)" : ""), scenario,
                            judgedAs, result.exitCode(), result.output(), Duration.ofNanos(System.nanoTime() - start));
                }));
            }
        }
        return tests;
    }

    private static List<String> concat(String first, List<String> rest) {
        List<String> all = new ArrayList<>(List.of(first));
        all.addAll(rest);
        return all;
    }
}
