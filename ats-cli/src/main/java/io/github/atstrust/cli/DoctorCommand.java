package io.github.atstrust.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.github.atstrust.testkit.audit.AtsRequirement;
import io.github.atstrust.testkit.audit.AuditReport;
import io.github.atstrust.testkit.doctor.TrustStack;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ats doctor [--json] [SOURCE]}: which trust store each TLS stack of this host or image reads by default,
 * why, its audit and the fix. Exit 0 every stack present trusts ATS, 1 one does not (or its store is broken),
 * 2 bad input.
 */
@Command(name = "doctor", mixinStandardHelpOptions = true,
        description = "List every TLS stack of this host or of a local image, the trust store each reads by default and "
                + "why, the audit of that store and the fix for that stack.%n"
                + "SOURCE is 'host' (default) or 'docker:IMAGE' (examined in a container with no network).%n"
                + "Exit 0: every stack present trusts ATS; 1: one does not, or its store cannot be read; 2: bad input.")
final class DoctorCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--json", description = "Print one JSON object: the source and one entry per stack (format in "
            + "docs/doctor.md).")
    private boolean json;

    @Parameters(arity = "0..1", paramLabel = "SOURCE", defaultValue = "host")
    private String source;

    @Override
    public Integer call() {
        List<TrustStack> stacks = TrustStack.examine(source);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(json(source, stacks));
        } else {
            print(source, stacks, out);
        }
        boolean healthy = stacks.stream().filter(TrustStack::present)
                .allMatch(s -> s.problem().isEmpty() && s.audit().map(AuditReport::trustsAts).orElse(true));
        return healthy ? 0 : 1;
    }

    static void print(String source, List<TrustStack> stacks, PrintWriter out) {
        out.printf("TLS stacks of %s: %d present, %d absent%n%n", source.equals("host") ? "this host" : source,
                stacks.stream().filter(TrustStack::present).count(), stacks.stream().filter(s -> !s.present()).count());
        out.printf("%-58s %-10s %s%n", "STACK", "VERDICT", "STORE IT READS BY DEFAULT");
        for (TrustStack stack : stacks.stream().filter(TrustStack::present).toList()) {
            out.printf("%-58s %-10s %s%n", stack.name(), verdict(stack), stack.store());
            out.printf("    why:     %s%n", stack.rule());
            stack.audit().ifPresent(a -> out.printf("    audit:   %s%n", a.explanation()));
            stack.problem().ifPresent(p -> out.printf("    PROBLEM: %s%n", p));
            out.printf("    fix:     %s%n", stack.fix());
        }
        List<TrustStack> absent = stacks.stream().filter(s -> !s.present()).toList();
        if (!absent.isEmpty()) {
            out.printf("%nAbsent:%n");
            absent.forEach(s -> out.printf("  %-56s %s%n", s.name(), s.rule()));
        }
        out.printf("%nA mirror of any store above (real ATS roots swapped for the kit's twins): ats export --mirror STORE "
                + "--out FILE; then the fix line with FILE points that stack at the kit's servers.%n");
    }

    private static String verdict(TrustStack stack) {
        if (stack.problem().isPresent()) {
            return "PROBLEM";
        }
        return stack.audit().map(a -> a.verdict().name()).orElse("-");
    }

    /** The stable JSON form, documented in docs/doctor.md; fields are only ever added. */
    static String json(String source, List<TrustStack> stacks) {
        AtsRequirement ready = AtsRequirement.ready();
        JsonDoctor doctor = new JsonDoctor(source, stacks.stream().map(s -> new JsonStack(s.id(), s.name(), s.present(),
                s.version(), s.store(), s.rule(), s.fix(), s.problem().orElse(null),
                s.audit().map(a -> a.verdict().name()).orElse(null), s.audit().map(AuditReport::trustsAts).orElse(null),
                s.audit().map(a -> AuditPrinter.json(List.of(a), ready)).map(DoctorCommand::tree).orElse(null))).toList());
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(doctor);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object tree(String auditArray) {
        try {
            return new ObjectMapper().readTree(auditArray).get(0);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    record JsonDoctor(String source, List<JsonStack> stacks) {
    }

    /** {@code audit} is the object {@code ats audit --json} prints for the store, or null when it was not read. */
    record JsonStack(String id, String name, boolean present, String version, String store, String rule, String fix,
                     String problem, String verdict, Boolean trustsAts, Object audit) {
    }
}
