package io.github.atstrust.cli;

import io.github.atstrust.testkit.audit.PinSet;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ats pins [--mirrored] PIN…}: which real ATS key each public-key pin is, and whether the set survives the
 * changes AWS makes. Exit 0 it survives every change, 1 it breaks on one, 2 a malformed pin.
 */
@Command(name = "pins", mixinStandardHelpOptions = true,
        description = "Judge public-key pins (sha256/BASE64 as OkHttp and Android write them, or 64 hex digits) against "
                + "the real ATS hierarchy: the key each one is, and whether the set survives issuing-CA rotations, the "
                + "end of 2022's issuing CAs (2030-08-23), EC leaves, the ACM chain of 2024, and the end of the Class 2 "
                + "cross (2034) and of G2 (2037).%n"
                + "Exit 0: survives every change; 1: breaks on one; 2: a malformed pin.")
final class PinsCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--mirrored", description = "Print only the mirrored pins: each real ATS key replaced by its fake "
            + "twin's, one per line, to run a production pinning configuration against the kit's scenarios.")
    private boolean mirrored;

    @Parameters(arity = "1..*", paramLabel = "PIN")
    private List<String> written;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PinSet pins = PinSet.parse(written);
        if (mirrored) {
            pins.mirrored().pins().forEach(out::println);
            return 0;
        }
        out.println("PINS");
        for (int i = 0; i < pins.pins().size(); i++) {
            out.printf("  %s  %s%n", pins.pins().get(i), pins.keys().get(i));
        }
        out.printf("%nSURVIVES%n");
        for (Map.Entry<String, String> verdict : pins.verdicts().entrySet()) {
            out.printf("  %-70s %s%n", verdict.getKey(), verdict.getValue());
        }
        if (pins.survivesEveryChange()) {
            out.printf("%nThe set survives every change.%n");
            return 0;
        }
        out.printf("%nRecommended instead: the keys of Amazon Root CA 1-4 (a client whose trust store ends the chain at "
                + "G2 adds G2's key):%n");
        PinSet.recommended(true).pins().forEach(pin -> out.printf("  %s%n", pin));
        return 1;
    }
}
