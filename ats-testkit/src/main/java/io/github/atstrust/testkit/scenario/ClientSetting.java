package io.github.atstrust.testkit.scenario;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
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
    SMTP("smtp"),
    /**
     * OpenSSL's X509 strict checks ({@code openssl -x509_strict}; Python 3.13's default context): a CA whose basic
     * constraints are not critical, or that has no key usage, is refused ({@link #x509StrictProblem}), so Starfield
     * Class 2 is no anchor. No scenario requires it: it changes what a client trusts, and every scenario declares
     * its verdict under it ({@code Scenario.expectedOutcomeFor(profile, settings)}).
     */
    X509_STRICT("x509-strict");

    private static final String BASIC_CONSTRAINTS = "2.5.29.19";

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

    /**
     * Why X509 strict mode refuses {@code ca} as a CA certificate (an anchor included), if it does.
     *
     * @param ca a CA certificate
     * @return e.g. {@code basic constraints not marked critical, no key usage} for Starfield Class 2; empty when it passes
     */
    public static Optional<String> x509StrictProblem(X509Certificate ca) {
        List<String> problems = new ArrayList<>();
        if (!ca.getCriticalExtensionOIDs().contains(BASIC_CONSTRAINTS)) {
            problems.add(ca.getExtensionValue(BASIC_CONSTRAINTS) == null ? "no basic constraints"
                    : "basic constraints not marked critical");
        }
        if (ca.getKeyUsage() == null) {
            problems.add("no key usage");
        }
        return problems.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", problems));
    }

    /** {@return the {@link #id()}} */
    @Override
    public String toString() {
        return id;
    }
}
