package io.github.atstrust.testkit.trust;

import io.github.atstrust.testkit.pki.FakeCa;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.PKIXRevocationChecker;
import java.security.cert.X509Certificate;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * A set of trust anchors standing for one client trust store, e.g. "trusts only Starfield Class 2": one value
 * with every representation a client is configured with. It holds one trust manager, and {@link #sslContext()},
 * {@link #sslSocketFactory()} and {@link #trustManager()} are derived from it once, the same objects on every call
 * (so OkHttp's {@code sslSocketFactory(factory, trustManager)} gets a matching pair); files are written on demand.
 *
 * <pre>
 * TrustProfile profile = TrustProfiles.byId(TrustProfiles.STARFIELD_CLASS_2);
 * HttpClient client = HttpClient.newBuilder().sslContext(profile.sslContext()).build();
 * OkHttpClient ok = new OkHttpClient.Builder().sslSocketFactory(profile.sslSocketFactory(), profile.trustManager()).build();
 * </pre>
 * Only self-signed anchors belong in a profile: clients that accept partial chains would otherwise
 * disagree with those that do not. The built-in profiles are one per fake ATS anchor,
 * {@code all-ats} and {@code no-ats} ({@link TrustProfiles}); {@link #builder(String)} makes others.
 */
public final class TrustProfile {

    /** Id of profiles made by {@link #mirrorOf(KeyStore)}. */
    public static final String MIRRORED = "mirrored";

    /** Store password used when none is given. */
    public static final String DEFAULT_PASSWORD = "changeit";

    private final String id;
    private final String description;
    private final List<X509Certificate> anchors;
    private final Set<X509Certificate> anchorSet;
    private volatile Jsse jsse;
    private Path pkcs12File;

    /** The trust manager and what is derived from it, built together once. */
    private record Jsse(X509ExtendedTrustManager trustManager, SSLContext context, SSLSocketFactory socketFactory) {
    }

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
     * Starts a profile from certificates, key stores, the platform's own trust and fake CAs, in the spirit of
     * okhttp-tls's {@code HandshakeCertificates.Builder}.
     *
     * <pre>
     * TrustProfile corporate = TrustProfile.builder("corporate")
     *         .addPlatformTrust().replaceAtsWithTwins().add(FakeCa.OTHER_PUBLIC_ROOT).build();
     * </pre>
     *
     * @param id a short name, used in file names and reports
     * @return an empty builder
     */
    public static TrustProfileBuilder builder(String id) {
        return new TrustProfileBuilder(id);
    }

    /**
     * A copy of a real trust store in which each real ATS anchor is replaced by its fake twin and every other
     * certificate is kept: a client configured like production meets the kit's chains exactly as it would
     * meet AWS's. The same as {@code builder(MIRRORED).addAll(store).replaceAtsWithTwins().build()}.
     *
     * <pre>TrustProfile mirror = TrustProfile.mirrorOf(TrustStoreSource.jvm().toKeyStore());</pre>
     *
     * @param store a loaded key store, e.g. the JVM's default trust store
     * @return the profile {@value #MIRRORED}
     */
    public static TrustProfile mirrorOf(KeyStore store) {
        return builder(MIRRORED).addAll(store).replaceAtsWithTwins().build();
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

    /**
     * The anchors as an in-memory PKCS12 key store of trusted certificate entries. A key store can be changed, so
     * each call gives a new one; changing it changes nothing of this profile.
     *
     * @return a new key store
     */
    public KeyStore keyStore() {
        return TrustStoreFiles.keyStore("PKCS12", anchors);
    }

    /**
     * The profile's trust manager: the JDK's PKIX validation over the anchors, the same object on every call and
     * the one inside {@link #sslContext()}. When a server leaves out an intermediate of the fake hierarchy, its
     * failure is marked as an incomplete chain, so that every client given this trust is classified
     * {@code INCOMPLETE_CHAIN} by {@code HandshakeOutcome.of} as by {@code AtsEndpoint.probe}.
     *
     * @return the trust manager
     */
    public X509ExtendedTrustManager trustManager() {
        return jsse().trustManager();
    }

    /**
     * A TLS context that trusts exactly this profile's anchors, through {@link #trustManager()}; hand it to the
     * client under test. The same context on every call.
     *
     * <pre>HttpClient client = HttpClient.newBuilder().sslContext(profile.sslContext()).build();</pre>
     *
     * @return the initialised context (no key managers: the client presents no certificate)
     */
    public SSLContext sslContext() {
        return jsse().context();
    }

    /**
     * The socket factory of {@link #sslContext()}, for clients that take one with its trust manager (OkHttp).
     *
     * @return the same factory on every call
     */
    public SSLSocketFactory sslSocketFactory() {
        return jsse().socketFactory();
    }

    private Jsse jsse() {
        Jsse built = jsse;
        if (built == null) {
            synchronized (this) {
                built = jsse;
                if (built == null) {
                    built = buildJsse();
                    jsse = built;
                }
            }
        }
        return built;
    }

    private Jsse buildJsse() {
        try {
            X509ExtendedTrustManager manager = TrustManagers.over(anchors);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {manager}, null);
            return new Jsse(manager, context, context.getSocketFactory());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot build the trust manager of profile " + id, e);
        }
    }

    /**
     * A TLS context that trusts this profile's anchors and checks revocation for this client only, through its
     * own {@link PKIXRevocationChecker}: with no options, every certificate of the path, OCSP with CRL fallback
     * (the kit's CAs all carry the URLs); {@code ONLY_END_ENTITY}, {@code PREFER_CRLS}, {@code NO_FALLBACK} narrow
     * it. JVM-wide settings such as {@code ocsp.enable} are left alone. A new context per call: each has its own
     * checker.
     *
     * <pre>HttpClient.newBuilder().sslContext(profile.revocationCheckingSslContext(Option.ONLY_END_ENTITY))</pre>
     *
     * @param options how to check, as {@link PKIXRevocationChecker#setOptions} takes them
     * @return a new, initialised context
     */
    public SSLContext revocationCheckingSslContext(PKIXRevocationChecker.Option... options) {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {TrustManagers.revocationChecking(anchors, options)}, null);
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
                throw new UncheckedIOException("cannot write profile " + id + " to a temporary file", e);
            }
        }
        return pkcs12File;
    }

    /**
     * The anchors as PEM text, one {@code CERTIFICATE} block each, in order.
     *
     * @return what {@link #writePemBundle} writes
     */
    public String pemBundle() {
        return TrustStoreFiles.pem(anchors);
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
        byte[] pem = TrustStoreFiles.ascii(pemBundle());
        return TrustStoreFiles.writeAtomically(file, out -> out.write(pem));
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
        byte[] pkcs12 = TrustStoreFiles.pkcs12(anchors, password);
        return TrustStoreFiles.writeAtomically(file, out -> out.write(pkcs12));
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
        byte[] jks = TrustStoreFiles.jks(anchors, password);
        return TrustStoreFiles.writeAtomically(file, out -> out.write(jks));
    }

    @Override
    public String toString() {
        return "TrustProfile[" + id + ", " + anchors.size() + " anchors]";
    }
}
