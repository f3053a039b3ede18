package io.github.atstrust.testkit.picture;

/** How a certificate is drawn beyond its box and line. */
enum Look {
    /** The server sends it. */
    SENT,
    /** The chain's defect is on it. */
    DEFECT,
    /** Part of the chain, but the server does not send it (an incomplete chain). */
    UNSENT,
    /** The trust store holds it. */
    ANCHOR,
    /** An anchor the chain leads to. */
    LEADS_TO,
    /** A leaf, not a CA. */
    LEAF
}
