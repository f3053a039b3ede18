package io.github.atstrust.cli;

import io.github.atstrust.testkit.pki.FakeCa;
import io.github.atstrust.testkit.pki.RealAtsRoot;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;

/** PKCS12 stores (password {@code changeit}) of real ATS roots for the audit commands' tests. */
final class RealRootStores {

    private RealRootStores() {
    }

    /**
     * Writes {@code dir/name} holding exactly these real roots, each under its id; with none, only the kit's
     * unrelated public root (a store without ATS anchors that is not empty).
     */
    static Path write(Path dir, String name, RealAtsRoot... roots) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        for (RealAtsRoot root : roots) {
            store.setCertificateEntry(root.id(), root.certificate());
        }
        if (roots.length == 0) {
            store.setCertificateEntry("other", FakeCa.OTHER_PUBLIC_ROOT.certificate());
        }
        Path file = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, "changeit".toCharArray());
        }
        return file;
    }
}
