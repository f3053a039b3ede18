package io.github.atstrust.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.github.atstrust.testkit.audit.AnchorStatus;
import io.github.atstrust.testkit.audit.AtsRequirement;
import io.github.atstrust.testkit.audit.AuditDiff;
import io.github.atstrust.testkit.audit.AuditReport;
import io.github.atstrust.testkit.audit.RealPath;
import io.github.atstrust.testkit.audit.TrustStoreSource;
import io.github.atstrust.testkit.pki.RealAtsRoot;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Renders audit reports as a readable table with the fix, or as the documented JSON. */
final class AuditPrinter {

    private AuditPrinter() {
    }

    static void print(AuditReport report, AtsRequirement requirement, TrustStoreSource source, PrintWriter out) {
        out.printf("Trust store: %s%n", report.source());
        out.printf("Judged for:  %s%n%n", report.asOf());
        out.printf("%-52s %-8s %-11s %s%n", "ATS ANCHOR", "PRESENT", "ENDS", "SHA-256 / ENTRY");
        for (AnchorStatus anchor : report.anchors()) {
            String present = !anchor.present() ? "no" : anchor.exact() ? "yes" : "yes*";
            out.printf("%-52s %-8s %-11s %s%s%n", anchor.anchor().displayName(), present, anchor.anchor().notAfter(),
                    anchor.anchor().sha256Fingerprint().substring(0, 16) + "…",
                    anchor.present() ? "  " + anchor.entry() : "");
        }
        if (report.anchors().stream().anyMatch(a -> a.present() && !a.exact())) {
            out.println("  * another certificate with the same subject and key (a re-issued copy): trusted alike");
        }
        out.printf("%n%-20s %-34s %s%n", "CHAINS ANCHORED AT", "WITH BOTH CROSS-SIGNS (pre-2024)", "ACM CHAINS SINCE AUG 2024");
        for (RealAtsRoot root : RealAtsRoot.amazonRoots()) {
            out.printf("%-20s %-34s %s%n", root.displayName(), report.trustsCrossSignedChainsOf(root) ? "trusted" : "FAIL",
                    report.trustsAcmChainsOf(root) ? "trusted" : "FAIL");
        }
        out.printf("%nVerdict: %s%n", report.explanation());
        out.printf("Requirement '%s': %s%n", requirement, report.meets(requirement) ? "met" : "NOT met");
        if (report.fakeTestRoots().isEmpty() && report.warnings().isEmpty()) {
            out.println("Findings: none");
        } else {
            out.println("Findings:");
            report.fakeTestRoots().forEach(f -> out.printf("  FAIL %s%n", f));
            report.warnings().forEach(w -> out.printf("  warn %s%n", w));
        }
        report.disagreements().forEach(d -> out.printf("  DISAGREE %s%n", d));
        if (!report.missingAmazonRoots().isEmpty()) {
            printFix(report.missingAmazonRoots(), source, out);
        }
    }

    /** {@code --explain}: each real chain as the JDK's CertPathBuilder built it to the store's anchors, or why not. */
    static void printPaths(AuditReport report, PrintWriter out) {
        out.printf("%nReal paths on %s (JDK CertPathBuilder, the real ATS certificates%s):%n", report.asOf(),
                report.x509Strict() ? ", X509 strict mode" : "");
        for (RealPath path : report.paths()) {
            out.printf("  %s%n", path);
        }
    }

    /** How to add the missing roots to this kind of store: only commands that apply to it. */
    private static void printFix(List<RealAtsRoot> missing, TrustStoreSource source, PrintWriter out) {
        String first = "AmazonRootCA" + missing.get(0).id().substring(missing.get(0).id().length() - 1);
        out.printf("%nFix: add %s (from https://www.amazontrust.com/repository/, e.g. %s.pem), or Starfield Services "
                        + "Root Certificate Authority - G2, which anchors them all:%n",
                missing.stream().map(RealAtsRoot::displayName).collect(Collectors.joining(", ")), first);
        String alias = first.toLowerCase(Locale.ROOT);
        String spec = source.toString();
        if (source.isJvm()) {
            out.printf("  keytool -importcert -noprompt -cacerts -alias %s -file %s.pem -storepass changeit%n", alias, first);
            out.println("  (the JVM reads javax.net.ssl.trustStore when set, else its own lib/security/cacerts: fix the one "
                    + "it reads)");
        } else if (spec.startsWith("docker:")) {
            out.printf("  in the image's Dockerfile: COPY %s.pem /usr/local/share/ca-certificates/%s.crt%n", first, first);
            out.println("                             RUN update-ca-certificates");
        } else if (isKeyStore(spec)) {
            out.printf("  keytool -importcert -noprompt -alias %s -file %s.pem -keystore %s -storepass changeit%n", alias,
                    first, spec.replaceFirst("^(file|classpath):", ""));
        } else if (Files.isDirectory(Path.of(spec.replaceFirst("^file:", "")))) {
            out.printf("  cp %s.pem %s/ && openssl rehash %s%n", first, spec, spec);
        } else {
            out.printf("  a PEM bundle: cat %s.pem >> %s%n", first, spec);
            out.printf("  the OS store it may be built from: Debian/Ubuntu: sudo cp %s.pem /usr/local/share/ca-certificates/"
                    + "%s.crt && sudo update-ca-certificates; RHEL/Fedora: sudo cp %s.pem /etc/pki/ca-trust/source/anchors/ "
                    + "&& sudo update-ca-trust extract%n", first, first, first);
        }
        out.println("  (repeat for each missing root; never pin intermediates)");
    }

