package io.github.atstrust.testkit.doctor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Python stacks, as the {@code python3} on {@code PATH} itself reports them (one run): {@code ssl}'s OpenSSL
 * default paths, {@code requests} with certifi, botocore/boto3 with its {@code ca_bundle} setting, and the AWS CLI.
 */
final class PythonStacks {

    /** Prints one {@code key<TAB>value} line per fact; an import that fails prints its error instead. */
    private static final String PROBE = String.join("\n",
            "import os, ssl, sys",
            "def put(k, v): print(k + '\\t' + str(v).replace('\\t', ' ').replace('\\n', ' '))",
            "put('python', sys.version.split()[0])",
            "p = ssl.get_default_verify_paths()",
            "put('ssl.openssl', ssl.OPENSSL_VERSION)",
            "put('ssl.cafile', p.openssl_cafile)",
            "put('ssl.capath', p.openssl_capath)",
            "try:",
            "    import requests, certifi",
            "    put('requests.version', requests.__version__)",
            "    put('requests.certifi', certifi.where())",
            "except Exception as e:",
            "    put('requests.error', repr(e))",
            "try:",
            "    import botocore, botocore.session, botocore.httpsession",
            "    s = botocore.session.get_session()",
            "    put('botocore.version', botocore.__version__)",
            "    put('botocore.ca_bundle', s.get_config_variable('ca_bundle') or '')",
            "    put('botocore.config_file', os.path.expanduser(s.get_config_variable('config_file') or ''))",
            "    put('botocore.default', botocore.httpsession.get_cert_path(True))",
            "except Exception as e:",
            "    put('botocore.error', repr(e))");

    private PythonStacks() {
    }

    static List<TrustStack> find(Machine machine) {
        Optional<Machine.Output> run = machine.run(List.of("python3", "-c", PROBE));
        if (run.isEmpty() || !run.get().succeeded()) {
            String why = run.isEmpty() ? "no python3 on PATH" : "python3 failed: "
                    + run.get().err().strip().lines().reduce((a, b) -> b).orElse("exit " + run.get().exitCode());
            return List.of(Doctor.absent("python-ssl", "Python ssl", why), Doctor.absent("requests", "Python requests", why),
                    Doctor.absent("botocore", "botocore / boto3", why), awsCli(machine, Map.of()));
        }
        Map<String, String> facts = new LinkedHashMap<>();
        run.get().out().lines().forEach(line -> {
            int tab = line.indexOf('\t');
            if (tab > 0) {
                facts.put(line.substring(0, tab), line.substring(tab + 1));
            }
        });
        List<TrustStack> stacks = new ArrayList<>();
        stacks.add(ssl(machine, facts));
        stacks.add(requests(machine, facts));
        stacks.add(botocore(machine, facts));
        stacks.add(awsCli(machine, facts));
        return stacks;
    }

    private static TrustStack ssl(Machine machine, Map<String, String> facts) {
        Optional<String> variable = machine.env("SSL_CERT_FILE");
        String store = variable.orElse(facts.get("ssl.cafile"));
        String rule = (variable.isPresent() ? "SSL_CERT_FILE=" + store + " is set" : "SSL_CERT_FILE unset: "
                + "the OPENSSLDIR file of the OpenSSL Python links (" + facts.get("ssl.openssl") + "), " + store
                + machine.realPath(store).filter(r -> !r.equals(store)).map(r -> ", which links to " + r).orElse(""))
                + "; urllib, http.client and ssl.create_default_context() read it (requests does not)";
        StoreAudit audit = StoreAudit.of(machine, store, null);
        return new TrustStack("python-ssl", "Python " + facts.get("python") + " ssl (urllib)", true,
                facts.get("python"), store, rule, "SSL_CERT_FILE=FILE", audit.report(), audit.problem());
    }

    private static TrustStack requests(Machine machine, Map<String, String> facts) {
        if (!facts.containsKey("requests.version")) {
            return Doctor.absent("requests", "Python requests", "python3 cannot import requests and certifi ("
                    + facts.getOrDefault("requests.error", "") + ")");
        }
        String certifi = facts.get("requests.certifi");
        String store;
        String rule;
        if (machine.env("REQUESTS_CA_BUNDLE").isPresent()) {
            store = machine.env("REQUESTS_CA_BUNDLE").get();
            rule = "REQUESTS_CA_BUNDLE=" + store + " is set";
        } else if (machine.env("CURL_CA_BUNDLE").isPresent()) {
            store = machine.env("CURL_CA_BUNDLE").get();
            rule = "REQUESTS_CA_BUNDLE unset; CURL_CA_BUNDLE=" + store + " is set, which requests reads next";
        } else {
            store = certifi;
            rule = "REQUESTS_CA_BUNDLE and CURL_CA_BUNDLE unset: certifi's bundle " + certifi + followsOs(machine, certifi);
        }
        rule += "; SSL_CERT_FILE changes nothing for requests";
        StoreAudit audit = StoreAudit.of(machine, store, null);
        return new TrustStack("requests", "Python requests " + facts.get("requests.version") + " (certifi)", true,
                facts.get("requests.version"), store, rule, "REQUESTS_CA_BUNDLE=FILE", audit.report(), audit.problem());
    }

