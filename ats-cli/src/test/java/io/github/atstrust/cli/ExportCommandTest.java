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
    void exportsTheMirrorOfThisJvmsDefaultTrustAndAJvmStartedOnItTrustsTheTwins() throws Exception {
        CliRun run = CliRun.of("export", "--dir", dir.toString());
        KeyStore mirror = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(dir.resolve("mirrored-default.p12"))) {
            mirror.load(in, "changeit".toCharArray());
        }
        java.util.List<java.security.cert.Certificate> anchors = new java.util.ArrayList<>();
        for (String alias : java.util.Collections.list(mirror.aliases())) {
            anchors.add(mirror.getCertificate(alias));
        }

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("mirrored-default");
        assertThat(anchors).contains(FakeCa.AMAZON_ROOT_CA_1.certificate())
                .doesNotContain(io.github.atstrust.testkit.pki.RealAtsRoot.AMAZON_ROOT_CA_1.certificate())
                .hasSizeGreaterThan(20);
        try (var servers = io.github.atstrust.testkit.server.AtsServers.builder()
                .only(java.util.Set.of("ats-root-ca-1", "untrusted-root")).start()) {
            assertThat(startedOnTheMirror(servers.endpoint("ats-root-ca-1").uri())).isEqualTo("status 200");
            assertThat(startedOnTheMirror(servers.endpoint("untrusted-root").uri())).startsWith("thrown")
                    .contains("SSLHandshakeException");
        }
    }

    /** docs/default-trust.md's argLine: a JVM on the exported mirror from its first instruction. */
    private String startedOnTheMirror(java.net.URI uri) throws Exception {
        io.github.atstrust.testkit.ProcessRun run = io.github.atstrust.testkit.ProcessRun.run(java.util.List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djavax.net.ssl.trustStore=" + dir.resolve("mirrored-default.p12"), "-Djavax.net.ssl.trustStoreType=PKCS12",
                "-Djavax.net.ssl.trustStorePassword=changeit", "-cp", System.getProperty("java.class.path"),
                PlainHttpGet.class.getName(), uri.toString()));
        return run.output().strip();
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
