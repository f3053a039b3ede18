package io.github.atstrust.testkit.trust;

import io.github.atstrust.testkit.pki.FakeAtsHierarchy;
import io.github.atstrust.testkit.pki.FakeCa;
import io.github.atstrust.testkit.pki.RealAtsRoot;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.CertPathBuilder;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.PKIXRevocationChecker;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.PBEParameterSpec;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import javax.net.ssl.CertPathTrustManagerParameters;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERBMPString;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.Attribute;
import org.bouncycastle.asn1.pkcs.AuthenticatedSafe;
import org.bouncycastle.asn1.pkcs.CertBag;
import org.bouncycastle.asn1.pkcs.ContentInfo;
import org.bouncycastle.asn1.pkcs.MacData;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.Pfx;
import org.bouncycastle.asn1.pkcs.SafeBag;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.DigestInfo;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;

/**
 * A set of trust anchors standing for one client trust store, e.g. "trusts only Starfield Class 2". It gives
 * the JDK objects a client is configured with and exports itself as files for clients that read them.
 *
 * <pre>
 * TrustProfile profile = TrustProfile.byId(TrustProfile.STARFIELD_CLASS_2);
 * HttpClient client = HttpClient.newBuilder().sslContext(profile.sslContext()).build();
 * </pre>
 * Only self-signed anchors belong in a profile: clients that accept partial chains would otherwise
 * disagree with those that do not. The built-in profiles ({@link #builtIn()}) are one per fake ATS anchor,
 * {@value #ALL_ATS} and {@value #NO_ATS}.
 */
public final class TrustProfile {

    /** Id of the built-in profile trusting only the fake Amazon Root CA 1 (RSA 2048). */
    public static final String AMAZON_ROOT_CA_1 = "amazon-root-ca-1";
    /** Id of the built-in profile trusting only the fake Amazon Root CA 2 (RSA 4096). */
    public static final String AMAZON_ROOT_CA_2 = "amazon-root-ca-2";
    /** Id of the built-in profile trusting only the fake Amazon Root CA 3 (EC P-256). */
    public static final String AMAZON_ROOT_CA_3 = "amazon-root-ca-3";
    /** Id of the built-in profile trusting only the fake Amazon Root CA 4 (EC P-384). */
    public static final String AMAZON_ROOT_CA_4 = "amazon-root-ca-4";
    /** Id of the built-in profile trusting only the fake Starfield Services Root CA G2. */
    public static final String STARFIELD_SERVICES_ROOT_G2 = "starfield-services-root-g2";
    /** Id of the built-in profile trusting only the fake Starfield Class 2 CA (the legacy SHA-1 root). */
    public static final String STARFIELD_CLASS_2 = "starfield-class-2";
    /** Id of the built-in profile trusting all six fake ATS anchors. */
    public static final String ALL_ATS = "all-ats";
    /** Id of the built-in profile trusting no ATS anchor, only an unrelated public root. */
    public static final String NO_ATS = "no-ats";

    /** Id of profiles made by {@link #mirrorOf(KeyStore)}. */
    public static final String MIRRORED = "mirrored";

    /** Store password used when none is given. */
    public static final String DEFAULT_PASSWORD = "changeit";

    /** The JDK's PKCS12 bag attribute marking a certificate as trusted, for any purpose. */
    private static final ASN1ObjectIdentifier JDK_TRUSTED_KEY_USAGE = new ASN1ObjectIdentifier("2.16.840.1.113894.746875.1.1");

    private final String id;
    private final String description;
    private final List<X509Certificate> anchors;
    private final Set<X509Certificate> anchorSet;
    private Path pkcs12File;

    private TrustProfile(String id, String description, List<X509Certificate> anchors) {
        this.id = Objects.requireNonNull(id, "id");
        this.description = Objects.requireNonNull(description, "description");
        this.anchors = List.copyOf(anchors);
        this.anchorSet = new HashSet<>(anchors);
    }

    /**
     * A profile trusting exactly {@code anchors}.
     *
     * <pre>TrustProfile onlyRoot1 = TrustProfile.of("root-1", "trusts the fake Root CA 1", List.of(FakeCa.AMAZON_ROOT_CA_1.certificate()));</pre>
     *
     * @param id          a short name, used in file names and reports
     * @param description what the profile stands for, in words
     * @param anchors     self-signed trust anchors
     * @return the profile
     */
    public static TrustProfile of(String id, String description, List<X509Certificate> anchors) {
        return new TrustProfile(id, description, anchors);
    }

