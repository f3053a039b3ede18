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
 * signature algorithm, no revocation URLs.
 * <pre>LeafSpec.forHosts("localhost", "127.0.0.1").keyType(KeyType.EC_P256).validity(Duration.ofDays(-60), Duration.ofDays(30))</pre>
 *
 * @param notBeforeOffset start of validity relative to issuance (negative: in the past)
 * @param validity        length of validity, at most {@link #MAX_VALIDITY}
 * @param signatureAlgorithm JCA name, or {@code null} for the issuer's default
 * @param crlUri          CRL distribution point, or {@code null}
 * @param ocspUri         OCSP responder for the AIA extension, or {@code null}
 */
public record LeafSpec(List<String> hostNames, KeyType keyType, Duration notBeforeOffset, Duration validity,
                       String signatureAlgorithm, List<Purpose> extendedKeyUsage, URI crlUri, URI ocspUri) {

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
                List.of(Purpose.SERVER_AUTH), null, null);
    }

    public LeafSpec keyType(KeyType type) {
        return new LeafSpec(hostNames, type, notBeforeOffset, validity, signatureAlgorithm, extendedKeyUsage, crlUri,
                ocspUri);
    }

    /** Validity starting {@code notBeforeOffset} from issuance (negative: in the past) and lasting {@code length}. */
    public LeafSpec validity(Duration notBeforeOffset, Duration length) {
        return new LeafSpec(hostNames, keyType, notBeforeOffset, length, signatureAlgorithm, extendedKeyUsage, crlUri,
                ocspUri);
    }

    public LeafSpec signatureAlgorithm(String algorithm) {
        return new LeafSpec(hostNames, keyType, notBeforeOffset, validity, algorithm, extendedKeyUsage, crlUri,
                ocspUri);
    }

    public LeafSpec extendedKeyUsage(Purpose... purposes) {
        return new LeafSpec(hostNames, keyType, notBeforeOffset, validity, signatureAlgorithm, List.of(purposes),
                crlUri, ocspUri);
    }

    /** Adds a CRL distribution point and an OCSP AIA entry. */
    public LeafSpec revocation(URI crl, URI ocsp) {
        return new LeafSpec(hostNames, keyType, notBeforeOffset, validity, signatureAlgorithm, extendedKeyUsage, crl,
                ocsp);
    }
}
