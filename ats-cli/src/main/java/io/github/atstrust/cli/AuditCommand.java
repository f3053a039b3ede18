package io.github.atstrust.cli;

import io.github.atstrust.testkit.audit.AtsRequirement;
import io.github.atstrust.testkit.audit.AuditReport;
import io.github.atstrust.testkit.audit.TrustStoreAudit;
import io.github.atstrust.testkit.audit.TrustStoreSource;
import io.github.atstrust.testkit.picture.TrustPictures;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ats audit [--password P] [--require WHAT] [--as-of DAY] [--strict] [--explain] [--json] SOURCE…}: does
 * each store trust ATS as required? Exit 0 yes, 1 not, 2 bad input.
 */
@Command(name = "audit", mixinStandardHelpOptions = true,
        description = "Check trust stores against the real Amazon Trust Services roots.%n"
                + "SOURCE is 'jvm' (this JVM's default trust store), a PKCS12/JKS store, PEM bundle or directory, "
                + "'classpath:RESOURCE' (on the CLI's class path), or 'docker:IMAGE' (the image's OS bundle).%n"
                + "Exit 0: meets the requirement; 1: does not (or holds a fake test root); 2: bad input.")
final class AuditCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private StoreReadingOptions reading;

    @Option(names = "--require", paramLabel = "WHAT", converter = RequirementConverter.class,
            description = "What the store must trust: 'ready' (default: every Amazon root, ACM chains since 2024 included), "
                    + "'any-guide-anchor' (the AWS guides' rule: Amazon Root CA 1, Starfield G2 or Starfield Class 2), "
                    + "or Amazon root ids your services chain to, e.g. amazon-root-ca-1,amazon-root-ca-3.")
    private AtsRequirement requirement = AtsRequirement.ready();

    @Option(names = "--as-of", paramLabel = "YYYY-MM-DD",
            description = "Judge the store for this day instead of today, by the real certificates' end dates "
                    + "(e.g. 2034-07-01: after the Starfield Class 2 cross-sign ends), so CI can fail a store that will break.")
    private String asOf;

    @Option(names = "--json", description = "Print a JSON array, one object per source (format in the README).")
    private boolean json;

    @Option(names = "--explain", description = "Print the real chains (both shapes, per Amazon root) as the JDK's "
            + "CertPathBuilder builds them to the store's anchors on the day judged, or why none exists.")
    private boolean explain;

    @Option(names = "--strict", description = "Judge anchors as OpenSSL's X509 strict mode does (Python 3.13's "
            + "default): a CA without critical basic constraints or key usage, like Starfield Class 2, is refused.")
    private boolean strict;

    @Option(names = "--html", paramLabel = "FILE", description = "Also write the audit as a page: the real hierarchy with "
            + "the store's anchors filled, each Amazon root's chains, the end dates with --as-of and the day the verdict "
            + "holds until (one source; a new file, or a page ats wrote before).")
    private String html;

    @Parameters(arity = "1..*", paramLabel = "SOURCE")
    private List<String> sources;

    @Override
    public Integer call() throws java.io.IOException {
        PrintWriter out = spec.commandLine().getOut();
        if (html != null && sources.size() != 1) {
            throw new IllegalArgumentException("--html draws one store: give one SOURCE, or run audit once per store");
        }
        HtmlPageFile page = html == null ? null : HtmlPageFile.at(html);
        List<AuditReport> reports = new ArrayList<>();
        List<TrustStoreSource> read = new ArrayList<>();
        for (String source : sources) {
            read.add(reading.source(source));
            AuditReport report = TrustStoreAudit.audit(read.get(read.size() - 1));
            report = asOf == null ? report : report.asOf(day(asOf));
            reports.add(strict ? report.inStrictMode() : report);
        }
        if (page != null) {
            page.write(TrustPictures.audit(reports.get(0)));
        }
        if (json) {
            out.println(AuditPrinter.json(reports, requirement));
        } else {
            for (int i = 0; i < reports.size(); i++) {
                if (i > 0) {
                    out.println();
                }
                AuditPrinter.print(reports.get(i), requirement, read.get(i), out);
                if (explain) {
                    AuditPrinter.printPaths(reports.get(i), out);
                }
            }
        }
        return reports.stream().allMatch(r -> r.meets(requirement)) ? 0 : 1;
    }

    private static java.time.LocalDate day(String text) {
        try {
            return java.time.LocalDate.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("--as-of " + text + ": write a day as YYYY-MM-DD, e.g. 2034-07-01", e);
        }
    }
}
