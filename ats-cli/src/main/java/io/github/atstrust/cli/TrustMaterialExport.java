package io.github.atstrust.cli;

import io.github.atstrust.fixtures.Fixtures;
import io.github.atstrust.testkit.pki.FakeCa;
import io.github.atstrust.testkit.trust.TrustProfile;
import io.github.atstrust.testkit.trust.TrustProfiles;
import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Trust material for clients that read files, written by one run: {@code DIR/<profile-id>.pem|.p12|.jks} for
 * every built-in profile, {@code DIR/ca/<name>.pem} for every fake CA certificate, and the {@link ExportMarker}.
 *
 * <p>The rules (docs/security.md, "What the kit writes and deletes"): the kit writes into a new or empty
 * directory, or one holding nothing but an unchanged earlier export of its own, which it replaces; it never
 * follows a link inside the directory; it holds the directory's {@link KitLock} while it writes and, for
 * {@code serve}, while it runs; and it deletes only files it wrote, unchanged since. Everything is staged in a
 * hidden directory and moved into place once all of it is written, so a failed export leaves the directory as
 * it was.
 * <pre>try (TrustMaterialExport export = TrustMaterialExport.writeTo(dir, "changeit", runId, "export")) { … }</pre>
 */
final class TrustMaterialExport implements AutoCloseable {

    /** The lock file of an export directory. */
    static final String LOCK = ".ats-trust-kit.lock";


    private final Path dir;
    private final String password;
    private final String runId;
    private final boolean created;
    private final boolean lockExisted;
    private final KitLock lock;
    private final List<TrustProfile> extras;
    private final List<ExportedProfile> profiles;

    private TrustMaterialExport(Path dir, String password, String runId, boolean created, boolean lockExisted, KitLock lock,
                                List<TrustProfile> extras) {
        this.dir = dir;
        this.password = password;
        this.runId = runId;
        this.created = created;
        this.lockExisted = lockExisted;
        this.lock = lock;
        this.extras = List.copyOf(extras);
        List<ExportedProfile> exported = new ArrayList<>();
        for (TrustProfile profile : written(extras)) {
            exported.add(new ExportedProfile(profile.id(), profile.description(), dir.resolve(profile.id() + ".pem"),
                    dir.resolve(profile.id() + ".p12"), dir.resolve(profile.id() + ".jks"), password));
        }
        this.profiles = List.copyOf(exported);
    }

    /**
     * Exports every built-in profile and CA certificate into {@code dir} (created when missing; a link to a
     * directory is followed once, to the directory it names) and keeps the directory locked until closed.
     *
     * @param holder who writes, for the message another run gets, e.g. {@code "serve pid 42"}
     * @throws IOException naming the path and the reason when {@code dir} is a file, a file system root, in use by
     *                     another run, holds anything the kit did not write, or cannot be written
     */
    static TrustMaterialExport writeTo(Path dir, String password, String runId, String holder) throws IOException {
        return writeTo(dir, password, runId, holder, List.of());
    }

    /**
     * As {@link #writeTo(Path, String, String, String)}, and also {@code <id>.{pem,p12,jks}} of each extra profile:
     * {@code ats export} adds {@link #mirroredDefault()} ({@code serve} does not, as it costs about 130 ms of
     * start), {@code serve --mirror} the mirrors of the stores it was given.
     */
    static TrustMaterialExport writeTo(Path dir, String password, String runId, String holder, List<TrustProfile> extras)
            throws IOException {
        TrustMaterialExport export = claim(dir, password, runId, holder, extras);
        try {
            export.write();
            return export;
        } catch (IOException | RuntimeException e) {
            export.release();
            throw e;
        }
    }

