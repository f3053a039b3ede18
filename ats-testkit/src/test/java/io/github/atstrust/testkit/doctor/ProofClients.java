package io.github.atstrust.testkit.doctor;

import io.github.atstrust.testkit.DefaultTrustProbe;
import io.github.atstrust.testkit.ProcessRun;
import io.github.atstrust.testkit.TestResources;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Each stack the doctor names, as a real program that never configures trust, run with a given environment:
 * its handshake against a kit endpoint ends ACCEPTED or REFUSED (for a certificate reason), anything else is
 * an error of the test, never a verdict.
 */
record ProofClients(Path work) {

    /** One stack's client: the doctor row it proves and the command for a URL. */
    record Client(String stackId, String label, Function<String, List<String>> command) {
    }

    enum Verdict { ACCEPTED, REFUSED }

    static Path resource(Path dir, String name) throws IOException {
        return TestResources.copy("/doctor/" + name, dir.resolve(name));
    }

    /** {@code DefaultTrustProbe}'s class, for every JDK found (the tests are built for release 17). */
    Path jdkProbe() throws IOException {
        Path classes = work.resolve("jdk-probe");
        TestResources.copyDefaultTrustProbe(classes);
        return classes;
    }

    /** Builds the Go probe once, offline (standard library only). */
    Path goProbe(Map<String, String> environment) throws Exception {
        Path source = TestResources.copy("/probe/defaulttrust.go", work.resolve("defaulttrust.go"));
        Path binary = work.resolve("go-probe");
        Map<String, String> env = new java.util.HashMap<>(environment);
        env.put("GOCACHE", work.resolve("go-cache").toString());
        env.put("GOPATH", work.resolve("go-path").toString());
        env.put("GOFLAGS", "-mod=mod");
        env.put("GOPROXY", "off");
        ProcessRun run = ProcessRun.run(List.of("go", "build", "-o", binary.toString(), source.toString()), env);
        if (run.exitCode() != 0) {
            throw new IllegalStateException("go build failed: " + run.output());
        }
        return binary;
    }

    /**
     * Runs a client and reads its verdict.
     *
     * @throws IllegalStateException when it ended in neither (no connection, a crash): the test is broken
     */
    static Verdict verdict(Client client, String url, Map<String, String> environment) throws Exception {
        ProcessRun run = ProcessRun.run(client.command().apply(url), environment);
        String out = run.output();
        String label = client.label();
        boolean accepted;
        boolean refused;
        switch (label) {
            case "openssl" -> {
                accepted = run.exitCode() == 0 && out.contains("Verification: OK");
                refused = run.exitCode() != 0 && out.contains("verify error");
            }
            case "curl" -> {
                accepted = run.exitCode() == 0;
                refused = run.exitCode() == 60;
            }
            case "wget", "gnutls" -> {
                accepted = run.exitCode() == 0 || run.exitCode() == 8;
                refused = run.exitCode() == 5;
            }
            case "jdk" -> {
                accepted = run.exitCode() == 0 && out.contains("accepted");
                refused = run.exitCode() == 1 && out.contains("javax.net.ssl.SSLHandshakeException");
            }
            case "go" -> {
                accepted = run.exitCode() == 0 && out.contains("accepted");
                refused = run.exitCode() == 1 && out.contains("x509: certificate signed by unknown authority");
            }
            case "aws-cli" -> {
                refused = out.contains("SSL validation failed") || out.contains("CERTIFICATE_VERIFY_FAILED");
                accepted = !refused && (run.exitCode() == 0 || out.contains("An error occurred")
                        || out.contains("Unable to parse response"));
            }
            default -> {
                accepted = run.exitCode() == 0 && out.contains("ACCEPTED");
                refused = run.exitCode() == 1 && out.contains("REFUSED");
            }
        }
        if (accepted == refused) {
            throw new IllegalStateException(label + " ended in no verdict (exit " + run.exitCode() + "): "
                    + out.strip().lines().limit(5).reduce("", (a, b) -> a + " | " + b));
        }
        return accepted ? Verdict.ACCEPTED : Verdict.REFUSED;
    }

    /** The clients of every stack the doctor found present on this host, in its order. */
    List<Client> of(List<TrustStack> stacks, Path jdkProbe, Path goProbe, Path pythonProbe, String hostPort) {
        List<Client> clients = new ArrayList<>();
        for (TrustStack stack : stacks) {
            if (!stack.present()) {
                continue;
            }
            String id = stack.id();
            if (id.startsWith("jdk:")) {
                String home = id.substring(4);
                clients.add(new Client(id, "jdk", url -> List.of(home + "/bin/java", "-cp", jdkProbe.toString(),
                        DefaultTrustProbe.class.getName(), url)));
            } else if (id.startsWith("node:")) {
                String node = id.substring(5);
                clients.add(new Client(id, "node", url -> List.of(node, "-e", "require('https').get(process.argv[1], "
                        + "r => { console.log('ACCEPTED'); process.exit(0) }).on('error', e => { console.log('REFUSED "
                        + "' + e.code); process.exit(1) })", url)));
            } else {
                switch (id) {
                    case "openssl" -> clients.add(new Client(id, id, url -> List.of("openssl", "s_client", "-connect",
                            hostPort, "-servername", "localhost", "-verify_hostname", "localhost", "-verify_return_error",
                            "-brief")));
                    case "curl" -> clients.add(new Client(id, id, url -> List.of("curl", "-sS", "-o", "/dev/null",
                            "--max-time", "10", url)));
                    case "wget" -> clients.add(new Client(id, id, url -> List.of("wget", "-q", "-O", "/dev/null",
                            "--tries=1", "--timeout=10", url)));
                    case "gnutls" -> clients.add(new Client(id, id, url -> List.of("wget", "--no-config", "-q", "-O",
                            "/dev/null", "--tries=1", "--timeout=10", url)));
                    case "python-ssl" -> clients.add(new Client(id, "python", url -> List.of("python3",
                            pythonProbe.toString(), "urllib", url)));
                    case "requests" -> clients.add(new Client(id, "python", url -> List.of("python3",
                            pythonProbe.toString(), "requests", url)));
                    case "botocore" -> clients.add(new Client(id, "python", url -> List.of("python3",
                            pythonProbe.toString(), "botocore", url)));
                    case "aws-cli" -> clients.add(new Client("botocore", "aws-cli", url -> List.of("aws", "dynamodb",
                            "list-tables", "--endpoint-url", url, "--region", "us-east-1")));
                    case "go" -> clients.add(new Client(id, "go", url -> List.of(goProbe.toString(), url)));
                    default -> {
                        // aws-crt and nss have their proofs elsewhere (a JVM with the CRT, a browser profile)
                    }
                }
            }
        }
        return clients;
    }
}
