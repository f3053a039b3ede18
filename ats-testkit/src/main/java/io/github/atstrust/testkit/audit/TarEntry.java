package io.github.atstrust.testkit.audit;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The first entry of a tar stream, as {@code docker cp CONTAINER:PATH -} writes it: its type, link target and
 * content. Only a regular file's content is read, and never more than a limit: a link is reported as a link, a
 * device or FIFO as what it is, so nothing outside the stream is ever opened.
 */
record TarEntry(char type, String name, String linkTarget, byte[] content) {

    private static final int BLOCK = 512;

    boolean isRegularFile() {
        return type == '0' || type == '\0' || type == '7';
    }

    boolean isSymbolicLink() {
        return type == '2';
    }

    /** What the entry is, in words, for a message. */
    String kind() {
        return switch (type) {
            case '1' -> "a hard link";
            case '2' -> "a symbolic link";
            case '3' -> "a character device";
            case '4' -> "a block device";
            case '5' -> "a directory";
            case '6' -> "a FIFO";
            default -> isRegularFile() ? "a regular file" : "an entry of tar type '" + type + "'";
        };
    }

    /**
     * Reads the first entry (after any PAX or GNU long-name headers) of {@code tar}.
     *
     * @throws TooLarge when a regular file's size is over {@code limit}; nothing of it is read
     */
    static TarEntry first(InputStream tar, long limit) throws IOException {
        Map<String, String> pax = new HashMap<>();
        String longName = null;
        String longLink = null;
        for (int headers = 0; headers < 8; headers++) {
            byte[] header = tar.readNBytes(BLOCK);
            if (header.length < BLOCK || isZero(header)) {
                throw new IOException("the copy holds no file");
            }
            char type = (char) header[156];
            long size = octal(header, 124, 12);
            if (type == 'x' || type == 'g' || type == 'L' || type == 'K') {
                if (size > 1 << 20) {
                    throw new IOException("a tar header of " + size + " bytes");
                }
                String text = new String(readPadded(tar, size), StandardCharsets.UTF_8);
                if (type == 'x') {
                    pax.putAll(paxRecords(text));
                } else if (type == 'L') {
                    longName = text.replace("\0", "");
                } else if (type == 'K') {
                    longLink = text.replace("\0", "");
                }
                continue;
            }
            String name = pax.getOrDefault("path", longName != null ? longName : string(header, 0, 100));
            String link = pax.getOrDefault("linkpath", longLink != null ? longLink : string(header, 157, 100));
            if (pax.containsKey("size")) {
                size = Long.parseLong(pax.get("size").strip());
            }
            TarEntry entry = new TarEntry(type, name, link, new byte[0]);
            if (!entry.isRegularFile()) {
                return entry;
            }
            if (size > limit) {
                throw new TooLarge(size);
            }
            return new TarEntry(type, name, link, readPadded(tar, size));
        }
        throw new IOException("more than 8 extended headers before the file");
    }

    /** A regular file over the size limit, with the size its header gives. */
    static final class TooLarge extends IOException {
        final long size;

        TooLarge(long size) {
            super(size + " bytes");
            this.size = size;
        }
    }

    private static byte[] readPadded(InputStream tar, long size) throws IOException {
        byte[] content = tar.readNBytes((int) size);
        if (content.length < size) {
            throw new IOException("the copy ends inside a file");
        }
        tar.skipNBytes((BLOCK - size % BLOCK) % BLOCK);
        return content;
    }

    private static Map<String, String> paxRecords(String text) {
        Map<String, String> records = new HashMap<>();
        for (String line : text.split("\n")) {
            int space = line.indexOf(' ');
            int equals = line.indexOf('=');
            if (space > 0 && equals > space) {
                records.put(line.substring(space + 1, equals), line.substring(equals + 1));
            }
        }
        return records;
    }

    private static boolean isZero(byte[] block) {
        for (byte b : block) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    private static String string(byte[] header, int offset, int length) {
        int end = offset;
        while (end < offset + length && header[end] != 0) {
            end++;
        }
        return new String(header, offset, end - offset, StandardCharsets.UTF_8);
    }

    private static long octal(byte[] header, int offset, int length) throws IOException {
        if ((header[offset] & 0x80) != 0) {
            throw new IOException("a file too large for this reader (base-256 size)");
        }
        String digits = string(header, offset, length).strip();
        try {
            return digits.isEmpty() ? 0 : Long.parseLong(digits, 8);
        } catch (NumberFormatException e) {
            throw new IOException("a corrupt tar header (size '" + digits + "')", e);
        }
    }
}
