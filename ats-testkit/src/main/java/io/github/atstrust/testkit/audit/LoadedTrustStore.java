package io.github.atstrust.testkit.audit;

import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * The certificates read from a trust store.
 *
 * @param description what was read, e.g. {@code /etc/ssl/certs (directory, 146 files)}
 * @param format      {@code PKCS12}, {@code JKS}, {@code PEM bundle} or {@code directory}
 * @param entries     every certificate with the name it had in the store (alias or file name)
 * @param unreadable  entries that could not be read, each with the reason
 */
public record LoadedTrustStore(String description, String format, List<Entry> entries, List<String> unreadable) {

    /** One certificate and where it was found. */
    public record Entry(String name, X509Certificate certificate) {
    }

    public LoadedTrustStore {
        entries = List.copyOf(entries);
        unreadable = List.copyOf(unreadable);
    }

    public List<X509Certificate> certificates() {
        return entries.stream().map(Entry::certificate).toList();
    }

    /** An in-memory key store with every certificate as a trusted entry under its name. */
    public KeyStore toKeyStore() {
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
