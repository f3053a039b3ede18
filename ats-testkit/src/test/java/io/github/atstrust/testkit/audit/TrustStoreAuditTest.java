package io.github.atstrust.testkit.audit;

import static io.github.atstrust.testkit.pki.RealAtsRoot.AMAZON_ROOT_CA_1;
import static io.github.atstrust.testkit.pki.RealAtsRoot.AMAZON_ROOT_CA_2;
import static io.github.atstrust.testkit.pki.RealAtsRoot.AMAZON_ROOT_CA_3;
import static io.github.atstrust.testkit.pki.RealAtsRoot.AMAZON_ROOT_CA_4;
import static io.github.atstrust.testkit.pki.RealAtsRoot.STARFIELD_CLASS_2;
import static io.github.atstrust.testkit.pki.RealAtsRoot.STARFIELD_SERVICES_ROOT_G2;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.atstrust.testkit.Prerequisites;
import io.github.atstrust.testkit.pki.FakeCa;
import io.github.atstrust.testkit.pki.RealAtsRoot;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Audits of real trust stores: the JDKs', Debian's, and stores built from the real roots. */
class TrustStoreAuditTest {

    @TempDir
    Path dir;

    @Test
    void runningJdksCacertsIsReadyAndSaysWhichFileItRead() {
        AuditReport report = TrustStoreAudit.audit(TrustStoreSource.jvm());

        assertThat(report.verdict()).isEqualTo(Verdict.READY);
        assertThat(report.trustsAts()).isTrue();
        assertThat(report.source()).contains(System.getProperty("java.home")).contains("cacerts");
        assertThat(report.anchors()).allMatch(AnchorStatus::exact);
    }

    @Test
    void jdk25CacertsIsReady() {
        requireFile(RealStores.JDK_25_CACERTS);

        AuditReport report = TrustStoreAudit.audit(TrustStoreSource.of(RealStores.JDK_25_CACERTS, null));

        assertThat(report.verdict()).isEqualTo(Verdict.READY);
    }

    @Test
    void debianCertificateDirectoryAndBundleAreReady() {
        Path directory = Path.of("/etc/ssl/certs");
        Path bundle = directory.resolve("ca-certificates.crt");
        requireFile(bundle);

        assertThat(TrustStoreAudit.audit(TrustStoreSource.of(directory, null)).verdict()).isEqualTo(Verdict.READY);
        assertThat(TrustStoreAudit.audit(TrustStoreSource.of(bundle, null)).verdict()).isEqualTo(Verdict.READY);
    }

    @Test
    void storeWithOnlyAmazonRootCa1IsDegradedForTheOtherRoots() throws Exception {
        AuditReport report = audit(List.of(AMAZON_ROOT_CA_1));

        assertThat(report.verdict()).isEqualTo(Verdict.DEGRADED);
        assertThat(RealAtsRoot.amazonRoots()).map(report::trustsAcmChainsOf).containsExactly(true, false, false, false);
        assertThat(report.missingAmazonRoots()).containsExactly(AMAZON_ROOT_CA_2, AMAZON_ROOT_CA_3, AMAZON_ROOT_CA_4);
        assertThat(report.explanation()).contains("Amazon Root CA 2 fail");
    }

    @Test
    void storeWithOnlyStarfieldServicesG2IsReady() throws Exception {
        AuditReport report = audit(List.of(STARFIELD_SERVICES_ROOT_G2));

        assertThat(report.verdict()).isEqualTo(Verdict.READY);
    }

    @Test
    void storeWithOnlyStarfieldClass2TrustsOldChainsButNotAcmChainsSince2024() throws Exception {
        AuditReport report = audit(List.of(STARFIELD_CLASS_2));

        assertThat(report.verdict()).isEqualTo(Verdict.DEGRADED);
        assertThat(RealAtsRoot.amazonRoots()).allMatch(r -> report.trustsCrossSignedChainsOf(r) && !report.trustsAcmChainsOf(r));
        assertThat(report.explanation()).contains("Starfield Class 2 alone no longer suffices");
    }

