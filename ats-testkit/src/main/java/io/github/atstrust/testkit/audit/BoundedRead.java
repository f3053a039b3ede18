package io.github.atstrust.testkit.audit;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Every read of trust-store input: only regular files and directories are opened (a FIFO would block), and at
 * most the limit is read whatever size a file claims, so no input reaches an {@code OutOfMemoryError}.
 */
final class BoundedRead {

    private BoundedRead() {
    }

    /** What {@code path} is, without opening it (opening a FIFO would block until a writer comes). */
    static BasicFileAttributes attributes(Path path) {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(path, BasicFileAttributes.class);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new InvalidTrustStoreException(path + ": no such file or directory; check the path", e);
        } catch (IOException e) {
            throw new InvalidTrustStoreException(path + ": cannot read its attributes (" + reason(e)
                    + "); check the path and its permissions", e);
        }
        if (!attributes.isRegularFile() && !attributes.isDirectory()) {
            throw new InvalidTrustStoreException(path + ": not a regular file or directory (a FIFO, device or socket); "
                    + "point at a trust store file or a directory of certificates");
        }
        return attributes;
    }

    /** At most {@code limit} bytes of {@code in}; more is a {@link TooLargeException} naming {@code name}. */
    static byte[] of(InputStream in, long limit, String name) throws IOException {
        byte[] bytes = in.readNBytes((int) Math.min(limit, Integer.MAX_VALUE - 8) + 1);
        if (bytes.length > limit) {
            throw new TooLargeException(name, bytes.length, limit);
        }
        return bytes;
    }

    /** Reads at most {@code limit} bytes, whatever the file claims its size is ({@code /proc} files claim 0). */
    static byte[] bytes(Path file, BasicFileAttributes attributes, long limit) {
        if (attributes.size() > limit) {
            throw new TooLargeException(file, attributes.size(), limit);
        }
        try (InputStream in = Files.newInputStream(file)) {
            return of(in, limit, file.toString());
        } catch (IOException e) {
            throw new InvalidTrustStoreException(file + ": cannot read the file (" + reason(e)
                    + "); check its permissions", e);
        }
    }

    /** Why a file operation failed, in words: the JDK's message of an access or missing-file error is only the path. */
    static String reason(IOException e) {
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof java.nio.file.NotDirectoryException) {
            return "not a directory";
        }
        if (e instanceof java.nio.file.FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        return String.valueOf(e.getMessage());
    }

    /** A file over the size limit: bad input, never read whole. */
    static final class TooLargeException extends InvalidTrustStoreException {
        TooLargeException(Object file, long size, long limit) {
            super(file + ": " + (size > limit ? "more than " + limit : size) + " bytes, over the limit of " + limit
                    + " bytes for a trust store; check the path, or raise the limit (--max-size MB)");
        }
    }
}