    /**
     * Everything of {@link #writeTo(Path, String, String, String, List)} that can refuse bad input, and nothing
     * that takes time: the directory checked and created, its lock taken, a file the kit did not write refused.
     * {@link #write()} then writes (serve runs it beside the server start); {@link #remove()} or
     * {@link #close()} ends it, written or not.
     *
     * @throws IOException as {@link #writeTo(Path, String, String, String)}
     */
    static TrustMaterialExport claim(Path dir, String password, String runId, String holder, List<TrustProfile> extras)
            throws IOException {
        Path target = dir.toAbsolutePath().normalize();
        if (target.getParent() == null) {
            throw new IOException(target + ": a file system root; export into a directory of its own, e.g. " + target
                    .resolve("tmp/ats"));
        }
        if (Files.isSymbolicLink(target) && Files.isDirectory(target)) {
            target = target.toRealPath(); // checked and written alike: the directory the link names
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
        boolean created = !Files.exists(target, LinkOption.NOFOLLOW_LINKS);
        Files.createDirectories(target);
        boolean lockExisted = Files.exists(target.resolve(LOCK), LinkOption.NOFOLLOW_LINKS);
        KitLock lock = acquire(target, holder, created);
        TrustMaterialExport export = new TrustMaterialExport(target, password, runId, created, lockExisted, lock, extras);
        try {
            ExportContents.refuseForeignFiles(target, names(extras));
            return export;
        } catch (IOException | RuntimeException e) {
            export.release();
            throw e;
        }
    }

    /** After a failed claim or write: the lock released (an earlier export's lock file left as it was), a directory this run created and left empty removed. */
    private void release() throws IOException {
        if (lockExisted) {
            lock.close();
        } else {
            lock.deleteAndRelease();
        }
        if (created) {
            ExportContents.deleteIfEmpty(dir);
        }
    }

    /** The directory written into. */
    Path dir() {
        return dir;
    }

    /** The built-in profiles written, with their files (those the manifest gives expectations for). */
    List<ExportedProfile> profiles() {
        return profiles.subList(0, TrustProfiles.builtIn().size());
    }

    /** The extra profiles written ({@code mirrored-default}, the mirrors of {@code serve --mirror}), with their files. */
    List<ExportedProfile> extras() {
        return profiles.subList(TrustProfiles.builtIn().size(), profiles.size());
    }

    /**
     * Removes every file this run wrote and nobody changed since, the marker, the lock, and the directory when
     * this run created it and nothing else is left in it; then releases the lock.
     */
    void remove() throws IOException {
        try {
            ExportContents.removeWritten(dir, runId);
        } finally {
            lock.deleteAndRelease();
        }
        if (created) {
            ExportContents.deleteIfEmpty(dir);
        }
    }

    /** Releases the lock and leaves the export in place (for {@code ats export}). */
    @Override
    public void close() throws IOException {
        lock.close();
    }

    /**
     * Removes the export in {@code dir} of a run that died without cleaning up (nobody holds its lock): its
     * unchanged files, and the directory when nothing else is left. A directory in use, or without the kit's
     * lock file and marker, is left alone.
     */
    static void removeAbandoned(Path dir) throws IOException {
        if (!Files.isRegularFile(dir.resolve(LOCK), LinkOption.NOFOLLOW_LINKS) || ExportMarker.read(dir).isEmpty()) {
            return;
        }
        Optional<KitLock> lock = KitLock.tryAcquire(dir.resolve(LOCK), "clean-up pid " + ProcessHandle.current().pid());
        if (lock.isEmpty()) {
            return;
        }
        try {
            ExportContents.removeStaleStaging(dir);
            Optional<ExportMarker> marker = ExportMarker.read(dir);
            if (marker.isPresent()) {
                ExportContents.removeWritten(dir, marker.get().runId());
            }
        } finally {
            lock.get().deleteAndRelease();
        }
        ExportContents.deleteIfEmpty(dir);
    }

    private static KitLock acquire(Path target, String holder, boolean created) throws IOException {
        Path lockFile = target.resolve(LOCK);
        try {
            for (long deadline = System.nanoTime() + 10_000_000_000L; ; ) {
                Optional<KitLock> lock = KitLock.tryAcquire(lockFile, holder + " pid " + ProcessHandle.current().pid());
                if (lock.isPresent()) {
                    return lock.get();
                }
                String other = KitLock.holderOf(lockFile);
                // another export finishes in moments: wait for it; a serve holds its directory until it stops
                if (!(other.startsWith("export") || other.startsWith("clean-up")) || System.nanoTime() > deadline) {
                    throw new FileSystemException(target.toString(), null, "in use by a running " + other
                            + " of the kit; stop it or choose another directory");
                }
                Thread.sleep(50);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(target + ": interrupted while waiting for another export", e);
        } catch (IOException | RuntimeException e) {
            if (created) {
                ExportContents.deleteIfEmpty(target);
            }
            throw e;
        }
    }

    /**
     * Writes the trust material of a {@linkplain #claim claimed} directory: staged, then moved into place, so that a
     * failure leaves the directory as it was.
     */
    void write() throws IOException {
        Path target = dir;
        Set<Path> names = names(extras);
        ExportContents.removeUnchangedExcept(target, names);
        ExportContents.removeStaleStaging(target);
        Path staging = Files.createTempDirectory(target, ExportContents.STAGING);
        try {
            Files.writeString(staging.resolve(ExportContents.STAGING_MARKER), "staging of an ATS Trust Kit export\n");
            Files.createDirectory(staging.resolve("ca"));
            for (FakeCa ca : FakeCa.values()) {
                Files.write(staging.resolve("ca/" + ca.id() + ".pem"), Fixtures.read("ca/" + ca.id() + ".pem"));
            }
            for (TrustProfile profile : written(extras)) {
                profile.writePemBundle(staging.resolve(profile.id() + ".pem"));
                profile.writePkcs12(staging.resolve(profile.id() + ".p12"), password.toCharArray());
                profile.writeJks(staging.resolve(profile.id() + ".jks"), password.toCharArray());
            }
            Map<Path, String> hashes = new LinkedHashMap<>();
            for (Path name : names) {
                hashes.put(name, ExportMarker.sha256(staging.resolve(name)));
            }
            new ExportMarker(runId, hashes).writeInto(staging);
            Files.createDirectories(target.resolve("ca"));
            for (Path name : names) {
                Files.move(staging.resolve(name), target.resolve(name), StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.ATOMIC_MOVE);
            }
            Files.move(staging.resolve(ExportMarker.NAME), target.resolve(ExportMarker.NAME),
                    StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            ExportContents.deleteRecursively(staging);
        }
    }

    /** The id of the exported mirror of this JVM's own default trust (for {@code -Djavax.net.ssl.trustStore}). */
    static final String MIRRORED_DEFAULT = "mirrored-default";

    /**
     * The mirror of the exporting JVM's default trust: the store a forked test JVM is started on
     * ({@code -Djavax.net.ssl.trustStore=DIR/mirrored-default.p12}) to run on the mirror from its first
     * instruction (docs/default-trust.md).
     */
    static TrustProfile mirroredDefault() {
        return TrustProfile.builder(MIRRORED_DEFAULT).description("this JVM's default trust, every real ATS root "
                + "replaced by its fake twin").addPlatformTrust().replaceAtsWithTwins().build();
    }

    /** The built-in profiles, then the extras. */
    private static List<TrustProfile> written(List<TrustProfile> extras) {
        List<TrustProfile> profiles = new ArrayList<>(TrustProfiles.builtIn());
        profiles.addAll(extras);
        return profiles;
    }

    /** Every file an export writes besides its marker, relative to its directory. */
    private static Set<Path> names(List<TrustProfile> extras) {
        Set<Path> names = new LinkedHashSet<>();
        for (FakeCa ca : FakeCa.values()) {
            names.add(Path.of("ca", ca.id() + ".pem"));
        }
        for (TrustProfile profile : written(extras)) {
            for (String extension : List.of(".pem", ".p12", ".jks")) {
                names.add(Path.of(profile.id() + extension));
            }
        }
        return names;
    }

}
