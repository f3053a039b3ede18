package io.github.atstrust.testkit.pki;

import io.github.atstrust.fixtures.Fixtures;
import java.io.ByteArrayInputStream;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.security.auth.x500.X500Principal;

/**
 * The fake twin of the Amazon Trust Services hierarchy, plus an untrusted hierarchy and an unrelated
 * public root, loaded once from the pre-generated fixtures; every subject carries
 * {@code O=ATS Trust Kit (TEST ONLY)}.
 *
 * <pre>
 * FakeAtsHierarchy fake = FakeAtsHierarchy.load();
 * X509Certificate root1 = fake.certificate(FakeCa.AMAZON_ROOT_CA_1);
 * </pre>
 */
public final class FakeAtsHierarchy {

    /** Subject organisation on every fake certificate: the mark that it is test material. */
    public static final String TEST_ONLY_ORGANISATION = CertificateAuthority.TEST_ONLY_ORGANISATION;

    private static volatile FakeAtsHierarchy loaded;

    private final Map<FakeCa, X509Certificate> certificates = new EnumMap<>(FakeCa.class);
    // Keys are parsed on first use: most runs sign with a handful of the CAs (saves ~100 ms of a cold start).
    private final Map<FakeCa, PrivateKey> keys = new ConcurrentHashMap<>();
    private final Map<KeyType, KeyPair> leafKeys = new ConcurrentHashMap<>();

    private FakeAtsHierarchy() {
        try {
            CertificateFactory x509 = CertificateFactory.getInstance("X.509");
            for (FakeCa ca : FakeCa.values()) {
                String file = "ca/" + ca.id() + ".pem";
                try {
                    certificates.put(ca, (X509Certificate) x509.generateCertificate(new ByteArrayInputStream(Fixtures.read(file))));
                } catch (CertificateException e) {
                    throw new IllegalStateException(resource(file) + " is not a readable certificate: " + e.getMessage(), e);
                }
            }
        } catch (CertificateException e) {
            throw new IllegalStateException("the JDK has no X.509 certificate factory", e);
        }
    }

    /** {@return the hierarchy, loaded from the classpath on first use and shared afterwards (it is immutable)} */
    public static FakeAtsHierarchy load() {
        FakeAtsHierarchy hierarchy = loaded;
        if (hierarchy == null) {
            synchronized (FakeAtsHierarchy.class) {
                if (loaded == null) {
                    loaded = new FakeAtsHierarchy();
                }
                hierarchy = loaded;
            }
        }
        return hierarchy;
    }

    /**
     * The certificate of a fake CA.
     *
     * @param ca the CA
     * @return its certificate, as loaded from the fixtures
     */
    public X509Certificate certificate(FakeCa ca) {
        return certificates.get(ca);
    }

    /**
     * The CA with its signing key; a cross-certificate signs with its self-signed twin's key.
     *
     * @param ca the CA
     * @return the CA, ready to issue leaves and CRLs
     */
    public CertificateAuthority authority(FakeCa ca) {
        PrivateKey key = keys.computeIfAbsent(ca.keyHolder(), holder -> {
            String keyFile = "ca/" + holder.id() + ".key.pem";
            return FixturePem.privateKey(keyFile);
        });
        return new CertificateAuthority(certificates.get(ca), key);
    }

    /**
     * The CA whose key signed {@code ca}: the self-signed root or the intermediate named as its issuer; a
     * self-signed root is its own issuer.
     *
     * @param ca a fake CA
     * @return its issuer
     */
    public FakeCa issuerOf(FakeCa ca) {
        X509Certificate certificate = certificates.get(ca);
        for (FakeCa candidate : FakeCa.values()) {
            if (candidate.keyHolder() == candidate
                    && certificates.get(candidate).getSubjectX500Principal().equals(certificate.getIssuerX500Principal())) {
                return candidate;
            }
        }
        throw new IllegalStateException("no fake CA named " + certificate.getIssuerX500Principal() + " issued " + ca.id());
    }

    /**
     * Whether {@code chain} (leaf first, as a server sent it) stops below an intermediate it did not send: its
     * last certificate was issued by a fake CA that is only ever an intermediate, so no client reaches a root
     * without fetching what was left out.
     *
     * @param chain the certificates a server sends, leaf first
     * @return whether an intermediate is missing
     */
    public boolean leavesOutAnIntermediate(List<X509Certificate> chain) {
        X509Certificate top = chain.get(chain.size() - 1);
        return !top.getIssuerX500Principal().equals(top.getSubjectX500Principal())
                && isIntermediateName(top.getIssuerX500Principal());
    }

    /**
     * Whether fake CAs named {@code name} exist and none of them is a self-signed root.
     *
     * @param name a subject or issuer name
     * @return whether it names only intermediates
     */
    public boolean isIntermediateName(X500Principal name) {
        List<X509Certificate> named = certificates.values().stream()
                .filter(ca -> ca.getSubjectX500Principal().equals(name)).toList();
        return !named.isEmpty() && named.stream().noneMatch(ca -> ca.getIssuerX500Principal().equals(name));
    }

    /**
     * Whether {@code ca} is a self-signed root (not a cross-certificate or an intermediate).
     *
     * @param ca a fake CA
     * @return whether it is self-signed
     */
    public boolean isRoot(FakeCa ca) {
        X509Certificate certificate = certificates.get(ca);
        return certificate.getIssuerX500Principal().equals(certificate.getSubjectX500Principal());
    }

    /**
     * A key pair from the fixture pool, for minting leaves without generating keys.
     *
     * @param type the key type
     * @return the pool's key pair of that type (the same on every call)
     */
    public KeyPair leafKeyPair(KeyType type) {
        return leafKeys.computeIfAbsent(type, t -> {
            String keyFile = "leaf-keys/" + t.poolPrefix() + "-1.key.pem";
            return FixturePem.keyPair(keyFile);
        });
    }

    private static String resource(String relativePath) {
        return "fixture resource io/github/atstrust/fixtures/" + relativePath;
    }
}