    /**
     * A copy of a real trust store in which each real ATS anchor is replaced by its fake twin and every other
     * certificate is kept: a client configured like production meets the kit's chains exactly as it would
     * meet AWS's.
     *
     * <pre>TrustProfile mirror = TrustProfile.mirrorOf(TrustStoreSource.jvm().toKeyStore());</pre>
     *
     * @param store a loaded key store, e.g. the JVM's default trust store
     * @return the profile {@value #MIRRORED}
     */
    public static TrustProfile mirrorOf(KeyStore store) {
        List<X509Certificate> anchors = new ArrayList<>();
        int swapped = 0;
        try {
            for (String alias : Collections.list(store.aliases())) {
                if (store.isCertificateEntry(alias) && store.getCertificate(alias) instanceof X509Certificate certificate) {
                    X509Certificate twin = fakeTwinOf(certificate);
                    anchors.add(twin == null ? certificate : twin);
                    swapped += twin == null ? 0 : 1;
                }
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot read the trust store to mirror: " + e.getMessage(), e);
        }
        return new TrustProfile(MIRRORED, "mirror of a trust store of " + anchors.size() + " certificates, its "
                + swapped + " real ATS anchors swapped for their fake twins", anchors);
    }

    private static X509Certificate fakeTwinOf(X509Certificate certificate) {
        for (RealAtsRoot root : RealAtsRoot.values()) {
            if (root.isSameAnchor(certificate)) {
                return root.fakeTwin().certificate();
            }
        }
        return null;
    }

    /**
     * Every built-in profile: one per fake ATS anchor (in the order of {@code RealAtsRoot}), then
     * {@value #ALL_ATS} and {@value #NO_ATS}.
     *
     * @return the eight built-in profiles
     */
    public static List<TrustProfile> builtIn() {
        return BuiltIn.PROFILES;
    }

    /**
     * The built-in profile with this id.
     *
     * @param id a built-in id, e.g. {@value #STARFIELD_CLASS_2}
     * @return the profile
     * @throws IllegalArgumentException listing the valid ids when there is none
     */
    public static TrustProfile byId(String id) {
        return builtIn().stream().filter(p -> p.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown trust profile '" + id + "'; valid ids: " + ids()));
    }

    /**
     * The built-in ids, for messages.
     *
     * @return the ids, comma-separated
     */
    public static String ids() {
        return builtIn().stream().map(TrustProfile::id).collect(Collectors.joining(", "));
    }

    /** Created on first use, once, by the class loader's own locking. */
    private static final class BuiltIn {
        static final List<TrustProfile> PROFILES = create();

        private static List<TrustProfile> create() {
            FakeAtsHierarchy fake = FakeAtsHierarchy.load();
            List<TrustProfile> profiles = new ArrayList<>();
            for (RealAtsRoot real : RealAtsRoot.values()) {
                profiles.add(TrustProfile.of(real.id(), "trusts only the fake " + real.displayName(),
                        List.of(fake.certificate(real.fakeTwin()))));
            }
            profiles.add(TrustProfile.of(ALL_ATS, "trusts all six fake ATS anchors",
                    Arrays.stream(RealAtsRoot.values()).map(real -> fake.certificate(real.fakeTwin())).toList()));
            profiles.add(TrustProfile.of(NO_ATS, "trusts no ATS anchor, only an unrelated public root",
                    List.of(fake.certificate(FakeCa.OTHER_PUBLIC_ROOT))));
            return List.copyOf(profiles);
        }
    }

    /** {@return the id, e.g. {@code starfield-class-2} or {@code mirrored}} */
    public String id() {
        return id;
    }

    /** {@return what the profile stands for, in words} */
    public String description() {
        return description;
    }

    /** {@return the trusted certificates, in a stable order} */
    public List<X509Certificate> anchors() {
        return anchors;
    }

    /**
     * Whether this profile holds {@code anchor} (by certificate equality).
     *
     * @param anchor a certificate
     * @return whether it is one of {@link #anchors()}
     */
    public boolean trusts(X509Certificate anchor) {
        return anchorSet.contains(anchor);
    }

    /** {@return a fresh in-memory PKCS12 key store holding the anchors as trusted certificate entries} */
    public KeyStore keyStore() {
        return keyStore("PKCS12");
    }

    /**
     * A trust manager over the anchors, with the JDK's PKIX validation. When a server leaves out an intermediate
     * of the fake hierarchy, its failure says "incomplete chain", so that every client given this trust is
     * classified {@code INCOMPLETE_CHAIN} by {@code HandshakeOutcome.of} as by {@code AtsEndpoint.probe}.
     *
     * @return a new trust manager
     */
    public X509ExtendedTrustManager trustManager() {
        try {
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(keyStore());
            return x509(factory);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot build a trust manager for profile " + id, e);
        }
    }

    private X509ExtendedTrustManager x509(TrustManagerFactory factory) {
        for (TrustManager manager : factory.getTrustManagers()) {
            if (manager instanceof X509ExtendedTrustManager x509) {
                return new IncompleteChainAwareTrustManager(x509);
            }
        }
        throw new IllegalStateException("the JDK gave no X509ExtendedTrustManager for profile " + id);
    }

    /**
     * A TLS context that trusts exactly this profile's anchors; hand it to the client under test.
     *
     * <pre>HttpClient client = HttpClient.newBuilder().sslContext(profile.sslContext()).build();</pre>
     *
     * @return a new, initialised context (no key managers: the client presents no certificate)
     */
    public SSLContext sslContext() {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {trustManager()}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot build an SSLContext for profile " + id, e);
        }
    }

    /**
     * A TLS context that trusts this profile's anchors and checks revocation for this client only, through its
     * own {@link PKIXRevocationChecker}: with no options, every certificate of the path, OCSP with CRL fallback
     * (the kit's CAs all carry the URLs); {@code ONLY_END_ENTITY}, {@code PREFER_CRLS}, {@code NO_FALLBACK} narrow
     * it. JVM-wide settings such as {@code ocsp.enable} are left alone.
     *
     * <pre>HttpClient.newBuilder().sslContext(profile.revocationCheckingSslContext(Option.ONLY_END_ENTITY))</pre>
     *
     * @param options how to check, as {@link PKIXRevocationChecker#setOptions} takes them
     * @return a new, initialised context
     */
    public SSLContext revocationCheckingSslContext(PKIXRevocationChecker.Option... options) {
        try {
            PKIXBuilderParameters parameters = new PKIXBuilderParameters(keyStore(), new X509CertSelector());
            PKIXRevocationChecker checker = (PKIXRevocationChecker) CertPathBuilder.getInstance("PKIX").getRevocationChecker();
            checker.setOptions(options.length == 0 ? Set.of() : EnumSet.copyOf(Arrays.asList(options)));
            parameters.addCertPathChecker(checker);
            parameters.setRevocationEnabled(true);
            TrustManagerFactory factory = TrustManagerFactory.getInstance("PKIX");
            factory.init(new CertPathTrustManagerParameters(parameters));
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {x509(factory)}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot build a revocation-checking SSLContext for profile " + id, e);
        }
    }

    /**
     * This profile as a PKCS12 file (password {@value #DEFAULT_PASSWORD}), written once to a temporary file that
     * is deleted when the JVM exits: for a client that reads {@code javax.net.ssl.trustStore}-style settings, set
     * on that client only.
     *
     * @return the file, the same on every call
     */
    public synchronized Path pkcs12File() {
        if (pkcs12File == null) {
            try {
                Path file = Files.createTempFile("ats-" + id + "-", ".p12");
                file.toFile().deleteOnExit();
                pkcs12File = writePkcs12(file, DEFAULT_PASSWORD.toCharArray());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException("cannot write profile " + id + " to a temporary file", e);
            }
        }
        return pkcs12File;
    }

    /**
     * Writes the anchors as a PEM bundle (what curl's {@code --cacert} and OpenSSL read). Like every file the kit
     * writes, it appears complete or not at all: written beside {@code file}, then moved into place.
     *
     * @param file where to write; replaced when it exists
     * @return {@code file}
     * @throws IOException when it cannot be written
     */
    public Path writePemBundle(Path file) throws IOException {
        return writeAtomically(file, out -> out.write(pemBundle().getBytes(StandardCharsets.US_ASCII)));
    }

    /**
     * The anchors as PEM text, one {@code CERTIFICATE} block each, in order.
     *
     * @return what {@link #writePemBundle} writes
     */
    public String pemBundle() {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            for (X509Certificate anchor : anchors) {
                writer.writeObject(anchor);
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return text.toString();
    }

    /**
     * Writes the anchors as a PKCS12 trust store, complete or not at all.
     *
     * @param file     where to write; replaced when it exists
     * @param password the store password, e.g. {@value #DEFAULT_PASSWORD}
     * @return {@code file}
     * @throws IOException when it cannot be written
     */
    public Path writePkcs12(Path file, char[] password) throws IOException {
        return writeAtomically(file, out -> out.write(pkcs12(password)));
    }

    /**
     * The anchors as a PKCS12 trust store: each a certificate bag with its alias and the JDK's trusted-certificate
     * attribute (so {@code KeyStore} loads it as a trusted certificate entry), integrity-protected by an
     * HMAC-SHA256 MAC over the password (10,000 iterations, as the JDK's own). Unlike the JDK's writer it does not
     * encrypt the certificates (public anyway, as OpenSSL's {@code -certpbe NONE}): that second key derivation was
     * two thirds of what {@code serve} spent writing its trust material.
     */
    private byte[] pkcs12(char[] password) throws IOException {
        try {
            KeyStore aliases = keyStore("JKS");
            ASN1EncodableVector bags = new ASN1EncodableVector();
            for (String alias : Collections.list(aliases.aliases())) {
                CertBag certificate = new CertBag(PKCSObjectIdentifiers.x509Certificate,
                        new DEROctetString(aliases.getCertificate(alias).getEncoded()));
                bags.add(new SafeBag(PKCSObjectIdentifiers.certBag, certificate, new DERSet(new ASN1Encodable[] {
                        new Attribute(PKCSObjectIdentifiers.pkcs_9_at_friendlyName, new DERSet(new DERBMPString(alias))),
                        new Attribute(JDK_TRUSTED_KEY_USAGE, new DERSet(KeyPurposeId.anyExtendedKeyUsage))})));
            }
            ContentInfo certificates = new ContentInfo(PKCSObjectIdentifiers.data,
                    new DEROctetString(new DERSequence(bags).getEncoded(ASN1Encoding.DER)));
            byte[] authenticatedSafe = new AuthenticatedSafe(new ContentInfo[] {certificates}).getEncoded(ASN1Encoding.DER);
            byte[] salt = new byte[20];
            new SecureRandom().nextBytes(salt);
            int iterations = 10_000;
            Mac mac = Mac.getInstance("HmacPBESHA256");
            mac.init(SecretKeyFactory.getInstance("PBE").generateSecret(new PBEKeySpec(password)),
                    new PBEParameterSpec(salt, iterations));
            MacData integrity = new MacData(new DigestInfo(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256,
                    DERNull.INSTANCE), mac.doFinal(authenticatedSafe)), salt, iterations);
            return new Pfx(new ContentInfo(PKCSObjectIdentifiers.data, new DEROctetString(authenticatedSafe)), integrity)
                    .getEncoded(ASN1Encoding.DER);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot write profile " + id + " as PKCS12", e);
        }
    }

    /**
     * Writes the anchors as a JKS trust store (for old clients), complete or not at all.
     *
     * @param file     where to write; replaced when it exists
     * @param password the store password, e.g. {@value #DEFAULT_PASSWORD}
     * @return {@code file}
     * @throws IOException when it cannot be written
     */
    public Path writeJks(Path file, char[] password) throws IOException {
        return write(keyStore("JKS"), file, password);
    }

    private Path write(KeyStore store, Path file, char[] password) throws IOException {
        return writeAtomically(file, out -> {
            try {
                store.store(out, password);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("cannot write profile " + id + " to " + file, e);
            }
        });
    }

    private interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private static Path writeAtomically(Path file, Content content) throws IOException {
        Path target = file.toAbsolutePath();
        Path temporary = Files.createTempFile(target.getParent(), "." + target.getFileName() + "-", ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(temporary)) {
                content.writeTo(out);
            }
            Files.move(temporary, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
        return file;
    }

    private KeyStore keyStore(String type) {
        try {
            KeyStore store = KeyStore.getInstance(type);
            store.load(null, null);
            for (X509Certificate anchor : anchors) {
                store.setCertificateEntry(alias(anchor, store), anchor);
            }
            return store;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot build a " + type + " key store for profile " + id, e);
        }
    }

    /** A readable alias from the subject's CN (or OU), unique within the store. */
    private static String alias(X509Certificate certificate, KeyStore store) throws GeneralSecurityException {
        String name = certificate.getSubjectX500Principal().getName();
        String base = "anchor";
        try {
            for (Rdn rdn : new LdapName(name).getRdns()) {
                if (rdn.getType().equalsIgnoreCase("CN") || (base.equals("anchor") && rdn.getType().equalsIgnoreCase("OU"))) {
                    base = rdn.getValue().toString();
                }
            }
        } catch (javax.naming.InvalidNameException e) {
            base = "anchor";
        }
        base = base.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        String alias = base;
        for (int i = 2; store.containsAlias(alias); i++) {
            alias = base + "-" + i;
        }
        return alias;
    }

    @Override
    public String toString() {
        return "TrustProfile[" + id + ", " + anchors.size() + " anchors]";
    }
}
