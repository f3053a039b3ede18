package io.github.atstrust.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kit writes only into what it created and deletes only what it wrote (#24 items 1 and 3): links are never
 * followed out of an export, a file the kit did not write (or that changed since) is never replaced, and
 * concurrent exports into one directory take turns instead of failing each other.
 */
class ExportOwnershipTest {

    @TempDir
    Path dir;

    @Test
    void refusesALinkToAUsersDirectoryAndLeavesTheirFilesAsTheyWere() throws Exception {
        Path users = Files.createDirectory(dir.resolve("users"));
        Files.writeString(users.resolve("all-ats.pem"), "my own bundle");
        Files.writeString(users.resolve("notes.txt"), "mine");
        Path link = Files.createSymbolicLink(dir.resolve("link"), users);
        var before = DirectoryHashes.of(dir);

        CliRun run = CliRun.of("export", "--dir", link.toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.err()).contains(users.toRealPath().toString()).contains("did not write");
        assertThat(DirectoryHashes.of(dir)).isEqualTo(before);
    }

    @Test
    void followsALinkToAnEmptyDirectoryOnceAndWritesThere() throws Exception {
        Path empty = Files.createDirectory(dir.resolve("empty"));
        Path link = Files.createSymbolicLink(dir.resolve("link"), empty);

        CliRun run = CliRun.of("export", "--dir", link.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(empty.resolve("all-ats.pem")).isRegularFile();
        assertThat(Files.isSymbolicLink(link)).as("the link itself is left as it was").isTrue();
    }

    @Test
    void neverFollowsACaLinkInsideAnEarlierExport() throws Exception {
        Path export = dir.resolve("export");
        assertThat(CliRun.of("export", "--dir", export.toString()).exitCode()).isZero();
        Path users = Files.createDirectory(dir.resolve("users"));
        Files.writeString(users.resolve("amazon-root-ca-1.pem"), "the user's own file of that name");
        try (var files = Files.list(export.resolve("ca"))) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
        Files.delete(export.resolve("ca"));
        Files.createSymbolicLink(export.resolve("ca"), users);
        var before = DirectoryHashes.of(users);

        CliRun again = CliRun.of("export", "--dir", export.toString());

        assertThat(again.exitCode()).as(again.out()).isEqualTo(2);
        assertThat(again.err()).contains("holds ca, which the kit did not write");
        assertThat(DirectoryHashes.of(users)).isEqualTo(before);
    }

    @Test
    void neverReplacesAnExportedFileChangedSince() throws Exception {
        assertThat(CliRun.of("export", "--dir", dir.toString()).exitCode()).isZero();
        Files.writeString(dir.resolve("all-ats.pem"), "edited by the user");

        CliRun again = CliRun.of("export", "--dir", dir.toString());

        assertThat(again.exitCode()).isEqualTo(2);
        assertThat(again.err()).contains("all-ats.pem").contains("changed since the kit exported it");
        assertThat(Files.readString(dir.resolve("all-ats.pem"))).isEqualTo("edited by the user");
    }

    @Test
    void neverDeletesAUsersDirectoryNamedLikeTheKitsStaging() throws Exception {
        for (String name : List.of(".ats-export-mine", ".ats-trust-kit-staging-mine")) {
            Path mine = Files.createDirectories(dir.resolve(name));
            Files.writeString(mine.resolve("keep.txt"), "mine");
        }
        var before = DirectoryHashes.of(dir);

        CliRun run = CliRun.of("export", "--dir", dir.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("which the kit did not write");
        assertThat(DirectoryHashes.of(dir)).isEqualTo(before);
    }

    @Test
    void aServeOverAnExportReplacesItWhollyAndRemovesAllOfItAtStop() throws Exception {
        assertThat(CliRun.of("export", "--dir", dir.toString()).exitCode()).isZero();
        assertThat(dir.resolve("mirrored-default.p12")).isRegularFile();

        TrustMaterialExport serving = TrustMaterialExport.writeTo(dir, "changeit", "serve-run", "serve");
        assertThat(dir.resolve("mirrored-default.p12")).as("the earlier export's mirror, unchanged: removed").doesNotExist();
        serving.remove();

        try (var left = Files.list(dir)) {
            assertThat(left).as("nothing of either export left").isEmpty();
        }
        assertThat(CliRun.of("export", "--dir", dir.toString()).exitCode()).isZero();
    }

    @Test
    void concurrentExportsIntoOneDirectoryTakeTurnsAndAllSucceed() throws Exception {
        Path shared = dir.resolve("shared");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<CliRun>> runs = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                runs.add(pool.submit((Callable<CliRun>) () -> CliRun.of("export", "--dir", shared.toString())));
            }
            for (Future<CliRun> run : runs) {
                assertThat(run.get().exitCode()).as(run.get().err()).isZero();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(ExportMarker.read(shared)).isPresent();
        assertThat(ExportMarker.read(shared).orElseThrow().isUnchanged(shared, Path.of("all-ats.pem"))).isTrue();
    }

    @Test
    void removingAnAbandonedExportDeletesOnlyWhatTheKitWrote() throws Exception {
        TrustMaterialExport.writeTo(dir, "changeit", "dead-run", "serve").close();
        Path planted = Files.writeString(dir.resolve("user-notes.txt"), "mine");
        Files.writeString(dir.resolve("all-ats.jks"), "replaced by the user");

        TrustMaterialExport.removeAbandoned(dir);

        assertThat(dir.resolve("all-ats.pem")).doesNotExist();
        assertThat(Files.readString(planted)).isEqualTo("mine");
        assertThat(Files.readString(dir.resolve("all-ats.jks"))).isEqualTo("replaced by the user");
        assertThat(dir).isDirectory();
    }

    @Test
    void anExportInUseByARunningServeIsNeitherReplacedNorRemoved() throws Exception {
        try (TrustMaterialExport serving = TrustMaterialExport.writeTo(dir, "changeit", "live-run", "serve")) {
            var before = DirectoryHashes.of(dir);

            CliRun export = CliRun.of("export", "--dir", dir.toString());
            TrustMaterialExport.removeAbandoned(dir);

            assertThat(export.exitCode()).isEqualTo(2);
            assertThat(export.err()).contains("in use by a running serve pid " + ProcessHandle.current().pid());
            assertThat(DirectoryHashes.of(dir)).isEqualTo(before);
        }
    }
}
