package io.github.atstrust.testkit.pki;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The real ATS CA certificates in the fixtures are what AWS publishes: fingerprint, signature, cross-signs. */
class RealAtsCertificateTest {

    private static final Path REAL_FIXTURES = Path.of("../fixtures/src/main/resources/io/github/atstrust/fixtures/real");

    @ParameterizedTest
    @EnumSource(RealAtsCertificate.class)
    void hasThePublishedFingerprint(RealAtsCertificate real) {
        assertThat(RealAtsRoot.fingerprint(real.certificate())).isEqualTo(real.sha256Fingerprint());
    }

    @ParameterizedTest
    @EnumSource(RealAtsCertificate.class)
    void isSignedByTheKeyOfItsRealIssuer(RealAtsCertificate real) throws Exception {
        X509Certificate certificate = real.certificate();
        certificate.verify(real.issuer().certificate().getPublicKey());
        assertThat(certificate.getIssuerX500Principal())
                .isEqualTo(real.issuer().certificate().getSubjectX500Principal());
        for (RealAtsRoot other : RealAtsRoot.values()) {
            if (other != real.issuer() && !other.certificate().getPublicKey().equals(real.issuer().certificate().getPublicKey())) {
                assertThat(verifies(certificate, other.certificate())).as("signed by " + other).isFalse();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = RealAtsCertificate.class, names = ".*_CROSS_.*", mode = EnumSource.Mode.MATCH_ANY)
    void crossCertificateHasTheSubjectAndKeyOfItsSelfSignedRoot(RealAtsCertificate cross) {
        RealAtsRoot root = cross.crossOf().orElseThrow();
        assertThat(cross.certificate().getSubjectX500Principal()).isEqualTo(root.certificate().getSubjectX500Principal());
        assertThat(cross.certificate().getPublicKey()).isEqualTo(root.certificate().getPublicKey());
        assertThat(cross.isIssuingCa()).isFalse();
        assertThat(root.fakeTwin().certificate().getPublicKey())
                .isEqualTo(cross.fakeTwin().orElseThrow().certificate().getPublicKey());
    }

    @Test
    void everyRealFixtureIsARootOrOneOfTheseCertificates() throws IOException {
        List<String> expected = new ArrayList<>();
        Arrays.stream(RealAtsRoot.values()).map(r -> r.id() + ".pem").forEach(expected::add);
        Arrays.stream(RealAtsCertificate.values()).map(c -> c.id() + ".pem").forEach(expected::add);
        try (Stream<Path> files = Files.list(REAL_FIXTURES)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrderElementsOf(expected);
        }
    }

    @Test
    void theIssuingCasOf2022EndOnTheSameDay() {
        List<RealAtsCertificate> of2022 = RealAtsCertificate.issuingCas().stream()
                .filter(c -> c.notBefore().getYear() == 2022).toList();
        assertThat(of2022).hasSize(8).allSatisfy(c -> assertThat(c.notAfter())
                .isEqualTo(RealAtsCertificate.ISSUING_CAS_OF_2022_END));
        assertThat(RealAtsCertificate.AMAZON_RSA_2048_M01.displayName()).isEqualTo("Amazon RSA 2048 M01");
        assertThat(RealAtsCertificate.AMAZON_SERVER_CA_1A_SERIAL_067B5058.displayName()).isEqualTo("Amazon Server CA 1A");
        assertThat(RealAtsCertificate.AMAZON_ROOT_CA_1_CROSS_G2.displayName())
                .isEqualTo("Amazon Root CA 1 (cross-signed by G2)");
        assertThat(RealAtsCertificate.STARFIELD_SERVICES_ROOT_G2_CROSS_CLASS_2.notAfter())
                .isEqualTo(LocalDate.of(2034, 6, 28));
    }

    private static boolean verifies(X509Certificate certificate, X509Certificate issuer) {
        try {
            certificate.verify(issuer.getPublicKey());
            return true;
        } catch (Exception e) {
            return false;
        }
    }
}
