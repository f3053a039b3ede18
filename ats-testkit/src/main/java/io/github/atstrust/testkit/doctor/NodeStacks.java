package io.github.atstrust.testkit.doctor;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Each Node.js found ({@code node} on {@code PATH}, {@code /usr/bin/node}, {@code /usr/local/bin/node}): its
 * built-in Mozilla roots unless the build defaults to OpenSSL's store or {@code NODE_OPTIONS} says
 * {@code --use-openssl-ca} (or {@code --use-system-ca}, {@code NODE_USE_SYSTEM_CA=1} where supported), plus
 * {@code NODE_EXTRA_CA_CERTS}. Node itself is asked: its version, build flags and built-in roots.
 */
final class NodeStacks {

    private static final String PROBE = String.join(";",
            "const c = process.config.variables",
            "console.log('version\\t' + process.version)",
            "console.log('use_openssl_ca\\t' + (c.node_use_openssl_ca === true || (process.config.target_defaults"
                    + ".defines || []).includes('NODE_OPENSSL_CERT_STORE')))",
            "console.log('shared_openssl\\t' + c.node_shared_openssl)",
            "console.log('openssl\\t' + process.versions.openssl)",
            "console.log('roots\\t' + require('tls').rootCertificates.length)",
            "console.log(require('tls').rootCertificates.join('\\n'))");

    private NodeStacks() {
    }

    static List<TrustStack> find(Machine machine, Optional<NativeStacks.OpenSslDefaults> openSslDefaults) {
        Set<String> nodes = new LinkedHashSet<>();
        machine.which("node").flatMap(machine::realPath).ifPresent(nodes::add);
        for (String path : List.of("/usr/bin/node", "/usr/local/bin/node", "/usr/bin/nodejs")) {
            machine.realPath(path).filter(machine::isFile).ifPresent(nodes::add);
        }
        if (nodes.isEmpty()) {
            return List.of(Doctor.absent("node", "Node.js tls/https", "no node on PATH, none in /usr/bin or /usr/local/bin"));
        }
        List<TrustStack> stacks = new ArrayList<>();
        for (String node : nodes) {
            stacks.add(examine(machine, node, openSslDefaults));
        }
        return stacks;
    }

    private static TrustStack examine(Machine machine, String node,
                                      Optional<NativeStacks.OpenSslDefaults> defaults) {
        Optional<Machine.Output> run = machine.run(List.of(node, "-e", PROBE));
        String id = "node:" + node;
        if (run.isEmpty() || !run.get().succeeded()) {
            String why = run.map(o -> o.err().strip().lines().findFirst().orElse("exit " + o.exitCode()))
                    .orElse("it did not answer in 10 s");
            return new TrustStack(id, "Node.js " + node, true, "", "unknown", "node could not be asked",
                    "fix NODE_OPTIONS, then run the doctor again", Optional.empty(), Optional.of(node + " fails to start: "
                    + why + machine.env("NODE_OPTIONS").map(o -> " (NODE_OPTIONS=" + o + ")").orElse("")));
        }
        String out = run.get().out();
        String version = field(out, "version");
        String options = machine.env("NODE_OPTIONS").orElse("");
        boolean buildOpenSsl = field(out, "use_openssl_ca").equals("true");
        boolean flagOpenSsl = options.contains("--use-openssl-ca");
        boolean flagBundled = options.contains("--use-bundled-ca");
        boolean systemCa = options.contains("--use-system-ca") || machine.env("NODE_USE_SYSTEM_CA").filter("1"::equals)
                .isPresent();
        boolean openSsl = (buildOpenSsl || flagOpenSsl) && !flagBundled;
        StringBuilder rule = new StringBuilder();
        StringBuilder pem = new StringBuilder();
        String store;
        Optional<String> problem = Optional.empty();
        String roots = field(out, "roots");
        String openSslFile = machine.env("SSL_CERT_FILE").or(() -> defaults.map(NativeStacks.OpenSslDefaults::file))
                .orElse(NativeStacks.GO_FILES.get(0));
        if (openSsl) {
            store = "OpenSSL's default store " + openSslFile;
            rule.append(flagOpenSsl ? "NODE_OPTIONS has --use-openssl-ca" : "this build defaults to OpenSSL's store "
                    + "(built with --openssl-use-def-ca-store, as Debian builds it)").append(": SSL_CERT_FILE ")
                    .append(machine.env("SSL_CERT_FILE").map(f -> "= " + f).orElse("unset, so " + openSslFile
                            + NativeStacks.linkNote(machine, openSslFile)));
            try {
                pem.append(new String(machine.read(openSslFile), StandardCharsets.US_ASCII));
            } catch (IllegalArgumentException e) {
                problem = Optional.of(e.getMessage());
            }
        } else {
            store = "the " + roots + " Mozilla roots built into node " + version;
            rule.append("node's built-in roots: this build has no --use-openssl-ca default")
                    .append(options.isEmpty() ? "" : ", NODE_OPTIONS=" + options + " names none")
                    .append("; SSL_CERT_FILE and the OS store change nothing for it");
            pem.append(out.substring(out.indexOf("-----BEGIN") < 0 ? out.length() : out.indexOf("-----BEGIN")));
        }
        if (systemCa) {
            rule.append("; --use-system-ca / NODE_USE_SYSTEM_CA=1 adds the OS store (Node 22.15+, 23.8+)");
        }
        Optional<String> extra = machine.env("NODE_EXTRA_CA_CERTS");
        if (extra.isPresent()) {
            String warning = run.get().err().lines().filter(l -> l.contains("extra certs")).findFirst().orElse("");
            if (!warning.isEmpty()) {
                problem = Optional.of("NODE_EXTRA_CA_CERTS=" + extra.get() + " is ignored by node: " + warning.strip());
                rule.append("; NODE_EXTRA_CA_CERTS=").append(extra.get()).append(" cannot be loaded");
            } else {
                store += " + NODE_EXTRA_CA_CERTS " + extra.get();
                rule.append("; NODE_EXTRA_CA_CERTS=").append(extra.get()).append(" adds its certificates (read once at "
                        + "start)");
                try {
                    pem.append('\n').append(new String(machine.read(extra.get()), StandardCharsets.US_ASCII));
                } catch (IllegalArgumentException e) {
                    problem = Optional.of(e.getMessage());
                }
            }
        } else {
            rule.append("; NODE_EXTRA_CA_CERTS unset");
        }
        StoreAudit audit = problem.isPresent() ? StoreAudit.NONE : StoreAudit.ofPem(pem.toString(), store + " ("
                + machine.describe() + ")");
        return new TrustStack(id, "Node.js " + version + " tls/https (" + node + ")", true, version, store,
                rule.toString(), openSsl ? "SSL_CERT_FILE=FILE, or NODE_EXTRA_CA_CERTS=FILE (added to that store)"
                : "NODE_EXTRA_CA_CERTS=FILE (added to the built-in roots), or NODE_OPTIONS=--use-openssl-ca with "
                + "SSL_CERT_FILE=FILE", audit.report(), problem.or(audit::problem));
    }

    private static String field(String out, String key) {
        return out.lines().filter(l -> l.startsWith(key + "\t")).map(l -> l.substring(key.length() + 1)).findFirst()
                .orElse("");
    }
}
