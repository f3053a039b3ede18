package io.github.atstrust.testkit.audit;

/** Something about a store worth knowing beyond the verdict. */
public record Finding(Kind kind, String message) {

    /** What was found. */
    public enum Kind {
        /** A certificate of the ATS Trust Kit's fake hierarchy in a real store: always a failure. */
        FAKE_TEST_ROOT,
        /** A certificate in the store whose validity has ended. */
        EXPIRED_ANCHOR,
        /** An entry that could not be read. */
        UNREADABLE_ENTRY;

        /** Whether this finding alone makes the store fail the audit. */
        public boolean isFailure() {
            return this == FAKE_TEST_ROOT;
        }
    }
}
