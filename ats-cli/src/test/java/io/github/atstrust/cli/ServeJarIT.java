package io.github.atstrust.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.atstrust.junit.RequiresCommand;
import io.github.atstrust.testkit.ProcessRun;
import io.github.atstrust.testkit.scenario.Scenario;
import io.github.atstrust.testkit.scenario.ScenarioCatalogue;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built CLI jar's {@code serve}, started as its own process and used the way a non-JVM client would:
 * through the manifest, with the real curl.
 */
class ServeJarIT {

    @TempDir
    Path dir;
    private Process serve;
    private BufferedReader lines;
    private final List<String> output = new ArrayList<>();
    private JsonNode manifest;

    @BeforeEach
    void startServe() throws Exception {
        Path jar = Path.of("target/ats-cli.jar").toAbsolutePath();
        assertThat(jar).as("run after package: mvn verify builds the CLI jar").isRegularFile();
        Path manifestFile = dir.resolve("manifest.json");
        serve = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                jar.toString(), "serve", "--manifest", manifestFile.toString(), "--export-dir", dir.resolve("trust").toString())
                .redirectErrorStream(true).start();
        lines = new BufferedReader(new InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = lines.readLine()) != null) {
            output.add(line);
            if (line.startsWith("Ready in")) {
                break;
            }
        }
        assertThat(output).as("serve output").anyMatch(l -> l.startsWith("Ready in"));
        manifest = new ObjectMapper().readTree(manifestFile.toFile());
    }

    @AfterEach
    void stopServe() throws Exception {
        if (serve.isAlive()) {
            serve.destroyForcibly();
        }
    }

    @Test
    void manifestDescribesEveryProfileAndScenarioWithAbsolutePaths() {
        assertThat(manifest.get("version").asInt()).isEqualTo(1);
        assertThat(manifest.get("profiles")).hasSize(8);
        for (JsonNode profile : manifest.get("profiles")) {
            for (String file : List.of("pemBundle", "pkcs12", "jks")) {
                assertThat(Path.of(profile.get(file).asText())).isAbsolute().isRegularFile();
            }
            assertThat(profile.get("storePassword").asText()).isEqualTo("changeit");
        }
        int mail = 0;
        for (JsonNode scenario : manifest.get("scenarios")) {
            assertThat(scenario.get("expect").size()).isEqualTo(8);
            assertThat(scenario.get("requires").isArray()).isTrue();
            String url = scenario.get("url").asText();
            String id = scenario.get("id").asText();
            if (id.endsWith("-smtp") || id.endsWith("-smtps")) {
                mail++;
                String scheme = id.substring(id.lastIndexOf('-') + 1);
                assertThat(url).isEqualTo(scheme + "://localhost:" + scenario.get("port").asInt());
                assertThat(scenario.get("requires").toString()).contains("\"smtp\"");
                assertThat(id).isEqualTo(scenario.get("scenario").asText() + "-" + scheme);
            } else {
                assertThat(url).isEqualTo("https://localhost:" + scenario.get("port").asInt() + "/");
                assertThat(scenario.get("scenario").asText()).isEqualTo(id);
            }
        }
        assertThat(mail).as("STARTTLS and TLS wrapper mode for each mail scenario").isEqualTo(2 * ScenarioCatalogue.builtIn().scenarios().stream().filter(Scenario::servedOverSmtp).count());
    }

    @Test
    @RequiresCommand("curl --version")
    void realCurlSendsMailOnlyToTheMailServerTheManifestSaysItTrusts() throws Exception {
        String bundle = profile("amazon-root-ca-1").get("pemBundle").asText();
        Path message = Files.writeString(dir.resolve("message.txt"), "Subject: test\r\n\r\ntest only\r\n");
        List<String> send = List.of("curl", "-sS", "--ssl-reqd", "--cacert", bundle, "--mail-from", "a@example.test",
                "--mail-rcpt", "b@example.test", "-T", message.toString());

        ProcessRun accepted = ProcessRun.run(with(send, scenario("ats-root-ca-1-smtp").get("url").asText()));
        ProcessRun rejected = ProcessRun.run(with(send, scenario("untrusted-root-smtps").get("url").asText()));

        assertThat(accepted.exitCode()).as(accepted.output()).isZero();
        assertThat(rejected.exitCode()).as("curl's 'peer certificate cannot be authenticated': %s", rejected.output())
                .isEqualTo(60);
    }

    private static List<String> with(List<String> command, String url) {
        List<String> all = new ArrayList<>(command);
        all.add(url);
        return all;
    }

    @Test
    @RequiresCommand("curl --version")
    void realCurlAcceptsAnAtsChainAndRejectsAnUntrustedRootAsTheManifestSays() throws Exception {
        String bundle = profile("amazon-root-ca-1").get("pemBundle").asText();
        JsonNode good = scenario("ats-root-ca-1");
        JsonNode bad = scenario("untrusted-root");

        ProcessRun accepted = ProcessRun.run(List.of("curl", "-sS", "--cacert", bundle, good.get("url").asText()));
        ProcessRun rejected = ProcessRun.run(List.of("curl", "-sS", "--cacert", bundle, bad.get("url").asText()));

        assertThat(good.get("expect").get("amazon-root-ca-1").asText()).isEqualTo("accept");
        assertThat(accepted.exitCode()).as(accepted.output()).isZero();
        assertThat(accepted.output()).isEqualTo("healthy: localhost");
        assertThat(bad.get("expect").get("amazon-root-ca-1").asText()).isEqualTo("reject");
        assertThat(rejected.exitCode()).as("curl's 'peer certificate cannot be authenticated'").isEqualTo(60);
    }

    @Test
    void manifestNamesThisRunSoAClientCanTellAStaleOne() {
        assertThat(manifest.get("pid").asLong()).isEqualTo(serve.pid());
        assertThat(manifest.get("runId").asText()).hasSize(36);
        assertThat(java.time.Instant.parse(manifest.get("startedAt").asText())).isBefore(java.time.Instant.now());
        assertThat(scenario("expired").get("reasons").get("no-ats").asText()).isEqualTo("UNTRUSTED_ROOT");
        assertThat(scenario("expired").get("reasons").get("all-ats").asText()).isEqualTo("EXPIRED");
        assertThat(scenario("ats-root-ca-1").get("reasons").has("all-ats")).isFalse();
    }

    @Test
    void manifestLeadsANonJvmClientToTheIndexTheCrlsAndTheCaCertificates() throws Exception {
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        java.net.URI index = java.net.URI.create(manifest.get("index").asText());

        var page = http.send(java.net.http.HttpRequest.newBuilder(index).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        var crl = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(manifest.get("crlBase").asText()
                + "amazon-root-ca-1.crl")).build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        var ca = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(manifest.get("caBase").asText()
                + "amazon-rsa-2048-m01.cer")).build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray());

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("ats-root-ca-1", "untrusted-root");
        assertThat(crl.statusCode()).isEqualTo(200);
        assertThat(java.security.cert.CertificateFactory.getInstance("X.509")
                .generateCRL(new java.io.ByteArrayInputStream(crl.body())).getType()).isEqualTo("X.509");
        assertThat(ca.statusCode()).isEqualTo(200);
        assertThat(((java.security.cert.X509Certificate) java.security.cert.CertificateFactory.getInstance("X.509")
                .generateCertificate(new java.io.ByteArrayInputStream(ca.body()))).getSubjectX500Principal().getName())
                .contains("Amazon RSA 2048 M01");
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"TERM", "INT", "HUP"})
    void aSignalClosesCleanlyWithExitCodeZeroAndRemovesManifestAndExport(String signal) throws Exception {
        org.junit.jupiter.api.Assumptions.assumeFalse(signal.equals("HUP") && hangUpIgnored(), "SIGHUP is ignored in this "
                + "process tree (started under nohup): serve inherits that, as every program does");
        // kill(1), not Process.destroy(): destroy() also closes our end of serve's output
        ProcessRun.run(List.of("kill", "-" + signal, String.valueOf(serve.pid())));

        assertThat(serve.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(serve.exitValue()).isZero();
        assertThat(lines.lines()).contains("Stopped.");
        assertThat(dir.resolve("manifest.json")).as("no manifest naming dead ports").doesNotExist();
        assertThat(dir.resolve("trust")).as("the export it wrote is removed").doesNotExist();
    }

    /** Whether this JVM inherited SIGHUP as ignored (bit 0 of {@code SigIgn} in {@code /proc/self/status}). */
    private static boolean hangUpIgnored() throws java.io.IOException {
        return java.nio.file.Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("SigIgn:"))
                .map(l -> Long.parseLong(l.substring("SigIgn:".length()).strip(), 16)).anyMatch(mask -> (mask & 1) != 0);
    }

    private JsonNode profile(String id) {
        for (JsonNode profile : manifest.get("profiles")) {
            if (profile.get("id").asText().equals(id)) {
                return profile;
            }
        }
        throw new AssertionError("no profile " + id + " in the manifest");
    }

    private JsonNode scenario(String id) {
        for (JsonNode scenario : manifest.get("scenarios")) {
            if (scenario.get("id").asText().equals(id)) {
                return scenario;
            }
        }
        throw new AssertionError("no scenario " + id + " in the manifest");
    }
}
