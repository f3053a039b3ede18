package io.github.atstrust.testcontainers;

import io.github.atstrust.testkit.audit.AuditReport;
import io.github.atstrust.testkit.audit.LoadedTrustStore;
import io.github.atstrust.testkit.audit.TrustStoreAudit;
import io.github.atstrust.testkit.audit.TrustStoreSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * Audits the OS trust bundle of a container image against the real ATS roots: starts the image, copies its
 * bundle out, audits it, removes the container.
 *
 * <pre>AuditReport report = ImageTrustAudit.auditImage("ats-client:bookworm");</pre>
 */
public final class ImageTrustAudit {

    private ImageTrustAudit() {
    }

    public static AuditReport auditImage(String image) {
        try (GenericContainer<?> container = new GenericContainer<>(DockerImageName.parse(image))
                .withCommand("sleep", "infinity")) {
            container.start();
            Path copy = Files.createTempFile("ats-image-audit-", ".pem");
            try {
                for (String bundle : TrustStoreSource.IMAGE_BUNDLES) {
                    try {
                        container.copyFileFromContainer(bundle, copy.toString());
                    } catch (RuntimeException missing) {
                        continue;
                    }
                    LoadedTrustStore loaded = TrustStoreSource.of(copy, null).load();
                    return TrustStoreAudit.audit(loaded.describedAs("docker:" + image + " (" + bundle + ", "
                            + loaded.entries().size() + " certificates)"));
                }
                throw new IllegalArgumentException("docker:" + image + ": no CA bundle at "
                        + String.join(" or ", TrustStoreSource.IMAGE_BUNDLES) + "; install ca-certificates in the image");
            } finally {
                Files.deleteIfExists(copy);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot audit image " + image + ": " + e.getMessage(), e);
        }
    }
}
