package io.github.atstrust.testkit.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.atstrust.testkit.pki.RealAtsCertificate;
import io.github.atstrust.testkit.pki.RealAtsRoot;
import java.math.BigInteger;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;

/** The audit builds the real chains to a store's anchors with the JDK's CertPathBuilder and says where they end. */
class RealPathsTest {

    private static final LocalDate DAY = LocalDate.of(2026, 12, 1);

    @Test
    void aClass2OnlyStoreReachesThePre2024ChainsThroughBothCrossesAndNoAcmChain() throws Exception {
        AuditReport report = audit(RealAtsRoot.STARFIELD_CLASS_2);

        assertThat(path(report, RealAtsRoot.AMAZON_ROOT_CA_1, true)).hasToString("Amazon Root CA 1, pre-2024 chain: "
                + "Amazon RSA 2048 M01 → Amazon Root CA 1 (cross-signed by G2) → Starfield Services Root Certificate "
                + "Authority - G2 (cross-signed by Class 2) → Starfield Class 2 Certification Authority — your anchor "
                + "'starfield-class-2'");
        assertThat(path(report, RealAtsRoot.AMAZON_ROOT_CA_1, false).whyNone()).hasValue("the store holds no anchor this "
                + "chain reaches (Amazon Root CA 1, Starfield Services Root Certificate Authority - G2)");
        assertThat(report.paths()).filteredOn(RealPath::built).hasSize(4).allMatch(RealPath::withClass2Cross);
        assertThat(report.disagreements()).isEmpty();
    }

    @Test
    void aG2OnlyStoreStopsAtG2OnBothShapes() throws Exception {
        AuditReport report = audit(RealAtsRoot.STARFIELD_SERVICES_ROOT_G2);

        assertThat(report.paths()).allMatch(RealPath::built);
        assertThat(path(report, RealAtsRoot.AMAZON_ROOT_CA_4, true).certificates()).containsExactly("Amazon ECDSA 384 M02",
                "Amazon Root CA 4 (cross-signed by G2)", "Starfield Services Root Certificate Authority - G2");
        assertThat(report.disagreements()).isEmpty();
    }

    @Test
    void aRootCa3OnlyStoreReachesOnlyTheEcChainsOfRootCa3() throws Exception {
        AuditReport report = audit(RealAtsRoot.AMAZON_ROOT_CA_3);

        assertThat(report.paths()).filteredOn(RealPath::built).extracting(RealPath::amazonRoot)
                .containsOnly(RealAtsRoot.AMAZON_ROOT_CA_3).hasSize(2);
        assertThat(path(report, RealAtsRoot.AMAZON_ROOT_CA_3, false).certificates())
                .containsExactly("Amazon ECDSA 256 M01", "Amazon Root CA 3");
        assertThat(report.disagreements()).isEmpty();
    }

    @Test
    void aStoreWithAllSixStopsAtEachAmazonRootAndOneWithNoneReachesNothing() throws Exception {
        AuditReport all = audit(RealAtsRoot.values());
        AuditReport none = audit();

        for (RealPath path : all.paths()) {
            assertThat(path.certificates()).as(path.toString()).hasSize(2).last().isEqualTo(path.amazonRoot().displayName());
        }
        assertThat(none.paths()).noneMatch(RealPath::built);
        assertThat(all.disagreements()).isEmpty();
        assertThat(none.disagreements()).isEmpty();
    }

    @Test
    void strictModeRefusesAClass2OnlyStoreWithTheReason() throws Exception {
        AuditReport strict = audit(RealAtsRoot.STARFIELD_CLASS_2).inStrictMode();

        assertThat(strict.verdict()).isEqualTo(Verdict.NOT_READY);
        assertThat(strict.paths()).noneMatch(RealPath::built);
        assertThat(path(strict, RealAtsRoot.AMAZON_ROOT_CA_1, true).problem()).contains("'starfield-class-2'")
                .contains("basic constraints not marked critical, no key usage");
        assertThat(strict.explanation()).contains("In X509 strict mode (Python 3.13's default) Starfield Class 2 does not "
                + "count");
        assertThat(strict.disagreements()).isEmpty();
        assertThat(audit(RealAtsRoot.values()).inStrictMode().verdict()).isEqualTo(Verdict.READY);
    }

