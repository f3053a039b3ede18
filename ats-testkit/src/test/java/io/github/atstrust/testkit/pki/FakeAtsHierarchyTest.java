package io.github.atstrust.testkit.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.atstrust.fixtures.Fixtures;
import io.github.atstrust.testkit.Prerequisites;
import io.github.atstrust.testkit.ProcessRun;
import io.github.atstrust.testkit.TestPem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** The fake hierarchy has the real one's shape, as OpenSSL and the JDK read it. */
class FakeAtsHierarchyTest {

    private final FakeAtsHierarchy fake = FakeAtsHierarchy.load();

    @ParameterizedTest(name = "{0}: {1}, {2}, issued by {3}")
    @CsvSource({
            "amazon-root-ca-1, Public-Key: (2048 bit), sha256WithRSAEncryption, amazon-root-ca-1",
            "amazon-root-ca-2, Public-Key: (4096 bit), sha384WithRSAEncryption, amazon-root-ca-2",
            "amazon-root-ca-3, ASN1 OID: prime256v1, ecdsa-with-SHA256, amazon-root-ca-3",
            "amazon-root-ca-4, ASN1 OID: secp384r1, ecdsa-with-SHA384, amazon-root-ca-4",
            "starfield-services-root-g2, Public-Key: (2048 bit), sha256WithRSAEncryption, starfield-services-root-g2",
            "starfield-class-2, Public-Key: (2048 bit), sha1WithRSAEncryption, starfield-class-2",
            "amazon-root-ca-1-cross-g2, Public-Key: (2048 bit), sha256WithRSAEncryption, starfield-services-root-g2",
            "amazon-root-ca-2-cross-g2, Public-Key: (4096 bit), sha256WithRSAEncryption, starfield-services-root-g2",
            "amazon-root-ca-3-cross-g2, ASN1 OID: prime256v1, sha256WithRSAEncryption, starfield-services-root-g2",
            "amazon-root-ca-4-cross-g2, ASN1 OID: secp384r1, sha256WithRSAEncryption, starfield-services-root-g2",
            "starfield-services-root-g2-cross-class-2, Public-Key: (2048 bit), sha256WithRSAEncryption, starfield-class-2",
            "amazon-rsa-2048-m01, Public-Key: (2048 bit), sha256WithRSAEncryption, amazon-root-ca-1",
            "amazon-rsa-2048-m02, Public-Key: (2048 bit), sha256WithRSAEncryption, amazon-root-ca-1",
            "amazon-rsa-4096-m01, Public-Key: (4096 bit), sha384WithRSAEncryption, amazon-root-ca-2",
            "amazon-ecdsa-256-m01, ASN1 OID: prime256v1, ecdsa-with-SHA256, amazon-root-ca-3",
            "amazon-ecdsa-384-m01, ASN1 OID: secp384r1, ecdsa-with-SHA384, amazon-root-ca-4",
            "untrusted-intermediate, Public-Key: (2048 bit), sha256WithRSAEncryption, untrusted-root",
    })
    void opensslConfirmsKeySignatureAlgorithmAndIssuer(String name, String key, String signature, String issuer,
                                                      @TempDir Path dir) throws Exception {
        Prerequisites.requireTool("openssl", "version");
        Path certificate = write(dir, name);
        Path issuerFile = write(dir, issuer);

        ProcessRun text = ProcessRun.run(List.of("openssl", "x509", "-noout", "-text", "-in", certificate.toString()));
        ProcessRun verify = ProcessRun.run(List.of("openssl", "verify", "-partial_chain", "-check_ss_sig",
                "-CAfile", issuerFile.toString(), certificate.toString()));

        assertThat(text.output()).contains(key).contains("Signature Algorithm: " + signature)
                .contains("O = " + FakeAtsHierarchy.TEST_ONLY_ORGANISATION);
        assertThat(verify.exitCode()).as(verify.output()).isZero();
    }

