package io.github.atstrust.testkit.pki;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What a leaf certificate minted at runtime looks like: host names (DNS names or IP literals, all in
 * the SAN), key type, validity relative to the moment of issuance, signature algorithm, extended key
 * usage, and whether a server that publishes its CAs may give it a caIssuers URL.
 *
 * <p>Defaults: RSA 2048, valid from one hour ago for 30 days, EKU serverAuth and clientAuth (as on ACM leaves), the
 * issuer's usual signature algorithm; the server that serves it adds its own CRL, OCSP and caIssuers URLs.
 * <pre>LeafSpec.forHosts("localhost", "127.0.0.1").keyType(KeyType.EC_P256).validity(Duration.ofDays(-60), Duration.ofDays(30))</pre>
 *
 * @param hostNames       DNS names or IP literals, all in the subject alternative name; the first is the CN
 * @param keyType         the leaf's key type (keys come from the fixtures' pool)
 * @param notBeforeOffset start of validity relative to issuance (negative: in the past; a server issues at the
 *                        start of the UTC hour)
 * @param validity        length of validity, at most {@link #MAX_VALIDITY}
 * @param signatureAlgorithm JCA name, or {@code null} for the issuer's default
 * @param clientAuth      whether the extended key usage is clientAuth only, instead of ACM's serverAuth and
 *                        clientAuth (a leaf no TLS client should accept from a server)
 * @param publishesIssuer whether a server that publishes its CAs gives this leaf a caIssuers URL (true by
 *                        default; false for a leaf whose missing intermediate no client can fetch)
 */
public record LeafSpec(List<String> hostNames, KeyType keyType, Duration notBeforeOffset, Duration validity,
                       String signatureAlgorithm, boolean clientAuth, boolean publishesIssuer) {

    /** Leaves never live longer than this: short-lived test material. */
    public static final Duration MAX_VALIDITY = Duration.ofDays(90);

    /**
     * Checks the names and the validity.
     *
     * @param hostNames          DNS names or IP literals
     * @param keyType            the leaf's key type
     * @param notBeforeOffset    start of validity relative to issuance
     * @param validity           length of validity
     * @param signatureAlgorithm JCA name, or {@code null}
     * @param clientAuth         whether the EKU is clientAuth only instead of serverAuth and clientAuth
     * @param publishesIssuer    whether a publishing server gives it a caIssuers URL
     * @throws IllegalArgumentException without host names, or with a validity outside 1 second to 90 days
     */
    public LeafSpec {
        hostNames = List.copyOf(hostNames);
        Objects.requireNonNull(keyType, "keyType");
        Objects.requireNonNull(notBeforeOffset, "notBeforeOffset");
        if (hostNames.isEmpty()) {
            throw new IllegalArgumentException("a leaf needs at least one host name");
        }
        if (validity.isNegative() || validity.isZero() || validity.compareTo(MAX_VALIDITY) > 0) {
            throw new IllegalArgumentException("leaf validity must be between 1 second and " + MAX_VALIDITY.toDays()
                    + " days, was " + validity);
        }
    }

    /**
     * A serverAuth RSA 2048 leaf for the given host names, valid from one hour ago for 30 days.
     *
     * @param hostNames DNS names or IP literals, e.g. {@code localhost}, {@code 127.0.0.1},
     *                  {@code dynamodb.eu-west-3.amazonaws.com}
     * @return the spec, to refine with the other methods
     */
    public static LeafSpec forHosts(String... hostNames) {
        return new LeafSpec(List.of(hostNames), KeyType.RSA_2048, Duration.ofHours(-1), Duration.ofDays(30), null,
                false, true);
    }

    /**
     * With another key type.
     *
     * @param type RSA 2048/4096 or EC P-256/P-384
     * @return a copy with that key type
     */
    public LeafSpec keyType(KeyType type) {
        return new LeafSpec(hostNames, type, notBeforeOffset, validity, signatureAlgorithm, clientAuth, publishesIssuer);
    }

    /**
     * With another validity, e.g. {@code validity(Duration.ofDays(-60), Duration.ofDays(30))} for an expired leaf.
     *
     * @param notBeforeOffset start of validity relative to issuance (negative: in the past; a server issues at the
     *                        start of the UTC hour)
     * @param length          how long it is valid, at most {@link #MAX_VALIDITY}
     * @return a copy with that validity
     */
    public LeafSpec validity(Duration notBeforeOffset, Duration length) {
        return new LeafSpec(hostNames, keyType, notBeforeOffset, length, signatureAlgorithm, clientAuth, publishesIssuer);
    }

    /**
     * Signed with another algorithm than the issuer's usual one.
     *
     * @param algorithm a JCA name, e.g. {@code SHA1withRSA}
     * @return a copy signed that way
     */
    public LeafSpec signatureAlgorithm(String algorithm) {
        return new LeafSpec(hostNames, keyType, notBeforeOffset, validity, algorithm, clientAuth, publishesIssuer);
    }

    /**
     * With the extended key usage clientAuth only (no serverAuth): a leaf servers must not present.
     *
     * @return a copy for client authentication only
     */
    public LeafSpec clientAuthOnly() {
        return new LeafSpec(hostNames, keyType, notBeforeOffset, validity, signatureAlgorithm, true, publishesIssuer);
    }

    /**
     * A leaf that never carries a caIssuers URL: a client that fetches missing intermediates cannot find its issuer.
     *
     * @return a copy without an issuer URL, even once published
     */
    public LeafSpec withoutIssuerUrl() {
        return new LeafSpec(hostNames, keyType, notBeforeOffset, validity, signatureAlgorithm, clientAuth, false);
    }
}
