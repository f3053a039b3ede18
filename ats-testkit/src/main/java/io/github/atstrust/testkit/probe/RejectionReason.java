package io.github.atstrust.testkit.probe;

/** Why a client refused a TLS connection, as classified from what it threw. */
public enum RejectionReason {
    /** No path to a trusted anchor: the chain ends at a root the client does not trust. */
    UNTRUSTED_ROOT,
    /** The certificate does not name the host the client connected to. */
    HOSTNAME_MISMATCH,
    EXPIRED,
    NOT_YET_VALID,
    REVOKED,
    /** The server did not send the intermediates needed to reach a trusted anchor. */
    INCOMPLETE_CHAIN,
    /** A signature algorithm or key size the client's policy refuses. */
    WEAK_ALGORITHM,
    /** No common protocol version or cipher suite, or another TLS protocol failure. */
    PROTOCOL,
    /** The connection or handshake did not complete in time. */
    TIMEOUT,
    /** Anything else; the cause is kept in the outcome. */
    OTHER
}
