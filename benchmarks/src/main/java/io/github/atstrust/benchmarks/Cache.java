package io.github.atstrust.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The kit's signing cache in a measured run: {@code COLD} an empty one per run (the first start after a build),
 * {@code WARM} one directory, filled by an unmeasured run first (every later start with the same inputs).
 */
enum Cache {
    COLD, WARM;

    /** A directory for one figure's runs. */
    static Path directory() throws IOException {
        return Files.createTempDirectory("ats-bench-cache-");
    }

    /** The JVM option of run {@code run}: the shared directory when warm, a fresh one per run when cold. */
    String jvmOption(Path directory, int run) throws IOException {
        Path used = this == WARM ? directory : Files.createDirectories(directory.resolve("run-" + run));
        return "-Dats.cache.dir=" + used;
    }

    /** The first run index: a warm figure starts with an unmeasured run that fills the cache. */
    int firstRun() {
        return this == WARM ? -1 : 0;
    }
}
