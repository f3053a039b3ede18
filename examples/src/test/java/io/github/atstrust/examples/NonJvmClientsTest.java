package io.github.atstrust.examples;

import static io.github.atstrust.junit.AtsAssertions.assertThat;
import static io.github.atstrust.junit.AtsAssertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.atstrust.junit.RequiresCommand;
import io.github.atstrust.testkit.ProcessRun;
import io.github.atstrust.testkit.probe.HandshakeOutcome;
import io.github.atstrust.testkit.scenario.ExpectedOutcome;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * curl, openssl s_client, Python and Node across the matrix, each given trust the way its users give it
 * (a CA file) and nothing but what {@code ats serve} publishes: its manifest and exported bundles.
 */
class NonJvmClientsTest {

    private static final List<String> PROFILES = List.of("all-ats", "no-ats", "starfield-class-2", "starfield-services-root-g2");
    /** The client setting of the strict clients, as the manifest's {@code underSettings} names it. */
    private static final String STRICT = "x509-strict";

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
    @RequiresCommand("curl --version")
    List<DynamicTest> curl() {
        return perCase("curl", (scenario, profile) -> ProcessRun.run(List.of("curl", "-sS", "-o", "/dev/null",
                "--max-time", "10", "--cacert", serve.bundle(profile), scenario.get("url").asText())));
    }

    @TestFactory
    @RequiresCommand("openssl version")
    List<DynamicTest> opensslSClient() {
        return perCase("openssl-s_client", (scenario, profile) -> {
            Process process = new ProcessBuilder("openssl", "s_client", "-connect", "localhost:" + scenario.get("port").asInt(),
                    "-servername", "localhost", "-CAfile", serve.bundle(profile), "-verify_return_error",
                    "-verify_hostname", "localhost", "-brief")
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            process.waitFor(30, TimeUnit.SECONDS);
            return new ProcessRun(process.exitValue(), output);
        });
    }

    /**
     * {@code openssl s_client -x509_strict}: OpenSSL's strict checks refuse Starfield Class 2 as an anchor (its basic
     * constraints are not critical, it has no key usage), judged against the manifest's {@code x509-strict} expectations.
     */
    @TestFactory
    @RequiresCommand("openssl version")
    List<DynamicTest> opensslSClientStrict() {
        return perCase("openssl-s_client-x509-strict", STRICT, (scenario, profile) -> ProcessRun.run(List.of("sh", "-c",
                "openssl s_client -connect localhost:" + scenario.get("port").asInt() + " -servername localhost -CAfile "
                        + serve.bundle(profile) + " -verify_return_error -verify_hostname localhost -x509_strict -brief"
                        + " </dev/null")));
    }

    /**
     * NSS's {@code tstclnt}, with an NSS database per profile holding its anchors as trusted CAs ({@code certutil -t
     * "C,,"}), checking the server's name ({@code -a localhost}), under every profile {@code serve} exports (the single
     * Amazon roots too); NSS builds its own path around the served chain.
     */
    @TestFactory
    @RequiresCommand({"which tstclnt", "which certutil"})
    List<DynamicTest> nssTstclnt() throws Exception {
        java.util.Map<String, Path> databases = new java.util.HashMap<>();
        for (String profile : serve.profileIds()) {
            databases.put(profile, NssDatabase.trusting(dir.resolve("nss-" + profile), Path.of(serve.bundle(profile))));
        }
        return MatrixCases.cases(serve, "nss-tstclnt", serve.profileIds(), (scenario, profile) -> java.util.Optional.of(
                ManifestVerdicts.expected("nss-tstclnt", scenario, profile)), (scenario, profile) -> ProcessRun.run(List.of(
                "sh", "-c", "tstclnt -h 127.0.0.1 -a localhost -p " + scenario.get("port").asInt() + " -d sql:"
                        + databases.get(profile) + " -Q </dev/null")));
    }

    @TestFactory
    @RequiresCommand("python3 --version")
    List<DynamicTest> pythonSslAndUrllib() throws Exception {
        return fromScript("python-urllib", null, "python3", "matrix.py");
    }

    /** Python's ssl with {@code VERIFY_X509_STRICT}, as Python 3.13's default context sets it. */
    @TestFactory
    @RequiresCommand("python3 --version")
    List<DynamicTest> pythonSslStrict() throws Exception {
        return fromScript("python-urllib-x509-strict", STRICT, "python3", "matrix.py", "--x509-strict");
    }

