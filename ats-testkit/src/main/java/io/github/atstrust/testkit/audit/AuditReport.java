package io.github.atstrust.testkit.audit;

import io.github.atstrust.testkit.pki.RealAtsRoot;
import io.github.atstrust.testkit.scenario.ClientSetting;
import java.security.cert.X509Certificate;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * What {@link TrustStoreAudit} found in one trust store: which of the six real ATS anchors it holds, and what
 * follows from that (per Amazon root, whether its chains are trusted; a verdict; what to do), with findings.
 *
 * <pre>
 * AuditReport report = TrustStoreAudit.audit(TrustStoreSource.jvm());
 * if (!report.trustsAts()) System.err.println(report.explanation());
 * </pre>
 *
 * @param source           what was read, e.g. {@code /etc/ssl/certs (directory, 146 files)}
 * @param certificateCount how many certificates the store holds
 * @param anchors          one status per {@link RealAtsRoot}, in its order
 * @param findings         kit test roots (failures: never in a real store), expired and unreadable entries
 * @param asOf             the day the verdict is judged for: the day of the audit, or a later one
 *                         ({@link #asOf(LocalDate)}) to see what the real certificates' end dates will do
 * @param atsNamedEntries  the store's entries that bear the name of an ATS anchor (the real ones, re-issued copies,
 *                         lookalikes), by entry: what {@link #paths()} builds to
 * @param x509Strict       whether anchors are judged as OpenSSL's X509 strict mode does (Python 3.13's default):
 *                         {@link #inStrictMode()}
 */
public record AuditReport(String source, int certificateCount, List<AnchorStatus> anchors, List<AuditFinding> findings,
                          LocalDate asOf, Map<String, X509Certificate> atsNamedEntries, boolean x509Strict) {

    /** The G2 certificate cross-signed by Starfield Class 2 (the link of the pre-2024 chains) ends this day. */
    public static final LocalDate G2_CROSS_SIGNED_BY_CLASS_2_ENDS = LocalDate.of(2034, 6, 28);
    /** The Amazon roots cross-signed by Starfield Services G2 end this day (with G2 itself). */
    public static final LocalDate AMAZON_ROOTS_CROSS_SIGNED_BY_G2_END = LocalDate.of(2037, 12, 31);

    /**
     * Checks there is one status per real root.
     *
     * @param source           what was read
     * @param certificateCount how many certificates the store holds
     * @param anchors          one status per {@link RealAtsRoot}, in its order
     * @param findings         what was found besides the anchors
     * @param asOf             the day the verdict is judged for
     * @param atsNamedEntries  the entries bearing the name of an ATS anchor
     * @param x509Strict       whether anchors are judged in X509 strict mode
     * @throws IllegalArgumentException when an anchor is missing or out of order
     */
    public AuditReport {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(asOf, "asOf");
        anchors = List.copyOf(anchors);
        findings = List.copyOf(findings);
        atsNamedEntries = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(atsNamedEntries));
        RealAtsRoot[] roots = RealAtsRoot.values();
        if (anchors.size() != roots.length
                || !anchors.stream().map(AnchorStatus::anchor).toList().equals(List.of(roots))) {
            throw new IllegalArgumentException("an audit report holds one status per real ATS root, in order");
        }
    }

    /** {@return the messages of the failing findings: kit test material and lookalikes of ATS anchors} */
    public List<String> fakeTestRoots() {
        return findings.stream().filter(AuditFinding::failure).map(AuditFinding::message).toList();
    }

    /** {@return the messages of the findings that do not fail the audit (expired, unreadable entries)} */
    public List<String> warnings() {
        return findings.stream().filter(f -> !f.failure()).map(AuditFinding::message).toList();
    }

    /**
     * The same report under another source name, e.g. the classpath resource a temporary copy came from.
     *
     * @param newSource what to call the store
     * @return a copy with that {@link #source()}
     */
    public AuditReport withSource(String newSource) {
        return new AuditReport(newSource, certificateCount, anchors, findings, asOf, atsNamedEntries, x509Strict);
    }

    /**
     * The same store judged on another day, by the real certificates' end dates: an anchor that has ended no
     * longer counts, and chains through an ended cross-certificate are no longer trusted. CI can fail a store
     * that will break within a horizon: {@code report.asOf(LocalDate.now().plusYears(5)).trustsAts()}.
     *
     * @param day the day to judge for
     * @return a copy judged for {@code day}
     */
    public AuditReport asOf(LocalDate day) {
        return new AuditReport(source, certificateCount, anchors, findings, day, atsNamedEntries, x509Strict);
    }

    /**
     * The same store judged as OpenSSL's X509 strict mode judges anchors (Python 3.13 turns it on by default): a CA
     * whose basic constraints are not critical or that has no key usage is refused, so Starfield Class 2 no longer
     * counts, and a Class-2-only store trusts no ATS chain.
     *
     * @return a copy judged in strict mode
     */
    public AuditReport inStrictMode() {
        return new AuditReport(source, certificateCount, anchors, findings, asOf, atsNamedEntries, true);
    }

    /**
     * The real chains built to this store's anchors on {@link #asOf()} by the JDK's {@code CertPathBuilder}: for each
     * Amazon root, the chain as served before August 2024 (with the Class 2 cross) and the ACM chain since, from
     * the real issuing CA up; each the path it built or why none exists.
     *
     * @return eight paths: Amazon Root CA 1-4, each pre-2024 then ACM
     */
    public List<RealPath> paths() {
        return RealPaths.build(atsNamedEntries, asOf, x509Strict);
    }

    /**
     * Where matching anchors by fingerprint ({@link #trustsCrossSignedChainsOf}, {@link #trustsAcmChainsOf}) and
     * building the real paths ({@link #paths()}) disagree, in words; empty when they agree. E.g. a re-issued copy of
     * an anchor that has ended: it counts by subject and key, but verifiers that check an anchor's validity refuse it.
     *
     * @return one sentence per chain on which they disagree
     */
    public List<String> disagreements() {
        List<String> disagreements = new java.util.ArrayList<>();
        for (RealPath path : paths()) {
            boolean rules = path.withClass2Cross() ? trustsCrossSignedChainsOf(path.amazonRoot())
                    : trustsAcmChainsOf(path.amazonRoot());
            if (rules != path.built()) {
                disagreements.add(path.amazonRoot().displayName() + (path.withClass2Cross() ? ", pre-2024 chain" : ", ACM chain")
                        + ": the fingerprint rules say " + (rules ? "trusted" : "not trusted") + ", path building "
                        + (path.built() ? "reached entry '" + path.anchorEntry() + "'" : "found no path: " + path.problem()));
            }
        }
        return disagreements;
    }

    /**
     * The last day, after {@link #asOf()}, on which this verdict still holds by the real end dates, if it ever
     * changes: e.g. 2034-06-28 for a store that relies on Starfield Class 2 for the pre-2024 chains.
     *
     * @return the last day of this verdict, or empty when the end dates never change it
     */
    public Optional<LocalDate> verdictHoldsUntil() {
        return nextChange().map(day -> day.minusDays(1));
    }

    /** The first day after {@link #asOf()} on which the verdict changes, if any. */
    Optional<LocalDate> nextChange() {
        TreeSet<LocalDate> candidates = new TreeSet<>();
        for (RealAtsRoot root : RealAtsRoot.values()) {
            candidates.add(root.notBefore());
            candidates.add(root.notAfter().plusDays(1));
        }
        candidates.add(G2_CROSS_SIGNED_BY_CLASS_2_ENDS.plusDays(1));
        candidates.add(AMAZON_ROOTS_CROSS_SIGNED_BY_G2_END.plusDays(1));
        Verdict now = verdict();
        return candidates.tailSet(asOf, false).stream().filter(day -> asOf(day).verdict() != now).findFirst();
    }

    /**
     * Whether the store holds {@code root} and the real certificate is valid on {@link #asOf()}; in strict mode, only
     * if an entry holding it passes strict mode's checks.
     */
    boolean holdsValid(RealAtsRoot root) {
        return holds(root) && validOn(root, asOf) && (!x509Strict || atsNamedEntries.values().stream()
                .anyMatch(entry -> root.isSameAnchor(entry) && ClientSetting.x509StrictProblem(entry).isEmpty()));
    }

    private static boolean validOn(RealAtsRoot root, LocalDate day) {
        return !root.notAfter().isBefore(day) && !root.notBefore().isAfter(day);
    }

    /**
     * How ready the store is for the chains AWS serves, derived from the anchors it holds.
     *
     * @return READY when every Amazon root's ACM chains are trusted, NOT_READY when no ATS chain is
     */
    public Verdict verdict() {
        if (RealAtsRoot.amazonRoots().stream().allMatch(this::trustsAcmChainsOf)) {
            return Verdict.READY;
        }
        return RealAtsRoot.amazonRoots().stream().anyMatch(this::trustsCrossSignedChainsOf) ? Verdict.DEGRADED
                : Verdict.NOT_READY;
    }

    /**
     * Whether chains that carry both cross-certificates (as servers sent them before August 2024) and end at
     * {@code amazonRoot} are trusted on {@link #asOf()}: the store holds that root, Starfield Services G2 or
     * Starfield Class 2, and the certificates on the way have not ended.
     *
     * @param amazonRoot one of Amazon Root CA 1-4
     * @return whether such chains are trusted
     */
    public boolean trustsCrossSignedChainsOf(RealAtsRoot amazonRoot) {
        return trustsAcmChainsOf(amazonRoot) || holdsValid(RealAtsRoot.STARFIELD_CLASS_2)
                && !asOf.isAfter(G2_CROSS_SIGNED_BY_CLASS_2_ENDS) && !asOf.isAfter(AMAZON_ROOTS_CROSS_SIGNED_BY_G2_END);
    }

    /**
     * Whether the ACM chains served since August 2024, which stop at {@code amazonRoot} cross-signed by G2, are
     * trusted on {@link #asOf()}: the store holds that root or Starfield Services G2 (Class 2 alone no longer
     * suffices), and the certificates on the way have not ended.
     *
     * @param amazonRoot one of Amazon Root CA 1-4
     * @return whether such chains are trusted
     */
    public boolean trustsAcmChainsOf(RealAtsRoot amazonRoot) {
        return holdsValid(amazonRoot) || holdsValid(RealAtsRoot.STARFIELD_SERVICES_ROOT_G2)
                && !asOf.isAfter(AMAZON_ROOTS_CROSS_SIGNED_BY_G2_END);
    }

    /**
     * READY and free of test material: meets {@link AtsRequirement#ready()}.
     *
     * @return whether the store trusts every ATS chain as it should
     */
    public boolean trustsAts() {
        return meets(AtsRequirement.ready());
    }

    /**
     * Whether the store meets what the user stated it needs (and holds no fake test root).
     *
     * @param requirement e.g. {@code AtsRequirement.parse("amazon-root-ca-1")}
     * @return whether it is met
     */
    public boolean meets(AtsRequirement requirement) {
        return requirement.isMetBy(this);
    }

    /**
     * Whether the store holds the ATS Trust Kit's test material (a kit certificate, or any certificate with a key the
     * kit ships) or a lookalike of an ATS anchor, which fails every audit.
     *
     * @return {@code true} when a finding is a {@linkplain AuditFinding#failure() failure}
     */
    public boolean holdsTestMaterial() {
        return findings.stream().anyMatch(AuditFinding::failure);
    }

    /**
     * The status of one real anchor.
     *
     * @param root the real root
     * @return where the store holds it, if it does
     */
    public AnchorStatus anchor(RealAtsRoot root) {
        return anchors.get(root.ordinal());
    }

    /**
     * Whether the store holds one real anchor, exactly or as a re-issued copy.
     *
     * @param root the real root
     * @return whether it is present
     */
    public boolean holds(RealAtsRoot root) {
        return anchor(root).present();
    }

    /**
     * The Amazon roots whose ACM chains this store does not trust: adding them makes it READY.
     *
     * @return those of Amazon Root CA 1-4 it lacks, in order
     */
    public List<RealAtsRoot> missingAmazonRoots() {
        return RealAtsRoot.amazonRoots().stream().filter(r -> !trustsAcmChainsOf(r)).toList();
    }

    /**
     * The verdict against {@code requirement}, in words: "meets …" or "does not meet …", then
     * {@link #explanation()}, which names the real chains the store fails.
     *
     * @param requirement what the user needs
     * @return one paragraph
     */
    public String explanation(AtsRequirement requirement) {
        return (meets(requirement) ? "meets" : "does not meet") + " the requirement '" + requirement + "'. " + explanation();
    }

    /**
     * One paragraph in words: the verdict, what fails and why (the source is in {@link #source()}).
     *
     * @return e.g. "DEGRADED: trusts only part of the ATS hierarchy. Endpoints whose certificates chain to …"
     */
    public String explanation() {
        return VerdictWords.explanation(this);
    }
}
