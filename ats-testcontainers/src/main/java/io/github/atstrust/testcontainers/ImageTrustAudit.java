package io.github.atstrust.testcontainers;

import io.github.atstrust.testkit.audit.AuditReport;
import io.github.atstrust.testkit.audit.LoadedTrustStore;
import io.github.atstrust.testkit.audit.TrustStoreAudit;
import io.github.atstrust.testkit.audit.TrustStoreSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * Audits the OS trust bundle of a container image against the real ATS roots: starts the image, copies its
 * bundle out, audits it, removes the container.
 *
 * <pre>AuditReport report = ImageTrustAudit.auditImage("ats-client:bookworm");</pre>
 */
public final class ImageTrustAudit {

    /** Where distributions keep the bundle: Debian/Ubuntu/Alpine, then RHEL/Fedora. */
    static final List<String> BUNDLES = List.of("/etc/ssl/certs/ca-certificates.crt", "/etc/pki/tls/certs/ca-bundle.crt");

    private ImageTrustAudit() {
    }

    public static AuditReport auditImage(String image) {
        try (GenericContainer<?> container = new GenericContainer<>(DockerImageName.parse(image))
                .withCommand("sleep", "infinity")) {
            container.start();
            Path dir = Files.createTempDirectory("ats-image-audit-");
            try {
                for (String bundle : BUNDLES) {
                    Path copy = dir.resolve("bundle.pem");
                    try {
                        container.copyFileFromContainer(bundle, copy.toString());
                    } catch (RuntimeException missing) {
                        continue;
                    }
                    LoadedTrustStore loaded = TrustStoreSource.of(copy, null).load();
                    return TrustStoreAudit.audit(loaded.describedAs(image + ":" + bundle + " (PEM bundle, "
                            + loaded.entries().size() + " certificates)"));
                }
                throw new IllegalArgumentException("docker:" + image + ": no CA bundle at " + String.join(" or ", BUNDLES)
                        + "; install ca-certificates in the image");
            } finally {
                try (var files = Files.walk(dir)) {
                    files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot audit image " + image + ": " + e.getMessage(), e);
        }
    }
}
