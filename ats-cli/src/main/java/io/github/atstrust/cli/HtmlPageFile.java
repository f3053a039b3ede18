package io.github.atstrust.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The file of {@code --html FILE}: a new file, or a page the kit wrote before (its generator mark), replaced whole; never
 * anything else, never half-written.
 */
final class HtmlPageFile {

    private static final String MARK = "<meta name=\"generator\" content=\"ATS Trust Kit\">";

    private final Path file;

    private HtmlPageFile(Path file) {
        this.file = file;
    }

    /**
     * Checks before any work that the page can be written there.
     *
     * @throws IllegalArgumentException naming the file and the fix
     */
    static HtmlPageFile at(String name) {
        Path file = Path.of(name).toAbsolutePath().normalize();
        Path parent = file.getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            throw new IllegalArgumentException("--html " + name + ": the directory " + parent + " does not exist; create it "
                    + "or name a file in an existing one");
        }
        if (Files.isSymbolicLink(file) || Files.exists(file, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(file,
                LinkOption.NOFOLLOW_LINKS)) {
            throw new IllegalArgumentException("--html " + name + ": is not a regular file; name a new file");
        }
        if (Files.exists(file, LinkOption.NOFOLLOW_LINKS) && !writtenByTheKit(file)) {
            throw new IllegalArgumentException("--html " + name + ": exists and is not a page ats wrote; the kit replaces "
                    + "only its own pages: name a new file or remove this one");
        }
        return new HtmlPageFile(file);
    }

    private static boolean writtenByTheKit(Path file) {
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            return new String(in.readNBytes(4096), StandardCharsets.UTF_8).contains(MARK);
        } catch (IOException unreadable) {
            return false;
        }
    }

    /** Writes the page beside the file, then moves it into place: a reader sees the old page or the new one. */
    void write(String html) throws IOException {
        if (!html.contains(MARK)) {
            throw new IllegalStateException("a page without the kit's generator mark would not be replaceable");
        }
        Path temporary = Files.createTempFile(file.getParent(), "." + file.getFileName() + "-", ".tmp");
        try {
            Files.writeString(temporary, html, StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    @Override
    public String toString() {
        return file.toString();
    }
}