    private static boolean isKeyStore(String spec) {
        String name = spec.toLowerCase(Locale.ROOT);
        return name.endsWith(".p12") || name.endsWith(".pfx") || name.endsWith(".jks") || name.endsWith(".jceks")
                || name.endsWith(".pkcs12") || name.endsWith("cacerts");
    }

    static void print(AuditDiff diff, AtsRequirement requirement, boolean regression, PrintWriter out) {
        out.printf("Before: %s — %s, requirement '%s' %s%n", diff.before().source(), diff.before().verdict(), requirement,
                diff.before().meets(requirement) ? "met" : "NOT met");
        out.printf("After:  %s — %s, requirement '%s' %s%n", diff.after().source(), diff.after().verdict(), requirement,
                diff.after().meets(requirement) ? "met" : "NOT met");
        out.printf("Added ATS anchors:   %s%n", names(diff.added()));
        out.printf("Removed ATS anchors: %s%n", names(diff.removed()));
        if (!regression) {
            out.println(diff.regression() ? "No regression against the requirement '" + requirement + "' (an anchor was "
                    + "removed or a verdict fell, which the default requirement would count)." 
                    : "No regression: ATS trust is unchanged or better.");
        } else if (!diff.after().meets(requirement) && diff.before().meets(requirement)) {
            out.println("REGRESSION: the store no longer meets the requirement '" + requirement + "'. "
                    + diff.after().explanation());
        } else if (!diff.removed().isEmpty() && diff.after().verdict() == diff.before().verdict()) {
            out.println("REGRESSION: ATS anchors were removed. Chains still validate through the remaining anchors only "
                    + "while servers keep sending the cross-certificates; restore " + names(diff.removed()) + ".");
        } else {
            out.println("REGRESSION: ATS trust was lost. " + diff.after().explanation());
        }
    }

    private static String names(List<RealAtsRoot> roots) {
        return roots.isEmpty() ? "none" : roots.stream().map(RealAtsRoot::displayName).collect(Collectors.joining(", "));
    }

    /** The stable JSON form (an array with one object per source), documented in the README. */
    static String json(List<AuditReport> reports, AtsRequirement requirement) {
        List<JsonReport> json = reports.stream().map(r -> json(r, requirement)).toList();
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonReport json(AuditReport report, AtsRequirement requirement) {
        return new JsonReport(report.source(), report.certificateCount(), report.asOf().toString(),
                report.verdictHoldsUntil().map(Object::toString).orElse(null), report.verdict().name(), report.trustsAts(),
                requirement.toString(), report.meets(requirement),
                report.anchors().stream().map(a -> new JsonAnchor(a.anchor().id(), a.anchor().displayName(),
                        a.anchor().sha256Fingerprint(), a.anchor().notAfter().toString(), a.present(),
                        !a.present() ? "absent" : a.exact() ? "exact" : "same_subject_and_key", a.entry())).toList(),
                RealAtsRoot.amazonRoots().stream().map(r -> new JsonRoot(r.id(), report.trustsCrossSignedChainsOf(r),
                        report.trustsAcmChainsOf(r))).toList(),
                report.findings().stream().map(f -> new JsonFinding(f.kind().name(), f.failure(), f.entry(), f.message()))
                        .toList(),
                report.explanation(), report.x509Strict(),
                report.paths().stream().map(p -> new JsonPath(p.amazonRoot().id(), p.shape(), p.built(), p.certificates(),
                        p.anchorEntry(), p.problem())).toList(),
                report.disagreements());
    }

    /** {@code asOf} and {@code verdictHoldsUntil} (additive): the day judged for, and the last day of the verdict. */
    record JsonReport(String source, int certificates, String asOf, String verdictHoldsUntil, String verdict,
                      boolean trustsAts, String requirement,
                      boolean meetsRequirement, List<JsonAnchor> anchors,
                      List<JsonRoot> roots, List<JsonFinding> findings, String explanation, boolean strict,
                      List<JsonPath> paths, List<String> disagreements) {
    }

    /**
     * One real chain (additive, with {@code strict} and {@code disagreements}): {@code shape} {@code pre-2024} or
     * {@code acm-2024}, the path by name up to the anchor, or the problem.
     */
    record JsonPath(String root, String shape, boolean built, List<String> path, String anchor, String problem) {
    }

    /** {@code notAfter} (additive): the last day of the real certificate. */
    record JsonAnchor(String id, String name, String sha256, String notAfter, boolean present, String match, String entry) {
    }

    record JsonRoot(String id, boolean crossSignedChains, boolean acmChainsSince2024) {
    }

    /** {@code kind} is an {@code AuditFinding.Kind}; {@code entry} (additive) the alias or file it is about. */
    record JsonFinding(String kind, boolean failure, String entry, String message) {
    }
}