    @Test
    void starfieldClass2LikeTheRealOneHasNoCommonNameNoKeyUsageAndNonCriticalBasicConstraints() {
        X509Certificate class2 = fake.certificate(FakeCa.STARFIELD_CLASS_2);

        assertThat(class2.getSubjectX500Principal().getName()).doesNotContain("CN=")
                .contains("OU=FAKE Starfield Class 2 Certification Authority");
        assertThat(class2.getKeyUsage()).isNull();
        assertThat(class2.getBasicConstraints()).isEqualTo(Integer.MAX_VALUE);
        assertThat(class2.getCriticalExtensionOIDs()).isEmpty();
        assertThat(class2.getSigAlgName()).isEqualTo("SHA1withRSA");
    }

    @ParameterizedTest
    @EnumSource(value = FakeCa.class, names = ".*_CROSS_.*", mode = EnumSource.Mode.MATCH_ANY)
    void crossCertificateKeepsItsTwinsSubjectKeyAndKeyIdAndNamesItsIssuerByKeyIdOnly(FakeCa cross) throws Exception {
        X509Certificate crossCertificate = fake.certificate(cross);
        X509Certificate twin = fake.certificate(cross.keyHolder());
        X509Certificate issuer = fake.certificate(cross.id().contains("cross-class-2")
                ? FakeCa.STARFIELD_CLASS_2 : FakeCa.STARFIELD_SERVICES_ROOT_G2);

        assertThat(crossCertificate.getSubjectX500Principal().getEncoded()).isEqualTo(twin.getSubjectX500Principal().getEncoded());
        assertThat(crossCertificate.getPublicKey()).isEqualTo(twin.getPublicKey());
        assertThat(subjectKeyId(crossCertificate)).isEqualTo(subjectKeyId(twin));
        AuthorityKeyIdentifier aki = AuthorityKeyIdentifier.fromExtensions(
                new JcaX509CertificateHolder(crossCertificate).getExtensions());
        assertThat(aki.getKeyIdentifierObject().getOctets()).isEqualTo(subjectKeyId(issuer));
        assertThat(aki.getAuthorityCertIssuer()).isNull();
        assertThat(aki.getAuthorityCertSerialNumber()).isNull();
        assertThat(crossCertificate.getSigAlgName()).isEqualTo("SHA256withRSA");
    }

    @ParameterizedTest
    @EnumSource(FakeCa.class)
    void everyCertificateIsMarkedTestOnlyAndValidBeforeToday(FakeCa ca) {
        X509Certificate certificate = fake.certificate(ca);

        assertThat(certificate.getSubjectX500Principal().getName()).contains("O=ATS Trust Kit (TEST ONLY)");
        assertThat(certificate.getNotBefore().toInstant()).isBefore(Instant.now());
        assertThat(certificate.getSerialNumber()).isPositive();
    }

    @ParameterizedTest
    @EnumSource(RealAtsRoot.class)
    void everyFakeRootEndsOnTheDayItsRealTwinEnds(RealAtsRoot real) {
        assertThat(endDay(real.fakeTwin())).isEqualTo(real.notAfter());
    }

