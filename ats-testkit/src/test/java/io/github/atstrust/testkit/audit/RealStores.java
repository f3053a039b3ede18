package io.github.atstrust.testkit.audit;

import io.github.atstrust.testkit.pki.RealAtsRoot;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.Collections;
import java.util.List;

/** Real trust stores for the audit tests: built from the real roots, or copied from the JDK's cacerts. */
final class RealStores {

    static final Path JDK_25_CACERTS = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64/lib/security/cacerts");

    private RealStores() {
    }

    /** A PKCS12 store (password {@code changeit}) holding exactly these real roots. */
    static Path withRoots(Path file, List<RealAtsRoot> roots) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        for (RealAtsRoot root : roots) {
            store.setCertificateEntry(root.id(), root.certificate());
        }
        return write(store, file);
    }

    /** A copy of this JVM's cacerts without any of the given certificates' matches. */
    static Path cacertsWithout(Path file, List<RealAtsRoot> removed) throws Exception {
        KeyStore store = cacerts();
        for (String alias : Collections.list(store.aliases())) {
            X509Certificate certificate = (X509Certificate) store.getCertificate(alias);
            if (removed.stream().anyMatch(root -> root.matches(certificate))) {
                store.deleteEntry(alias);
            }
        }
        return write(store, file);
    }

    static KeyStore cacerts() {
        return TrustStoreSource.jvm().toKeyStore();
    }

    static Path write(KeyStore store, Path file) throws Exception {
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, "changeit".toCharArray());
        }
        return file;
    }
}
