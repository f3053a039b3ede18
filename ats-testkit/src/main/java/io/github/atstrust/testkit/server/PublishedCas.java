package io.github.atstrust.testkit.server;

import io.github.atstrust.testkit.pki.FakeAtsHierarchy;
import io.github.atstrust.testkit.pki.FakeCa;
import java.net.URI;
import java.security.cert.X509Certificate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The fake CA certificates as one running server hands them out. Like the real ATS intermediates and
 * cross-certificates, every certificate below a root carries a CRL distribution point, an OCSP responder and a
 * caIssuers URL, here the kit's own plain-HTTP connector; since its port is chosen at start, each is a copy of
 * the fixture (same subject, key and extensions, fresh serial) issued when first needed and registered with the
 * responder. Roots are served as they are.
 */
final class PublishedCas {

    private final FakeAtsHierarchy fake = FakeAtsHierarchy.load();
    private final URI base;
    private final RevocationResponder revocation;
    private final Map<FakeCa, X509Certificate> published = new ConcurrentHashMap<>();

    PublishedCas(URI base, RevocationResponder revocation) {
        this.base = base;
        this.revocation = revocation;
    }

    /** The certificate of {@code ca} as this server sends and serves it. */
    X509Certificate certificate(FakeCa ca) {
        if (fake.isRoot(ca)) {
            return fake.certificate(ca);
        }
        return published.computeIfAbsent(ca, c -> issueCopy(c, false));
    }

    /** A copy signed by an earlier start with this server's URLs ({@link SignedMaterialCache}), registered again. */
    void adopt(FakeCa ca, X509Certificate copy) {
        published.put(ca, copy);
        revocation.register(fake.issuerOf(ca), copy.getSerialNumber(), false);
    }

    /** {@return the copies issued so far} */
    Map<FakeCa, X509Certificate> copies() {
        return Map.copyOf(published);
    }

    URI base() {
        return base;
    }

    /** Another copy of {@code ca}, revoked by its issuer in its CRL and by OCSP. */
    X509Certificate revokedCopy(FakeCa ca) {
        return issueCopy(ca, true);
    }

    URI crl(FakeCa issuer) {
        return base.resolve("crl/" + issuer.id() + ".crl");
    }

    URI ocsp() {
        return base.resolve("ocsp");
    }

    URI caIssuers(FakeCa issuer) {
        return base.resolve("ca/" + issuer.id() + ".cer");
    }

    private X509Certificate issueCopy(FakeCa ca, boolean revoked) {
        FakeCa issuer = fake.issuerOf(ca);
        X509Certificate copy = fake.authority(issuer).issueCopy(fake.certificate(ca), crl(issuer), ocsp(), caIssuers(issuer));
        revocation.register(issuer, copy.getSerialNumber(), revoked);
        return copy;
    }
}
