package io.github.atstrust.examples;

import static io.github.atstrust.junit.AtsAssertions.assertThat;

import io.github.atstrust.testkit.ProcessRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** An NSS database (sql: format, no password) whose trusted CAs are exactly the certificates of a PEM bundle. */
final class NssDatabase {

    private NssDatabase() {
    }

    /** Creates {@code directory} and trusts each certificate of {@code bundle} as a CA for TLS servers. */
    static Path trusting(Path directory, Path bundle) throws Exception {
        Files.createDirectories(directory);
        run(List.of("certutil", "-N", "-d", "sql:" + directory, "--empty-password"));
        String pem = Files.readString(bundle);
        int n = 0;
        for (int start = pem.indexOf("-----BEGIN CERTIFICATE-----"); start >= 0;
             start = pem.indexOf("-----BEGIN CERTIFICATE-----", start + 1)) {
            String end = "-----END CERTIFICATE-----";
            Path file = directory.resolve("anchor-" + n + ".pem");
            Files.writeString(file, pem.substring(start, pem.indexOf(end, start) + end.length()) + "\n");
            run(List.of("certutil", "-A", "-d", "sql:" + directory, "-n", "anchor-" + n, "-t", "C,,", "-i", file.toString()));
            n++;
        }
        assertThat(n).as("certificates in %s", bundle).isPositive();
        return directory;
    }

    private static void run(List<String> command) throws Exception {
        ProcessRun run = ProcessRun.run(command);
        assertThat(run.exitCode()).as("%s: %s", command, run.output()).isZero();
    }
}
