package io.github.atstrust.testkit.pki;

import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Every certificate of the fake ATS twin and of the untrusted hierarchies, by its export name.
 *
 * <p>Self-signed roots and intermediates come with a private key; cross-certificates share the key of
 * their self-signed twin.
 */
public enum FakeCa {
    /** Fake twin of Amazon Root CA 1: self-signed, RSA 2048, SHA-256. */
    AMAZON_ROOT_CA_1("amazon-root-ca-1", null),
    /** Fake twin of Amazon Root CA 2: self-signed, RSA 4096, SHA-384. */
    AMAZON_ROOT_CA_2("amazon-root-ca-2", null),
    /** Fake twin of Amazon Root CA 3: self-signed, EC P-256. */
    AMAZON_ROOT_CA_3("amazon-root-ca-3", null),
    /** Fake twin of Amazon Root CA 4: self-signed, EC P-384. */
    AMAZON_ROOT_CA_4("amazon-root-ca-4", null),
    /** Fake twin of Starfield Services Root Certificate Authority - G2: self-signed. */
    STARFIELD_SERVICES_ROOT_G2("starfield-services-root-g2", null),
    /** Fake twin of Starfield Class 2 Certification Authority: the legacy root, self-signed with SHA-1. */
    STARFIELD_CLASS_2("starfield-class-2", null),
    /** Amazon Root CA 1 cross-signed by Starfield Services G2 (the key of {@link #AMAZON_ROOT_CA_1}). */
    AMAZON_ROOT_CA_1_CROSS_G2("amazon-root-ca-1-cross-g2", AMAZON_ROOT_CA_1),
    /** Amazon Root CA 2 cross-signed by Starfield Services G2. */
    AMAZON_ROOT_CA_2_CROSS_G2("amazon-root-ca-2-cross-g2", AMAZON_ROOT_CA_2),
    /** Amazon Root CA 3 cross-signed by Starfield Services G2. */
    AMAZON_ROOT_CA_3_CROSS_G2("amazon-root-ca-3-cross-g2", AMAZON_ROOT_CA_3),
    /** Amazon Root CA 4 cross-signed by Starfield Services G2. */
    AMAZON_ROOT_CA_4_CROSS_G2("amazon-root-ca-4-cross-g2", AMAZON_ROOT_CA_4),
    /** Starfield Services G2 cross-signed by Starfield Class 2: the link old clients build through. */
    STARFIELD_SERVICES_ROOT_G2_CROSS_CLASS_2("starfield-services-root-g2-cross-class-2", STARFIELD_SERVICES_ROOT_G2),
    /**
     * {@link #STARFIELD_SERVICES_ROOT_G2_CROSS_CLASS_2} as it will be after 2034-06-28: the same cross-sign, ended
     * 2025-06-28.
     */
    STARFIELD_SERVICES_ROOT_G2_CROSS_CLASS_2_EXPIRED("starfield-services-root-g2-cross-class-2-expired",
            STARFIELD_SERVICES_ROOT_G2),
    /** {@link #AMAZON_ROOT_CA_1_CROSS_G2} as it will be after 2037-12-31: the same cross-sign, ended 2025-12-31. */
    AMAZON_ROOT_CA_1_CROSS_G2_EXPIRED("amazon-root-ca-1-cross-g2-expired", AMAZON_ROOT_CA_1),
    /** {@link #AMAZON_ROOT_CA_3_CROSS_G2} as it will be after 2037-12-31: the same cross-sign, ended 2025-12-31. */
    AMAZON_ROOT_CA_3_CROSS_G2_EXPIRED("amazon-root-ca-3-cross-g2-expired", AMAZON_ROOT_CA_3),
    /** Intermediate under Amazon Root CA 1 (RSA 2048, pathLen 0). */
    AMAZON_RSA_2048_M01("amazon-rsa-2048-m01", null),
    /** Second intermediate under Amazon Root CA 1, for rotation scenarios. */
    AMAZON_RSA_2048_M02("amazon-rsa-2048-m02", null),
    /** Intermediate under Amazon Root CA 2 (RSA 4096). */
    AMAZON_RSA_4096_M01("amazon-rsa-4096-m01", null),
    /** Intermediate under Amazon Root CA 3 (EC P-256). */
    AMAZON_ECDSA_256_M01("amazon-ecdsa-256-m01", null),
    /** Intermediate under Amazon Root CA 4 (EC P-384). */
    AMAZON_ECDSA_384_M01("amazon-ecdsa-384-m01", null),
    /**
     * The issuing CA under Amazon Root CA 1 of the generation after 2022's (which ends 2030-08-23): not published
     * by AWS yet, so the kit's own shape of it (RSA 2048, like M01), valid 2025-08-23 to 2037-12-31.
     */
    AMAZON_RSA_2048_NEXT("amazon-rsa-2048-next", null),
    /** The next generation's issuing CA under Amazon Root CA 2 (RSA 4096). */
    AMAZON_RSA_4096_NEXT("amazon-rsa-4096-next", null),
    /** The next generation's issuing CA under Amazon Root CA 3 (EC P-256). */
    AMAZON_ECDSA_256_NEXT("amazon-ecdsa-256-next", null),
    /** The next generation's issuing CA under Amazon Root CA 4 (EC P-384). */
    AMAZON_ECDSA_384_NEXT("amazon-ecdsa-384-next", null),
    /** Issued by Amazon Root CA 1 with CA:false: a chain through it must fail. */
    NOT_A_CA_INTERMEDIATE("not-a-ca-intermediate", null),
    /** A CA issued by the pathLen-0 intermediate {@link #AMAZON_RSA_2048_NEXT}: a chain through it exceeds the path length. */
    SUB_CA_BEYOND_PATH_LENGTH("sub-ca-beyond-path-length", null),
    /** A root no profile trusts, like {@code untrusted-root.badssl.com}'s. */
    UNTRUSTED_ROOT("untrusted-root", null),
    /** The intermediate under {@link #UNTRUSTED_ROOT}. */
    UNTRUSTED_INTERMEDIATE("untrusted-intermediate", null),
    /** An unrelated public root: the only anchor of the {@code no-ats} profile. */
    OTHER_PUBLIC_ROOT("other-public-root", null);

