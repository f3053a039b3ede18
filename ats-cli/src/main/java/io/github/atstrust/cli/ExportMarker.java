package io.github.atstrust.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The marker an export writes last: the run that wrote the directory and the SHA-256 of every file it wrote. A
 * later run replaces or removes a file only when the marker names it with the hash it has now, so a file a user
 * put there, or changed since, is never overwritten or deleted.
 */
record ExportMarker(String runId, Map<Path, String> files) {

    /** The marker's name in an export directory. */
    static final String NAME = ".ats-trust-kit-export";

    private static final String HEADER = "ATS Trust Kit test material (TEST ONLY); safe to delete";
    private static final int MAX_BYTES = 64 * 1024;

    ExportMarker {
        files = Map.copyOf(files);
    }

    /** The marker of {@code dir}, or empty when there is none, or what is there is not a marker the kit wrote. */
    static Optional<ExportMarker> read(Path dir) throws IOException {
        Path file = dir.resolve(NAME);
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)
                || Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).size() > MAX_BYTES) {
            return Optional.empty();
        }
        var lines = new String(Files.readAllBytes(file), StandardCharsets.UTF_8).lines().toList();
        if (lines.size() < 2 || !lines.get(0).equals(HEADER) || !lines.get(1).startsWith("run ")) {
            return Optional.empty();
        }
        Map<Path, String> files = new LinkedHashMap<>();
        for (String line : lines.subList(2, lines.size())) {
            int space = line.indexOf(' ');
            if (space != 64) {
                return Optional.empty();
            }
            Path name = Path.of(line.substring(space + 1)).normalize();
            if (name.isAbsolute() || name.startsWith("..")) {
                return Optional.empty();
            }
            files.put(name, line.substring(0, space));
        }
        return Optional.of(new ExportMarker(lines.get(1).substring(4), files));
    }

    /** Writes this marker into {@code dir}. */
    void writeInto(Path dir) throws IOException {
        StringBuilder text = new StringBuilder(HEADER).append("\nrun ").append(runId).append('\n');
        files.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> text.append(e.getValue()).append(' ').append(e.getKey()).append('\n'));
        Files.writeString(dir.resolve(NAME), text, StandardCharsets.UTF_8);
    }

    /** Whether {@code name} in {@code dir} is a regular file (not a link) holding exactly what this marker recorded. */
    boolean isUnchanged(Path dir, Path name) throws IOException {
        Path file = dir.resolve(name);
        String recorded = files.get(name);
        return recorded != null && Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)
                && Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).size() <= 16L << 20
                && recorded.equals(sha256(file));
    }

    static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