    private static String followsOs(Machine machine, String bundle) {
        Optional<String> real = machine.realPath(bundle);
        return real.filter(r -> r.startsWith("/etc/ssl/")).map(r -> ", which is the OS bundle " + r + " (a distribution's "
                + "certifi)").orElse(" (its own copy of Mozilla's roots: changing the OS store changes nothing)");
    }

    private static TrustStack botocore(Machine machine, Map<String, String> facts) {
        if (!facts.containsKey("botocore.version")) {
            return Doctor.absent("botocore", "botocore / boto3", "python3 cannot import botocore ("
                    + facts.getOrDefault("botocore.error", "") + ")");
        }
        String store;
        String rule;
        String configured = facts.get("botocore.ca_bundle");
        if (!configured.isEmpty()) {
            store = configured;
            rule = machine.env("AWS_CA_BUNDLE").filter(configured::equals).isPresent() ? "AWS_CA_BUNDLE=" + store
                    + " is set" : "ca_bundle = " + store + " in " + facts.get("botocore.config_file");
        } else if (machine.env("REQUESTS_CA_BUNDLE").isPresent()) {
            store = machine.env("REQUESTS_CA_BUNDLE").get();
            rule = "AWS_CA_BUNDLE unset, no ca_bundle in " + facts.get("botocore.config_file") + "; REQUESTS_CA_BUNDLE="
                    + store + " is set, which botocore reads next";
        } else {
            store = facts.get("botocore.default");
            rule = "AWS_CA_BUNDLE, ca_bundle in " + facts.get("botocore.config_file") + " and REQUESTS_CA_BUNDLE unset: "
                    + "botocore's own bundle " + store + followsOs(machine, store);
        }
        rule += "; SSL_CERT_FILE changes nothing for botocore";
        StoreAudit audit = StoreAudit.of(machine, store, null);
        return new TrustStack("botocore", "botocore " + facts.get("botocore.version") + " (boto3)", true,
                facts.get("botocore.version"), store, rule, "AWS_CA_BUNDLE=FILE, or ca_bundle = FILE in ~/.aws/config",
                audit.report(), audit.problem());
    }

    private static TrustStack awsCli(Machine machine, Map<String, String> facts) {
        Optional<String> version = machine.run(List.of("aws", "--version")).filter(Machine.Output::succeeded)
                .map(o -> (o.out() + o.err()).strip());
        if (version.isEmpty()) {
            return Doctor.absent("aws-cli", "AWS CLI", "no aws command on PATH");
        }
        String cli = version.get().split(" ")[0];
        String botocore = version.get().replaceAll(".*botocore/(\\S+).*", "$1");
        if (cli.startsWith("aws-cli/1.") && botocore.equals(facts.get("botocore.version"))) {
            return new TrustStack("aws-cli", "AWS CLI " + cli.substring(8) + " (v1, botocore " + botocore + ")", true,
                    cli.substring(8), "as botocore", "the AWS CLI v1 is botocore " + botocore + " of the python3 on PATH: "
                    + "it reads what the botocore row says", "AWS_CA_BUNDLE=FILE, aws --ca-bundle FILE, or ca_bundle = "
                    + "FILE in ~/.aws/config", Optional.empty(), Optional.empty());
        }
        return new TrustStack("aws-cli", "AWS CLI " + cli, true, cli.replace("aws-cli/", ""),
                machine.env("AWS_CA_BUNDLE").orElse("the bundle inside its installation"),
                machine.env("AWS_CA_BUNDLE").map(b -> "AWS_CA_BUNDLE=" + b + " is set").orElse("AWS_CA_BUNDLE unset: "
                        + "the AWS CLI " + (cli.startsWith("aws-cli/2.") ? "v2 carries its own Python, botocore and "
                        + "certifi bundle" : "runs with a botocore other than python3's") + "; neither the OS store nor "
                        + "SSL_CERT_FILE changes it"), "AWS_CA_BUNDLE=FILE, aws --ca-bundle FILE, or ca_bundle = FILE "
                        + "in ~/.aws/config",
                machine.env("AWS_CA_BUNDLE").map(b -> StoreAudit.of(machine, b, null)).flatMap(StoreAudit::report),
                machine.env("AWS_CA_BUNDLE").map(b -> StoreAudit.of(machine, b, null)).flatMap(StoreAudit::problem));
    }
}