    @TestFactory
    @RequiresCommand("node --version")
    List<DynamicTest> nodeHttps() throws Exception {
        return fromScript("node-https", null, "node", "matrix.js");
    }

    /**
     * Go's {@code net/http} default client and {@code crypto/x509} verifier, trusting each built-in profile the way
     * Go programs are given trust: {@code SSL_CERT_FILE} (and an empty {@code SSL_CERT_DIR}, so nothing else).
     * One process per profile: Go reads its system pool once.
     */
    @TestFactory
    @RequiresCommand("go version")
    List<DynamicTest> goNetHttp() throws Exception {
        Path binary = dir.resolve("go-matrix");
        ProcessRun build = ProcessRun.run(List.of("go", "build", "-o", binary.toString(), "src/test/resources/clients/matrix.go"));
        assertThat(build.exitCode()).as("go build: %s", build.output()).isZero();
        Path noOtherCertificates = java.nio.file.Files.createDirectories(dir.resolve("go-empty-cert-dir"));
        ObjectMapper json = new ObjectMapper();
        List<DynamicTest> tests = new ArrayList<>();
        List<String> profiles = serve.profileIds();
        for (String profile : profiles) {
            ProcessRun run = ProcessRun.run(List.of("env", "SSL_CERT_FILE=" + serve.bundle(profile),
                    "SSL_CERT_DIR=" + noOtherCertificates, binary.toString(), serve.manifestFile().toString(), profile));
            for (String line : run.output().lines().filter(l -> l.startsWith("{")).toList()) {
                JsonNode result = json.readTree(line);
                JsonNode scenario = serve.scenario(result.get("scenario").asText());
                tests.add(DynamicTest.dynamicTest(scenario.get("id").asText() + " with " + profile + " → "
                        + ManifestVerdicts.expected(scenario, profile), () -> ManifestVerdicts.verify("go-net-http", scenario, profile,
                        result.get("outcome").asText().equals("accept") ? 0 : 1, result.get("error").asText(),
                        Duration.ofMillis(result.get("ms").asLong()))));
            }
        }
        assertThat(tests).as("Go printed a result per case").hasSize(serve.unconditionalScenarios().size() * profiles.size());
        return tests;
    }

    /** A closed port and a plain-HTTP port reach no TLS verdict with any tool: never read as a rejection. */
    @TestFactory
    @RequiresCommand({"curl --version", "openssl version", "python3 --version", "node --version"})
    List<DynamicTest> noVerdictAgainstAClosedPortOrAPlainHttpPort() throws Exception {
        int closed;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        int plain = serve.indexUri().getPort();
        List<DynamicTest> tests = new ArrayList<>();
        for (int port : List.of(closed, plain)) {
            String url = "https://localhost:" + port + "/";
            String what = port == closed ? "connection refused" : "the peer does not speak TLS";
            tests.add(noVerdict("curl", what, List.of("curl", "-sS", "-o", "/dev/null", "--max-time", "10", url)));
            tests.add(noVerdict("openssl-s_client", what, List.of("timeout", "20", "sh", "-c", "openssl s_client -connect "
                    + "localhost:" + port + " -servername localhost -verify_return_error -brief </dev/null")));
            tests.add(noVerdict("python-urllib", what, List.of("python3", "-c", "import sys,urllib.request; "
                    + "urllib.request.urlopen(sys.argv[1], timeout=5)", url)));
            tests.add(noVerdict("node-https", what, List.of("node", "-e", "require('https').get(process.argv[1], {timeout: 5000}, "
                    + "r => process.exit(0)).on('timeout', () => { console.error('timeout'); process.exit(1); })"
                    + ".on('error', e => { console.error(e.code + ' ' + e.message); process.exit(1); })", url)));
        }
        return tests;
    }

    private static DynamicTest noVerdict(String client, String what, List<String> command) {
        return DynamicTest.dynamicTest(client + ": " + what, () -> {
            ProcessRun run = ProcessRun.run(command);
            HandshakeOutcome outcome = HandshakeOutcome.ofCommand(run.exitCode(), run.output(), Duration.ZERO, "", false);

            assertThat(outcome.noVerdictDescription().orElse("")).as("%s said: %s", client, run.output()).isEqualTo(what);
            assertThatThrownBy(() -> assertThat(outcome).isRejected()).hasMessageContaining("no TLS verdict: " + what);
        });
    }

