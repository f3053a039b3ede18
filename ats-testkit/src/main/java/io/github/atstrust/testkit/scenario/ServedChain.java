package io.github.atstrust.testkit.scenario;

import io.github.atstrust.testkit.pki.FakeCa;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Arrays;
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

    /**
     * Whether the chain stops below an intermediate CA: its last certificate was issued by a fake CA that is
     * only ever an intermediate, so no client can reach a root without fetching what was left out.
     */
    public boolean endsBelowAnIntermediate() {
        X509Certificate top = certificates.get(certificates.size() - 1);
        if (top.getIssuerX500Principal().equals(top.getSubjectX500Principal())) {
            return false;
        }
        List<X509Certificate> issuers = Arrays.stream(FakeCa.values()).map(FakeCa::certificate)
                .filter(ca -> ca.getSubjectX500Principal().equals(top.getIssuerX500Principal())).toList();
        return !issuers.isEmpty()
                && issuers.stream().noneMatch(ca -> ca.getIssuerX500Principal().equals(ca.getSubjectX500Principal()));
    }

    /** Everything sent after the leaf. */
    public List<X509Certificate> intermediates() {
        return certificates.subList(1, certificates.size());
    }
}
