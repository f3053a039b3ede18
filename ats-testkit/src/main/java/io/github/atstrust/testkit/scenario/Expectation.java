package io.github.atstrust.testkit.scenario;

import java.util.Locale;

/** What a correctly configured client should do with a scenario's chain. */
public enum Expectation {
    ACCEPT, REJECT;

    /** {@code accept} or {@code reject}, as in the manifest. */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
