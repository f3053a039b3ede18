package io.github.atstrust.testkit.audit;

import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The certificates read from a trust store.
 *
 * @param description what was read, e.g. {@code /etc/ssl/certs (directory, 146 files)}
 * @param format      {@code PKCS12}, {@code JKS}, {@code PEM bundle} or {@code directory}
 * @param entries     every certificate with the name it had in the store (alias or file name)
 * @param unreadable  entries that could not be read, each with the reason
 */
record LoadedTrustStore(String description, String format, List<Entry> entries, List<String> unreadable) {

    /** One certificate and where it was found. */
    record Entry(String name, X509Certificate certificate) {
    }

    LoadedTrustStore {
        entries = List.copyOf(entries);
        unreadable = List.copyOf(unreadable);
    }

    /**
     * The certificates of a loaded key store, by alias; entries that are not X.509 certificates are listed as
     * unreadable. {@code source} names the store in the description.
     *
     * @throws KeyStoreException when the store was not loaded
     */
    static LoadedTrustStore fromKeyStore(KeyStore store, String source) throws KeyStoreException {
        List<Entry> entries = new ArrayList<>();
        List<String> unreadable = new ArrayList<>();
        for (String alias : Collections.list(store.aliases())) {
            if (store.getCertificate(alias) instanceof X509Certificate certificate) {
                entries.add(new Entry(alias, certificate));
            } else {
                unreadable.add(alias + ": not an X.509 certificate entry");
            }
        }
        return new LoadedTrustStore(source + " (" + store.getType() + ", " + entries.size() + " certificates)",
                store.getType(), entries, unreadable);
    }

    /** The same certificates under another description, e.g. where a temporary copy really came from. */
    LoadedTrustStore describedAs(String newDescription) {
        return new LoadedTrustStore(newDescription, format, entries, unreadable);
    }

    /** An in-memory key store with every certificate as a trusted entry under its name. */
    KeyStore toKeyStore() {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            int i = 0;
            for (Entry entry : entries) {
                String alias = entry.name();
                if (store.containsAlias(alias)) {
                    alias = alias + "#" + (++i);
                }
                store.setCertificateEntry(alias, entry.certificate());
            }
            return store;
        } catch (Exception e) {
            throw new IllegalStateException("cannot copy " + description + " into a key store", e);
        }
    }
}
