package io.github.atstrust.testkit.pki;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What a leaf certificate minted at runtime looks like: host names (DNS names or IP literals, all in
 * the SAN), key type, validity relative to the moment of issuance, signature algorithm, extended key
 * usage and revocation URLs.
 *
 * <p>Defaults: RSA 2048, valid from one hour ago for 30 days, EKU serverAuth, the issuer's usual
 * signature algorithm, no URLs until a server publishes them ({@link #publishedAt}).
 * <pre>LeafSpec.forHosts("localhost", "127.0.0.1").keyType(KeyType.EC_P256).validity(Duration.ofDays(-60), Duration.ofDays(30))</pre>
 *
 * @param notBeforeOffset start of validity relative to issuance (negative: in the past)
 * @param validity        length of validity, at most {@link #MAX_VALIDITY}
 * @param signatureAlgorithm JCA name, or {@code null} for the issuer's default
 * @param crlUri          CRL distribution point, or {@code null}
 * @param ocspUri         OCSP responder for the AIA extension, or {@code null}
 * @param caIssuersUri    URL of the issuer's certificate for the AIA extension, or {@code null}
 * @param publishesIssuer whether a server that publishes its CAs gives this leaf a caIssuers URL (true by
 *                        default; false for a leaf whose missing intermediate no client can fetch)
 */
public record LeafSpec(List<String> hostNames, KeyType keyType, Duration notBeforeOffset, Duration validity,
                       String signatureAlgorithm, List<Purpose> extendedKeyUsage, URI crlUri, URI ocspUri,
                       URI caIssuersUri, boolean publishesIssuer) {

    /** Leaves never live longer than this: short-lived test material. */
    public static final Duration MAX_VALIDITY = Duration.ofDays(90);

    /** Extended key usages a leaf can carry. */
    public enum Purpose { SERVER_AUTH, CLIENT_AUTH }

    public LeafSpec {
        hostNames = List.copyOf(hostNames);
        extendedKeyUsage = List.copyOf(extendedKeyUsage);
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

    /** A serverAuth RSA 2048 leaf for the given host names, valid now for 30 days. */
    public static LeafSpec forHosts(String... hostNames) {
        return new LeafSpec(List.of(hostNames), KeyType.RSA_2048, Duration.ofHours(-1), Duration.ofDays(30), null,
                List.of(Purpose.SERVER_AUTH), null, null, null, true);
    }

    public LeafSpec keyType(KeyType type) {
        return new LeafSpec(hostNames, type, notBeforeOffset, validity, signatureAlgorithm, extendedKeyUsage, crlUri, ocspUri,
                caIssuersUri, publishesIssuer);
    }

    /** Validity starting {@code notBeforeOffset} from issuance (negative: in the past) and lasting {@code length}. */
    public LeafSpec validity(Duration notBeforeOffset, Duration length) {
        return new LeafSpec(hostNames, keyType, notBeforeOffset, length, signatureAlgorithm, extendedKeyUsage, crlUri, ocspUri,
                caIssuersUri, publishesIssuer);
    }

    public LeafSpec signatureAlgorithm(String algorithm) {
        return new LeafSpec(hostNames, keyType, notBeforeOffset, validity, algorithm, extendedKeyUsage, crlUri, ocspUri,
                caIssuersUri, publishesIssuer);
    }

    public LeafSpec extendedKeyUsage(Purpose... purposes) {
        return new LeafSpec(hostNames, keyType, notBeforeOffset, validity, signatureAlgorithm, List.of(purposes), crlUri, ocspUri,
                caIssuersUri, publishesIssuer);
    }

    /**
     * With the URLs of a server that publishes its CAs: a CRL distribution point, an OCSP responder and, when
     * {@link #publishesIssuer()}, a caIssuers URL for the issuer's certificate (each may be {@code null}).
     */
    public LeafSpec publishedAt(URI crl, URI ocsp, URI caIssuers) {
        return new LeafSpec(hostNames, keyType, notBeforeOffset, validity, signatureAlgorithm, extendedKeyUsage, crl,
                ocsp, publishesIssuer ? caIssuers : null, publishesIssuer);
    }

    /** A leaf that never carries a caIssuers URL: a client that fetches missing intermediates cannot find its issuer. */
    public LeafSpec withoutIssuerUrl() {
        return new LeafSpec(hostNames, keyType, notBeforeOffset, validity, signatureAlgorithm, extendedKeyUsage, crlUri,
                ocspUri, null, false);
    }
}
