package io.github.atstrust.testkit.audit;

import io.github.atstrust.testkit.pki.FakeAtsHierarchy;
import io.github.atstrust.testkit.pki.RealAtsRoot;
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

    private static final List<RealAtsRoot> AMAZON_ROOTS = List.of(RealAtsRoot.AMAZON_ROOT_CA_1,
            RealAtsRoot.AMAZON_ROOT_CA_2, RealAtsRoot.AMAZON_ROOT_CA_3, RealAtsRoot.AMAZON_ROOT_CA_4);

    private TrustStoreAudit() {
    }

    /**
     * Reads and audits a trust store.
     *
     * @throws InvalidTrustStoreException naming the file and the fix when it cannot be read
     */
    public static AuditReport audit(TrustStoreSource source) {
        return audit(source.load());
    }

    /** Audits certificates already read. */
    public static AuditReport audit(LoadedTrustStore store) {
        List<AnchorStatus> anchors = new ArrayList<>();
        for (RealAtsRoot root : RealAtsRoot.values()) {
            anchors.add(find(root, store.entries()));
        }
        List<RootTrust> roots = new ArrayList<>();
        boolean g2 = present(anchors, RealAtsRoot.STARFIELD_SERVICES_ROOT_G2);
        boolean class2 = present(anchors, RealAtsRoot.STARFIELD_CLASS_2);
        for (RealAtsRoot root : AMAZON_ROOTS) {
            boolean own = present(anchors, root);
            roots.add(new RootTrust(root, own || g2 || class2, own || g2));
        }
        Verdict verdict = roots.stream().allMatch(RootTrust::acmChainsSince2024) ? Verdict.READY
                : roots.stream().anyMatch(RootTrust::crossSignedChains) ? Verdict.DEGRADED : Verdict.NOT_READY;
        return new AuditReport(store.description(), store.entries().size(), anchors, roots, verdict, findings(store));
    }

    /**
     * Compares two audits: anchors added and removed, and whether ATS trust was lost. Removing any ATS anchor
     * counts as lost even when another anchor still covers every chain: the store then depends on servers
     * sending cross-certificates that they may stop sending, as ACM did with Class 2 in 2024.
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
        for (int i = 0; i < before.roots().size(); i++) {
            RootTrust was = before.roots().get(i);
            RootTrust is = after.roots().get(i);
            lostChains |= (was.crossSignedChains() && !is.crossSignedChains())
                    || (was.acmChainsSince2024() && !is.acmChainsSince2024());
        }
        boolean fakeAppeared = AuditDiff.fakeRootAppeared(before, after);
        boolean worse = after.verdict().ordinal() > before.verdict().ordinal();
        return new AuditDiff(before, after, added, removed, worse || lostChains || fakeAppeared || !removed.isEmpty());
    }

    private static AnchorStatus find(RealAtsRoot root, List<LoadedTrustStore.Entry> entries) {
        for (LoadedTrustStore.Entry entry : entries) {
            if (root.matches(entry.certificate())) {
                return new AnchorStatus(root, AnchorStatus.Match.EXACT, entry.name());
            }
        }
        for (LoadedTrustStore.Entry entry : entries) {
            if (root.isSameAnchor(entry.certificate())) {
                return new AnchorStatus(root, AnchorStatus.Match.SAME_SUBJECT_AND_KEY, entry.name());
            }
        }
        return new AnchorStatus(root, AnchorStatus.Match.ABSENT, null);
    }

    private static boolean present(List<AnchorStatus> anchors, RealAtsRoot root) {
        return anchors.stream().anyMatch(a -> a.anchor() == root && a.present());
    }

    private static List<Finding> findings(LoadedTrustStore store) {
        List<Finding> findings = new ArrayList<>();
        Date now = new Date();
        for (LoadedTrustStore.Entry entry : store.entries()) {
            X509Certificate certificate = entry.certificate();
            if (certificate.getSubjectX500Principal().getName().contains(FakeAtsHierarchy.TEST_ONLY_ORGANISATION)) {
                findings.add(new Finding(Finding.Kind.FAKE_TEST_ROOT, "Entry '" + entry.name() + "' ("
                        + certificate.getSubjectX500Principal().getName() + ") is ATS Trust Kit test material and must "
                        + "never be in a real trust store: remove it."));
            }
            if (certificate.getNotAfter().before(now)) {
                findings.add(new Finding(Finding.Kind.EXPIRED_ANCHOR, "Entry '" + entry.name() + "' ("
                        + certificate.getSubjectX500Principal().getName() + ") expired on "
                        + certificate.getNotAfter().toInstant() + "."));
            }
        }
        store.unreadable().forEach(u -> findings.add(new Finding(Finding.Kind.UNREADABLE_ENTRY, "Could not read " + u + ".")));
        return findings;
    }
}
