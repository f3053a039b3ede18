package io.github.atstrust.testkit.scenario;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * The certificates a scenario's server sends, leaf first and in the order sent, with the leaf's private key.
 */
public record ServedChain(List<X509Certificate> certificates, PrivateKey privateKey) {

    public ServedChain {
        certificates = List.copyOf(certificates);
    }

    public X509Certificate leaf() {
        return certificates.get(0);
    }

    /** Everything sent after the leaf. */
    public List<X509Certificate> intermediates() {
        return certificates.subList(1, certificates.size());
    }
}
