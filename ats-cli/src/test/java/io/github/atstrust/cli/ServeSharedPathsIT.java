package io.github.atstrust.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.atstrust.testkit.ProcessRun;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two runs of {@code serve} on one machine (#24 items 1 to 3): the manifest and the export directory belong to the
 * run holding their lock, whatever pids say, and a run deletes only what it wrote. Each serve gets its own
 * {@code java.io.tmpdir}, so these tests never touch another build's temporary exports.
 */
class ServeSharedPathsIT {

    private static final Path JAR = Path.of("target/ats-cli.jar").toAbsolutePath();

    @TempDir
    Path dir;
    private final List<Process> started = new ArrayList<>();

    @AfterEach
    void killWhatIsLeft() {
        started.forEach(Process::destroyForcibly);
    }

    @Test
    void aSecondServeOnTheSameExportDirectoryIsRefusedAndTheFirstKeepsItsMaterial() throws Exception {
        Path export = dir.resolve("export");
        Process first = serve("--export-dir", export.toString()).orElseThrow();
        var before = DirectoryHashes.of(export);

        ProcessRun second = run("serve", "--only", "ats-root-ca-1", "--no-mail", "--export-dir", export.toString());

        assertThat(second.exitCode()).as(second.output()).isEqualTo(2);
        assertThat(second.output()).contains(export.toString()).contains("in use by a running serve pid " + first.pid());
        assertThat(DirectoryHashes.of(export)).isEqualTo(before);
        stop(first);
        assertThat(export).as("the first run removes what it wrote").doesNotExist();
    }

    @Test
    void servingThroughALinkRemovesOnlyWhatItWroteAndLeavesTheUsersFiles() throws Exception {
        Path users = Files.createDirectory(dir.resolve("users"));
        Path link = Files.createSymbolicLink(dir.resolve("link"), users);
        Process serve = serve("--export-dir", link.toString()).orElseThrow();
        Path planted = Files.writeString(users.resolve("notes.txt"), "written by the user while serve ran");

        stop(serve);

        assertThat(Files.readString(planted)).isEqualTo("written by the user while serve ran");
        try (var left = Files.list(users)) {
            assertThat(left).containsExactly(planted);
        }
        assertThat(Files.isSymbolicLink(link)).isTrue();
    }

    @Test
    void twoServesStartedTogetherWithOneManifestOneServesAndTheOtherIsRefused() throws Exception {
        Path manifest = dir.resolve("m.json");
        CompletableFuture<Optional<Process>> a = CompletableFuture.supplyAsync(() -> serveQuietly("--manifest", manifest.toString()));
        CompletableFuture<Optional<Process>> b = CompletableFuture.supplyAsync(() -> serveQuietly("--manifest", manifest.toString()));

        List<Process> ready = new ArrayList<>();
        a.get(120, TimeUnit.SECONDS).ifPresent(ready::add);
        b.get(120, TimeUnit.SECONDS).ifPresent(ready::add);

        assertThat(ready).as("exactly one serve owns the manifest").hasSize(1);
        assertThat(Manifest.isManifest(manifest)).isTrue();
        assertThat(started).filteredOn(p -> !ready.contains(p)).singleElement()
                .satisfies(refused -> assertThat(refused.waitFor(60, TimeUnit.SECONDS) ? refused.exitValue() : -1).isEqualTo(2));
        stop(ready.get(0));
        assertThat(manifest).doesNotExist();
        assertThat(Manifest.lockOf(manifest)).doesNotExist();
    }

    @Test
    void aStaleManifestWhosePidIsAliveIsReplacedBecauseNoRunHoldsItsLock() throws Exception {
        Path manifest = dir.resolve("m.json");
        Files.writeString(manifest, "{\"version\":1,\"runId\":\"gone\",\"pid\":" + ProcessHandle.current().pid()
                + ",\"profiles\":[],\"scenarios\":[]}");

        Process serve = serve("--manifest", manifest.toString()).orElseThrow();

        assertThat(Files.readString(manifest)).contains("\"pid\" : " + serve.pid());
    }

    @Test
    void aTemporaryExportOfARunInAnotherPidNamespaceIsLeftAloneWhileItsLockIsHeld() throws Exception {
        Path tmp = Files.createDirectory(dir.resolve("tmp"));
        Path invisible = tmp.resolve("ats-export-999999-0123456789");
        try (TrustMaterialExport other = TrustMaterialExport.writeTo(invisible, "changeit", "other-run", "serve")) {
            var before = DirectoryHashes.of(invisible);

            stop(serve("-Djava.io.tmpdir=" + tmp).orElseThrow());

            assertThat(DirectoryHashes.of(invisible)).as("pid 999999 is not visible here, but its lock is held")
                    .isEqualTo(before);
        }
        stop(serve("-Djava.io.tmpdir=" + tmp).orElseThrow());
        assertThat(invisible).as("once nobody holds its lock, the next serve removes it").doesNotExist();
    }

    private Optional<Process> serveQuietly(String... options) {
        try {
            return serve(options);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Starts a serve (JVM options first) and returns it once ready, or empty when it exited before. */
    private Optional<Process> serve(String... options) throws IOException {
        List<String> command = new ArrayList<>(List.of(java()));
        List.of(options).stream().filter(o -> o.startsWith("-D")).forEach(command::add);
        command.addAll(List.of("-jar", JAR.toString(), "serve", "--only", "ats-root-ca-1", "--no-mail"));
        List.of(options).stream().filter(o -> !o.startsWith("-D")).forEach(command::add);
        if (command.stream().noneMatch(o -> o.startsWith("-Djava.io.tmpdir"))) {
            command.add(1, "-Djava.io.tmpdir=" + dir);
        }
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        synchronized (started) {
            started.add(process);
        }
        BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            if (line.startsWith("Ready in")) {
                return Optional.of(process);
            }
        }
        return Optional.empty();
    }

    private static void stop(Process serve) throws Exception {
        ProcessRun.run(List.of("kill", "-TERM", String.valueOf(serve.pid())));
        assertThat(serve.waitFor(60, TimeUnit.SECONDS)).as("serve stops on SIGTERM").isTrue();
        assertThat(serve.exitValue()).isZero();
    }

    private ProcessRun run(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(java(), "-Djava.io.tmpdir=" + dir, "-jar", JAR.toString()));
        command.addAll(List.of(args));
        return ProcessRun.run(command);
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
