package io.github.atstrust.testkit.pki;

import io.github.atstrust.fixtures.Fixtures;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;

/**
 * Reads the fixtures' own PEM files (certificates, PKCS#8 private keys, public keys), which the generator wrote;
 * a file that does not hold what it should is a broken build, not user input.
 */
final class FixturePem {

    private FixturePem() {
    }

    /** Read by the JDK's own factory: an audit needs the real roots and should not load Bouncy Castle for them. */
    static X509Certificate certificate(String relativePath) {
        try {
            return (X509Certificate) java.security.cert.CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(Fixtures.read(relativePath)));
        } catch (CertificateException e) {
            throw new IllegalStateException("fixture " + relativePath + " is not a readable certificate; regenerate the "
                    + "fixtures", e);
        }
    }

    static PrivateKey privateKey(String relativePath) {
        return single(relativePath, PrivateKey.class);
    }

    static KeyPair keyPair(String relativePath) {
        return new KeyPair(single(relativePath, PublicKey.class), single(relativePath, PrivateKey.class));
    }

    private static <T> T single(String relativePath, Class<T> type) {
        List<T> matches = read(relativePath).stream().filter(type::isInstance).map(type::cast).toList();
        if (matches.size() != 1) {
            throw new IllegalStateException(Fixtures.class.getPackageName() + "/" + relativePath + " should hold exactly one "
                    + type.getSimpleName() + " but holds " + matches.size() + "; regenerate the fixtures");
        }
        return matches.get(0);
    }

    private static List<Object> read(String relativePath) {
        List<Object> objects = new ArrayList<>();
        JcaPEMKeyConverter keys = new JcaPEMKeyConverter();
        try (PEMParser parser = new PEMParser(new InputStreamReader(
                new ByteArrayInputStream(Fixtures.read(relativePath)), StandardCharsets.US_ASCII))) {
            Object object;
            while ((object = parser.readObject()) != null) {
                if (object instanceof X509CertificateHolder holder) {
                    objects.add(new JcaX509CertificateConverter().getCertificate(holder));
                } else if (object instanceof PrivateKeyInfo info) {
                    objects.add(keys.getPrivateKey(info));
                } else if (object instanceof SubjectPublicKeyInfo info) {
                    objects.add(keys.getPublicKey(info));
                }
            }
        } catch (IOException | CertificateException e) {
            throw new IllegalStateException("fixture " + relativePath + " is not readable PEM; regenerate the fixtures", e);
        }
        return objects;
    }
}
