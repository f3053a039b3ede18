package io.github.atstrust.testkit.pki;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.X509Certificate;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;

/**
 * The real CA certificates of the Amazon Trust Services hierarchy below its six roots ({@link RealAtsRoot}): the
 * Amazon roots cross-signed by Starfield Services G2, G2 cross-signed by Starfield Class 2, and the issuing CAs
 * of 2022 (Amazon RSA 2048 M01-M04, ...) and of 2015-2018 ("Amazon Server CA"). Public certificates, as AWS
 * publishes them, in the fixtures beside the roots; each knows its issuer, its end date and its fake twin.
 *
 * <pre>LocalDate last = RealAtsCertificate.AMAZON_RSA_2048_M01.notAfter(); // 2030-08-23</pre>
 */
public enum RealAtsCertificate {
    /** Amazon Root CA 1 cross-signed by Starfield Services G2, the issue ACM chains send (until 2037-12-31). */
    AMAZON_ROOT_CA_1_CROSS_G2("amazon-root-ca-1-cross-g2",
            "87DCD4DC74640A322CD205552506D1BE64F12596258096544986B4850BC72706", FakeCa.AMAZON_ROOT_CA_1_CROSS_G2),
    /** The other issue of Amazon Root CA 1 cross-signed by G2 (serial 067b504a, 2015-10-21). */
    AMAZON_ROOT_CA_1_CROSS_G2_SERIAL_067B504A("amazon-root-ca-1-cross-g2-serial-067b504a",
            "391220705B75BCF3ED3CD4B3631213F569D2CF8226101E170799A5354AB12861", FakeCa.AMAZON_ROOT_CA_1_CROSS_G2),
    /** Amazon Root CA 2 cross-signed by Starfield Services G2. */
    AMAZON_ROOT_CA_2_CROSS_G2("amazon-root-ca-2-cross-g2",
            "8B358466D66126312120645A5875A6A57E3C81D98476A967604244254EAC00F0", FakeCa.AMAZON_ROOT_CA_2_CROSS_G2),
    /** Amazon Root CA 3 cross-signed by Starfield Services G2. */
    AMAZON_ROOT_CA_3_CROSS_G2("amazon-root-ca-3-cross-g2",
            "40C826FDB22BA32A2F9DB4F94770F72B8B1DA9C8FFDA7B11E6F27AF245C89B5E", FakeCa.AMAZON_ROOT_CA_3_CROSS_G2),
    /** Amazon Root CA 4 cross-signed by Starfield Services G2. */
    AMAZON_ROOT_CA_4_CROSS_G2("amazon-root-ca-4-cross-g2",
            "543D9B7FC2A6471CD84FCA52C2CF6159DF83EBFCD88D8B08B5AF3F88737F52E6", FakeCa.AMAZON_ROOT_CA_4_CROSS_G2),
    /** Starfield Services G2 cross-signed by Starfield Class 2, the link of the pre-2024 chains (until 2034-06-28). */
    STARFIELD_SERVICES_ROOT_G2_CROSS_CLASS_2("starfield-services-root-g2-cross-class-2",
            "28689B30E4C306AAB53B027B29E36AD6DD1DCF4B953994482CA84BDC1ECAC996",
            FakeCa.STARFIELD_SERVICES_ROOT_G2_CROSS_CLASS_2),
    /** The other issue of G2 cross-signed by Class 2 (serial d8c93343, 2009-08-30). */
    STARFIELD_SERVICES_ROOT_G2_CROSS_CLASS_2_SERIAL_D8C93343("starfield-services-root-g2-cross-class-2-serial-d8c93343",
            "2D12B619A660CEFB013271831D891213FC434E982A21568256CF4E2E86324BEA",
            FakeCa.STARFIELD_SERVICES_ROOT_G2_CROSS_CLASS_2),
    /** Amazon RSA 2048 M01, a 2022 issuing CA under Amazon Root CA 1 (until 2030-08-23). */
    AMAZON_RSA_2048_M01("amazon-rsa-2048-m01", "5338EBEC8FB2AC60996126D3E76AA34FD0F3318AC78EBB7AC8F6F1361F484B33",
            FakeCa.AMAZON_RSA_2048_M01),
    /** Amazon RSA 2048 M02, under Amazon Root CA 1. */
    AMAZON_RSA_2048_M02("amazon-rsa-2048-m02", "B0F330A31A0C50987E1C3A7BB02C2DDA682991D3165B517BD44FBA4A6020BD94",
            FakeCa.AMAZON_RSA_2048_M02),
    /** Amazon RSA 2048 M03, under Amazon Root CA 1. */
    AMAZON_RSA_2048_M03("amazon-rsa-2048-m03", "BF8A69027BCC8D2D42A6E6D25BDD4873F6A34B8F90EDF07E86C5D6916DA0B933", null),
    /** Amazon RSA 2048 M04, under Amazon Root CA 1. */
    AMAZON_RSA_2048_M04("amazon-rsa-2048-m04", "138BDF6E23AC971EB4E626B279DD6A26F057510F1DE394293A5EEA2860DE019B", null),
    /** Amazon RSA 4096 M02, under Amazon Root CA 2 (the kit's twin is named M01). */
    AMAZON_RSA_4096_M02("amazon-rsa-4096-m02", "2CC39F6789B967B0282AEACA4548F602A1B274E90D260773E9E7B0F7C0F13432",
            FakeCa.AMAZON_RSA_4096_M01),
    /** Amazon ECDSA 256 M01, under Amazon Root CA 3. */
    AMAZON_ECDSA_256_M01("amazon-ecdsa-256-m01", "332B101539FA89CA4E228719FE5287AB6869AF31AB21CBF110F5DD3C5994C1C7",
            FakeCa.AMAZON_ECDSA_256_M01),
    /** Amazon ECDSA 256 M02, under Amazon Root CA 3. */
    AMAZON_ECDSA_256_M02("amazon-ecdsa-256-m02", "F9693255933B68159D168AA9A247DA1DC66E23C0620338EF7149E48F83B1AE79", null),
    /** Amazon ECDSA 384 M02, under Amazon Root CA 4 (the kit's twin is named M01). */
    AMAZON_ECDSA_384_M02("amazon-ecdsa-384-m02", "A7D15E62C78825919FB59BDE58EFCFB0225B4107DFC60026885420185DC69B63",
            FakeCa.AMAZON_ECDSA_384_M01),
    /** Amazon Server CA 0A (2015, serial 067b5052), issued by Starfield Services G2. */
    AMAZON_SERVER_CA_0A_SERIAL_067B5052("amazon-server-ca-0a-serial-067b5052",
            "E39D3ED886E5A3AF26B9D6AB608028BC6FBC52E599CB323DA7E9E775B530337C", null),
    /** Amazon Server CA 0A (serial 067f9457, ended 2025-10-19), issued by Starfield Services G2. */
    AMAZON_SERVER_CA_0A_SERIAL_067F9457("amazon-server-ca-0a-serial-067f9457",
            "DFCC775C644DB4A33AD71293433F463C8E31057CE22CB267F9D31A0353F4FC2F", null),
    /** Amazon Server CA 1A (2015, serial 067b5058), under Amazon Root CA 1. */
    AMAZON_SERVER_CA_1A_SERIAL_067B5058("amazon-server-ca-1a-serial-067b5058",
            "80DD9E3497F354E30B8ACF39D046DD4F5A618F7889236EB34F78D54D15CD6A50", null),
    /** Amazon Server CA 1A (serial 067f9457, ended 2025-10-19), under Amazon Root CA 1. */
    AMAZON_SERVER_CA_1A_SERIAL_067F9457("amazon-server-ca-1a-serial-067f9457",
            "39C763A9CF19D923F977D23626AB890449A444AB8B795C815EF1EF81FEBC1E38", null),
    /** Amazon Server CA 1B (2015, serial 067b505c), under Amazon Root CA 1. */
    AMAZON_SERVER_CA_1B_SERIAL_067B505C("amazon-server-ca-1b-serial-067b505c",
            "4A1FF6BBF481170D3B773CEC1F3A84DE3B5096575CDBF8B08432209318CA0FBD", null),
    /** Amazon Server CA 1B (serial 067f9457, ended 2025-10-19), under Amazon Root CA 1. */
    AMAZON_SERVER_CA_1B_SERIAL_067F9457("amazon-server-ca-1b-serial-067f9457",
            "F55F9FFCB83C73453261601C7E044DB15A0F034B93C05830F28635EF889CF670", null),
    /** Amazon Server CA 2A (ended 2025-10-19), under Amazon Root CA 2. */
    AMAZON_SERVER_CA_2A("amazon-server-ca-2a", "72130E3B28900349214617F4D6F3FB85D08475EE78BF095C59458A14D1828866", null),
    /** Amazon Server CA 3A (ended 2025-10-19), under Amazon Root CA 3. */
    AMAZON_SERVER_CA_3A("amazon-server-ca-3a", "205154B777EDC55A5146585A5E54E054A70BE4AAD3B85D02318DA27BF807ADF1", null),
    /** Amazon Server CA 3B (until 2028-07-16), under Amazon Root CA 3. */
    AMAZON_SERVER_CA_3B("amazon-server-ca-3b", "ECC295B6DDCD084BA7179FB53BDD1D422CB6C0A8D94F154D4A5B17780B7279ED", null),
    /** Amazon Server CA 4A (ended 2025-10-19), under Amazon Root CA 4. */
    AMAZON_SERVER_CA_4A("amazon-server-ca-4a", "7BED29276ACBED9F176F38BBA3A67CE5815B5CBF1522C7BB59ECD86B09E16ED2", null);