    @Test
    void storeWithAllFourAmazonRootsIsReady() throws Exception {
        assertThat(audit(List.of(AMAZON_ROOT_CA_1, AMAZON_ROOT_CA_2, AMAZON_ROOT_CA_3, AMAZON_ROOT_CA_4)).verdict())
                .isEqualTo(Verdict.READY);
    }

    @Test
    void storeWithoutAnyAtsAnchorIsNotReady() throws Exception {
        Path store = RealStores.cacertsWithout(dir.resolve("none.p12"), List.of(RealAtsRoot.values()));

        AuditReport report = TrustStoreAudit.audit(TrustStoreSource.of(store, null));

        assertThat(report.verdict()).isEqualTo(Verdict.NOT_READY);
        assertThat(report.certificateCount()).isGreaterThan(100);
        assertThat(report.explanation()).contains("every connection to an ATS endpoint");
    }

    @Test
    void fakeKitRootInARealStoreIsAFailureNamingIt() throws Exception {
        KeyStore store = RealStores.cacerts();
        store.setCertificateEntry("oops-test-root", FakeCa.AMAZON_ROOT_CA_1.certificate());

        AuditReport report = TrustStoreAudit.audit(TrustStoreSource.of(RealStores.write(store, dir.resolve("leaked.p12")), null));

        assertThat(report.verdict()).isEqualTo(Verdict.READY);
        assertThat(report.trustsAts()).isFalse();
        assertThat(report.fakeTestRoots()).singleElement()
                .satisfies(message -> assertThat(message).contains("oops-test-root").contains("FAKE Amazon Root CA 1"));
        assertThat(report.explanation()).as("the verdict line itself says so").startsWith("HOLDS TEST MATERIAL");
        for (String requirement : List.of("ready", "any-guide-anchor", "amazon-root-ca-1")) {
            assertThat(report.meets(io.github.atstrust.testkit.audit.AtsRequirement.parse(requirement))).as(requirement).isFalse();
        }
    }

    @Test
    void everyFakeCertificateAndEveryServedChainSaysTestOnly() {
        for (FakeCa ca : FakeCa.values()) {
            assertThat(ca.certificate().getSubjectX500Principal().getName()).as(ca.id()).contains("ATS Trust Kit (TEST ONLY)");
        }
        try (var servers = io.github.atstrust.testkit.server.AtsServers.start()) {
            servers.endpoints().forEach(endpoint -> endpoint.chain().forEach(certificate ->
                    assertThat(certificate.getSubjectX500Principal().getName()).as(endpoint.id())
                            .contains("ATS Trust Kit (TEST ONLY)")));
        }
    }

    @Test
    void reissuedCopyWithTheSameSubjectAndKeyCountsAndIsReportedAsSuch() throws Exception {
        X509Certificate real = AMAZON_ROOT_CA_3.certificate();
        X509Certificate copy = new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(
                X500Name.getInstance(real.getSubjectX500Principal().getEncoded()), BigInteger.TEN, new Date(),
                new Date(System.currentTimeMillis() + 86_400_000L),
                X500Name.getInstance(real.getSubjectX500Principal().getEncoded()), real.getPublicKey())
                .build(new JcaContentSignerBuilder("SHA256withRSA")
                        .build(io.github.atstrust.testkit.pki.FakeAtsHierarchy.load().authority(FakeCa.OTHER_PUBLIC_ROOT).privateKey())));
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setCertificateEntry("copy", copy);

        AuditReport report = TrustStoreAudit.audit(TrustStoreSource.of(RealStores.write(store, dir.resolve("copy.p12")), null));

