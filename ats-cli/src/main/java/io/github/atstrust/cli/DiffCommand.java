package io.github.atstrust.cli;

import io.github.atstrust.testkit.audit.AtsRequirement;
import io.github.atstrust.testkit.audit.AuditDiff;
import io.github.atstrust.testkit.audit.TrustStoreAudit;
import io.github.atstrust.testkit.picture.TrustPictures;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ats diff BEFORE AFTER}: did a trust-store change lose ATS trust? Exit 0 no, 1 regression, 2 bad input. */
@Command(name = "diff", mixinStandardHelpOptions = true,
        description = "Compare ATS trust of two trust stores (e.g. before and after an update).%n"
                + "Exit 0: unchanged or better; 1: regression; 2: bad input.")
final class DiffCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private StoreReadingOptions reading;

    @Option(names = "--require", paramLabel = "WHAT", converter = RequirementConverter.class,
            description = "Judge the change against this requirement only ('ready', 'any-guide-anchor' or Amazon root ids,"
                    + " as for audit): a regression is then a store that met it and no longer does. Without it, removing"
                    + " any ATS anchor or lowering the verdict is a regression.")
    private AtsRequirement requirement;

    @Option(names = "--html", paramLabel = "FILE", description = "Also write both audits side by side as a page (a new "
            + "file, or a page ats wrote before).")
    private String html;

    @Parameters(index = "0", paramLabel = "BEFORE")
    private String before;

    @Parameters(index = "1", paramLabel = "AFTER")
    private String after;

    @Override
    public Integer call() throws java.io.IOException {
        HtmlPageFile page = html == null ? null : HtmlPageFile.at(html);
        AuditDiff diff = TrustStoreAudit.diff(TrustStoreAudit.audit(reading.source(before)),
                TrustStoreAudit.audit(reading.source(after)));
        if (page != null) {
            page.write(TrustPictures.diff(diff));
        }
        boolean regression = requirement == null ? diff.regression() : diff.regressionAgainst(requirement);
        AuditPrinter.print(diff, requirement == null ? AtsRequirement.ready() : requirement, regression,
                spec.commandLine().getOut());
        return regression ? 1 : 0;
    }
}
