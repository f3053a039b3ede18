package io.github.atstrust.testkit.audit;

import java.util.Objects;

/**
 * One thing an audit found in a store besides its anchors: a kit test root or a lookalike of an ATS anchor (a
 * failure, whatever the verdict), an expired entry or one that could not be read (worth knowing, not a failure).
 *
 * <pre>report.findings().stream().filter(AuditFinding::failure).forEach(f -> System.out.println(f.entry()));</pre>
 *
 * @param kind    what was found
 * @param entry   the alias or file it is about
 * @param message the finding in words, with what to do
 */
public record AuditFinding(Kind kind, String entry, String message) {

    /** What an audit can find; {@code audit --json} writes these names. */
    public enum Kind {
        /**
         * ATS Trust Kit test material, which must never be in a real trust store: a kit certificate, or any
         * certificate with a key the kit ships. The audit fails.
         */
        FAKE_TEST_ROOT,
        /** A certificate named like a real ATS anchor that holds another key. The audit fails. */
        LOOKALIKE_ANCHOR,
        /** A certificate whose validity has ended. */
        EXPIRED_ANCHOR,
        /** An entry or file that could not be read as a certificate. */
        UNREADABLE_ENTRY
    }

    /**
     * Checks every part is there.
     *
     * @param kind    what was found
     * @param entry   the alias or file it is about
     * @param message the finding in words
     */
    public AuditFinding {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(entry, "entry");
        Objects.requireNonNull(message, "message");
    }

    /** {@return whether it fails the audit ({@link Kind#FAKE_TEST_ROOT} and {@link Kind#LOOKALIKE_ANCHOR} do)} */
    public boolean failure() {
        return kind == Kind.FAKE_TEST_ROOT || kind == Kind.LOOKALIKE_ANCHOR;
    }

    /** {@return the {@link #message()}} */
    @Override
    public String toString() {
        return message;
    }
}
