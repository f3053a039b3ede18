package io.github.atstrust.testkit.audit;

/** How ready a trust store is for the chains AWS serves. */
public enum Verdict {
    /** Every Amazon Root CA is trusted, including by the ACM chains served since August 2024. */
    READY,
    /** Some chains are trusted, or only the older ones carrying the Starfield Class 2 cross-sign. */
    DEGRADED,
    /** No ATS chain is trusted. */
    NOT_READY
}
