package io.github.atstrust.testkit.audit;

import io.github.atstrust.testkit.pki.FakeAtsHierarchy;
import io.github.atstrust.testkit.pki.RealAtsRoot;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/**
 * Audits a trust store against the real Amazon Trust Services anchors: which it holds (by SHA-256 fingerprint,
 * or by subject and key), whether chains anchored at each Amazon root are trusted, a verdict and findings.
 *
 * <pre>
 * AuditReport jvm = TrustStoreAudit.audit(TrustStoreSource.jvm());
 * AuditDiff change = TrustStoreAudit.diff(before, after);
 * </pre>
 */
public final class TrustStoreAudit {

    private TrustStoreAudit() {
    }

    /**
     * Reads and audits a trust store.
     *
     * @param source the JVM default, a file, a directory or a Docker image's OS bundle
     * @return what the store holds and what follows from it
     * @throws IllegalArgumentException naming the file and the fix when it cannot be read
     */
    public static AuditReport audit(TrustStoreSource source) {
        return audit(TrustStoreReader.read(source));
    }

    /**
     * Audits the certificate entries of a loaded key store; entries that are not certificates are warnings.
     *
     * @param store       a loaded key store, e.g. the one a client is configured with
     * @param description what to call it in the report
     * @return what the store holds and what follows from it
     * @throws IllegalArgumentException when the key store was not loaded
     */
    public static AuditReport audit(KeyStore store, String description) {
        try {
            return audit(LoadedTrustStore.fromKeyStore(store, description));
        } catch (KeyStoreException e) {
            throw new IllegalArgumentException(description + " is not initialised: load it before auditing it", e);
        }
    }

    static AuditReport audit(LoadedTrustStore store) {
        List<AnchorStatus> anchors = new ArrayList<>();
        for (RealAtsRoot root : RealAtsRoot.values()) {
            anchors.add(find(root, store.entries()));
        }
        List<AuditFinding> findings = new ArrayList<>();
        Date now = new Date();
        for (LoadedTrustStore.Entry entry : store.entries()) {
            X509Certificate certificate = entry.certificate();
            if (certificate.getSubjectX500Principal().getName().contains(FakeAtsHierarchy.TEST_ONLY_ORGANISATION)) {
                String twin = java.util.Arrays.stream(RealAtsRoot.values())
                        .filter(real -> real.fakeTwin().certificate().equals(certificate)).findFirst()
                        .map(real -> ", the fake twin of " + real.displayName()).orElse("");
                findings.add(new AuditFinding(AuditFinding.Kind.FAKE_TEST_ROOT, entry.name(), "Entry '" + entry.name() + "' (" + certificate.getSubjectX500Principal().getName()
                        + twin + ") is ATS Trust Kit test material and must never be in a real trust store: remove it."));
            } else {
                KitMaterial.kitKeyOf(certificate).ifPresent(key -> findings.add(new AuditFinding(
                        AuditFinding.Kind.FAKE_TEST_ROOT, entry.name(), "Entry '" + entry.name() + "' ("
                        + certificate.getSubjectX500Principal().getName() + ") is signed for " + key + ", whose private key "
                        + "the kit publishes (ats-fixtures): whoever has it can impersonate any server to this store; remove it.")));
            }
            KitMaterial.lookalikeOf(certificate).ifPresent(real -> findings.add(new AuditFinding(
                    AuditFinding.Kind.LOOKALIKE_ANCHOR, entry.name(), "Entry '" + entry.name() + "' is named "
                    + real.displayName() + " but holds another key than the real one (SHA-256 "
                    + real.sha256Fingerprint() + "): a lookalike, not an ATS anchor; remove it.")));
            if (certificate.getNotAfter().before(now)) {
                findings.add(new AuditFinding(AuditFinding.Kind.EXPIRED_ANCHOR, entry.name(), "Entry '" + entry.name() + "' ("
                        + certificate.getSubjectX500Principal().getName() + ") expired on "
                        + certificate.getNotAfter().toInstant() + "."));
            }
        }
        store.unreadable().forEach(u -> findings.add(new AuditFinding(AuditFinding.Kind.UNREADABLE_ENTRY, u,
                "Could not read " + u + ".")));
        java.util.Map<String, X509Certificate> atsNamed = new java.util.LinkedHashMap<>();
        for (LoadedTrustStore.Entry entry : store.entries()) {
            for (RealAtsRoot root : RealAtsRoot.values()) {
                if (root.certificate().getSubjectX500Principal().equals(entry.certificate().getSubjectX500Principal())) {
                    atsNamed.putIfAbsent(entry.name(), entry.certificate());
                }
            }
        }
        return new AuditReport(store.description(), store.entries().size(), anchors, findings,
                java.time.LocalDate.now(java.time.ZoneOffset.UTC), atsNamed, false);
    }

    /**
     * Compares two audits: anchors added and removed, and whether ATS trust was lost. Removing any ATS anchor
     * counts as lost even when another anchor still covers every chain: the store then depends on servers
     * sending cross-certificates that they may stop sending, as ACM did with Class 2 in 2024.
     *
     * @param before the audit of the store before the change
     * @param after  the audit after it
     * @return what changed
     */
    public static AuditDiff diff(AuditReport before, AuditReport after) {
        List<RealAtsRoot> added = new ArrayList<>();
        List<RealAtsRoot> removed = new ArrayList<>();
        for (RealAtsRoot root : RealAtsRoot.values()) {
            if (!before.holds(root) && after.holds(root)) {
                added.add(root);
            } else if (before.holds(root) && !after.holds(root)) {
                removed.add(root);
            }
        }
        boolean lostChains = false;
        for (RealAtsRoot root : RealAtsRoot.amazonRoots()) {
            lostChains |= (before.trustsCrossSignedChainsOf(root) && !after.trustsCrossSignedChainsOf(root))
                    || (before.trustsAcmChainsOf(root) && !after.trustsAcmChainsOf(root));
        }
        boolean fakeAppeared = AuditDiff.fakeRootAppeared(before, after);
        boolean worse = after.verdict().ordinal() > before.verdict().ordinal();
        return new AuditDiff(before, after, added, removed, worse || lostChains || fakeAppeared || !removed.isEmpty());
    }

    private static AnchorStatus find(RealAtsRoot root, List<LoadedTrustStore.Entry> entries) {
        for (LoadedTrustStore.Entry entry : entries) {
            if (root.matches(entry.certificate())) {
                return new AnchorStatus(root, entry.name(), true);
            }
        }
        for (LoadedTrustStore.Entry entry : entries) {
            if (root.isSameAnchor(entry.certificate())) {
                return new AnchorStatus(root, entry.name(), false);
            }
        }
        return new AnchorStatus(root, null, false);
    }
}
