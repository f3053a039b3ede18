package io.github.atstrust.testkit.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CertificateAuthorityTest {

    private final FakeAtsHierarchy fake = FakeAtsHierarchy.load();
    private final CertificateAuthority m01 = fake.authority(FakeCa.AMAZON_RSA_2048_M01);

    @Test
    void mintsAShortLivedServerLeafForEveryLoopbackName() throws Exception {
        X509Certificate leaf = m01.issue(LeafSpec.forHosts("localhost", "127.0.0.1", "::1"),
                fake.leafKeyPair(KeyType.RSA_2048));

        assertThat(leaf.getSubjectAlternativeNames().stream().map(name -> String.valueOf(name.get(1))))
                .containsExactly("localhost", "127.0.0.1", "0:0:0:0:0:0:0:1");
        assertThat(leaf.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.1", "1.3.6.1.5.5.7.3.2");
        assertThat(leaf.getBasicConstraints()).isEqualTo(-1);
        assertThat(Duration.between(leaf.getNotBefore().toInstant(), leaf.getNotAfter().toInstant()))
                .isLessThanOrEqualTo(LeafSpec.MAX_VALIDITY);
        leaf.verify(fake.certificate(FakeCa.AMAZON_RSA_2048_M01).getPublicKey());
    }

    @Test
    void signsWithTheIssuersUsualAlgorithmUnlessToldOtherwise() {
        CertificateAuthority ecdsa384 = fake.authority(FakeCa.AMAZON_ECDSA_384_M01);

        X509Certificate usual = ecdsa384.issue(LeafSpec.forHosts("localhost").keyType(KeyType.EC_P384),
                fake.leafKeyPair(KeyType.EC_P384));
        X509Certificate sha1 = m01.issue(LeafSpec.forHosts("localhost").signatureAlgorithm("SHA1withRSA"),
                fake.leafKeyPair(KeyType.RSA_2048));

        assertThat(usual.getSigAlgName()).isEqualTo("SHA384withECDSA");
        assertThat(sha1.getSigAlgName()).isEqualTo("SHA1withRSA");
    }

    @Test
    void validityCanLieInThePast() {
        X509Certificate expired = m01.issue(LeafSpec.forHosts("localhost").validity(Duration.ofDays(-60), Duration.ofDays(30)),
                fake.leafKeyPair(KeyType.RSA_2048));

        assertThat(expired.getNotAfter().toInstant()).isBefore(Instant.now().minus(Duration.ofDays(29)));
    }

    @Test
    void refusesALeafLivingLongerThanNinetyDays() {
        assertThatThrownBy(() -> LeafSpec.forHosts("localhost").validity(Duration.ZERO, Duration.ofDays(91)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("90 days");
    }

    @Test
    void crlListsTheRevokedSerialsAndIsSignedByTheCa() throws Exception {
        X509Certificate leaf = m01.issue(LeafSpec.forHosts("localhost"), fake.leafKeyPair(KeyType.RSA_2048));
        X509Certificate other = m01.issue(LeafSpec.forHosts("localhost"), fake.leafKeyPair(KeyType.RSA_2048));

        X509CRL crl = m01.crl(Set.of(leaf.getSerialNumber()), Instant.now());

        crl.verify(m01.certificate().getPublicKey());
        assertThat(crl.isRevoked(leaf)).isTrue();
        assertThat(crl.isRevoked(other)).isFalse();
    }
}
