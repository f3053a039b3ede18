package io.github.atstrust.cli;

import io.github.atstrust.fixtures.Fixtures;
import io.github.atstrust.testkit.pki.FakeCa;
import io.github.atstrust.testkit.trust.TrustProfile;
import io.github.atstrust.testkit.trust.TrustProfiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Writes trust material for clients that read files: {@code DIR/<profile-id>.pem|.p12|.jks} for every built-in
 * profile and {@code DIR/ca/<name>.pem} for every fake CA certificate, plus a marker file naming the directory
 * as the kit's.
 *
 * <p>The kit writes only into a new or empty directory, or one holding nothing but an earlier export of its own
 * (which it replaces); never into a directory with files it did not write, and never into a file system root.
 * Everything is written into a hidden staging directory first and moved into place only when all of it was
 * written and every destination was checked, so a failed export leaves the directory as it was.
 * <pre>List&lt;ExportedProfile&gt; files = TrustMaterialExport.writeTo(Path.of("target/ats"), "changeit");</pre>
 */
final class TrustMaterialExport {

    /** The file that marks a directory as an export of the kit, which a later export may replace. */
    static final String MARKER = ".ats-trust-kit-export";

    private TrustMaterialExport() {
    }

    /**
     * Exports every built-in profile and CA certificate into {@code dir} (created when missing).
     *
     * @throws IOException naming the path and the reason when {@code dir} is a file, a file system root, holds
     *                     files the kit did not write, or cannot be written
     */
    static List<ExportedProfile> writeTo(Path dir, String password) throws IOException {
        Path target = dir.toAbsolutePath().normalize();
        if (target.getParent() == null) {
            throw new IOException(target + ": a file system root; export into a directory of its own, e.g. " + target
                    .resolve("tmp/ats"));
        }
        if (Files.exists(target) && !Files.isDirectory(target)) {
            throw new FileSystemException(target.toString(), null, "a file, not a directory; choose a directory to export into");
        }
        for (Path ancestor = target.getParent(); ancestor != null; ancestor = ancestor.getParent()) {
            if (Files.exists(ancestor)) {
                if (!Files.isDirectory(ancestor)) {
                    throw new FileSystemException(ancestor.toString(), null, "Not a directory, so " + target
                            + " cannot be created; choose a directory to export into");
                }
                break;
            }
        }
        Set<Path> names = names();
        refuseForeignFiles(target, names);
        boolean created = !Files.exists(target);
        Files.createDirectories(target);
        removeStaleStaging(target);
        Path staging = Files.createTempDirectory(target, ".ats-export-");
        try {
            Files.createDirectory(staging.resolve("ca"));
            for (FakeCa ca : FakeCa.values()) {
                Files.write(staging.resolve("ca/" + ca.id() + ".pem"), Fixtures.read("ca/" + ca.id() + ".pem"));
            }
            for (TrustProfile profile : TrustProfiles.builtIn()) {
                profile.writePemBundle(staging.resolve(profile.id() + ".pem"));
                profile.writePkcs12(staging.resolve(profile.id() + ".p12"), password.toCharArray());
                profile.writeJks(staging.resolve(profile.id() + ".jks"), password.toCharArray());
            }
            Files.writeString(staging.resolve(MARKER), "ATS Trust Kit test material (TEST ONLY); safe to delete\n",
                    StandardCharsets.US_ASCII);
            moveContents(staging, target, names);
        } catch (IOException | RuntimeException e) {
            deleteRecursively(staging);
            if (created) {
                deleteRecursively(target);
            }
            throw e;
        }
        deleteRecursively(staging);
        List<ExportedProfile> exported = new ArrayList<>();
        for (TrustProfile profile : TrustProfiles.builtIn()) {
            exported.add(new ExportedProfile(profile.id(), profile.description(), target.resolve(profile.id() + ".pem"),
                    target.resolve(profile.id() + ".p12"), target.resolve(profile.id() + ".jks"), password));
        }
        return exported;
    }

    /**
     * Removes what {@link #writeTo} wrote into {@code dir}, and {@code dir} itself when nothing else is left; a
     * directory without the kit's marker is left alone.
     */
    static void remove(Path dir) throws IOException {
        Path target = dir.toAbsolutePath().normalize();
        if (!Files.isRegularFile(target.resolve(MARKER))) {
            return;
        }
        for (Path name : names()) {
            Files.deleteIfExists(target.resolve(name));
        }
        Files.deleteIfExists(target.resolve("ca"));
        try (Stream<Path> left = Files.list(target)) {
            if (left.findAny().isEmpty()) {
                Files.delete(target);
            }
        } catch (java.nio.file.DirectoryNotEmptyException raced) {
            // someone wrote into it meanwhile: it is theirs now
        }
    }

    /** Every file an export writes, relative to its directory, the marker last. */
    private static Set<Path> names() {
        Set<Path> names = new LinkedHashSet<>();
        for (FakeCa ca : FakeCa.values()) {
            names.add(Path.of("ca", ca.id() + ".pem"));
        }
        for (TrustProfile profile : TrustProfiles.builtIn()) {
            for (String extension : List.of(".pem", ".p12", ".jks")) {
                names.add(Path.of(profile.id() + extension));
            }
        }
        names.add(Path.of(MARKER));
        return names;
    }

    private static void refuseForeignFiles(Path target, Set<Path> names) throws IOException {
        if (!Files.isDirectory(target)) {
            return;
        }
        List<Path> present;
        try (Stream<Path> walk = Files.walk(target)) {
            present = walk.filter(p -> !p.equals(target)).map(target::relativize).toList();
        }
        if (present.isEmpty()) {
            return;
        }
        boolean ours = Files.isRegularFile(target.resolve(MARKER));
        for (Path entry : present) {
            if (entry.getName(0).toString().startsWith(".ats-export-")) {
                continue; // the staging directory of an export that was killed: removed below
            }
            boolean kitFile = names.contains(entry) && Files.isRegularFile(target.resolve(entry));
            boolean kitDirectory = entry.equals(Path.of("ca")) && Files.isDirectory(target.resolve(entry));
            if (!ours || !(kitFile || kitDirectory)) {
                throw new FileSystemException(target.toString(), null, "holds " + entry + ", which the kit did not write; "
                        + "export into a new or empty directory (an earlier export of the kit is replaced)");
            }
        }
    }

    private static void removeStaleStaging(Path target) throws IOException {
        try (Stream<Path> list = Files.list(target)) {
            for (Path stale : list.filter(p -> p.getFileName().toString().startsWith(".ats-export-")).toList()) {
                deleteRecursively(stale);
            }
        }
    }

    private static void moveContents(Path from, Path to, Set<Path> names) throws IOException {
        Files.createDirectories(to.resolve("ca"));
        for (Path name : names) {
            Files.move(from.resolve(name), to.resolve(name), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
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