    /** Measured, not assumed: does the tool, as commonly invoked, refuse a leaf its CA has revoked? */
    @TestFactory
    @RequiresCommand({"curl --version", "openssl version", "python3 --version", "node --version"})
    List<DynamicTest> revocationCheckingByDefault() {
        String url = serve.scenario("revoked").get("url").asText();
        String port = String.valueOf(serve.scenario("revoked").get("port").asInt());
        String bundle = serve.bundle("all-ats");
        return List.of(
                revocationProbe("curl", List.of("curl", "-sS", "-o", "/dev/null", "--max-time", "10", "--cacert", bundle, url)),
                revocationProbe("openssl-s_client", List.of("sh", "-c", "openssl s_client -connect localhost:" + port
                        + " -servername localhost -CAfile " + bundle + " -verify_return_error -brief </dev/null")),
                revocationProbe("python-urllib", List.of("python3", "-c", "import ssl,sys,urllib.request; "
                        + "urllib.request.urlopen(sys.argv[1], context=ssl.create_default_context(cafile=sys.argv[2]), timeout=5)",
                        url, bundle)),
                revocationProbe("node-https", List.of("node", "-e", "require('https').get(process.argv[1], {ca: "
                        + "require('fs').readFileSync(process.argv[2])}, r => { r.resume(); r.on('end', () => process.exit(0)); })"
                        + ".on('error', e => { console.error(e.message); process.exit(1); })", url, bundle)));
    }

    private static DynamicTest revocationProbe(String client, List<String> command) {
        return DynamicTest.dynamicTest(client, () -> {
            ProcessRun run = ProcessRun.run(command);
            boolean accepted = run.exitCode() == 0;
            ClientsReport.note("revocation checking by default", client, accepted
                    ? "no: the revoked leaf was accepted" : "yes: exit " + run.exitCode() + ", " + run.output().strip());
            assertThat(accepted || run.output().toLowerCase(Locale.ROOT).contains("revoked"))
                    .as("%s either accepts the revoked leaf or refuses it as revoked: %s", client, run.output()).isTrue();
        });
    }

    /** One process per case: its exit code is the verdict, its words the reason. */
    private static List<DynamicTest> perCase(String client, MatrixCases.CaseRun caseRun) {
        return perCase(client, null, caseRun);
    }

    /** {@link #perCase(String, MatrixCases.CaseRun)} for a client with a setting ({@code null}: none) the manifest declares. */
    private static List<DynamicTest> perCase(String client, String setting, MatrixCases.CaseRun caseRun) {
        return MatrixCases.cases(serve, client, PROFILES,
                (scenario, profile) -> java.util.Optional.of(expected(client, setting, scenario, profile)), caseRun);
    }

    private static ExpectedOutcome expected(String client, String setting, JsonNode scenario, String profile) {
        if (setting != null) {
            ManifestVerdicts.judgedUnder(client, setting);
        }
        return setting == null ? ManifestVerdicts.expected(client, scenario, profile)
                : ManifestVerdicts.expectedUnder(setting, scenario, profile);
    }

    /** One process for the whole matrix, printing a JSON line per case; {@code setting} as for perCase. */
    private static List<DynamicTest> fromScript(String client, String setting, String interpreter, String script,
                                                String... options) throws Exception {
        Path scriptFile = Path.of("src/test/resources/clients", script);
        List<String> command = new ArrayList<>(List.of(interpreter, scriptFile.toString()));
        command.addAll(List.of(options));
        command.add(serve.manifestFile().toString());
        command.addAll(PROFILES);
        ProcessRun run = ProcessRun.run(command);
        ObjectMapper json = new ObjectMapper();
        List<DynamicTest> tests = new ArrayList<>();
        for (String line : run.output().lines().filter(l -> l.startsWith("{")).toList()) {
            JsonNode result = json.readTree(line);
            JsonNode scenario = serve.scenario(result.get("scenario").asText());
            String profile = result.get("profile").asText();
            ExpectedOutcome expected = expected(client, setting, scenario, profile);
            tests.add(DynamicTest.dynamicTest(scenario.get("id").asText() + " with " + profile + " → " + expected,
                    () -> ManifestVerdicts.verify(client, scenario, profile, expected,
                            result.get("outcome").asText().equals("accept") ? 0 : 1, result.get("error").asText(),
                            Duration.ofMillis(result.get("ms").asLong()))));
        }
        assertThat(tests).as("%s printed a result per case: %s", client, run.output())
                .hasSize(serve.unconditionalScenarios().size() * PROFILES.size());
        return tests;
    }
}