    /** The 2022 issuing CAs that sign the ACM leaves AWS serves today all end this day. */
    public static final LocalDate ISSUING_CAS_OF_2022_END = LocalDate.of(2030, 8, 23);

    private final String id;
    private final String sha256Fingerprint;
    private final FakeCa fakeTwin;
    private volatile X509Certificate certificate;

    RealAtsCertificate(String id, String sha256Fingerprint, FakeCa fakeTwin) {
        this.id = id;
        this.sha256Fingerprint = sha256Fingerprint;
        this.fakeTwin = fakeTwin;
    }

    /** {@return the fixture's file name without {@code .pem}, e.g. {@code amazon-rsa-2048-m01}} */
    public String id() {
        return id;
    }

    /**
     * The name a person reads: the subject's common name, with the organisational unit of the 2015 generation
     * and "cross-signed by ..." for a cross-certificate.
     *
     * @return e.g. {@code Amazon RSA 2048 M01}, {@code Amazon Server CA 1A}, {@code Amazon Root CA 1 (cross-signed by G2)}
     */
    public String displayName() {
        String name = attribute(certificate(), "CN");
        if (name.equals("Amazon")) {
            name = "Amazon " + attribute(certificate(), "OU");
        }
        return crossOf().map(root -> root.displayName() + " (cross-signed by " + issuer().shortName() + ")").orElse(name);
    }

