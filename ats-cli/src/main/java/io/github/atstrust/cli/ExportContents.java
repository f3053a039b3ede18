package io.github.atstrust.cli;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What is in an export directory, told apart without following a link: the kit's lock, its own staging
 * (marked), the files its {@link ExportMarker} names with the hash they still have, and everything else, which
 * is never replaced or deleted.
 */
final class ExportContents {

    /** Prefix of a staging directory. */
    static final String STAGING = ".ats-trust-kit-staging-";
    /** The file that marks a staging directory as the kit's. */
    static final String STAGING_MARKER = ".ats-trust-kit-staging";

    private ExportContents() {
    }

    /** Refuses a directory holding anything but the lock, stale staging and an unchanged export of the kit. */
    static void refuseForeignFiles(Path target, Set<Path> names) throws IOException {
        Optional<ExportMarker> marker = ExportMarker.read(target);
        List<Path> present;
        try (Stream<Path> list = Files.list(target)) {
            present = new ArrayList<>(list.map(target::relativize).toList());
        }
        if (Files.isDirectory(target.resolve("ca"), LinkOption.NOFOLLOW_LINKS)) {
            try (Stream<Path> list = Files.list(target.resolve("ca"))) {
                list.map(target::relativize).forEach(present::add);
            }
        }
        for (Path entry : present) {
            String name = entry.toString();
            boolean kitEntry = name.equals(TrustMaterialExport.LOCK) || isStaging(target.resolve(entry))
                    || (marker.isPresent() && (name.equals(ExportMarker.NAME)
                    || (name.equals("ca") && Files.isDirectory(target.resolve(entry), LinkOption.NOFOLLOW_LINKS))));
            if (kitEntry) {
                continue;
            }
            if (marker.isEmpty() || !(names.contains(entry) || marker.get().isUnchanged(target, entry))) {
                throw new FileSystemException(target.toString(), null, "holds " + entry + ", which the kit did not write; "
                        + "export into a new or empty directory (an earlier export of the kit is replaced)");
            }
            if (!marker.get().isUnchanged(target, entry)) {
                throw new FileSystemException(target.toString(), null, "holds " + entry + ", changed since the kit "
                        + "exported it (or not a regular file); move it away, or export into a new directory");
            }
        }
    }

    private static boolean isStaging(Path entry) {
        return entry.getFileName().toString().startsWith(STAGING) && Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)
                && Files.isRegularFile(entry.resolve(STAGING_MARKER), LinkOption.NOFOLLOW_LINKS);
    }

    /**
     * Deletes the files an earlier export wrote, unchanged since, that this one will not write (its
     * {@code mirrored-default} files, when {@code serve} replaces an {@code ats export}); called holding the lock.
     */
    static void removeUnchangedExcept(Path target, Set<Path> kept) throws IOException {
        Optional<ExportMarker> marker = ExportMarker.read(target);
        if (marker.isEmpty()) {
            return;
        }
        for (Path name : marker.get().files().keySet()) {
            if (!kept.contains(name) && marker.get().isUnchanged(target, name)) {
                Files.delete(target.resolve(name));
            }
        }
    }

    /** The staging directories of exports that were killed; called only while holding the directory's lock. */
    static void removeStaleStaging(Path target) throws IOException {
        try (Stream<Path> list = Files.list(target)) {
            for (Path stale : list.filter(ExportContents::isStaging).toList()) {
                deleteRecursively(stale);
            }
        }
    }

    static void removeWritten(Path dir, String runId) throws IOException {
        Optional<ExportMarker> marker = ExportMarker.read(dir);
        if (marker.isEmpty() || !marker.get().runId().equals(runId)) {
            return;
        }
        for (Path name : marker.get().files().keySet()) {
            if (marker.get().isUnchanged(dir, name)) {
                Files.delete(dir.resolve(name));
            }
        }
        Files.delete(dir.resolve(ExportMarker.NAME));
        if (Files.isDirectory(dir.resolve("ca"), LinkOption.NOFOLLOW_LINKS)) {
            deleteIfEmpty(dir.resolve("ca"));
        }
    }

    static void deleteIfEmpty(Path dir) throws IOException {
        try (Stream<Path> left = Files.list(dir)) {
            if (left.findAny().isEmpty()) {
                Files.delete(dir);
            }
        } catch (java.nio.file.DirectoryNotEmptyException | java.nio.file.NoSuchFileException raced) {
            // someone wrote into it meanwhile, or removed it: it is theirs
        }
    }

    /** Deletes a staging directory, which holds only regular files and {@code ca/} the kit wrote (links not followed). */
    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
