package io.github.atstrust.testkit.audit;

import io.github.atstrust.testkit.trust.TrustProfile;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.UnrecoverableKeyException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Reads trust stores of every supported format; every failure names the file and the fix. */
final class TrustStoreReader {

    private static final int JKS_MAGIC = 0xFEEDFEED;
    private static final int JCEKS_MAGIC = 0xCECECECE;

    private TrustStoreReader() {
    }

    static LoadedTrustStore read(TrustStoreSource source) {
        if (source instanceof ImageTrustStore image) {
            return DockerImageBundle.read(image);
        }
        if (source instanceof ClasspathTrustStore resource) {
            return readResource(resource);
        }
        if (!(source instanceof FileTrustStore file)) {
            return readJvm();
        }
        Path path = file.path();
        BasicFileAttributes attributes = BoundedRead.attributes(path);
        if (attributes.isDirectory()) {
            return CertificateDirectory.read(path, source.maxBytes());
        }
        byte[] bytes = BoundedRead.bytes(path, attributes, source.maxBytes());
        return readFile(path, bytes, file.password().toCharArray(), path.toString());
    }

    /** A resource read as a file of its name: its extension tells PKCS12 from JKS, as for a file. */
    private static LoadedTrustStore readResource(ClasspathTrustStore source) {
        String spec = "classpath:" + source.resource();
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        try (java.io.InputStream in = (loader != null ? loader : TrustStoreReader.class.getClassLoader())
                .getResourceAsStream(source.resource())) {
            if (in == null) {
                throw new InvalidTrustStoreException(spec + ": no such resource on the class path; check the name or put "
                        + "the store under src/test/resources");
            }
            byte[] bytes = BoundedRead.of(in, source.maxBytes(), spec);
            return readFile(Path.of(spec), bytes, source.password().toCharArray(), spec).describedAs(spec);
        } catch (IOException e) {
            throw new InvalidTrustStoreException(spec + ": cannot be read (" + e.getMessage() + ")", e);
        }
    }

    private static LoadedTrustStore readJvm() {
        // while the kit's mirror is the JVM's default, "jvm" still means the store production reads
        java.util.Optional<io.github.atstrust.testkit.trust.DefaultTrust> mirrored =
                io.github.atstrust.testkit.trust.DefaultTrust.active();
        String configured = mirrored.isPresent() ? mirrored.get().originalProperty("javax.net.ssl.trustStore").orElse(null)
                : System.getProperty("javax.net.ssl.trustStore");
        Path security = Path.of(System.getProperty("java.home"), "lib", "security");
        Path file;
        String origin;
        if (configured != null && !configured.isEmpty() && !configured.equals("NONE")) {
            file = Path.of(configured);
            origin = "javax.net.ssl.trustStore";
        } else if (Files.exists(security.resolve("jssecacerts"))) {
            file = security.resolve("jssecacerts");
            origin = "JVM default trust store";
        } else {
            file = security.resolve("cacerts");
            origin = "JVM default trust store";
        }
        if (!Files.exists(file)) {
            throw new InvalidTrustStoreException(file + " (" + origin + "): no such file; check javax.net.ssl.trustStore "
                    + "or the JDK installation");
        }
        String password = mirrored.isPresent()
                ? mirrored.get().originalProperty("javax.net.ssl.trustStorePassword").orElse(null)
                : System.getProperty("javax.net.ssl.trustStorePassword");
        char[] secret = password == null ? TrustProfile.DEFAULT_PASSWORD.toCharArray() : password.toCharArray();
        LoadedTrustStore loaded = readFile(file, BoundedRead.bytes(file, BoundedRead.attributes(file), TrustStoreSource.DEFAULT_MAX_BYTES), secret,
                file.toString());
        return loaded.describedAs(file + " (" + origin + ", " + loaded.format() + ", " + loaded.entries().size()
                + " certificates)");
    }

