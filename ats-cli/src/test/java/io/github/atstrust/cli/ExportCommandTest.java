package io.github.atstrust.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.atstrust.testkit.pki.FakeCa;
import io.github.atstrust.testkit.trust.TrustProfiles;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportCommandTest {

    @TempDir
    Path dir;

    @Test
    void writesEveryProfileInThreeFormatsAndEveryFakeCa() throws Exception {
        CliRun run = CliRun.of("export", "--dir", dir.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        for (String id : TrustProfiles.builtIn().stream().map(p -> p.id()).toList()) {
            assertThat(dir.resolve(id + ".pem")).isRegularFile();
            assertThat(dir.resolve(id + ".p12")).isRegularFile();
            assertThat(dir.resolve(id + ".jks")).isRegularFile();
        }
        for (FakeCa ca : FakeCa.values()) {
            try (InputStream pem = Files.newInputStream(dir.resolve("ca/" + ca.id() + ".pem"))) {
                assertThat(java.security.cert.CertificateFactory.getInstance("X.509").generateCertificate(pem))
                        .as(ca.id()).isEqualTo(ca.certificate());
            }
        }
        assertThat(dir.resolve("ca")).isDirectoryContaining("glob:**/amazon-root-ca-4-cross-g2.pem")
                .isDirectoryContaining("glob:**/starfield-services-root-g2-cross-class-2.pem")
                .isDirectoryContaining("glob:**/untrusted-root.pem");
    }

    @Test
    void storesUseTheGivenPassword() throws Exception {
        CliRun run = CliRun.of("export", "--dir", dir.toString(), "--password", "hunter22");

        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(dir.resolve("all-ats.p12"))) {
            store.load(in, "hunter22".toCharArray());
        }
        assertThat(run.exitCode()).isZero();
        assertThat(store.size()).isEqualTo(6);
    }

    @Test
    void exportOntoAnExistingFileFailsWithThePathAndWritesNothing() throws Exception {
        Path file = Files.writeString(dir.resolve("taken"), "mine");

        CliRun run = CliRun.of("export", "--dir", file.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains(file.toString()).contains("a file, not a directory");
        assertThat(Files.readString(file)).isEqualTo("mine");
    }

    @Test
    void exportBelowAFileFailsWithThePathAndLeavesNoPartialExport() throws Exception {
        Path file = Files.writeString(dir.resolve("plain-file"), "x");

        CliRun run = CliRun.of("export", "--dir", file.resolve("sub").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains(file.toString());
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left).containsExactly(file);
        }
    }

    @Test
    void exportReplacesAnEarlierExportAndLeavesNoStagingDirectory() throws Exception {
        CliRun.of("export", "--dir", dir.toString());

        CliRun again = CliRun.of("export", "--dir", dir.toString());

        assertThat(again.exitCode()).isZero();
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left).noneMatch(p -> p.getFileName().toString().startsWith(".ats-export-"));
        }
    }
}
