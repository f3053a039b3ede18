package io.github.atstrust.testkit.audit;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Fuzzing the trust-store readers behind {@code audit}: whatever bytes a file or a directory holds, reading and
 * auditing it either succeeds or throws the documented {@link InvalidTrustStoreException} (bad input, exit 2);
 * anything else (another exception, an {@code OutOfMemoryError}, a hang) is a finding.
 *
 * <p>In a normal build this runs in regression mode over the committed seed corpus
 * ({@code src/test/resources/io/github/atstrust/testkit/audit/TrustStoreFuzzTestInputs/<method>/}). Real
 * fuzzing, one target at a time:
 * <pre>JAZZER_FUZZ=1 mvn -pl ats-testkit test -Dtest=TrustStoreFuzzTest#keyStoreOrBundleBytes</pre>
 */
class TrustStoreFuzzTest {

    private static final List<String> EXTENSIONS = List.of(".pem", ".p12", ".jks", ".der", ".crt", ".txt");

    /** One file, of a name chosen by the input, with the rest of the input as its content. */
    @FuzzTest(maxDuration = "60s")
    void keyStoreOrBundleBytes(FuzzedDataProvider data) throws IOException {
        Path dir = Files.createTempDirectory("ats-fuzz-");
        try {
            String extension = data.pickValue(EXTENSIONS);
            String password = data.consumeBoolean() ? null : data.consumeString(12);
            Path file = Files.write(dir.resolve("store" + extension), data.consumeRemainingAsBytes());
            auditExpectingOnlyBadInput(TrustStoreSource.of(file, password == null ? null : password.toCharArray()));
        } finally {
            delete(dir);
        }
    }

    /** A directory of up to six files of mixed names and contents, as {@code /etc/ssl/certs} might be. */
    @FuzzTest(maxDuration = "60s")
    void directoryOfMixedFiles(FuzzedDataProvider data) throws IOException {
        Path dir = Files.createTempDirectory("ats-fuzz-");
        try {
            int files = data.consumeInt(0, 6);
            for (int i = 0; i < files; i++) {
                Files.write(dir.resolve("f" + i + data.pickValue(EXTENSIONS)), data.consumeBytes(data.consumeInt(0, 4096)));
            }
            auditExpectingOnlyBadInput(TrustStoreSource.of(dir, null));
        } finally {
            delete(dir);
        }
    }

    /** PEM text: armour, base64 and whatever lies between. */
    @FuzzTest(maxDuration = "60s")
    void pemText(@NotNull String text) throws IOException {
        Path dir = Files.createTempDirectory("ats-fuzz-");
        try {
            Path file = Files.writeString(dir.resolve("bundle.pem"), text, java.nio.charset.StandardCharsets.UTF_8);
            auditExpectingOnlyBadInput(TrustStoreSource.of(file, null));
        } finally {
            delete(dir);
        }
    }

    /**
     * The hostile forms of #24: ASN.1 nested to a depth the input chooses (indefinite or definite lengths), raw or
     * in a PEM block of a chosen type, after up to 10,000 header lines, with a real certificate block after it.
     */
    @FuzzTest(maxDuration = "60s")
    void hostileForms(FuzzedDataProvider data) throws IOException {
        int depth = data.consumeInt(0, 40_000);
        boolean indefinite = data.consumeBoolean();
        boolean pem = data.consumeBoolean();
        String label = data.pickValue(List.of("CERTIFICATE", "TRUSTED CERTIFICATE", "PKCS7", "X509 CRL", "PRIVATE KEY"));
        int headerLines = data.consumeInt(0, 10_000);
        byte[] nested = HostileEncodings.nested(depth, indefinite, data.consumeRemainingAsBytes());
        Path dir = Files.createTempDirectory("ats-fuzz-");
        try {
            Path file = pem
                    ? Files.writeString(dir.resolve("bundle.pem"), HostileEncodings.pemAfterHeaders(label, nested, headerLines))
                    : Files.write(dir.resolve("store.der"), nested);
            auditExpectingOnlyBadInput(TrustStoreSource.of(file, null));
            auditExpectingOnlyBadInput(TrustStoreSource.of(dir, null));
        } finally {
            delete(dir);
        }
    }

    private static void auditExpectingOnlyBadInput(TrustStoreSource source) {
        try {
            TrustStoreAudit.audit(source);
        } catch (InvalidTrustStoreException documented) {
            // bad input, reported as such: what the readers must do
        }
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
