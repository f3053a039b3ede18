package io.github.atstrust.testkit.audit;

import java.io.IOException;
import java.io.StringReader;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.X509TrustedCertificateBlock;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;

/** PEM reading of trust-store input through Bouncy Castle, with errors that name the input. */
final class Pem {

    private Pem() {
    }

    /**
     * Every PEM object in the text, converted to JCA types: {@link X509Certificate} (from {@code CERTIFICATE},
     * OpenSSL's {@code TRUSTED CERTIFICATE} and each certificate of a {@code PKCS7} block), {@link PrivateKey},
     * {@link PublicKey} or {@link KeyPair}; other objects, and keys the JDK cannot represent, are returned as
     * Bouncy Castle parsed them.
     *
     * @param source names the input in error messages
     * @throws IllegalArgumentException naming {@code source} when the text is not well-formed PEM
     */
    static List<Object> decode(String text, String source) {
        checkShape(text, source);
        List<Object> objects = new ArrayList<>();
        JcaPEMKeyConverter keys = new JcaPEMKeyConverter();
        JcaX509CertificateConverter certificates = new JcaX509CertificateConverter();
        try (PEMParser parser = new PEMParser(new StringReader(text))) {
            Object object;
            while ((object = parser.readObject()) != null) {
                if (object instanceof X509CertificateHolder holder) {
                    objects.add(certificates.getCertificate(holder));
                } else if (object instanceof X509TrustedCertificateBlock trusted) {
                    // OpenSSL's TRUSTED CERTIFICATE (x509 -trustout; Fedora/RHEL's ca-bundle.trust.crt): OpenSSL-based
                    // clients trust it as they trust a CERTIFICATE block
                    objects.add(certificates.getCertificate(trusted.getCertificateHolder()));
                } else if (object instanceof ContentInfo pkcs7) {
                    for (X509CertificateHolder holder : new CMSSignedData(pkcs7).getCertificates().getMatches(null)) {
                        objects.add(certificates.getCertificate(holder));
                    }
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
        } catch (IOException | CertificateException | CMSException | RuntimeException e) {
            throw new IllegalArgumentException(source + " is not well-formed PEM (" + e.getMessage()
                    + "); check that the file is complete and was not edited by hand", e);
        } catch (StackOverflowError e) { // a backstop: checkShape bounds what a parser meets
            throw new IllegalArgumentException(source + " is not well-formed PEM (ASN.1 nested too deeply)", e);
        }
        return objects;
    }

    /** Every block's content within {@link Asn1Shape}'s bounds, before Bouncy Castle parses any of it (linear time). */
    private static void checkShape(String text, String source) {
        for (int begin = text.indexOf("-----BEGIN "); begin >= 0; begin = text.indexOf("-----BEGIN ", begin + 1)) {
            int bodyStart = text.indexOf('\n', begin);
            int end = bodyStart < 0 ? -1 : text.indexOf("-----END ", bodyStart);
            if (end < 0) {
                return; // no complete block left: Bouncy Castle names the truncation
            }
            String body = text.substring(bodyStart + 1, end).lines().filter(line -> line.indexOf(':') < 0)
                    .collect(java.util.stream.Collectors.joining());
            try {
                Asn1Shape.check(java.util.Base64.getMimeDecoder().decode(body), source);
            } catch (InvalidTrustStoreException tooDeep) {
                throw tooDeep;
            } catch (IllegalArgumentException notBase64) {
                // Bouncy Castle names it
            }
            begin = end;
        }
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
}