    /** {@return the published SHA-256 fingerprint of the certificate: upper-case hex, no separators} */
    public String sha256Fingerprint() {
        return sha256Fingerprint;
    }

    /** {@return the real root whose key signed this certificate} */
    public RealAtsRoot issuer() {
        X509Certificate own = certificate();
        return Arrays.stream(RealAtsRoot.values())
                .filter(root -> root.certificate().getSubjectX500Principal().equals(own.getIssuerX500Principal()))
                .findFirst().orElseThrow(() -> new IllegalStateException(id + " has no real root as issuer"));
    }

    /** {@return for a cross-certificate, the self-signed root with its subject and key; else empty} */
    public Optional<RealAtsRoot> crossOf() {
        return Arrays.stream(RealAtsRoot.values()).filter(root -> root.isSameAnchor(certificate())).findFirst();
    }

    /** {@return whether it issues leaves (an issuing CA), not a cross-certificate} */
    public boolean isIssuingCa() {
        return crossOf().isEmpty();
    }

    /** {@return the fake CA standing for it in the kit's scenarios, if there is one} */
    public Optional<FakeCa> fakeTwin() {
        return Optional.ofNullable(fakeTwin);
    }

    /** {@return the first day the certificate is valid (UTC)} */
    public LocalDate notBefore() {
        return certificate().getNotBefore().toInstant().atZone(ZoneOffset.UTC).toLocalDate();
    }

    /** {@return the last day the certificate is valid (UTC), e.g. 2030-08-23 for Amazon RSA 2048 M01} */
    public LocalDate notAfter() {
        return certificate().getNotAfter().toInstant().atZone(ZoneOffset.UTC).toLocalDate();
    }

    /** {@return the real certificate, from the fixtures ({@code real/<id>.pem})} */
    public X509Certificate certificate() {
        X509Certificate loaded = certificate;
        if (loaded == null) {
            loaded = FixturePem.certificate("real/" + id + ".pem");
            certificate = loaded;
        }
        return loaded;
    }

    /**
     * The public-key pin of a certificate as OkHttp's {@code CertificatePinner} and Android's network security
     * configuration write it: {@code sha256/} and the Base64 SHA-256 of its SubjectPublicKeyInfo.
     *
     * @param certificate any certificate
     * @return e.g. {@code sha256/++MBgDH5WGvL9Bcn5Be30cRcL0f5O+NyoXuWtQdX1aI=} for Amazon Root CA 1
     */
    public static String pin(X509Certificate certificate) {
        try {
            return "sha256/" + Base64.getEncoder().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(certificate.getPublicKey().getEncoded()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    /** {@return the cross-certificates: the Amazon roots by G2, G2 by Class 2} */
    public static List<RealAtsCertificate> crossCertificates() {
        return Arrays.stream(values()).filter(c -> !c.isIssuingCa()).toList();
    }

    /** {@return the issuing CAs, of 2022 and of 2015-2018} */
    public static List<RealAtsCertificate> issuingCas() {
        return Arrays.stream(values()).filter(RealAtsCertificate::isIssuingCa).toList();
    }

    static String attribute(X509Certificate certificate, String type) {
        try {
            return new LdapName(certificate.getSubjectX500Principal().getName()).getRdns().stream()
                    .filter(rdn -> rdn.getType().equalsIgnoreCase(type)).map(Rdn::getValue).map(String::valueOf)
                    .findFirst().orElse("");
        } catch (InvalidNameException e) {
            throw new IllegalStateException("unreadable subject " + certificate.getSubjectX500Principal(), e);
        }
    }
}
