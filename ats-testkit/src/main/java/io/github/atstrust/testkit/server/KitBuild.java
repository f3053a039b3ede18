package io.github.atstrust.testkit.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.stream.Stream;

/**
 * Which build of the kit's code signs: its jar (path, size, time), or, run from a build's classes, the newest class
 * file of its packages; part of every {@link SignedMaterialCache} key, so another build never reads this one's entries.
 */
final class KitBuild {

    private static volatile String id;

    private KitBuild() {
    }

    static String id() {
        String known = id;
        if (known != null) {
            return known;
        }
        try {
            Path location = Path.of(ServedChains.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isRegularFile(location)) {
                known = location + " " + Files.size(location) + " " + Files.getLastModifiedTime(location).toMillis();
            } else {
                try (Stream<Path> classes = Files.walk(location)) {
                    known = location + " " + classes.filter(f -> f.toString().endsWith(".class"))
                            .mapToLong(f -> f.toFile().lastModified()).max().orElse(0);
                }
            }
        } catch (IOException | java.net.URISyntaxException | RuntimeException unknown) {
            known = "unknown " + Instant.now();
        }
        id = known;
        return known;
    }
}
