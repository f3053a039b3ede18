package io.github.atstrust.testkit.pki;

import io.github.atstrust.fixtures.Fixtures;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

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
    private final Map<FakeCa, PrivateKey> keys = new EnumMap<>(FakeCa.class);
    private final Map<KeyType, KeyPair> leafKeys = new EnumMap<>(KeyType.class);

    private FakeAtsHierarchy() {
        for (FakeCa ca : FakeCa.values()) {
            certificates.put(ca, Pem.single(text("ca/" + ca.id() + ".pem"), X509Certificate.class, resource("ca/" + ca.id() + ".pem")));
            if (ca.keyHolder() == ca) {
                String keyFile = "ca/" + ca.id() + ".key.pem";
                keys.put(ca, Pem.single(text(keyFile), PrivateKey.class, resource(keyFile)));
            }
        }
        for (KeyType type : KeyType.values()) {
            String keyFile = "leaf-keys/" + type.poolPrefix() + "-1.key.pem";
            String text = text(keyFile);
            leafKeys.put(type, new KeyPair(Pem.single(text, PublicKey.class, resource(keyFile)),
                    Pem.single(text, PrivateKey.class, resource(keyFile))));
        }
    }

    /** The hierarchy, loaded from the classpath on first use and shared afterwards (it is immutable). */
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

    public X509Certificate certificate(FakeCa ca) {
        return certificates.get(ca);
    }

    /** The CA with its signing key; a cross-certificate signs with its self-signed twin's key. */
    public CertificateAuthority authority(FakeCa ca) {
        return new CertificateAuthority(certificates.get(ca), keys.get(ca.keyHolder()));
    }

    /** A key pair from the fixture pool, for minting leaves without generating keys. */
    public KeyPair leafKeyPair(KeyType type) {
        return leafKeys.get(type);
    }

    /** Fake Amazon Root CA 1–4, self-signed. */
    public List<X509Certificate> amazonRoots() {
        return List.of(certificate(FakeCa.AMAZON_ROOT_CA_1), certificate(FakeCa.AMAZON_ROOT_CA_2),
                certificate(FakeCa.AMAZON_ROOT_CA_3), certificate(FakeCa.AMAZON_ROOT_CA_4));
    }

    private static String text(String relativePath) {
        return new String(Fixtures.read(relativePath), StandardCharsets.US_ASCII);
    }

    private static String resource(String relativePath) {
        return "fixture resource io/github/atstrust/fixtures/" + relativePath;
    }
}
