package io.github.atstrust.testkit.scenario;

import java.security.cert.X509Certificate;
import java.util.List;

/**
 * The certificates a scenario's server sends, leaf first and in the order sent (the server's private key stays
 * inside the server).
 *
 * @param certificates the leaf, then every CA certificate the server sends
 */
public record ServedChain(List<X509Certificate> certificates) {

    public ServedChain {
        certificates = List.copyOf(certificates);
    }

    /** The server's own certificate. */
    public X509Certificate leaf() {
        return certificates.get(0);
    }

    /** Everything sent after the leaf. */
    public List<X509Certificate> intermediates() {
        return certificates.subList(1, certificates.size());
    }
}
