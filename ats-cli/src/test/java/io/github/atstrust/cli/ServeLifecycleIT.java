package io.github.atstrust.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.atstrust.testkit.ProcessRun;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code serve} leaves behind when it is killed, and how the next run cleans up; and the exit code of a
 * crash, which is never a verdict.
 */
class ServeLifecycleIT {

    private static final Path JAR = Path.of("target/ats-cli.jar").toAbsolutePath();

    @TempDir
    Path dir;
    private final List<Process> started = new ArrayList<>();

    @AfterEach
    void killWhatIsLeft() {
        started.forEach(Process::destroyForcibly);
    }

    @Test
    void aRestartRemovesTheStaleManifestOfAKilledRunBeforeItsServersStart() throws Exception {
        Path manifest = dir.resolve("manifest.json");
        Running first = serve("--manifest", manifest.toString());
        long deadPid = first.process().pid();
        ProcessRun.run(List.of("kill", "-KILL", String.valueOf(deadPid)));
        first.process().waitFor(30, TimeUnit.SECONDS);
        assertThat(new ObjectMapper().readTree(manifest.toFile()).get("pid").asLong())
                .as("kill -9 leaves the manifest; its pid tells a client it is stale").isEqualTo(deadPid);
        assertThat(ProcessHandle.of(deadPid)).isEmpty();

        Running second = serve("--manifest", manifest.toString());

        int removed = indexOf(second.output(), "Removed the manifest of an earlier run");
        int serversUp = indexOf(second.output(), "ATS Trust Kit: fake ATS scenarios");
        assertThat(removed).as("%s", second.output()).isNotNegative().isLessThan(serversUp);
        assertThat(new ObjectMapper().readTree(manifest.toFile()).get("pid").asLong()).isEqualTo(second.process().pid());
    }

    @Test
    void aSecondServeRefusesTheManifestOfARunningOneAndLeavesItAlone() throws Exception {
        Path manifest = dir.resolve("manifest.json");
        Running first = serve("--manifest", manifest.toString());
        String before = Files.readString(manifest);

        ProcessRun second = ProcessRun.run(List.of(java(), "-jar", JAR.toString(), "serve", "--only", "ats-root-ca-1",
                "--manifest", manifest.toString()));

        assertThat(second.exitCode()).as(second.output()).isEqualTo(2);
        assertThat(second.output()).contains("still running (serve pid " + first.process().pid() + " run ");
        assertThat(Files.readString(manifest)).isEqualTo(before);
    }

    @Test
    void theTemporaryExportOfAKilledRunIsRemovedByTheNextRun() throws Exception {
        Running first = serve();
        Path export = Path.of(line(first.output(), "Trust material:"));
        assertThat(export.getFileName().toString()).startsWith("ats-export-" + first.process().pid() + "-");
        ProcessRun.run(List.of("kill", "-KILL", String.valueOf(first.process().pid())));
        first.process().waitFor(30, TimeUnit.SECONDS);
        assertThat(export).as("kill -9 runs no clean-up").isDirectory();

        serve();

        assertThat(export).as("removed by the next serve: its process is gone").doesNotExist();
    }

    @Test
    void servesTheMirrorOfAStoreListedInTheManifestAndRemovesItOnStop() throws Exception {
        Path bundle = Path.of("/etc/ssl/certs/ca-certificates.crt");
        Path manifest = dir.resolve("manifest.json");
        Running running = serve("--mirror", bundle.toString(), "--manifest", manifest.toString());
        JsonNode json = new ObjectMapper().readTree(manifest.toFile());
        JsonNode mirror = json.get("mirrors").get(0);
        String url = json.get("scenarios").get(0).get("url").asText();

        ProcessRun mirrored = ProcessRun.run(List.of("env", "-u", "SSL_CERT_FILE", "CURL_CA_BUNDLE="
                + mirror.get("pemBundle").asText(), "curl", "-sS", "-o", "/dev/null", url));
        ProcessRun original = ProcessRun.run(List.of("env", "-u", "SSL_CERT_FILE", "CURL_CA_BUNDLE=" + bundle, "curl", "-sS",
                "-o", "/dev/null", url));
        running.process().destroy();
        running.process().waitFor(30, TimeUnit.SECONDS);

        assertThat(json.get("mirrors")).hasSize(1);
        assertThat(mirror.get("id").asText()).isEqualTo("mirror-1");
        assertThat(mirror.get("description").asText()).isEqualTo("mirror of " + bundle);
        assertThat(running.output()).anyMatch(l -> l.startsWith("Mirror:") && l.contains("mirror-1.{pem,p12,jks}"));
        assertThat(mirrored.exitCode()).as("curl on the mirror of the OS bundle: %s", mirrored.output()).isZero();
        assertThat(original.exitCode()).as("curl on the OS bundle itself: %s", original.output()).isEqualTo(60);
        assertThat(Path.of(mirror.get("pemBundle").asText())).as("removed with the rest of the export on stop").doesNotExist();
    }

    @Test
    void aCrashExitsThreeWithOneLineNeverOneAndTheStackTraceOnlyWhenVerbose() throws Exception {
        Path big = dir.resolve("big.pem");
        try (RandomAccessFile sparse = new RandomAccessFile(big.toFile(), "rw")) {
            sparse.setLength(200L * 1024 * 1024);
        }

        ProcessRun quiet = ProcessRun.run(List.of(java(), "-Xmx32m", "-jar", JAR.toString(), "audit", "--max-size", "512",
                big.toString()));
        ProcessRun verbose = ProcessRun.run(List.of(java(), "-Xmx32m", "-jar", JAR.toString(), "audit", "--max-size", "512",
                "--verbose", big.toString()));

        assertThat(quiet.exitCode()).as(quiet.output()).isEqualTo(3);
        assertThat(quiet.output().lines().filter(l -> !l.isBlank())).as(quiet.output()).hasSize(1)
                .first().asString().contains("internal failure").contains("OutOfMemoryError").contains("--verbose");
        assertThat(verbose.exitCode()).isEqualTo(3);
        assertThat(verbose.output()).contains("\tat ");
    }

    private record Running(Process process, List<String> output) {
    }

    private Running serve(String... options) throws IOException {
        List<String> command = new ArrayList<>(List.of(java(), "-jar", JAR.toString(), "serve",
                "--only", "ats-root-ca-1"));
        command.addAll(List.of(options));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        started.add(process);
        BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        List<String> output = new ArrayList<>();
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            output.add(line);
            if (line.startsWith("Ready in")) {
                return new Running(process, output);
            }
        }
        throw new AssertionError("serve did not get ready: " + output);
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static int indexOf(List<String> output, String prefix) {
        return Stream.iterate(0, i -> i < output.size(), i -> i + 1).filter(i -> output.get(i).startsWith(prefix))
                .findFirst().orElse(-1);
    }

    private static String line(List<String> output, String prefix) {
        return output.stream().filter(l -> l.startsWith(prefix)).map(l -> l.substring(prefix.length()).strip())
                .findFirst().orElseThrow(() -> new AssertionError("no '" + prefix + "' in " + output));
    }

}
