package io.github.atstrust.testkit.scenario;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * A client setting that a verdict depends on: a scenario (or live endpoint) that {@code requires} one is judged
 * as declared only by clients configured that way. The manifest and reports write each as its {@link #id()}.
 *
 * <pre>Scenario.builder("my-revoked").requires(ClientSetting.REVOCATION_CHECKING)</pre>
 */
public enum ClientSetting {
    /** Revocation checking (OCSP or CRL) turned on for that client. */
    REVOCATION_CHECKING("revocation-checking"),
    /** A connect/handshake timeout. */
    TIMEOUT("timeout"),
    /**
     * An algorithm policy that refuses SHA-1 signatures and RSA keys under 2048 bits in server chains (OpenSSL at
     * security level 2, browsers). The JDK refuses SHA-1 only under its own cacerts anchors and RSA only under 1024
     * bits, so it accepts these chains under a custom anchor.
     */
    STRICT_ALGORITHM_POLICY("strict-algorithm-policy"),
    /**
     * Fetching a missing intermediate from the leaf's caIssuers URL (Chromium; the JDK with
     * {@code com.sun.security.enableAIAcaIssuers=true}).
     */
    AIA_FETCHING("aia-fetching"),
    /** An SMTP client (STARTTLS or TLS wrapper mode) instead of an HTTPS one. */
    SMTP("smtp");

    private final String id;

    ClientSetting(String id) {
        this.id = id;
    }

    /** {@return the id in manifests and reports, e.g. {@code revocation-checking}} */
    public String id() {
        return id;
    }

    /**
     * The setting with this id.
     *
     * @param id e.g. {@code timeout}
     * @return the setting
     * @throws IllegalArgumentException listing the valid ids
     */
    public static ClientSetting byId(String id) {
        return Arrays.stream(values()).filter(s -> s.id.equals(id)).findFirst().orElseThrow(() ->
                new IllegalArgumentException("unknown client setting '" + id + "'; valid: "
                        + Arrays.stream(values()).map(ClientSetting::id).collect(Collectors.joining(", "))));
    }

    /** {@return the {@link #id()}} */
    @Override
    public String toString() {
        return id;
    }
}
