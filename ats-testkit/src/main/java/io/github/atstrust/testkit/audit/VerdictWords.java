package io.github.atstrust.testkit.audit;

import io.github.atstrust.testkit.pki.RealAtsCertificate;
import io.github.atstrust.testkit.pki.RealAtsRoot;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** {@link AuditReport#explanation()} in words: the verdict, what fails and why, and until when it holds. */
final class VerdictWords {

    private VerdictWords() {
    }

    static String explanation(AuditReport report) {
        StringBuilder text = new StringBuilder();
        if (report.holdsTestMaterial()) {
            text.append("HOLDS TEST MATERIAL OR A LOOKALIKE (a kit key, or a certificate named like an ATS anchor): this "
                    + "store trusts nothing as it should until it is removed. ");
        }
        switch (report.verdict()) {
            case READY -> text.append("READY: trusts every Amazon Root CA, including the ACM chains served since"
                    + " August 2024.");
            case NOT_READY -> {
                List<String> heldButInvalid = java.util.Arrays.stream(RealAtsRoot.values()).filter(report::holds)
                        .map(root -> root.displayName() + (root.notAfter().isBefore(report.asOf()) ? " ended " + root.notAfter()
                                : " is valid only from " + root.notBefore())).toList();
                text.append(heldButInvalid.isEmpty()
                        ? "NOT_READY: holds none of Amazon Root CA 1-4, Starfield Services Root CA G2 or Starfield Class 2"
                        : "NOT_READY on " + report.asOf() + ": no ATS anchor it holds is valid that day (" + String.join("; ",
                                heldButInvalid) + ")");
                text.append(": every connection to an ATS endpoint (DynamoDB, S3, CloudFront, ...) fails the TLS handshake.");
            }
            case DEGRADED -> {
                text.append("DEGRADED: trusts only part of the ATS hierarchy.");
                for (RealAtsRoot root : RealAtsRoot.amazonRoots()) {
                    if (!report.trustsCrossSignedChainsOf(root)) {
                        text.append(" Endpoints whose certificates chain to ").append(root.displayName())
                                .append(" fail.");
                    } else if (!report.trustsAcmChainsOf(root)) {
                        text.append(" ACM chains since August 2024 anchored at ").append(root.displayName())
                                .append(" fail (Starfield Class 2 alone no longer suffices).");
                    }
                }
            }
        }
        if (report.asOf().isAfter(RealAtsCertificate.ISSUING_CAS_OF_2022_END)) {
            text.append(" After ").append(RealAtsCertificate.ISSUING_CAS_OF_2022_END).append(" the issuing CAs of the "
                    + "chains AWS serves today (Amazon RSA 2048 M01-M04, RSA 4096 M02, ECDSA 256 M01/M02, ECDSA 384 M02) "
                    + "have ended: chains then come from issuing CAs not yet published, under the same roots. What "
                    + "survives is an anchor above them (an Amazon root, G2, or Class 2 for the pre-2024 chains); a pin "
                    + "on today's issuing CAs broke on that day at the latest.");
        }
        RealAtsRoot class2 = RealAtsRoot.STARFIELD_CLASS_2;
        if (report.x509Strict() && report.holds(class2) && !report.holdsValid(class2)) {
            text.append(" In X509 strict mode (Python 3.13's default) Starfield Class 2 does not count: its basic "
                    + "constraints are not marked critical and it has no key usage.");
        }
        report.fakeTestRoots().forEach(f -> text.append(' ').append(f));
        Optional<LocalDate> change = report.nextChange();
        if (change.isPresent()) {
            LocalDate day = change.get();
            text.append(" By the real certificates' end dates this holds until ").append(day.minusDays(1))
                    .append("; from ").append(day).append(" the store is ").append(report.asOf(day).verdict()).append(" (")
                    .append(endingOn(day.minusDays(1))).append(").");
        }
        return text.toString();
    }

    /** What ends on {@code day}, or begins the day after, in words. */
    private static String endingOn(LocalDate day) {
        List<String> ends = new java.util.ArrayList<>();
        for (RealAtsRoot root : RealAtsRoot.values()) {
            if (root.notAfter().equals(day)) {
                ends.add(root.displayName() + " ends " + day);
            }
            if (root.notBefore().equals(day.plusDays(1))) {
                ends.add(root.displayName() + " begins " + day.plusDays(1));
            }
        }
        if (AuditReport.G2_CROSS_SIGNED_BY_CLASS_2_ENDS.equals(day)) {
            ends.add("the G2 certificate cross-signed by Starfield Class 2, the link of the pre-2024 chains, ends " + day);
        }
        if (AuditReport.AMAZON_ROOTS_CROSS_SIGNED_BY_G2_END.equals(day)) {
            ends.add("the Amazon roots cross-signed by G2 end " + day);
        }
        return String.join("; ", ends);
    }
}
