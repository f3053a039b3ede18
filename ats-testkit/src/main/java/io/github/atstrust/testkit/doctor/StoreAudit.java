package io.github.atstrust.testkit.doctor;

import io.github.atstrust.testkit.audit.AuditReport;
import io.github.atstrust.testkit.audit.TrustStoreAudit;
import io.github.atstrust.testkit.audit.TrustStoreSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The existing audit of a store a stack reads: in place on the host, or copied out of an image into a private
 * temporary directory (deleted at once) and audited there. A store that cannot be read is a problem, in one line.
 */
record StoreAudit(Optional<AuditReport> report, Optional<String> problem) {

    static final StoreAudit NONE = new StoreAudit(Optional.empty(), Optional.empty());

    static StoreAudit failed(String problem) {
        return new StoreAudit(Optional.empty(), Optional.of(problem));
    }

    /** Audits a file or (on the host) a directory; {@code password} for a key store, or {@code null}. */
    static StoreAudit of(Machine machine, String path, String password) {
        try {
            if (machine.isHost()) {
                return new StoreAudit(Optional.of(TrustStoreAudit.audit(TrustStoreSource.of(Path.of(path),
                        password == null ? null : password.toCharArray()))), Optional.empty());
            }
            if (machine.isDirectory(path)) {
                return failed(path + " is a directory, which the doctor audits on a host only; audit the image's "
                        + "bundle with ats audit " + machine.describe());
            }
            byte[] bytes = machine.read(path);
            return copied(Path.of(path).getFileName().toString(), bytes, password,
                    machine.describe() + " " + path);
        } catch (IllegalArgumentException e) {
            return failed(e.getMessage());
        }
    }

    /** Audits certificates given as PEM text (e.g. what a program reports it has compiled in). */
    static StoreAudit ofPem(String text, String description) {
        try {
            return copied("certificates.pem", text.getBytes(StandardCharsets.US_ASCII), null, description);
        } catch (IllegalArgumentException e) {
            return failed(e.getMessage());
        }
    }

    private static StoreAudit copied(String name, byte[] bytes, String password, String description) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("ats-doctor-");
            Path file = Files.write(dir.resolve(name.isEmpty() ? "store" : name), bytes);
            AuditReport report = TrustStoreAudit.audit(TrustStoreSource.of(file, password == null ? null
                    : password.toCharArray()));
            return new StoreAudit(Optional.of(report.withSource(description)), Optional.empty());
        } catch (IllegalArgumentException e) {
            String message = e.getMessage();
            return failed(dir == null ? message : description + message.substring(message.indexOf(':') < 0 ? 0
                    : message.indexOf(':')));
        } catch (IOException e) {
            return failed(description + ": cannot copy it to a temporary file to audit (" + e.getMessage() + ")");
        } finally {
            if (dir != null) {
                deleteQuietly(dir);
            }
        }
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            dir.toFile().deleteOnExit();
        }
    }
}
