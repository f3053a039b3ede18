package io.github.atstrust.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.atstrust.testkit.ProcessRun;
import io.github.atstrust.testkit.TestPem;
import io.github.atstrust.testkit.audit.AuditReport;
import io.github.atstrust.testkit.audit.TrustStoreAudit;
import io.github.atstrust.testkit.audit.TrustStoreSource;
import io.github.atstrust.testkit.pki.RealAtsRoot;
import io.github.atstrust.testkit.server.AtsServers;
import io.github.atstrust.testkit.trust.TrustProfile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ats export --mirror SOURCE --out FILE}: any store a stack reads, its real ATS roots swapped for twins. */
class MirrorExportTest {

    @TempDir
    Path dir;

    /** The real ATS roots and one real root of another CA (the first other one of the JDK's own store). */
    private Path bundle() throws Exception {
        List<Object> certificates = new ArrayList<>(Arrays.stream(RealAtsRoot.values()).map(RealAtsRoot::certificate).toList());
        certificates.add(TrustProfile.builder("platform").addPlatformTrust().build().anchors().stream()
                .filter(c -> Arrays.stream(RealAtsRoot.values()).noneMatch(r -> r.certificate().equals(c)))
                .findFirst().orElseThrow());
        return Files.writeString(dir.resolve("bundle.pem"), TestPem.encode(certificates));
    }

    @Test
    void mirrorsAPemBundleSoThatAnUnchangedCurlTrustsTheKitsChains() throws Exception {
        Path out = dir.resolve("mirror.pem");

        CliRun run = CliRun.of("export", "--mirror", bundle().toString(), "--out", out.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains(out + ": the mirror of ").contains("PEM bundle, 7 certificates")
                .contains("AWS_CA_BUNDLE=" + out);
        AuditReport mirror = TrustStoreAudit.audit(TrustStoreSource.of(out, null));
        assertThat(mirror.certificateCount()).isEqualTo(7);
        assertThat(mirror.anchors()).noneMatch(a -> a.present());
        assertThat(mirror.fakeTestRoots()).hasSize(RealAtsRoot.values().length);
        try (AtsServers servers = AtsServers.builder().only(Set.of("ats-acm-2024")).start()) {
            String url = servers.endpoint("ats-acm-2024").uri().toString();
            ProcessRun mirrored = ProcessRun.run(List.of("env", "-u", "SSL_CERT_FILE", "CURL_CA_BUNDLE=" + out, "curl", "-sS",
                    "-o", "/dev/null", "-w", "%{http_code}", url));
            ProcessRun original = ProcessRun.run(List.of("env", "-u", "SSL_CERT_FILE", "CURL_CA_BUNDLE=" + bundle(), "curl",
                    "-sS", "-o", "/dev/null", url));
            assertThat(mirrored.exitCode()).as(mirrored.output()).isZero();
            assertThat(original.exitCode()).as("the store before mirroring refuses: " + original.output()).isEqualTo(60);
        }
    }

    @Test
    void writesPkcs12AndJksByTheExtension() throws Exception {
        for (String name : List.of("mirror.p12", "mirror.jks")) {
            Path out = dir.resolve(name);
            CliRun run = CliRun.of("export", "--mirror", bundle().toString(), "--out", out.toString());

            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out()).contains("JAVA_TOOL_OPTIONS=-Djavax.net.ssl.trustStore=" + out);
            assertThat(TrustStoreAudit.audit(TrustStoreSource.of(out, null)).fakeTestRoots())
                    .hasSize(RealAtsRoot.values().length);
        }
    }

    @Test
    void neverReplacesAFileAndNamesTheFormatsItWrites() throws Exception {
        Path existing = Files.writeString(dir.resolve("mine.pem"), "a user's file\n");

        CliRun replace = CliRun.of("export", "--mirror", bundle().toString(), "--out", existing.toString());
        CliRun unknown = CliRun.of("export", "--mirror", bundle().toString(), "--out", dir.resolve("mirror.txt").toString());
        CliRun half = CliRun.of("export", "--mirror", bundle().toString());

        assertThat(replace.exitCode()).isEqualTo(2);
        assertThat(replace.err()).contains(existing + " exists; the kit never replaces a file it did not write");
        assertThat(Files.readString(existing)).isEqualTo("a user's file\n");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains(".pem or .crt").contains(".p12 or .jks");
        assertThat(half.exitCode()).isEqualTo(2);
        assertThat(half.err()).contains("--mirror SOURCE and --out FILE go together");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("mine.pem", "bundle.pem");
        }
    }
}
