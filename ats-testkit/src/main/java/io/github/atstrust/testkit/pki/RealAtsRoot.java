package io.github.atstrust.testkit.pki;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The six real anchors of the Amazon Trust Services path, with their SHA-256 fingerprints and the public
 * certificates (as shipped by Debian's {@code ca-certificates}); each names its fake twin.
 *
 * <pre>boolean trusted = RealAtsRoot.AMAZON_ROOT_CA_1.matches(certificate);</pre>
 */
public enum RealAtsRoot {
    /** Amazon Root CA 1: RSA 2048, SHA-256, until 2038-01-17. */
    AMAZON_ROOT_CA_1("Amazon Root CA 1", "amazon-root-ca-1",
            "8ECDE6884F3D87B1125BA31AC3FCB13D7016DE7F57CC904FE1CB97C6AE98196E", FakeCa.AMAZON_ROOT_CA_1),
    /** Amazon Root CA 2: RSA 4096, SHA-384, until 2040-05-26. */
    AMAZON_ROOT_CA_2("Amazon Root CA 2", "amazon-root-ca-2",
            "1BA5B2AA8C65401A82960118F80BEC4F62304D83CEC4713A19C39C011EA46DB4", FakeCa.AMAZON_ROOT_CA_2),
    /** Amazon Root CA 3: EC P-256, until 2040-05-26. */
    AMAZON_ROOT_CA_3("Amazon Root CA 3", "amazon-root-ca-3",
            "18CE6CFE7BF14E60B2E347B8DFE868CB31D02EBB3ADA271569F50343B46DB3A4", FakeCa.AMAZON_ROOT_CA_3),
    /** Amazon Root CA 4: EC P-384, until 2040-05-26. */
    AMAZON_ROOT_CA_4("Amazon Root CA 4", "amazon-root-ca-4",
            "E35D28419ED02025CFA69038CD623962458DA5C695FBDEA3C22B0BFB25897092", FakeCa.AMAZON_ROOT_CA_4),
    /** Starfield Services Root Certificate Authority - G2, which cross-signs Amazon Root CA 1-4. */
    STARFIELD_SERVICES_ROOT_G2("Starfield Services Root Certificate Authority - G2", "starfield-services-root-g2",
            "568D6905A2C88708A4B3025190EDCFEDB1974A606A13C6E5290FCB2AE63EDAB5", FakeCa.STARFIELD_SERVICES_ROOT_G2),
    /** Starfield Class 2 Certification Authority: the legacy root that cross-signs G2. */
    STARFIELD_CLASS_2("Starfield Class 2 Certification Authority", "starfield-class-2",
            "1465FA205397B876FAA6F0A9958E5590E40FCC7FAA4FB7C2C8677521FB5FB658", FakeCa.STARFIELD_CLASS_2);

    private static final java.util.List<RealAtsRoot> AMAZON_ROOTS =
            java.util.List.of(AMAZON_ROOT_CA_1, AMAZON_ROOT_CA_2, AMAZON_ROOT_CA_3, AMAZON_ROOT_CA_4);

    private final String displayName;
    private final String id;
    private final String sha256Fingerprint;
    private final FakeCa fakeTwin;
    private volatile X509Certificate certificate;

    RealAtsRoot(String displayName, String id, String sha256Fingerprint, FakeCa fakeTwin) {
        this.displayName = displayName;
        this.id = id;
        this.sha256Fingerprint = sha256Fingerprint;
        this.fakeTwin = fakeTwin;
    }

    /**
     * Amazon Root CA 1-4, the roots ATS chains end at (the Starfield roots cross-sign them).
     *
     * @return the four Amazon roots, in order
     */
    public static java.util.List<RealAtsRoot> amazonRoots() {
        return AMAZON_ROOTS;
    }

    /**
     * The certificate's common name.
     *
     * @return e.g. {@code Amazon Root CA 1}
     */
    public String displayName() {
        return displayName;
    }

    /** {@return the same id as the fake twin's profile, e.g. {@code amazon-root-ca-1}} */
    public String id() {
        return id;
    }

    /** {@return the SHA-256 fingerprint of the real certificate: upper-case hex, no separators} */
    public String sha256Fingerprint() {
        return sha256Fingerprint;
    }

    /**
     * The last day the real certificate is valid (UTC), e.g. 2038-01-17 for Amazon Root CA 1 and 2034-06-29 for
     * Starfield Class 2.
     *
     * @return the date of the real certificate's notAfter
     */
    public java.time.LocalDate notAfter() {
        return certificate().getNotAfter().toInstant().atZone(java.time.ZoneOffset.UTC).toLocalDate();
    }

    /**
     * The first day the real certificate is valid (UTC), e.g. 2015-05-26 for Amazon Root CA 1.
     *
     * @return the date of the real certificate's notBefore
     */
    public java.time.LocalDate notBefore() {
        return certificate().getNotBefore().toInstant().atZone(java.time.ZoneOffset.UTC).toLocalDate();
    }

    /** {@return the name in a path: {@code G2}, {@code Class 2}, or the display name of an Amazon root} */
    String shortName() {
        return switch (this) {
            case STARFIELD_SERVICES_ROOT_G2 -> "G2";
            case STARFIELD_CLASS_2 -> "Class 2";
            default -> displayName;
        };
    }

    /** {@return the kit's fake certificate standing for this root} */
    public FakeCa fakeTwin() {
        return fakeTwin;
    }

    /** {@return the real certificate, from the fixtures} */
    public X509Certificate certificate() {
        X509Certificate loadedCertificate = certificate;
        if (loadedCertificate == null) {
            String file = "real/" + id + ".pem";
            loadedCertificate = FixturePem.certificate(file);
            certificate = loadedCertificate;
        }
        return loadedCertificate;
    }

    /**
     * Whether {@code candidate} is this root, byte for byte (by SHA-256 fingerprint).
     *
     * @param candidate any certificate
     * @return whether it is this root
     */
    public boolean matches(X509Certificate candidate) {
        // Equal DER is equal fingerprint; comparing bytes spares a SHA-256 per candidate (a mirror or an audit
        // of a 150-certificate store asks 900 times).
        return certificate().equals(candidate);
    }

    /**
     * Whether {@code candidate} is this root or another certificate with its subject and public key (a
     * re-issued copy), which a validator trusts alike.
     *
     * @param candidate any certificate
     * @return whether a validator trusts it as this root
     */
    public boolean isSameAnchor(X509Certificate candidate) {
        X509Certificate real = certificate();
        return matches(candidate) || (candidate.getSubjectX500Principal().equals(real.getSubjectX500Principal())
                && candidate.getPublicKey().equals(real.getPublicKey()));
    }

    /**
     * The SHA-256 fingerprint of a certificate, as {@link #sha256Fingerprint()} gives it.
     *
     * @param certificate any certificate
     * @return upper-case hex SHA-256 of its DER encoding, no separators
     */
    public static String fingerprint(X509Certificate certificate) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()))
                    .toUpperCase(Locale.ROOT);
        } catch (CertificateEncodingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot fingerprint " + certificate.getSubjectX500Principal(), e);
        }
    }
}