        assertThat(report.anchor(AMAZON_ROOT_CA_3).present()).isTrue();
        assertThat(report.anchor(AMAZON_ROOT_CA_3).exact()).as("same subject and key, not the same bytes").isFalse();
        assertThat(report.trustsAcmChainsOf(AMAZON_ROOT_CA_3)).isTrue();
    }

    @Test
    void removingTheAmazonRootsFromCacertsIsARegression() throws Exception {
        AuditReport before = TrustStoreAudit.audit(TrustStoreSource.jvm());
        AuditReport after = TrustStoreAudit.audit(TrustStoreSource.of(RealStores.cacertsWithout(dir.resolve("after.p12"),
                List.of(AMAZON_ROOT_CA_1, AMAZON_ROOT_CA_2, AMAZON_ROOT_CA_3, AMAZON_ROOT_CA_4)), null));

        AuditDiff diff = TrustStoreAudit.diff(before, after);
        AuditDiff reverse = TrustStoreAudit.diff(after, before);

        assertThat(diff.regression()).isTrue();
        assertThat(diff.removed()).containsExactly(AMAZON_ROOT_CA_1, AMAZON_ROOT_CA_2, AMAZON_ROOT_CA_3, AMAZON_ROOT_CA_4);
        assertThat(after.verdict()).as("G2 still anchors everything").isEqualTo(Verdict.READY);
        assertThat(reverse.regression()).isFalse();
        assertThat(reverse.added()).hasSize(4);
    }

    @Test
    void losingG2AndTheAmazonRootsDegradesTheStore() throws Exception {
        AuditReport before = audit(List.of(STARFIELD_SERVICES_ROOT_G2, STARFIELD_CLASS_2));
        AuditReport after = audit(List.of(STARFIELD_CLASS_2));

        assertThat(TrustStoreAudit.diff(before, after).regression()).isTrue();
        assertThat(after.verdict()).isEqualTo(Verdict.DEGRADED);
    }

    @Test
    void aStoreRelyingOnStarfieldClass2IsNotReadyOnceTheClass2CrossSignEnds() throws Exception {
        AuditReport today = audit(List.of(STARFIELD_CLASS_2));
        AuditReport after = today.asOf(LocalDate.of(2034, 7, 1));

        assertThat(today.verdict()).isEqualTo(Verdict.DEGRADED);
        assertThat(today.verdictHoldsUntil()).contains(LocalDate.of(2034, 6, 28));
        assertThat(today.explanation()).contains("holds until 2034-06-28; from 2034-06-29 the store is NOT_READY")
                .contains("the G2 certificate cross-signed by Starfield Class 2");
        assertThat(after.verdict()).isEqualTo(Verdict.NOT_READY);
        assertThat(today.meets(AtsRequirement.anyGuideAnchor())).isTrue();
        assertThat(after.meets(AtsRequirement.anyGuideAnchor())).as("Class 2 is held, but no chain is built through it").isFalse();
        assertThat(after.verdictHoldsUntil()).isEmpty();
    }

    @Test
    void aStoreHoldingEveryAnchorStaysReadyUntilAmazonRootCa1Ends() {
        AuditReport jvm = TrustStoreAudit.audit(TrustStoreSource.jvm());

        assertThat(jvm.asOf(LocalDate.of(2034, 7, 1)).verdict()).isEqualTo(Verdict.READY);
        assertThat(jvm.verdictHoldsUntil()).contains(LocalDate.of(2038, 1, 17));
        assertThat(jvm.asOf(LocalDate.of(2038, 1, 18)).verdict()).isEqualTo(Verdict.DEGRADED);
        assertThat(jvm.asOf(LocalDate.of(2038, 1, 18)).trustsAcmChainsOf(AMAZON_ROOT_CA_2)).isTrue();
        assertThat(jvm.asOf(LocalDate.of(2040, 5, 27)).verdict()).isEqualTo(Verdict.NOT_READY);
    }

    private AuditReport audit(List<RealAtsRoot> roots) throws Exception {
        Path file = Files.createTempFile(dir, "store", ".p12");
        return TrustStoreAudit.audit(TrustStoreSource.of(RealStores.withRoots(file, roots), null));
    }

    private static void requireFile(Path file) {
        Prerequisites.require(Files.isRegularFile(file), file + " is missing (apt-get install ca-certificates; "
                + "the Temurin 25 JDK under /usr/lib/jvm)");
    }
}
