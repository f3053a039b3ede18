package io.github.atstrust.cli;

import io.github.atstrust.testkit.audit.TrustStoreSource;
import picocli.CommandLine.Option;

/** How {@code audit} and {@code diff} read a trust store: its password and the size limit (a picocli mixin). */
final class StoreReadingOptions {

    @Option(names = "--password", paramLabel = "P", description = "Key store password (default: changeit).")
    private char[] password;

    @Option(names = "--max-size", paramLabel = "MB", defaultValue = "16",
            description = "Largest trust store read, in MiB (default: ${DEFAULT-VALUE}); bigger input is refused as bad input.")
    private int maxSizeMb;

    /** {@code jvm}, {@code docker:IMAGE} or a path, read with these options. */
    TrustStoreSource source(String spec) {
        if (maxSizeMb <= 0) {
            throw new IllegalArgumentException("--max-size " + maxSizeMb + ": give a positive number of MiB");
        }
        return TrustStoreSource.parse(spec, password).withMaxBytes(maxSizeMb * 1024L * 1024L);
    }
}