    @Test
    void theCrossesAndIssuingCasEndWhenTheRealOnesDoTheNextGenerationIn2037AndTheBadChainCasIn2045() {
        assertThat(endDay(FakeCa.STARFIELD_SERVICES_ROOT_G2_CROSS_CLASS_2)).isEqualTo(LocalDate.of(2034, 6, 28));
        for (FakeCa cross : List.of(FakeCa.AMAZON_ROOT_CA_1_CROSS_G2, FakeCa.AMAZON_ROOT_CA_2_CROSS_G2,
                FakeCa.AMAZON_ROOT_CA_3_CROSS_G2, FakeCa.AMAZON_ROOT_CA_4_CROSS_G2)) {
            assertThat(endDay(cross)).as(cross.id()).isEqualTo(LocalDate.of(2037, 12, 31));
        }
        assertThat(endDay(FakeCa.STARFIELD_SERVICES_ROOT_G2_CROSS_CLASS_2_EXPIRED)).isEqualTo(LocalDate.of(2025, 6, 28));
        assertThat(endDay(FakeCa.AMAZON_ROOT_CA_1_CROSS_G2_EXPIRED)).isEqualTo(LocalDate.of(2025, 12, 31));
        assertThat(endDay(FakeCa.AMAZON_ROOT_CA_3_CROSS_G2_EXPIRED)).isEqualTo(LocalDate.of(2025, 12, 31));
        for (FakeCa issuing : List.of(FakeCa.AMAZON_RSA_2048_M01, FakeCa.AMAZON_RSA_2048_M02, FakeCa.AMAZON_RSA_4096_M01,
                FakeCa.AMAZON_ECDSA_256_M01, FakeCa.AMAZON_ECDSA_384_M01)) {
            assertThat(endDay(issuing)).as(issuing.id()).isEqualTo(RealAtsCertificate.ISSUING_CAS_OF_2022_END);
            assertThat(issuing.inServiceOn(LocalDate.of(2030, 8, 23))).isEqualTo(issuing);
            assertThat(issuing.inServiceOn(LocalDate.of(2030, 8, 24)).id()).endsWith("-next");
            assertThat(endDay(issuing.inServiceOn(LocalDate.of(2030, 8, 24)))).isEqualTo(LocalDate.of(2037, 12, 31));
        }
        assertThat(endDay(FakeCa.UNTRUSTED_ROOT)).isEqualTo(LocalDate.of(2045, 12, 31));
    }

    private LocalDate endDay(FakeCa ca) {
        return fake.certificate(ca).getNotAfter().toInstant().atZone(ZoneOffset.UTC).toLocalDate();
    }

    @ParameterizedTest
    @EnumSource(value = FakeCa.class, names = {"AMAZON_ROOT_CA_1", "AMAZON_ROOT_CA_2", "AMAZON_ROOT_CA_3",
            "AMAZON_ROOT_CA_4", "STARFIELD_SERVICES_ROOT_G2", "STARFIELD_CLASS_2", "UNTRUSTED_ROOT", "OTHER_PUBLIC_ROOT"})
    void selfSignedRootsCarryNoAuthorityKeyIdentifier(FakeCa root) {
        X509Certificate certificate = fake.certificate(root);

        assertThat(certificate.getIssuerX500Principal()).isEqualTo(certificate.getSubjectX500Principal());
        assertThat(certificate.getExtensionValue(Extension.authorityKeyIdentifier.getId())).isNull();
    }

    @ParameterizedTest
    @EnumSource(RealAtsRoot.class)
    void realRootFixtureMatchesItsPublishedFingerprint(RealAtsRoot root) {
        assertThat(RealAtsRoot.fingerprint(root.certificate())).isEqualTo(root.sha256Fingerprint());
        assertThat(root.certificate().getSubjectX500Principal().getName()).doesNotContain("TEST ONLY");
    }

    @Test
    void missingFixtureResourceIsNamedInTheError() {
        assertThatThrownBy(() -> Fixtures.read("ca/no-such-ca.pem"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("io/github/atstrust/fixtures/ca/no-such-ca.pem");
    }

    private static byte[] subjectKeyId(X509Certificate certificate) throws Exception {
        return SubjectKeyIdentifier.fromExtensions(new JcaX509CertificateHolder(certificate).getExtensions())
                .getKeyIdentifier();
    }

    private Path write(Path dir, String name) throws Exception {
        Path file = dir.resolve(name + ".pem");
        if (!Files.exists(file)) {
            Files.writeString(file, TestPem.encode(List.of(fake.certificate(FakeCa.byId(name)))));
        }
        return file;
    }
}
