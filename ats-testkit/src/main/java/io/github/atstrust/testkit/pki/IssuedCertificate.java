package io.github.atstrust.testkit.pki;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;

/** A certificate together with the private key of its subject, as minted by a {@link CertificateAuthority}. */
public record IssuedCertificate(X509Certificate certificate, PrivateKey privateKey) {
}
