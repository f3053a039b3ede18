package io.github.atstrust.cli;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;
import java.util.Optional;

/**
 * The lock by which a run of the kit owns a shared path (an export directory, a manifest) while it uses it: an
 * OS file lock on a small file the kit creates, so it is released when its process dies, even by {@code kill -9},
 * and seen by every process sharing the file system, whatever its PID namespace. A pid, which another namespace
 * cannot see and a new process may reuse, never decides ownership; the lock file only names its holder for
 * messages.
 *
 * <p>POSIX releases every lock a process holds on a file when that process closes <em>any</em> descriptor of it,
 * so a process must never open a lock file it holds: the locks this JVM holds are kept in {@link #HELD}, and
 * every method here answers for them from memory.
 */
final class KitLock implements AutoCloseable {

    private static final String PREFIX = "ATS Trust Kit lock: ";
    private static final java.util.Map<Path, String> HELD = new java.util.concurrent.ConcurrentHashMap<>();

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;

    private KitLock(Path file, FileChannel channel, FileLock lock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the lock of {@code file} for {@code holder} (e.g. {@code "serve pid 42"}), or empty when another run
     * holds it. A file at that path that the kit did not write is never opened for writing: it is refused.
     */
    static synchronized Optional<KitLock> tryAcquire(Path lockFile, String holder) throws IOException {
        Path file = lockFile.toAbsolutePath().normalize();
        if (HELD.containsKey(file)) {
            return Optional.empty();
        }
        for (int attempt = 0; attempt < 5; attempt++) {
            if (Files.isSymbolicLink(file) || (Files.exists(file, LinkOption.NOFOLLOW_LINKS) && !isLockFile(file))) {
                throw new java.nio.file.FileSystemException(file.toString(), null,
                        "exists and is not a lock file of the kit; move it away or choose another path");
            }
            FileChannel channel;
            try {
                channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                        StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
            } catch (FileAlreadyExistsException exists) {
                channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
            }
            Object opened = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey();
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException heldInThisJvm) {
                lock = null;
            }
            if (lock == null) {
                channel.close();
                return Optional.empty();
            }
            // The holder before us may have deleted the file after we opened it: then our lock is on a lost inode.
            if (Files.exists(file, LinkOption.NOFOLLOW_LINKS) && Objects.equals(opened,
                    Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey())) {
                channel.truncate(0);
                channel.write(ByteBuffer.wrap((PREFIX + holder + "\n").getBytes(StandardCharsets.UTF_8)), 0);
                channel.force(false);
                HELD.put(file, holder);
                return Optional.of(new KitLock(file, channel, lock));
            }
            lock.release();
            channel.close();
        }
        throw new IOException(file + ": its lock file keeps being replaced; is another run of the kit starting and stopping?");
    }

    /** Who holds (or last held) the lock of {@code file}, e.g. {@code "serve pid 42"}, for a message. */
    static String holderOf(Path lockFile) {
        String ours = HELD.get(lockFile.toAbsolutePath().normalize());
        if (ours != null) {
            return ours;
        }
        try {
            Path file = lockFile;
            String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
            return text.startsWith(PREFIX) ? text.substring(PREFIX.length()).strip() : "another run";
        } catch (IOException | RuntimeException unreadable) {
            return "another run";
        }
    }

    private static boolean isLockFile(Path file) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (!attributes.isRegularFile() || attributes.size() > 512) {
            return false;
        }
        String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        return text.isEmpty() || text.startsWith(PREFIX); // empty: created by a run that is writing its name
    }

    /** Deletes the lock file while still holding it, then releases: the path is free for the next run. */
    void deleteAndRelease() throws IOException {
        try {
            Files.deleteIfExists(file);
        } finally {
            close();
        }
    }

    /** Releases the lock and leaves the file (the next run reuses it). */
    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            HELD.remove(file);
            channel.close();
        }
    }
}
