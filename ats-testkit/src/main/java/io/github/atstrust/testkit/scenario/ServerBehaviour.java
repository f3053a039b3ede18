package io.github.atstrust.testkit.scenario;

/** How a scenario's server behaves beyond presenting its chain. */
public enum ServerBehaviour {
    /** A normal TLS 1.2/1.3 server. */
    NORMAL,
    /** Normal, and the leaf is listed as revoked in its issuer's CRL and by the OCSP responder. */
    REVOKED_LEAF,
    /**
     * Normal, but the intermediate that issued the leaf is a copy its issuer revoked (CRL and OCSP); the leaf
     * itself is good.
     */
    REVOKED_INTERMEDIATE,
    /** Only TLS 1.2 is enabled. */
    TLS12_ONLY,
    /** Accepts TCP connections and never answers the ClientHello (closed after a bounded time). */
    STALL_HANDSHAKE
}
