package io.github.atstrust.testkit.trust;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.PBEParameterSpec;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
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
 * The encodings of a set of trust anchors that clients read from files (a PEM bundle, PKCS12, JKS) and the one way
 * the kit writes any file: complete or not at all, written beside its destination and moved into place.
 */
final class TrustStoreFiles {

    /** The JDK's PKCS12 bag attribute marking a certificate as trusted, for any purpose. */
    private static final ASN1ObjectIdentifier JDK_TRUSTED_KEY_USAGE = new ASN1ObjectIdentifier("2.16.840.1.113894.746875.1.1");

    private TrustStoreFiles() {
    }

    /** What a writer puts into the file. */
    interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Writes {@code content} to a temporary file beside {@code file}, then moves it into place atomically. */
    static Path writeAtomically(Path file, Content content) throws IOException {
        Path target = file.toAbsolutePath();
        Path temporary = Files.createTempFile(target.getParent(), "." + target.getFileName() + "-", ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(temporary)) {
                content.writeTo(out);
            }
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
        return file;
    }

    /** The anchors as PEM text, one {@code CERTIFICATE} block each, in order. */
    static String pem(List<X509Certificate> anchors) {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            for (X509Certificate anchor : anchors) {
                writer.writeObject(anchor);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    /** An in-memory key store of {@code type} holding every anchor as a trusted entry under a readable alias. */
    static KeyStore keyStore(String type, List<X509Certificate> anchors) {
        try {
            KeyStore store = KeyStore.getInstance(type);
            store.load(null, null);
            for (X509Certificate anchor : anchors) {
                store.setCertificateEntry(alias(anchor, store), anchor);
            }
            return store;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot build a " + type + " key store", e);
        }
    }

    /** The anchors as a JKS store, for old clients. */
    static byte[] jks(List<X509Certificate> anchors, char[] password) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            keyStore("JKS", anchors).store(out, password);
            return out.toByteArray();
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot encode a JKS trust store", e);
        }
    }

    /**
     * The anchors as a PKCS12 trust store: each a certificate bag with its alias and the JDK's trusted-certificate
     * attribute (so {@code KeyStore} loads it as a trusted certificate entry), integrity-protected by an
     * HMAC-SHA256 MAC over the password (10,000 iterations, as the JDK's own). Unlike the JDK's writer it does not
     * encrypt the certificates (public anyway, as OpenSSL's {@code -certpbe NONE}): that second key derivation was
     * two thirds of what {@code serve} spent writing its trust material.
     */
    static byte[] pkcs12(List<X509Certificate> anchors, char[] password) {
        try {
            KeyStore aliases = keyStore("JKS", anchors);
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
            return new Pfx(new ContentInfo(PKCSObjectIdentifiers.data, new DEROctetString(authenticatedSafe)),
                    StoreMac.over(authenticatedSafe, password)).getEncoded(ASN1Encoding.DER);
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot encode a PKCS12 trust store", e);
        }
    }

    /**
     * The PKCS12 integrity MAC: HMAC-SHA256 under a key derived from the password and a salt in 10,000 iterations
     * (as the JDK's own writer). The key depends on nothing else, so a JVM derives it once per password and MACs
     * every store it writes with it, under the same random salt: {@code serve} writes eight stores, and eight
     * derivations were a third of the CPU its start spent. A salt is there against precomputed keys for a password;
     * the stores of one run sharing one changes nothing for that.
     */
    private static final class StoreMac {
        private static final int ITERATIONS = 10_000;
        private static char[] password;
        private static byte[] salt;
        private static Mac mac;

        private StoreMac() {
        }

        static synchronized MacData over(byte[] content, char[] storePassword) throws GeneralSecurityException {
            if (mac == null || !java.util.Arrays.equals(password, storePassword)) {
                byte[] fresh = new byte[20];
                new SecureRandom().nextBytes(fresh);
                Mac derived = Mac.getInstance("HmacPBESHA256");
                derived.init(SecretKeyFactory.getInstance("PBE").generateSecret(new PBEKeySpec(storePassword)),
                        new PBEParameterSpec(fresh, ITERATIONS));
                password = storePassword.clone();
                salt = fresh;
                mac = derived;
            }
            return new MacData(new DigestInfo(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256, DERNull.INSTANCE),
                    mac.doFinal(content)), salt.clone(), ITERATIONS);
        }
    }

    static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    /** A readable alias from the subject's CN (or OU), unique within the store. */
    private static String alias(X509Certificate certificate, KeyStore store) throws GeneralSecurityException {
        String base = "anchor";
        try {
            for (Rdn rdn : new LdapName(certificate.getSubjectX500Principal().getName()).getRdns()) {
                if (rdn.getType().equalsIgnoreCase("CN") || (base.equals("anchor") && rdn.getType().equalsIgnoreCase("OU"))) {
                    base = rdn.getValue().toString();
                }
            }
        } catch (InvalidNameException e) {
            base = "anchor";
        }
        base = base.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        String alias = base;
        for (int i = 2; store.containsAlias(alias); i++) {
            alias = base + "-" + i;
        }
        return alias;
    }
}
