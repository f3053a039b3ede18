package io.github.atstrust.testkit.pki;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
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
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;

/**
 * PEM reading and writing through Bouncy Castle, for certificates and keys.
 *
 * <pre>String bundle = Pem.encode(List.of(root1, root2));</pre>
 */
public final class Pem {

    private Pem() {
    }

    /** PEM text of the given certificates, keys or CRLs, in order. */
    public static String encode(List<?> objects) {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            for (Object object : objects) {
                writer.writeObject(object);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    /**
     * Every PEM object in the text, converted to JCA types: {@link X509Certificate}, {@link PrivateKey},
     * {@link PublicKey} or {@link KeyPair}; other objects, and keys the JDK cannot represent, are returned as
     * Bouncy Castle parsed them.
     *
     * @param source names the input in error messages
     * @throws IllegalArgumentException naming {@code source} when the text is not well-formed PEM
     */
    public static List<Object> decode(String text, String source) {
        List<Object> objects = new ArrayList<>();
        JcaPEMKeyConverter keys = new JcaPEMKeyConverter();
        JcaX509CertificateConverter certificates = new JcaX509CertificateConverter();
        try (PEMParser parser = new PEMParser(new StringReader(text))) {
            Object object;
            while ((object = parser.readObject()) != null) {
                if (object instanceof X509CertificateHolder holder) {
                    objects.add(certificates.getCertificate(holder));
                } else if (object instanceof PrivateKeyInfo info) {
                    objects.add(convertedOrRaw(() -> keys.getPrivateKey(info), info));
                } else if (object instanceof SubjectPublicKeyInfo info) {
                    objects.add(convertedOrRaw(() -> keys.getPublicKey(info), info));
                } else if (object instanceof PEMKeyPair pair) {
                    objects.add(convertedOrRaw(() -> keys.getKeyPair(pair), pair));
                } else {
                    objects.add(object);
                }
            }
        } catch (IOException | CertificateException | RuntimeException e) {
            throw new IllegalArgumentException(source + " is not well-formed PEM (" + e.getMessage()
                    + "); check that the file is complete and was not edited by hand", e);
        }
        return objects;
    }

    private interface Conversion {
        Object convert() throws IOException;
    }

    /** A key the JDK cannot represent (e.g. an EC key without domain parameters) stays Bouncy Castle's object. */
    private static Object convertedOrRaw(Conversion conversion, Object raw) {
        try {
            return conversion.convert();
        } catch (IOException | RuntimeException e) {
            return raw;
        }
    }

    /** The single object of the given type in the text. */
    static <T> T single(String text, Class<T> type, String source) {
        List<T> matches = decode(text, source).stream().filter(type::isInstance).map(type::cast).toList();
        if (matches.size() != 1) {
            throw new IllegalStateException(source + " should hold exactly one " + type.getSimpleName()
                    + " but holds " + matches.size());
        }
        return matches.get(0);
    }
}
