package io.github.atstrust.testkit.audit;

import io.github.atstrust.testkit.pki.RealAtsRoot;

/**
 * Whether a store holds one real ATS anchor.
 *
 * @param match  how it was found
 * @param entry  the store entry that matched, or {@code null}
 */
public record AnchorStatus(RealAtsRoot anchor, Match match, String entry) {

    /** How an anchor was found. */
    public enum Match {
        /** The same certificate, byte for byte (SHA-256 fingerprint). */
        EXACT,
        /** Another certificate with the same subject and public key (e.g. a re-issued copy): trusted alike. */
        SAME_SUBJECT_AND_KEY,
        ABSENT
    }

    public boolean present() {
        return match != Match.ABSENT;
    }
}
