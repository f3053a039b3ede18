package io.github.atstrust.testkit.audit;

import io.github.atstrust.testkit.pki.RealAtsRoot;
import java.util.Objects;

/**
 * Whether a store holds one real ATS anchor, and under which entry.
 *
 * @param anchor the real root looked for
 * @param entry  the store entry that holds it (alias or file name), or {@code null} when absent
 * @param exact  whether that entry is the same certificate byte for byte (SHA-256 fingerprint); {@code false}
 *               for another certificate with the same subject and public key (a re-issued copy, trusted alike)
 *               and when absent
 */
public record AnchorStatus(RealAtsRoot anchor, String entry, boolean exact) {

    /**
     * Checks that only a present anchor is exact.
     *
     * @param anchor the real root looked for
     * @param entry  the entry holding it, or {@code null}
     * @param exact  whether the entry is the same certificate byte for byte
     * @throws IllegalArgumentException for an absent anchor marked exact
     */
    public AnchorStatus {
        Objects.requireNonNull(anchor, "anchor");
        if (entry == null && exact) {
            throw new IllegalArgumentException("an absent anchor cannot be an exact match");
        }
    }

    /**
     * Whether the store holds this anchor, exactly or as a re-issued copy.
     *
     * @return {@code true} when {@link #entry()} names it
     */
    public boolean present() {
        return entry != null;
    }
}
