package io.github.atstrust.cli;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Every entry below a directory (links not followed) with the SHA-256 of its bytes: "nothing changed" made checkable. */
final class DirectoryHashes {

    private DirectoryHashes() {
    }

    static Map<Path, String> of(Path dir) throws Exception {
        Map<Path, String> hashes = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path path : walk.toList()) {
                String kind;
                if (path.getFileName().toString().equals(TrustMaterialExport.LOCK)) {
                    kind = "lock file"; // never opened: closing it would release the lock this JVM may hold (KitLock)
                } else if (Files.isSymbolicLink(path)) {
                    kind = "link to " + Files.readSymbolicLink(path);
                } else if (Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
                    kind = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(path)));
                } else {
                    kind = Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS) ? "dir" : "other";
                }
                hashes.put(dir.relativize(path), kind);
            }
        }
        return hashes;
    }
}
