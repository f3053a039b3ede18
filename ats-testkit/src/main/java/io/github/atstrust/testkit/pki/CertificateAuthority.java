package io.github.atstrust.testkit.pki;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A certificate authority of the fake hierarchy (certificate and private key) that mints leaf certificates
 * and CRLs at runtime. Signing is cheap; keys come from the fixtures, so nothing here generates a key.
 *
 * <pre>
 * CertificateAuthority m01 = FakeAtsHierarchy.load().authority(FakeCa.AMAZON_RSA_2048_M01);
 * X509Certificate leaf = m01.issue(LeafSpec.forHosts("localhost"), hierarchy.leafKeyPair(KeyType.RSA_2048));
 * </pre>
 */
public final class CertificateAuthority {

    static final String TEST_ONLY_ORGANISATION = "ATS Trust Kit (TEST ONLY)";
    private static final SecureRandom SERIALS = new SecureRandom();

    private final X509Certificate certificate;
    private final PrivateKey privateKey;

    public CertificateAuthority(X509Certificate certificate, PrivateKey privateKey) {
        this.certificate = certificate;
        this.privateKey = privateKey;
    }

    public X509Certificate certificate() {
        return certificate;
    }

    public PrivateKey privateKey() {
        return privateKey;
    }

    /** Mints a leaf for {@code keyPair}'s public key, signed by this CA. */
    public X509Certificate issue(LeafSpec spec, KeyPair keyPair) {
        return build(spec, keyPair.getPublic(), X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded()),
                certificate.getPublicKey(), privateKey, Instant.now());
    }

    /** Mints a self-signed leaf: a certificate no trust store holds. */
    public static X509Certificate selfSigned(LeafSpec spec, KeyPair keyPair) {
        return build(spec, keyPair.getPublic(), leafSubject(spec), keyPair.getPublic(), keyPair.getPrivate(),
                Instant.now());
    }

    /** A CRL signed by this CA, listing {@code revokedSerials} as key-compromised, valid for a day. */
    public X509CRL crl(Collection<BigInteger> revokedSerials, Instant thisUpdate) {
        try {
            X509v2CRLBuilder builder = new JcaX509v2CRLBuilder(certificate, Date.from(thisUpdate));
            builder.setNextUpdate(Date.from(thisUpdate.plus(Duration.ofDays(1))));
            for (BigInteger serial : revokedSerials) {
                builder.addCRLEntry(serial, Date.from(thisUpdate.minus(Duration.ofHours(1))), CRLReason.keyCompromise);
            }
            builder.addExtension(Extension.authorityKeyIdentifier, false,
                    new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(certificate.getPublicKey()));
            return new JcaX509CRLConverter().getCRL(builder.build(signer(certificate.getPublicKey(), null, privateKey)));
        } catch (GeneralSecurityException | OperatorCreationException | java.io.IOException e) {
            throw new IllegalStateException("could not sign a CRL with " + certificate.getSubjectX500Principal(), e);
        }
    }

    private static X509Certificate build(LeafSpec spec, PublicKey subjectKey, X500Name issuer, PublicKey issuerKey,
                                         PrivateKey signingKey, Instant now) {
        try {
            Instant notBefore = now.plus(spec.notBeforeOffset());
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer,
                    new BigInteger(159, SERIALS).setBit(158), Date.from(notBefore),
                    Date.from(notBefore.plus(spec.validity())), leafSubject(spec), subjectKey);
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            int usage = KeyUsage.digitalSignature | (subjectKey.getAlgorithm().equals("RSA") ? KeyUsage.keyEncipherment : 0);
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(usage));
            builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(spec.extendedKeyUsage().stream()
                    .map(p -> p == LeafSpec.Purpose.SERVER_AUTH ? KeyPurposeId.id_kp_serverAuth : KeyPurposeId.id_kp_clientAuth)
                    .toArray(KeyPurposeId[]::new)));
            builder.addExtension(Extension.subjectAlternativeName, false, subjectAlternativeNames(spec.hostNames()));
            builder.addExtension(Extension.subjectKeyIdentifier, false, extensions.createSubjectKeyIdentifier(subjectKey));
            builder.addExtension(Extension.authorityKeyIdentifier, false, extensions.createAuthorityKeyIdentifier(issuerKey));
            if (spec.crlUri() != null) {
                GeneralNames crl = new GeneralNames(new GeneralName(GeneralName.uniformResourceIdentifier,
                        spec.crlUri().toString()));
                builder.addExtension(Extension.cRLDistributionPoints, false, new CRLDistPoint(new DistributionPoint[] {
                        new DistributionPoint(new DistributionPointName(crl), null, null)}));
            }
            if (spec.ocspUri() != null) {
                builder.addExtension(Extension.authorityInfoAccess, false, new AuthorityInformationAccess(
                        new AccessDescription(AccessDescription.id_ad_ocsp,
                                new GeneralName(GeneralName.uniformResourceIdentifier, spec.ocspUri().toString()))));
            }
            return new JcaX509CertificateConverter().getCertificate(
                    builder.build(signer(issuerKey, spec.signatureAlgorithm(), signingKey)));
        } catch (GeneralSecurityException | OperatorCreationException | java.io.IOException e) {
            throw new IllegalStateException("could not mint a leaf for " + spec.hostNames(), e);
        }
    }

    private static org.bouncycastle.operator.ContentSigner signer(PublicKey issuerKey, String algorithm, PrivateKey key)
            throws OperatorCreationException {
        return new JcaContentSignerBuilder(algorithm != null ? algorithm : defaultSignatureAlgorithm(issuerKey)).build(key);
    }

    /** The algorithm the real ATS CAs use with such a key. */
    static String defaultSignatureAlgorithm(PublicKey issuerKey) {
        if (issuerKey instanceof ECKey ec) {
            return ec.getParams().getCurve().getField().getFieldSize() > 256 ? "SHA384withECDSA" : "SHA256withECDSA";
        }
        return "SHA256withRSA";
    }

    private static X500Name leafSubject(LeafSpec spec) {
        return new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.O, TEST_ONLY_ORGANISATION)
                .addRDN(BCStyle.CN, spec.hostNames().get(0))
                .build();
    }

    private static GeneralNames subjectAlternativeNames(List<String> hostNames) {
        List<GeneralName> names = new ArrayList<>();
        for (String host : hostNames) {
            boolean ip = host.contains(":") || host.matches("[0-9.]+");
            names.add(new GeneralName(ip ? GeneralName.iPAddress : GeneralName.dNSName, host));
        }
        return new GeneralNames(names.toArray(GeneralName[]::new));
    }

    @Override
    public String toString() {
        return "CertificateAuthority[" + certificate.getSubjectX500Principal().getName() + "]";
    }
}
