package io.github.atstrust.testkit.audit;

import io.github.atstrust.testkit.pki.RealAtsRoot;
import java.util.List;

/**
 * What {@link TrustStoreAudit} found in one trust store: the six real ATS anchors, per Amazon root whether its
 * chains are trusted, a verdict, findings, and what to do.
 *
 * <pre>
 * AuditReport report = TrustStoreAudit.audit(TrustStoreSource.jvm());
 * if (!report.trustsAts()) System.err.println(report.explanation());
 * </pre>
 */
public record AuditReport(String source, int certificateCount, List<AnchorStatus> anchors, List<RootTrust> roots,
                          Verdict verdict, List<Finding> findings) {

    public AuditReport {
        anchors = List.copyOf(anchors);
        roots = List.copyOf(roots);
        findings = List.copyOf(findings);
    }

    /** READY and free of failing findings (no fake test root): meets {@link AtsRequirement#ready()}. */
    public boolean trustsAts() {
        return meets(AtsRequirement.ready());
    }

    /** Whether the store meets what the user stated it needs (and holds no fake test root). */
    public boolean meets(AtsRequirement requirement) {
        return requirement.isMetBy(this);
    }

    public AnchorStatus anchor(RealAtsRoot root) {
        return anchors.stream().filter(a -> a.anchor() == root).findFirst().orElseThrow();
    }

    public boolean holds(RealAtsRoot root) {
        return anchor(root).present();
    }

    /**
     * The verdict against {@code requirement}, in words: "meets …" or "does not meet …", then
     * {@link #explanation()}, which names the real chains the store fails.
     */
    public String explanation(AtsRequirement requirement) {
        return (meets(requirement) ? "meets" : "does not meet") + " the requirement '" + requirement + "'. " + explanation();
    }

    /** The real anchors this store lacks, of those that would make it READY. */
    public List<RealAtsRoot> missingAmazonRoots() {
        return roots.stream().filter(r -> !r.acmChainsSince2024()).map(RootTrust::root).toList();
    }

    /** One paragraph in words: the verdict, what fails and why (the source is in {@link #source()}). */
    public String explanation() {
        StringBuilder text = new StringBuilder();
        if (findings.stream().anyMatch(f -> f.kind() == Finding.Kind.FAKE_TEST_ROOT)) {
            text.append("HOLDS TEST MATERIAL (a fake ATS Trust Kit root): this store trusts nothing as it should until "
                    + "it is removed. ");
        }
        switch (verdict) {
            case READY -> text.append("READY: trusts every Amazon Root CA, including the ACM chains served since"
                    + " August 2024.");
            case NOT_READY -> text.append("NOT_READY: holds none of Amazon Root CA 1-4, Starfield Services Root CA G2 or Starfield Class 2:"
                            + " every connection to an ATS endpoint (DynamoDB, S3, CloudFront, ...) fails the TLS handshake.");
            case DEGRADED -> {
                text.append("DEGRADED: trusts only part of the ATS hierarchy.");
                for (RootTrust root : roots) {
                    if (!root.crossSignedChains()) {
                        text.append(" Endpoints whose certificates chain to ").append(root.root().displayName())
                                .append(" fail.");
                    } else if (!root.acmChainsSince2024()) {
                        text.append(" ACM chains since August 2024 anchored at ").append(root.root().displayName())
                                .append(" fail (Starfield Class 2 alone no longer suffices).");
                    }
                }
            }
        }
        findings.stream().filter(f -> f.kind().isFailure()).forEach(f -> text.append(' ').append(f.message()));
        return text.toString();
    }
}
