package io.github.atstrust.testkit.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.atstrust.testkit.Prerequisites;
import io.github.atstrust.testkit.ProcessRun;
import io.github.atstrust.testkit.TestPem;
import io.github.atstrust.testkit.pki.FakeCa;
import io.github.atstrust.testkit.pki.RealAtsRoot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every form in which OpenSSL-based clients read trust: certificates in OpenSSL's {@code TRUSTED CERTIFICATE}
 * form (Fedora/RHEL's {@code ca-bundle.trust.crt}) and PKCS#7 bundles, PEM and DER, made by the real
 * {@code openssl}. A fake root in any of them is found; real roots in any of them count.
 */
class OpenSslStoreFormsTest {

    @TempDir
    static Path dir;

    @BeforeAll
    static void needsOpenssl() {
        Prerequisites.requireTool("openssl", "version");
    }

    @Test
    void aFakeRootInTrustedCertificateFormFailsTheAuditOfAStoreOtherwiseReady() throws Exception {
        Path real = Files.writeString(dir.resolve("real.pem"), TestPem.encode(Arrays.stream(RealAtsRoot.values())
                .map(RealAtsRoot::certificate).toList()));
        Path fake = Files.writeString(dir.resolve("fake.pem"), TestPem.encode(List.of(FakeCa.AMAZON_ROOT_CA_1.certificate())));
        Path trustedFake = openssl("x509", "-in", fake.toString(), "-trustout", "-addtrust", "serverAuth",
                "-out", dir.resolve("fake.trust.pem").toString());
        Path bundle = Files.writeString(dir.resolve("ca-bundle.trust.crt"), Files.readString(real)
                + Files.readString(trustedFake));

        AuditReport report = TrustStoreAudit.audit(TrustStoreSource.of(bundle, null));

        assertThat(Files.readString(trustedFake)).startsWith("-----BEGIN TRUSTED CERTIFICATE-----");
        assertThat(report.holdsTestMaterial()).as(report.explanation()).isTrue();
        assertThat(report.fakeTestRoots()).singleElement().asString().contains("FAKE Amazon Root CA 1");
    }

    @Test
    void realRootsInTrustedCertificateFormAreAnchors() throws Exception {
        StringBuilder bundle = new StringBuilder();
        for (RealAtsRoot root : RealAtsRoot.values()) {
            Path plain = Files.writeString(dir.resolve(root.id() + ".pem"), TestPem.encode(List.of(root.certificate())));
            bundle.append(Files.readString(openssl("x509", "-in", plain.toString(), "-trustout", "-addtrust", "serverAuth",
                    "-out", dir.resolve(root.id() + ".trust.pem").toString())));
        }
        Path file = Files.writeString(dir.resolve("real.trust.crt"), bundle);

        assertThat(TrustStoreAudit.audit(TrustStoreSource.of(file, null)).verdict()).isEqualTo(Verdict.READY);
    }

    @Test
    void pkcs7BundlesInPemAndDerAreReadAndTheirFakeRootFound() throws Exception {
        Path certificates = Files.writeString(dir.resolve("for-p7.pem"), TestPem.encode(List.of(
                RealAtsRoot.STARFIELD_SERVICES_ROOT_G2.certificate(), FakeCa.STARFIELD_CLASS_2.certificate())));
        Path pem = openssl("crl2pkcs7", "-nocrl", "-certfile", certificates.toString(),
                "-out", dir.resolve("bundle.p7c").toString());
        Path der = openssl("crl2pkcs7", "-nocrl", "-certfile", certificates.toString(), "-outform", "DER",
                "-out", dir.resolve("bundle.p7b").toString());

        for (Path bundle : List.of(pem, der)) {
            AuditReport report = TrustStoreAudit.audit(TrustStoreSource.of(bundle, null));

            assertThat(report.certificateCount()).as(bundle.toString()).isEqualTo(2);
            assertThat(report.anchors().stream().filter(AnchorStatus::present).map(AnchorStatus::anchor))
                    .as(bundle.toString()).containsExactly(RealAtsRoot.STARFIELD_SERVICES_ROOT_G2);
            assertThat(report.holdsTestMaterial()).as(bundle.toString()).isTrue();
        }
    }

    @Test
    void aFakeRootPresentOnlyUnderItsOpensslHashNameIsFound() throws Exception {
        Path certs = Files.createDirectory(dir.resolve("capath"));
        for (RealAtsRoot root : RealAtsRoot.values()) {
            Files.writeString(certs.resolve(root.id() + ".pem"), TestPem.encode(List.of(root.certificate())));
        }
        Path fake = Files.writeString(dir.resolve("hashed-fake.pem"), TestPem.encode(List.of(FakeCa.AMAZON_ROOT_CA_3.certificate())));
        ProcessRun hash = ProcessRun.run(List.of("openssl", "x509", "-hash", "-noout", "-in", fake.toString()));
        Files.copy(fake, certs.resolve(hash.output().strip() + ".0"));

        AuditReport report = TrustStoreAudit.audit(TrustStoreSource.of(certs, null));

        assertThat(report.holdsTestMaterial()).as(report.explanation()).isTrue();
        assertThat(report.findings()).filteredOn(AuditFinding::failure).singleElement()
                .extracting(AuditFinding::entry).isEqualTo(hash.output().strip() + ".0");
    }

    @Test
    void anAmazonRootCa1MadeWithTheKitsPublishedKeyFailsTheAuditAsTestMaterialAndAsALookalike() throws Exception {
        Path key = Files.write(dir.resolve("kit.key.pem"), io.github.atstrust.fixtures.Fixtures.read("ca/amazon-root-ca-1.key.pem"));
        Path lookalike = openssl("req", "-x509", "-new", "-key", key.toString(), "-subj", "/C=US/O=Amazon/CN=Amazon Root CA 1",
                "-addext", "basicConstraints=critical,CA:TRUE", "-days", "30", "-out", dir.resolve("lookalike.pem").toString());
        Path store = Files.writeString(dir.resolve("store-with-lookalike.pem"), TestPem.encode(Arrays.stream(RealAtsRoot.values())
                .filter(root -> root != RealAtsRoot.AMAZON_ROOT_CA_1).map(RealAtsRoot::certificate).toList())
                + Files.readString(lookalike));

        AuditReport report = TrustStoreAudit.audit(TrustStoreSource.of(store, null));

        assertThat(report.meets(AtsRequirement.ready())).as(report.explanation()).isFalse();
        assertThat(report.findings()).filteredOn(AuditFinding::failure).extracting(AuditFinding::kind)
                .containsExactlyInAnyOrder(AuditFinding.Kind.FAKE_TEST_ROOT, AuditFinding.Kind.LOOKALIKE_ANCHOR);
        assertThat(report.fakeTestRoots()).anyMatch(m -> m.contains("the fake CA amazon-root-ca-1") && m.contains("publishes"));
        assertThat(report.holds(RealAtsRoot.AMAZON_ROOT_CA_1)).as("a lookalike is no anchor").isFalse();
    }

    @Test
    void aLookalikeWithAKeyOfItsOwnIsAFindingOfItsOwn() throws Exception {
        Path key = openssl("genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out",
                dir.resolve("own.key.pem").toString());
        Path lookalike = openssl("req", "-x509", "-new", "-key", key.toString(), "-subj", "/C=US/O=Amazon/CN=Amazon Root CA 3",
                "-days", "30", "-out", dir.resolve("own-lookalike.pem").toString());
        Path store = Files.writeString(dir.resolve("store-with-own-lookalike.pem"), TestPem.encode(Arrays.stream(
                RealAtsRoot.values()).map(RealAtsRoot::certificate).toList()) + Files.readString(lookalike));

        AuditReport report = TrustStoreAudit.audit(TrustStoreSource.of(store, null));

        assertThat(report.findings()).filteredOn(AuditFinding::failure).singleElement()
                .extracting(AuditFinding::kind).isEqualTo(AuditFinding.Kind.LOOKALIKE_ANCHOR);
        assertThat(report.meets(AtsRequirement.ready())).isFalse();
        assertThat(report.holds(RealAtsRoot.AMAZON_ROOT_CA_3)).as("the real one is there too").isTrue();
    }

    private static Path openssl(String... arguments) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("openssl"));
        command.addAll(List.of(arguments));
        ProcessRun run = ProcessRun.run(command);
        assertThat(run.exitCode()).as(run.output()).isZero();
        return Path.of(arguments[Arrays.asList(arguments).indexOf("-out") + 1]);
    }
}
