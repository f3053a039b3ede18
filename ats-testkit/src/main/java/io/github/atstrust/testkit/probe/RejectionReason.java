package io.github.atstrust.testkit.probe;

/**
 * Why a client refused a server during the TLS handshake, as classified from what it threw or printed. Every
 * scenario declares the reason a correctly configured client gives; {@link #OTHER} is for the unforeseen only
 * and no expectation declares it.
 */
public enum RejectionReason {
    /** No path to a trusted anchor: the chain ends at a root the client does not trust. */
    UNTRUSTED_ROOT,
    /** The certificate does not name the host the client connected to. */
    HOSTNAME_MISMATCH,
    /** A certificate of the chain is past its validity. */
    EXPIRED,
    /** A certificate of the chain is not valid yet. */
    NOT_YET_VALID,
    /** A certificate of the chain was revoked by its issuer (CRL or OCSP). */
    REVOKED,
    /** The server did not send the intermediates needed to reach a trusted anchor. */
    INCOMPLETE_CHAIN,
    /** A certificate that issued another one is not a CA (basic constraints CA:false, or no keyCertSign). */
    NOT_A_CA,
    /** A CA's path length constraint is exceeded by the CAs below it. */
    PATH_LENGTH_EXCEEDED,
    /** The leaf's extended key usage does not permit TLS server authentication. */
    WRONG_EXTENDED_KEY_USAGE,
    /** A signature algorithm or key size the client's policy refuses. */
    WEAK_ALGORITHM,
    /** No common protocol version or cipher suite, or another TLS protocol failure. */
    PROTOCOL,
    /** The TLS handshake did not complete in time (a connect timeout before any TLS byte is no verdict). */
    TIMEOUT,
    /** A TLS failure of the client no rule classifies yet; the cause is kept in the outcome. */
    OTHER
}
