package io.github.atstrust.testkit.picture;

import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import javax.security.auth.x500.X500Principal;

/** What a picture says of a certificate: its short name, key type and days. */
final class CertificateFacts {

    private CertificateFacts() {
    }

    /** The CN, or the OU of a subject without one (Starfield Class 2), or the whole name. */
    static String name(X500Principal principal) {
        String common = null;
        String unit = null;
        try {
            for (Rdn rdn : new LdapName(principal.getName()).getRdns()) {
                if (rdn.getType().equalsIgnoreCase("CN")) {
                    common = rdn.getValue().toString();
                } else if (rdn.getType().equalsIgnoreCase("OU")) {
                    unit = rdn.getValue().toString();
                }
            }
        } catch (InvalidNameException e) {
            return principal.getName();
        }
        return common != null ? common : unit != null ? unit : principal.getName();
    }

    static String subject(X509Certificate certificate) {
        return name(certificate.getSubjectX500Principal());
    }

    static boolean selfSigned(X509Certificate certificate) {
        return certificate.getSubjectX500Principal().equals(certificate.getIssuerX500Principal());
    }

    /** {@return e.g. {@code RSA 2048}, {@code EC P-384}} */
    static String keyType(X509Certificate certificate) {
        if (certificate.getPublicKey() instanceof RSAPublicKey rsa) {
            return "RSA " + rsa.getModulus().bitLength();
        }
        if (certificate.getPublicKey() instanceof ECPublicKey ec) {
            return "EC P-" + ec.getParams().getCurve().getField().getFieldSize();
        }
        return certificate.getPublicKey().getAlgorithm();
    }

    static LocalDate notAfter(X509Certificate certificate) {
        return certificate.getNotAfter().toInstant().atZone(ZoneOffset.UTC).toLocalDate();
    }

    /** Subject and key: a self-signed root and its cross-certificates are one certificate authority. */
    static String authority(X509Certificate certificate) {
        return certificate.getSubjectX500Principal().getName() + "|"
                + Base64.getEncoder().encodeToString(certificate.getPublicKey().getEncoded());
    }

    /** Signatures checked, per signed certificate and issuer key; weak, so a stopped server's leaves are forgotten. */
    private static final Map<X509Certificate, Map<PublicKey, Boolean>> CHECKED =
            Collections.synchronizedMap(new WeakHashMap<>());

    /** Whether {@code issuer}'s key signed {@code certificate} (each pair verified once: a page draws it many times). */
    static boolean signed(X509Certificate issuer, X509Certificate certificate) {
        if (!issuer.getSubjectX500Principal().equals(certificate.getIssuerX500Principal())) {
            return false;
        }
        Map<PublicKey, Boolean> byKey = CHECKED.computeIfAbsent(certificate, c -> new ConcurrentHashMap<>());
        return byKey.computeIfAbsent(issuer.getPublicKey(), key -> {
            try {
                certificate.verify(key);
                return true;
            } catch (java.security.GeneralSecurityException e) {
                return false;
            }
        });
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
