package io.github.atstrust.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.atstrust.testkit.audit.AuditReport;
import io.github.atstrust.testkit.audit.TrustStoreAudit;
import io.github.atstrust.testkit.audit.TrustStoreSource;
import io.github.atstrust.testkit.audit.Verdict;
import io.github.atstrust.cli.AtsCommand;
import io.github.atstrust.testkit.probe.HandshakeOutcome;
import io.github.atstrust.testkit.probe.RejectionReason;
import io.github.atstrust.testkit.server.AtsServers;
import io.github.atstrust.testkit.trust.TrustMaterialExport;
import io.github.atstrust.testkit.trust.TrustProfile;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.testcontainers.DockerClientFactory;

/**
 * Clients and the OS trust store inside a Debian container, against the kit's servers on loopback, checked
 * with the commands the Alexa and SES guides give: curl, update-ca-certificates, openssl s_client.
 */
@RequiresDocker(images = AtsClientContainer.DEFAULT_IMAGE)
class ContainerClientsTest {

    @TempDir
    static Path exportDir;
    private static AtsServers servers;
    private static AtsClientContainer client;

    @BeforeAll
    static void startServersAndAClientContainer() throws Exception {
        servers = AtsServers.start();
        TrustMaterialExport.writeTo(exportDir, TrustProfile.DEFAULT_PASSWORD);
        client = new AtsClientContainer().withTrustMaterial(exportDir);
        client.start();
    }

    @AfterAll
    static void stopEverythingAndLeaveNoContainerBehind() {
        if (client != null) {
            client.stop();
            assertThat(DockerClientFactory.instance().client().listContainersCmd().withShowAll(true)
                    .withAncestorFilter(List.of(AtsClientContainer.DEFAULT_IMAGE)).exec())
                    .as("containers of %s left behind", AtsClientContainer.DEFAULT_IMAGE).isEmpty();
        }
        if (servers != null) {
            servers.close();
        }
    }

    @Test
    void trustMaterialIsMountedReadOnly() throws Exception {
        assertThat(client.execInContainer("test", "-s", "/ats/all-ats.pem").getExitCode()).isZero();
        var write = client.execInContainer("touch", "/ats/written-by-the-container");
        assertThat(write.getExitCode()).isNotZero();
        assertThat(write.getStderr()).contains("Read-only file system");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ats-root-ca-1", "ats-root-ca-2", "ats-root-ca-3", "ats-root-ca-4"})
    void curlWithTheAllAtsBundleAcceptsEveryAtsRoot(String scenario) {
        HandshakeOutcome outcome = client.curl(servers.endpoint(scenario).uri(), "--cacert", "/ats/all-ats.pem");

        assertThat(outcome.accepted()).as(outcome.describe()).isTrue();
    }

    @ParameterizedTest
    @CsvSource({"untrusted-root, UNTRUSTED_ROOT", "expired, EXPIRED", "wrong-host, HOSTNAME_MISMATCH"})
    void curlWithTheAllAtsBundleRejectsBadChainsForTheirReason(String scenario, RejectionReason reason) {
        HandshakeOutcome outcome = client.curl(servers.endpoint(scenario).uri(), "--cacert", "/ats/all-ats.pem");

        assertThat(outcome.reason()).as(outcome.describe()).isEqualTo(reason);
    }

    @Test
    void installingTheRootTheWayTheGuidesSayMakesPlainCurlAndOpensslTrustIt() {
        String good = servers.endpoint("ats-root-ca-1").uri().toString();
        String bad = servers.endpoint("untrusted-root").uri().toString();
        try (AtsClientContainer fresh = new AtsClientContainer().withTrustMaterial(exportDir)) {
            fresh.start();
            HandshakeOutcome before = fresh.run("curl", "-sS", "-o", "/dev/null", good);

            fresh.installCaCertificate(exportDir.resolve("ca/amazon-root-ca-1.pem"), "fake-amazon-root-ca-1");

            assertThat(before.reason()).as("the image's own trust: %s", before.describe()).isEqualTo(RejectionReason.UNTRUSTED_ROOT);
            assertThat(fresh.run("curl", "-sS", "-o", "/dev/null", good).accepted()).isTrue();
            assertThat(fresh.run("curl", "-sS", "-o", "/dev/null", bad).reason()).isEqualTo(RejectionReason.UNTRUSTED_ROOT);
            assertThat(fresh.run("sh", "-c", sClient(servers.endpoint("ats-root-ca-1").port())).accepted()).isTrue();
            assertThat(fresh.run("sh", "-c", sClient(servers.endpoint("untrusted-root").port())).reason())
                    .isEqualTo(RejectionReason.UNTRUSTED_ROOT);
        }
    }

    @Test
    void theImagesOwnOsBundleTrustsTheRealAtsRoots(@TempDir Path copy) {
        client.copyFileFromContainer("/etc/ssl/certs/ca-certificates.crt", copy.resolve("bundle.pem").toString());

        AuditReport copied = TrustStoreAudit.audit(TrustStoreSource.of(copy.resolve("bundle.pem"), null));
        AuditReport helper = ImageTrustAudit.auditImage(AtsClientContainer.DEFAULT_IMAGE);

        assertThat(copied.verdict()).isEqualTo(Verdict.READY);
        assertThat(helper.verdict()).isEqualTo(Verdict.READY);
        assertThat(helper.source()).contains(AtsClientContainer.DEFAULT_IMAGE);
    }

    @Test
    void cliAuditsADockerImagesBundle() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        int exit = AtsCommand.execute(new String[] {"audit", "docker:" + AtsClientContainer.DEFAULT_IMAGE},
                new PrintWriter(out, true), new PrintWriter(err, true));

        assertThat(exit).as(err.toString()).isZero();
        assertThat(out.toString()).contains("docker:ats-client:bookworm").contains("Verdict: READY");
    }

    @Test
    void cliRefusesAMissingImageWithoutPullingIt() {
        StringWriter err = new StringWriter();

        int exit = AtsCommand.execute(new String[] {"audit", "docker:ats-no-such-image:1"},
                new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("docker:ats-no-such-image:1").contains("No such image")
                .doesNotContain("registry");
    }

    /** The Alexa guide's check, answering with the container's system trust. */
    private static String sClient(int port) {
        return "openssl s_client -tls1_2 -connect localhost:" + port + " -servername localhost -verify 10 "
                + "-verify_return_error </dev/null";
    }
}
