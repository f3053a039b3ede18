package io.github.atstrust.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.atstrust.testkit.audit.AnchorStatus;
import io.github.atstrust.testkit.audit.AuditReport;
import io.github.atstrust.testkit.audit.TrustStoreAudit;
import io.github.atstrust.testkit.audit.TrustStoreSource;
import io.github.atstrust.testkit.audit.Verdict;
import io.github.atstrust.testkit.pki.RealAtsRoot;
import io.github.atstrust.testkit.probe.HandshakeOutcome;
import io.github.atstrust.testkit.probe.RejectionReason;
import io.github.atstrust.testkit.server.AtsServers;
import io.github.atstrust.testkit.trust.TrustProfile;
import io.github.atstrust.testkit.trust.TrustProfiles;
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
        for (TrustProfile profile : TrustProfiles.builtIn()) {
            profile.writePemBundle(exportDir.resolve(profile.id() + ".pem"));
        }
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
        HandshakeOutcome outcome = client.curl(servers.endpoint(scenario), "--cacert", "/ats/all-ats.pem");

        assertThat(outcome.accepted()).as(outcome.describe()).isTrue();
    }

    @ParameterizedTest
    @CsvSource({"untrusted-root, UNTRUSTED_ROOT", "expired, EXPIRED", "wrong-host, HOSTNAME_MISMATCH",
            "incomplete-chain, INCOMPLETE_CHAIN"})
    void curlWithTheAllAtsBundleRejectsBadChainsForTheirReason(String scenario, RejectionReason reason) {
        HandshakeOutcome outcome = client.curl(servers.endpoint(scenario), "--cacert", "/ats/all-ats.pem");

        assertThat(outcome.rejectionReason()).as(outcome.describe()).contains(reason);
    }

    @Test
    void installingTheRootTheWayTheGuidesSayMakesPlainCurlAndOpensslTrustIt() {
        String good = servers.endpoint("ats-root-ca-1").uri().toString();
        String bad = servers.endpoint("untrusted-root").uri().toString();
        try (AtsClientContainer fresh = new AtsClientContainer().withTrustMaterial(exportDir)) {
            fresh.start();
            HandshakeOutcome before = fresh.run("curl", "-sS", "-o", "/dev/null", good);

            fresh.installCaCertificate(exportDir.resolve("amazon-root-ca-1.pem"), "fake-amazon-root-ca-1");

            assertThat(before.rejectionReason()).as("the image's own trust: %s", before.describe()).contains(RejectionReason.UNTRUSTED_ROOT);
            assertThat(fresh.run("curl", "-sS", "-o", "/dev/null", good).accepted()).isTrue();
            assertThat(fresh.run("curl", "-sS", "-o", "/dev/null", bad).rejectionReason()).contains(RejectionReason.UNTRUSTED_ROOT);
            assertThat(fresh.run("sh", "-c", sClient(servers.endpoint("ats-root-ca-1").port())).accepted()).isTrue();
            assertThat(fresh.run("sh", "-c", sClient(servers.endpoint("untrusted-root").port())).rejectionReason())
                    .contains(RejectionReason.UNTRUSTED_ROOT);
        }
    }

    @Test
    void theRaspbianFlowOfTheAlexaGuideMakesCurlAndOpensslTrustTheRootAndTheImageAuditSaysSo() {
        String good = servers.endpoint("ats-root-ca-1").uri().toString();
        AuditReport imageBefore = TrustStoreAudit.audit(TrustStoreSource.dockerImage(AtsClientContainer.DEFAULT_IMAGE));
        try (AtsClientContainer pi = new AtsClientContainer().withTrustMaterial(exportDir)) {
            pi.start();
            HandshakeOutcome before = pi.run("curl", "-sS", "-o", "/dev/null", good);

            pi.installCaCertificateRaspbian(exportDir.resolve("amazon-root-ca-1.pem"), "FakeAmazonRootCA1");

            assertThat(before.rejectionReason()).as(before.describe()).contains(RejectionReason.UNTRUSTED_ROOT);
            assertThat(pi.run("grep", "-qx", "FakeAmazonRootCA1.crt", "/etc/ca-certificates.conf").accepted())
                    .as("listed in /etc/ca-certificates.conf").isTrue();
            assertThat(pi.run("curl", "-sS", "-o", "/dev/null", good).accepted()).isTrue();
            assertThat(pi.run("sh", "-c", sClient(servers.endpoint("ats-root-ca-1").port())).accepted()).isTrue();
            assertThat(pi.run("sh", "-c", sClient(servers.endpoint("untrusted-root").port())).rejectionReason())
                    .contains(RejectionReason.UNTRUSTED_ROOT);

            AuditReport imageAfter = auditCommitted(pi);
            assertThat(imageBefore.holdsTestMaterial()).isFalse();
            assertThat(imageBefore.verdict()).isEqualTo(Verdict.READY);
            assertThat(imageAfter.holdsTestMaterial()).as(imageAfter.explanation()).isTrue();
            assertThat(imageAfter.fakeTestRoots()).singleElement().asString().contains("FAKE Amazon Root CA 1");
            assertThat(imageAfter.verdict()).as("the real roots are still there").isEqualTo(Verdict.READY);
        }
    }

    @Test
    void theAlexaGuidesCheckCommandExitsZeroOnAnUntrustedOrExpiredChainUnlessVerifyReturnErrorIsGiven() throws Exception {
        try (AtsClientContainer pi = new AtsClientContainer().withTrustMaterial(exportDir)) {
            pi.start();
            pi.installCaCertificate(exportDir.resolve("amazon-root-ca-1.pem"), "fake-amazon-root-ca-1");
            for (String[] scenario : new String[][] {{"untrusted-root", "Verify return code: 20 (unable to get local issuer certificate)"},
                    {"expired", "Verify return code: 10 (certificate has expired)"}}) {
                int port = servers.endpoint(scenario[0]).port();
                String guide = "openssl s_client -tls1_2 -connect localhost:" + port + " -verify 10 </dev/null";

                var asWritten = pi.execInContainer("sh", "-c", guide);
                var strict = pi.execInContainer("sh", "-c", guide.replace("-verify 10", "-verify 10 -verify_return_error"));

                assertThat(asWritten.getExitCode()).as("the guide's command against %s: %s", scenario[0],
                        asWritten.getStdout()).isZero();
                assertThat(asWritten.getStdout()).contains(scenario[1]);
                assertThat(strict.getExitCode()).as("with -verify_return_error against %s", scenario[0]).isNotZero();
                assertThat(pi.run("sh", "-c", guide.replace("-verify 10", "-verify 10 -verify_return_error")).rejectionReason())
                        .contains(scenario[0].equals("expired") ? RejectionReason.EXPIRED : RejectionReason.UNTRUSTED_ROOT);
            }
        }
    }

    /** Commits the container to a throw-away image, audits that image's OS bundle, removes the image. */
    private static AuditReport auditCommitted(AtsClientContainer container) {
        var docker = DockerClientFactory.instance().client();
        String tag = "ats-flow-audit:" + Long.toHexString(System.nanoTime());
        String imageId = docker.commitCmd(container.getContainerId()).withRepository(tag.split(":")[0])
                .withTag(tag.split(":")[1]).exec();
        try {
            return TrustStoreAudit.audit(TrustStoreSource.dockerImage(tag));
        } finally {
            docker.removeImageCmd(imageId).withForce(true).exec();
        }
    }

    @Test
    void mirroringTheOsStoreSwapsExactlyTheRealAtsRootsForTheirTwinsSoDefaultTrustMeetsTheFakeChainsAsAws() {
        AuditReport before = TrustStoreAudit.audit(TrustStoreSource.dockerImage(AtsClientContainer.DEFAULT_IMAGE));
        try (AtsClientContainer app = new AtsClientContainer()) {
            app.start();
            HandshakeOutcome unmirrored = app.curl(servers.endpoint("ats-root-ca-1"));

            List<RealAtsRoot> swapped = app.mirrorAtsTrust();

            assertThat(unmirrored.rejectionReason()).as(unmirrored.describe()).contains(RejectionReason.UNTRUSTED_ROOT);
            assertThat(swapped).containsExactlyInAnyOrder(RealAtsRoot.values());
            for (String scenario : List.of("ats-root-ca-1", "ats-root-ca-2", "ats-root-ca-3", "ats-root-ca-4", "ats-acm-2024")) {
                HandshakeOutcome outcome = app.curl(servers.endpoint(scenario));
                assertThat(outcome.accepted()).as("%s with the mirrored OS store: %s", scenario, outcome).isTrue();
            }
            assertThat(app.curl(servers.endpoint("untrusted-root")).rejectionReason()).contains(RejectionReason.UNTRUSTED_ROOT);
            assertThat(app.curl(servers.endpoint("expired")).rejectionReason()).contains(RejectionReason.EXPIRED);

            AuditReport after = auditCommitted(app);
            assertThat(after.certificateCount()).as("every other certificate kept").isEqualTo(before.certificateCount());
            assertThat(after.anchors()).noneMatch(AnchorStatus::present);
            assertThat(after.fakeTestRoots()).hasSize(RealAtsRoot.values().length)
                    .anySatisfy(f -> assertThat(f).contains("the fake twin of Amazon Root CA 1"))
                    .anySatisfy(f -> assertThat(f).contains("the fake twin of Starfield Class 2 Certification Authority"));
        }
    }

    @Test
    void theImagesOwnOsBundleTrustsTheRealAtsRoots(@TempDir Path copy) {
        client.copyFileFromContainer("/etc/ssl/certs/ca-certificates.crt", copy.resolve("bundle.pem").toString());

        AuditReport copied = TrustStoreAudit.audit(TrustStoreSource.of(copy.resolve("bundle.pem"), null));
        AuditReport helper = TrustStoreAudit.audit(TrustStoreSource.dockerImage(AtsClientContainer.DEFAULT_IMAGE));

        assertThat(copied.verdict()).isEqualTo(Verdict.READY);
        assertThat(helper.verdict()).isEqualTo(Verdict.READY);
        assertThat(helper.source()).contains(AtsClientContainer.DEFAULT_IMAGE);
    }

    /** The Alexa guide's check, answering with the container's system trust. */
    private static String sClient(int port) {
        return "openssl s_client -tls1_2 -connect localhost:" + port + " -servername localhost -verify 10 "
                + "-verify_return_error </dev/null";
    }
}
