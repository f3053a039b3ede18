package io.github.atstrust.testkit.cli;

import io.github.atstrust.testkit.audit.AuditDiff;
import io.github.atstrust.testkit.audit.TrustStoreAudit;
import io.github.atstrust.testkit.audit.TrustStoreSource;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
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

    @Option(names = "--password", paramLabel = "P", description = "Key store password of both stores (default: changeit).")
    private char[] password;

    @Parameters(index = "0", paramLabel = "BEFORE")
    private String before;

    @Parameters(index = "1", paramLabel = "AFTER")
    private String after;

    @Override
    public Integer call() {
        AuditDiff diff = TrustStoreAudit.diff(TrustStoreAudit.audit(TrustStoreSource.parse(before, password)),
                TrustStoreAudit.audit(TrustStoreSource.parse(after, password)));
        AuditPrinter.print(diff, spec.commandLine().getOut());
        return diff.regression() ? 1 : 0;
    }
}
