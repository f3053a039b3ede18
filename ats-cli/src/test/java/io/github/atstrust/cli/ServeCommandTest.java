package io.github.atstrust.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ats serve}'s refusals: one line naming the problem, exit 2, nothing left running. */
class ServeCommandTest {

    @Test
    void refusesANonLoopbackBindAddress() {
        CliRun run = CliRun.of("serve", "--bind", "10.1.2.3");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("10.1.2.3").contains("--allow-non-loopback");
    }

    @Test
    void refusesAnUnknownScenarioId() {
        CliRun run = CliRun.of("serve", "--only", "ats-root-ca-1,ats-root-ca-9");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("'ats-root-ca-9'").contains("valid ids: ats-root-ca-1");
    }

    @Test
    void refusesAStoreToMirrorThatItCannotReadBeforeWritingAnything(@TempDir Path dir) {
        Path manifest = dir.resolve("manifest.json");

        CliRun run = CliRun.of("serve", "--mirror", dir.resolve("missing.pem").toString(), "--manifest", manifest.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains(dir.resolve("missing.pem").toString()).contains("no such file");
        assertThat(manifest).doesNotExist();
    }

    @Test
    void refusesAManifestPathItCannotWrite(@TempDir Path dir) {
        Path manifest = dir.resolve("missing-dir/manifest.json");

        CliRun run = CliRun.of("serve", "--manifest", manifest.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains(manifest.toString()).contains("does not exist");
    }

    @Test
    void refusesAPortInUse(@TempDir Path dir) throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CliRun run = CliRun.of("serve", "--index-port", String.valueOf(taken.getLocalPort()),
                    "--export-dir", dir.toString());

            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.err()).contains(String.valueOf(taken.getLocalPort())).contains("choose another port");
            assertThat(run.err().lines()).hasSize(1);
        }
    }
}