    private final String id;
    private final FakeCa keyOf;

    FakeCa(String id, FakeCa keyOf) {
        this.id = id;
        this.keyOf = keyOf;
    }

    /** {@return the export name, e.g. {@code amazon-root-ca-1-cross-g2}} */
    public String id() {
        return id;
    }

    /** {@return the certificate, loaded from the fixtures} */
    public X509Certificate certificate() {
        return FakeAtsHierarchy.load().certificate(this);
    }

    /**
     * The CA that signs in this one's place on {@code day}: itself, or, once one of 2022's issuing CAs (M01, M02,
     * RSA 4096 M01, ECDSA 256 M01, ECDSA 384 M01) has ended on 2030-08-23, the next generation under the same root,
     * as ACM's chains will move. The kit's good scenarios are served this way, so they outlive the fixtures of
     * today's issuing CAs.
     *
     * @param day the day chains are minted for
     * @return this CA or its successor
     */
    public FakeCa inServiceOn(java.time.LocalDate day) {
        FakeCa next = switch (this) {
            case AMAZON_RSA_2048_M01, AMAZON_RSA_2048_M02 -> AMAZON_RSA_2048_NEXT;
            case AMAZON_RSA_4096_M01 -> AMAZON_RSA_4096_NEXT;
            case AMAZON_ECDSA_256_M01 -> AMAZON_ECDSA_256_NEXT;
            case AMAZON_ECDSA_384_M01 -> AMAZON_ECDSA_384_NEXT;
            default -> this;
        };
        boolean ended = certificate().getNotAfter().toInstant().isBefore(day.atStartOfDay(java.time.ZoneOffset.UTC).toInstant());
        return ended ? next : this;
    }

    /** The certificate whose key this one uses: itself, or the self-signed twin of a cross-certificate. */
    FakeCa keyHolder() {
        return keyOf == null ? this : keyOf;
    }

    /**
     * Looks a CA up by export name.
     *
     * @param id e.g. {@code amazon-root-ca-1-cross-g2}
     * @return the CA
     * @throws IllegalArgumentException listing the valid names when there is none
     */
    public static FakeCa byId(String id) {
        return Arrays.stream(values()).filter(ca -> ca.id.equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown fake CA '" + id + "'; valid names: "
                        + Arrays.stream(values()).map(FakeCa::id).collect(Collectors.joining(", "))));
    }
}
