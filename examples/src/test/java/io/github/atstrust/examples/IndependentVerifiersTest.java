package io.github.atstrust.examples;

import static io.github.atstrust.junit.AtsAssertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.atstrust.junit.RequiresCommand;
import io.github.atstrust.testkit.ProcessRun;
import io.github.atstrust.testkit.probe.HandshakeOutcome;
import io.github.atstrust.testkit.scenario.ExpectedOutcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The certificate verifiers with path builders of their own, each given trust the way its users give it (a CA file,
 * host name checked, the library's default verification) over every scenario with empty {@code requires} and every
 * profile {@code serve} exports: GnuTLS ({@code gnutls-cli}, {@code wget}), mbedTLS and wolfSSL (C probes built here
 * against Debian's libraries, as device firmware uses them), rustls (a probe built offline from Debian's crate
 * sources) and Botan ({@code botan tls_client}). Where a verifier differs from the declared table it is asserted as
 * that verifier's known behaviour ({@link VerifierBehaviours}), with its cause, and reported.
 */
class IndependentVerifiersTest {

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

    /** GnuTLS's own client: {@code --x509cafile} replaces the system trust; the host name is checked. */
    @TestFactory
    @RequiresCommand("gnutls-cli --version")
    List<DynamicTest> gnutlsCli() {
        return cases("gnutls-cli", (scenario, profile) -> run(List.of("gnutls-cli", "--x509cafile", serve.bundle(profile),
                "-p", port(scenario), "localhost")));
    }

    /** Debian's {@code wget}, built on GnuTLS, with the profile's bundle and an empty CA directory (no system trust). */
    @TestFactory
    @RequiresCommand("wget --version")
    List<DynamicTest> wget() throws Exception {
        Path noSystemTrust = Files.createDirectories(dir.resolve("wget-empty-ca-directory"));
        return cases("wget", (scenario, profile) -> run(List.of("wget", "--tries=1", "--timeout=10", "-O", "/dev/null",
                "--ca-certificate=" + serve.bundle(profile), "--ca-directory=" + noSystemTrust,
                scenario.get("url").asText())));
    }

    /**
     * {@code git ls-remote} over Debian's libcurl-gnutls ({@code GIT_SSL_CAINFO}, an empty {@code GIT_SSL_CAPATH}): an
     * accepted chain reaches the server, which answers that there is no repository; a refused one is "unable to access".
     */
    @TestFactory
    @RequiresCommand("git --version")
    List<DynamicTest> gitOverLibcurlGnutls() throws Exception {
        Path noSystemTrust = Files.createDirectories(dir.resolve("git-empty-ca-path"));
        return cases("git", (scenario, profile) -> {
            ProcessRun run = run(List.of("env", "GIT_SSL_CAINFO=" + serve.bundle(profile), "GIT_SSL_CAPATH=" + noSystemTrust,
                    "GIT_TERMINAL_PROMPT=0", "git", "ls-remote", scenario.get("url").asText()));
            boolean reachedTheServer = run.output().contains("fatal: repository '") && run.output().contains("' not found");
            return reachedTheServer ? new ProcessRun(0, run.output()) : run;
        });
    }

    /** mbedTLS 2.28 as devices use it: the default preset, {@code MBEDTLS_SSL_VERIFY_REQUIRED}, the host name set. */
    @TestFactory
    @RequiresCommand({"gcc --version", "test -f /usr/include/mbedtls/ssl.h"})
    List<DynamicTest> mbedtls() throws Exception {
        return cases("mbedtls", deviceProbe("mbedtls"));
    }

    /** wolfSSL 5.5 with {@code WOLFSSL_VERIFY_PEER} and Debian's build options (alternative chains on). */
    @TestFactory
    @RequiresCommand({"gcc --version", "test -f /usr/include/wolfssl/ssl.h"})
    List<DynamicTest> wolfssl() throws Exception {
        return cases("wolfssl", deviceProbe("wolfssl"));
    }

    /**
     * The cases the AWS IoT and Alexa device guides imply, for the libraries devices run: a device trusting only
     * Amazon Root CA 1 meeting the EC chains (Root CA 3), one trusting only Starfield Class 2 meeting the 2024 ACM
     * chain, and a one-certificate store meeting an expired cross-certificate, each verdict and reason reported.
     */
    @TestFactory
    @RequiresCommand({"gcc --version", "test -f /usr/include/mbedtls/ssl.h", "test -f /usr/include/wolfssl/ssl.h"})
    List<DynamicTest> deviceRehearsals() throws Exception {
        record Rehearsal(String what, String scenario, String profile) {
        }
        List<Rehearsal> rehearsals = new ArrayList<>();
        for (String ecChain : List.of("ats-root-ca-3", "next-generation-ec")) {
            rehearsals.add(new Rehearsal("a device trusting only Amazon Root CA 1 meets an EC chain", ecChain, "amazon-root-ca-1"));
        }
        rehearsals.add(new Rehearsal("a device trusting only Starfield Class 2 meets the 2024 ACM chain", "ats-acm-2024",
                "starfield-class-2"));
        for (String profile : List.of("amazon-root-ca-1", "amazon-root-ca-3", "starfield-services-root-g2", "starfield-class-2")) {
            String ec = profile.equals("amazon-root-ca-3") ? "-ec" : "";
            for (String expiredCross : List.of("class2-cross-expired" + ec, "g2-cross-expired" + ec)) {
                rehearsals.add(new Rehearsal("a device with a one-certificate store meets an expired cross-certificate",
                        expiredCross, profile));
            }
        }
        List<DynamicTest> tests = new ArrayList<>();
        for (String client : List.of("mbedtls", "wolfssl")) {
            MatrixCases.CaseRun probe = deviceProbe(client);
            for (Rehearsal rehearsal : rehearsals) {
                JsonNode scenario = serve.scenario(rehearsal.scenario());
                String profile = rehearsal.profile();
                ExpectedOutcome expected = VerifierBehaviours.expected(client, scenario, profile,
                        ManifestVerdicts.expected(scenario, profile)).orElseThrow();
                tests.add(DynamicTest.dynamicTest(client + ": " + rehearsal.what() + ": " + rehearsal.scenario() + " with " + profile
                        + " → " + expected, () -> {
                    ProcessRun run = probe.run(scenario, profile);
                    ClientsReport.note("device rehearsal", client, rehearsal.what() + ": " + rehearsal.scenario() + " under " + profile
                            + ": " + (run.exitCode() == 0 ? "accepted" : "refused: " + run.output().strip()
                            .replace("\n", " ").replaceAll("\\s+", " ")));
                    assertThat(HandshakeOutcome.ofCommand(run.exitCode(), run.output(), Duration.ZERO, "localhost:"
                            + port(scenario), false)).as("%s: %s", client, rehearsal).matches(expected);
                }));
            }
        }
        return tests;
    }

    /** rustls 0.20 with webpki 0.22, a root store of the profile's anchors, built offline from Debian's crates. */
    @TestFactory
    @RequiresCommand({"cargo --version", "test -d /usr/share/cargo/registry/rustls-0.20.8"})
    List<DynamicTest> rustls() throws Exception {
        Path probe = CompiledProbes.rust(dir, "rustls-probe");
        return cases("rustls", (scenario, profile) -> run(List.of(probe.toString(), "localhost", port(scenario),
                serve.bundle(profile))));
    }

    /**
     * Botan 2.19's {@code tls_client} with only the profile's bundle as trust. The tool prints its verifier's verdict
     * ("Certificate validation status: …") and completes the handshake whatever it says, so that line is the verdict.
     */
    @TestFactory
    @RequiresCommand("botan version")
    List<DynamicTest> botan() {
        return cases("botan", (scenario, profile) -> {
            ProcessRun run = run(List.of("timeout", "20", "botan", "tls_client", "localhost", "--port=" + port(scenario),
                    "--skip-system-cert-store", "--trusted-cas=" + serve.bundle(profile)));
            String status = run.output().lines().filter(line -> line.startsWith("Certificate validation status: "))
                    .findFirst().orElse(null);
            if (status == null) {
                return run;
            }
            return new ProcessRun(status.endsWith(": Verified") ? 0 : 1, status);
        });
    }

    private static List<DynamicTest> cases(String client, MatrixCases.CaseRun caseRun) {
        List<DynamicTest> tests = MatrixCases.cases(serve, client, serve.profileIds(),
                (scenario, profile) -> VerifierBehaviours.expected(client, scenario, profile,
                        ManifestVerdicts.expected(scenario, profile)), caseRun);
        assertThat(tests).as("%s: every scenario under every profile", client)
                .hasSize(serve.unconditionalScenarios().size() * serve.profileIds().size());
        return tests;
    }

    /** The C probe of a device library ({@code mbedtls}, {@code wolfssl}), built once per run. */
    private static synchronized MatrixCases.CaseRun deviceProbe(String library) throws Exception {
        Path probe = dir.resolve(library + "-probe");
        if (!Files.isExecutable(probe)) {
            CompiledProbes.c(dir, library + "-probe", library.equals("mbedtls")
                    ? new String[] {"-lmbedtls", "-lmbedx509", "-lmbedcrypto"} : new String[] {"-lwolfssl"});
        }
        return (scenario, profile) -> run(List.of(probe.toString(), "localhost", port(scenario), serve.bundle(profile)));
    }

    private static String port(JsonNode scenario) {
        return String.valueOf(scenario.get("port").asInt());
    }

    /** Runs a client with this JVM's environment and nothing on its standard input (gnutls-cli reads it). */
    private static ProcessRun run(List<String> command) throws Exception {
        return ProcessRun.run(new ArrayList<>(command), Map.copyOf(System.getenv()));
    }
}
