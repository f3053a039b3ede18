package io.github.atstrust.testkit.trust;

import io.github.atstrust.testkit.pki.FakeCa;
import io.github.atstrust.testkit.pki.Pem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Writes trust material for clients that read files: {@code DIR/<profile-id>.pem|.p12|.jks} for every built-in
 * profile and {@code DIR/ca/<name>.pem} for every fake CA certificate.
 *
 * <p>Everything is written into a hidden staging directory first and moved into place only when all of it
 * was written, so a failed export leaves no partial set behind.
 * <pre>List&lt;ExportedProfile&gt; files = TrustMaterialExport.writeTo(Path.of("target/ats"), "changeit");</pre>
 */
public final class TrustMaterialExport {

    private TrustMaterialExport() {
    }

    /**
     * Exports every built-in profile and CA certificate into {@code dir} (created when missing; files of an
     * earlier export are replaced).
     *
     * @throws IOException naming the path when {@code dir} is a file or cannot be written
     */
    public static List<ExportedProfile> writeTo(Path dir, String password) throws IOException {
        Path target = dir.toAbsolutePath().normalize();
        if (Files.exists(target) && !Files.isDirectory(target)) {
            throw new NotDirectoryException(target + " is a file, not a directory: choose a directory to export into");
        }
        Files.createDirectories(target);
        Path staging = Files.createTempDirectory(target, ".ats-export-");
        try {
            Files.createDirectory(staging.resolve("ca"));
            for (FakeCa ca : FakeCa.values()) {
                Files.writeString(staging.resolve("ca/" + ca.id() + ".pem"), Pem.encode(List.of(ca.certificate())),
                        StandardCharsets.US_ASCII);
            }
            for (TrustProfile profile : TrustProfiles.builtIn()) {
                profile.writePemBundle(staging.resolve(profile.id() + ".pem"));
                profile.writePkcs12(staging.resolve(profile.id() + ".p12"), password.toCharArray());
                profile.writeJks(staging.resolve(profile.id() + ".jks"), password.toCharArray());
            }
            moveContents(staging, target);
        } finally {
            deleteRecursively(staging);
        }
        List<ExportedProfile> exported = new ArrayList<>();
        for (TrustProfile profile : TrustProfiles.builtIn()) {
            exported.add(new ExportedProfile(profile.id(), profile.description(), target.resolve(profile.id() + ".pem"),
                    target.resolve(profile.id() + ".p12"), target.resolve(profile.id() + ".jks"), password));
        }
        return exported;
    }

    private static void moveContents(Path from, Path to) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(from)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        for (Path file : files) {
            Path destination = to.resolve(from.relativize(file).toString());
            if (Files.isDirectory(destination)) {
                throw new FileAlreadyExistsException(destination + " is a directory where the export writes a file");
            }
            Files.createDirectories(destination.getParent());
            Files.move(file, destination, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