    private static LoadedTrustStore readFile(Path path, byte[] bytes, char[] password, String name) {
        if (bytes.length == 0) {
            throw new InvalidTrustStoreException(path + ": the file is empty; point at a PKCS12, JKS or PEM trust store");
        }
        if (looksLikePem(bytes)) {
            return readPemBundle(path, new String(bytes, StandardCharsets.US_ASCII));
        }
        String storeType = storeType(bytes);
        if (storeType == null) {
            throw new InvalidTrustStoreException(path + ": neither a PEM bundle nor a PKCS12/JKS key store "
                    + "(unrecognised content); point at a trust store file");
        }
        checkExtension(path, bytes, storeType);
        Asn1Shape.check(bytes, path.toString());
        try {
            return readKeyStore(path, bytes, storeType, password, name);
        } catch (StackOverflowError e) { // a backstop: Asn1Shape bounds what the JDK's parser meets
            throw new InvalidTrustStoreException(path + ": ASN.1 nested too deeply; point at a real trust store", e);
        }
    }

    /** Whether a PEM block begins anywhere in {@code bytes}: OpenSSL reads past any text before the first one. */
    static boolean looksLikePem(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1).contains("-----BEGIN ");
    }

    /** Key store type by magic number, or {@code null}; DER that is not a key store is tried as a certificate. */
    private static String storeType(byte[] bytes) {
        if (bytes.length >= 4) {
            int magic = ((bytes[0] & 0xff) << 24) | ((bytes[1] & 0xff) << 16) | ((bytes[2] & 0xff) << 8) | (bytes[3] & 0xff);
            if (magic == JKS_MAGIC) {
                return "JKS";
            }
            if (magic == JCEKS_MAGIC) {
                return "JCEKS";
            }
        }
        return (bytes[0] & 0xff) == 0x30 ? "PKCS12" : null;
    }

    /**
     * A name that says key store must hold one: a JVM loads a trust store by its type, so a {@code .jks} or
     * {@code .p12} holding another format (or a certificate) fails in the client, and is named for what it holds.
     */
    private static void checkExtension(Path path, byte[] bytes, String storeType) {
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean saysJks = name.endsWith(".jks") || name.endsWith(".jceks");
        boolean saysPkcs12 = name.endsWith(".p12") || name.endsWith(".pfx") || name.endsWith(".pkcs12");
        if (!saysJks && !saysPkcs12) {
            return;
        }
        String content = storeType;
        if (storeType.equals("PKCS12")) {
            Asn1Shape.check(bytes, path.toString());
            content = isSingleDerCertificate(bytes) ? "a DER certificate, not a key store"
                    : !pkcs7(path, bytes).isEmpty() ? "a PKCS#7 bundle, not a key store" : storeType;
        }
        if ((saysJks && !content.equals("JKS") && !content.equals("JCEKS")) || (saysPkcs12 && !content.equals("PKCS12"))) {
            throw new InvalidTrustStoreException(path + ": the name says " + (saysJks ? "JKS" : "PKCS12")
                    + " but the content is " + content + "; " + (content.startsWith("a ")
                    ? "import it into a key store (keytool -importcert) or rename it .pem/.der"
                    : "rename the file to match its format"));
        }
    }

    private static LoadedTrustStore readKeyStore(Path path, byte[] bytes, String type, char[] password, String name) {
        KeyStore store;
        try {
            store = KeyStore.getInstance(type);
            store.load(new ByteArrayInputStream(bytes), password);
        } catch (IOException e) {
            if (e.getCause() instanceof UnrecoverableKeyException || String.valueOf(e.getMessage()).contains("password")) {
                throw new InvalidTrustStoreException(path + ": wrong password for this " + type
                        + " store; pass the right one (--password)", e);
            }
            if (type.equals("PKCS12") && isSingleDerCertificate(bytes)) {
                return single(path, bytes);
            }
            if (type.equals("PKCS12")) {
                List<LoadedTrustStore.Entry> pkcs7 = pkcs7(path, bytes);
                if (!pkcs7.isEmpty()) {
                    return new LoadedTrustStore(path + " (PKCS#7 bundle, " + pkcs7.size() + " certificates)", "PKCS#7",
                            pkcs7, List.of());
                }
            }
            throw new InvalidTrustStoreException(path + ": not a readable " + type + " key store (" + e.getMessage()
                    + "); check that the file is complete", e);
        } catch (GeneralSecurityException e) {
            throw new InvalidTrustStoreException(path + ": cannot read this " + type + " store (" + e.getMessage() + ")", e);
        }
        LoadedTrustStore loaded;
        try {
            loaded = LoadedTrustStore.fromKeyStore(store, name);
        } catch (GeneralSecurityException e) {
            throw new InvalidTrustStoreException(path + ": cannot list the entries (" + e.getMessage() + ")", e);
        }
        if (loaded.entries().isEmpty()) {
            throw new InvalidTrustStoreException(path + ": this " + type + " store holds no certificate; point at a "
                    + "trust store with CA certificates");
        }
        return loaded;
    }

    private static boolean isSingleDerCertificate(byte[] bytes) {
        try {
            CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(bytes));
            return true;
        } catch (CertificateException e) {
            return false;
        }
    }

    /** The certificates of a DER PKCS#7 bundle ({@code .p7b}), named {@code file#n}; empty when it is none. */
    private static List<LoadedTrustStore.Entry> pkcs7(Path path, byte[] bytes) {
        try {
            List<LoadedTrustStore.Entry> entries = new java.util.ArrayList<>();
            for (java.security.cert.Certificate certificate : CertificateFactory.getInstance("X.509")
                    .generateCertPath(new ByteArrayInputStream(bytes), "PKCS7").getCertificates()) {
                if (certificate instanceof X509Certificate x509) {
                    entries.add(new LoadedTrustStore.Entry(path.getFileName() + "#" + (entries.size() + 1), x509));
                }
            }
            return entries;
        } catch (CertificateException | RuntimeException notPkcs7) {
            return List.of();
        }
    }

    static LoadedTrustStore single(Path path, byte[] bytes) {
        Asn1Shape.check(bytes, path.toString());
        try {
            X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(bytes));
            return new LoadedTrustStore(path + " (DER certificate)", "DER",
                    List.of(new LoadedTrustStore.Entry(path.getFileName().toString(), certificate)), List.of());
        } catch (CertificateException e) {
            throw new InvalidTrustStoreException(path + ": not a readable DER certificate (" + e.getMessage() + ")", e);
        } catch (StackOverflowError e) {
            throw new InvalidTrustStoreException(path + ": ASN.1 nested too deeply; point at a real certificate", e);
        }
    }

    static LoadedTrustStore readPemBundle(Path path, String text) {
        List<Object> objects;
        try {
            objects = Pem.decode(text, path.toString());
        } catch (InvalidTrustStoreException named) {
            throw named;
        } catch (IllegalArgumentException e) {
            throw new InvalidTrustStoreException(path + ": malformed or truncated PEM (" + e.getCause().getMessage()
                    + "); check that the file is complete", e);
        }
        List<LoadedTrustStore.Entry> entries = new ArrayList<>();
        int index = 0;
        for (Object object : objects) {
            index++;
            if (object instanceof X509Certificate certificate) {
                entries.add(new LoadedTrustStore.Entry(path.getFileName() + "#" + index, certificate));
            }
        }
        if (entries.isEmpty()) {
            boolean keysOnly = objects.stream().anyMatch(o -> o instanceof PrivateKey || o instanceof java.security.KeyPair
                    || o instanceof org.bouncycastle.asn1.pkcs.PrivateKeyInfo
                    || o instanceof org.bouncycastle.openssl.PEMKeyPair
                    || o instanceof org.bouncycastle.openssl.PEMEncryptedKeyPair
                    || o instanceof org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo);
            throw new InvalidTrustStoreException(path + (keysOnly
                    ? ": holds a private key but no certificate; point at the CA certificates (a trust store), not a key"
                    : ": holds no certificate; point at a PEM bundle of CA certificates"));
        }
        entries = CertificateDirectory.distinct(entries);
        return new LoadedTrustStore(path + " (PEM bundle, " + entries.size() + " certificates)", "PEM bundle", entries, List.of());
    }

}