    @Test
    void sayWhenFingerprintRulesAndPathBuildingDisagreeOnAnExpiredReissuedCopy() throws Exception {
        X509Certificate copy = reissuedCopy(RealAtsRoot.AMAZON_ROOT_CA_1.certificate(), Instant.parse("2025-01-01T00:00:00Z"));
        KeyStore store = store();
        store.setCertificateEntry("old-root-1", copy);
        AuditReport report = TrustStoreAudit.audit(store, "a store with an ended copy of Amazon Root CA 1").asOf(DAY);

        assertThat(report.anchor(RealAtsRoot.AMAZON_ROOT_CA_1).present()).isTrue();
        assertThat(report.trustsAcmChainsOf(RealAtsRoot.AMAZON_ROOT_CA_1)).isTrue();
        assertThat(path(report, RealAtsRoot.AMAZON_ROOT_CA_1, false).built()).isFalse();
        assertThat(report.disagreements()).contains("Amazon Root CA 1, ACM chain: the fingerprint rules say trusted, path "
                + "building found no path: no usable anchor this chain reaches (Amazon Root CA 1, Starfield Services Root "
                + "Certificate Authority - G2): entry 'old-root-1' (Amazon Root CA 1) ended 2025-01-01 (OpenSSL, GnuTLS "
                + "and Go refuse an expired anchor; the JDK alone accepts it)");
    }

    @Test
    void afterTodaysIssuingCasEndThePathsStartAtAnIssuingCaNotYetPublished() throws Exception {
        AuditReport report = audit(RealAtsRoot.STARFIELD_SERVICES_ROOT_G2, RealAtsRoot.AMAZON_ROOT_CA_1)
                .asOf(LocalDate.of(2031, 1, 1));

        assertThat(path(report, RealAtsRoot.AMAZON_ROOT_CA_1, false).certificates()).containsExactly(
                "an issuing CA not yet published (Amazon RSA 2048 M01 ended 2030-08-23)", "Amazon Root CA 1");
        assertThat(path(report, RealAtsRoot.AMAZON_ROOT_CA_2, false).certificates()).containsExactly(
                "an issuing CA not yet published (Amazon RSA 4096 M02 ended 2030-08-23)",
                "Amazon Root CA 2 (cross-signed by G2)", "Starfield Services Root Certificate Authority - G2");
        assertThat(report.explanation()).contains("chains then come from issuing CAs not yet published");
        assertThat(report.disagreements()).isEmpty();
        assertThat(audit(RealAtsRoot.STARFIELD_SERVICES_ROOT_G2).explanation())
                .doesNotContain("not yet published");
        assertThat(RealAtsCertificate.AMAZON_RSA_2048_M01.notAfter()).isEqualTo(LocalDate.of(2030, 8, 23));
    }

    private static RealPath path(AuditReport report, RealAtsRoot root, boolean withClass2Cross) {
        return report.paths().stream().filter(p -> p.amazonRoot() == root && p.withClass2Cross() == withClass2Cross)
                .findFirst().orElseThrow();
    }

    private static AuditReport audit(RealAtsRoot... roots) throws Exception {
        KeyStore store = store();
        for (RealAtsRoot root : roots) {
            store.setCertificateEntry(root.id(), root.certificate());
        }
        return TrustStoreAudit.audit(store, Arrays.toString(roots)).asOf(DAY);
    }

    private static KeyStore store() throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        return store;
    }

    /** The real root's subject and key in a certificate of its own, signed by any key (an anchor's signature is not read). */
    private static X509Certificate reissuedCopy(X509Certificate real, Instant notAfter) throws Exception {
        X500Name subject = X500Name.getInstance(real.getSubjectX500Principal().getEncoded());
        X509v3CertificateBuilder builder = new X509v3CertificateBuilder(subject, BigInteger.TEN,
                Date.from(Instant.parse("2015-05-26T00:00:00Z")), Date.from(notAfter), subject,
                SubjectPublicKeyInfo.getInstance(real.getPublicKey().getEncoded()));
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        var keys = java.security.KeyPairGenerator.getInstance("RSA");
        keys.initialize(2048);
        var signer = new JcaContentSignerBuilder("SHA256withRSA").build(keys.generateKeyPair().getPrivate());
        return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
    }
}
