package io.github.atstrust.testkit.pki;

import java.math.BigInteger;
import java.net.URI;
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
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CertificatePolicies;
import org.bouncycastle.asn1.x509.PolicyInformation;
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
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
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

    /**
     * A CA from its certificate and signing key; usually obtained with {@code FakeAtsHierarchy.authority(ca)}.
     *
     * @param certificate the CA certificate, named as issuer of what it signs
     * @param privateKey  its key (for a cross-certificate, the key of its self-signed twin)
     */
    public CertificateAuthority(X509Certificate certificate, PrivateKey privateKey) {
        this.certificate = certificate;
        this.privateKey = privateKey;
    }

    /** {@return the CA certificate} */
    public X509Certificate certificate() {
        return certificate;
    }

    /** {@return the signing key: fake test material, never a real CA's} */
    public PrivateKey privateKey() {
        return privateKey;
    }

    /**
     * Mints a leaf for {@code keyPair}'s public key, signed by this CA.
     *
     * @param spec    names, validity and key usage of the leaf
     * @param keyPair the leaf's keys, e.g. {@code FakeAtsHierarchy.load().leafKeyPair(KeyType.EC_P256)}
     * @return the leaf, without revocation or issuer URLs
     */
    public X509Certificate issue(LeafSpec spec, KeyPair keyPair) {
        return issue(spec, keyPair, null, null, null);
    }

    /**
     * Mints a leaf as a server that publishes its CAs hands it out: with a CRL distribution point, an OCSP responder
     * and, unless {@code spec} says otherwise ({@link LeafSpec#withoutIssuerUrl()}), a caIssuers URL.
     *
     * @param spec      names, validity and key usage of the leaf
     * @param keyPair   the leaf's keys
     * @param crl       the CRL distribution point, or {@code null}
     * @param ocsp      the OCSP responder, or {@code null}
     * @param caIssuers where this CA's certificate is published, or {@code null}
     * @return the leaf
     */
    public X509Certificate issue(LeafSpec spec, KeyPair keyPair, URI crl, URI ocsp, URI caIssuers) {
        return issue(spec, keyPair, crl, ocsp, caIssuers, Instant.now());
    }

    /**
     * Mints a leaf as {@link #issue(LeafSpec, KeyPair, URI, URI, URI)} does, valid around {@code now} instead of
     * the present: e.g. to rehearse a day after today's issuing CAs have ended.
     *
     * @param spec      names, validity and key usage of the leaf
     * @param keyPair   the leaf's keys
     * @param crl       the CRL distribution point, or {@code null}
     * @param ocsp      the OCSP responder, or {@code null}
     * @param caIssuers where this CA's certificate is published, or {@code null}
     * @param now       the instant the leaf's validity is measured from
     * @return the leaf
     */
    public X509Certificate issue(LeafSpec spec, KeyPair keyPair, URI crl, URI ocsp, URI caIssuers, Instant now) {
        return build(spec, keyPair.getPublic(), X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded()),
                certificate.getPublicKey(), privateKey, now, crl, ocsp, spec.publishesIssuer() ? caIssuers : null);
    }

    /**
     * Mints a self-signed leaf: a certificate no trust store holds.
     *
     * @param spec    names, validity and key usage of the leaf
     * @param keyPair the leaf's keys
     * @return the leaf
     */
    public static X509Certificate selfSigned(LeafSpec spec, KeyPair keyPair) {
        return selfSigned(spec, keyPair, Instant.now());
    }

    /**
     * Mints a self-signed leaf issued at {@code now}: its validity is relative to that moment.
     *
     * @param spec    names, validity and key usage of the leaf
     * @param keyPair the leaf's keys
     * @param now     the moment of issuance
     * @return the leaf
     */
    public static X509Certificate selfSigned(LeafSpec spec, KeyPair keyPair, Instant now) {
        return build(spec, keyPair.getPublic(), leafSubject(spec), keyPair.getPublic(), keyPair.getPrivate(),
                now, null, null, null);
    }

    /**
     * A CRL signed by this CA, listing {@code revokedSerials} as key-compromised, valid for a day.
     *
     * @param revokedSerials serial numbers of certificates this CA revoked
     * @param thisUpdate     the CRL's issue time
     * @return the CRL
     */
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
                                         PrivateKey signingKey, Instant now, URI crl, URI ocsp, URI caIssuers) {
        try {
            Instant notBefore = now.plus(spec.notBeforeOffset());
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer,
                    new BigInteger(159, SERIALS).setBit(158), Date.from(notBefore),
                    Date.from(notBefore.plus(spec.validity())), leafSubject(spec), subjectKey);
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            int usage = KeyUsage.digitalSignature | (subjectKey.getAlgorithm().equals("RSA") ? KeyUsage.keyEncipherment : 0);
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(usage));
            // Like an ACM leaf: serverAuth and clientAuth, and the domain-validated policy.
            builder.addExtension(Extension.extendedKeyUsage, false, spec.clientAuth()
                    ? new ExtendedKeyUsage(KeyPurposeId.id_kp_clientAuth)
                    : new ExtendedKeyUsage(new KeyPurposeId[] {KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth}));
            builder.addExtension(Extension.certificatePolicies, false, new CertificatePolicies(
                    new PolicyInformation(new ASN1ObjectIdentifier("2.23.140.1.2.1"))));
            builder.addExtension(Extension.subjectAlternativeName, false, subjectAlternativeNames(spec.hostNames()));
            builder.addExtension(Extension.subjectKeyIdentifier, false, extensions.createSubjectKeyIdentifier(subjectKey));
            builder.addExtension(Extension.authorityKeyIdentifier, false, extensions.createAuthorityKeyIdentifier(issuerKey));
            addPublicationUrls(builder, crl, ocsp, caIssuers);
            return new JcaX509CertificateConverter().getCertificate(
                    builder.build(signer(issuerKey, spec.signatureAlgorithm(), signingKey)));
        } catch (GeneralSecurityException | OperatorCreationException | java.io.IOException e) {
            throw new IllegalStateException("could not mint a leaf for " + spec.hostNames(), e);
        }
    }

    /**
     * Issues a copy of the CA certificate {@code template} under this CA: the same subject, key, validity and
     * extensions, a fresh serial, and the given CRL distribution point, OCSP responder and caIssuers URLs (each
     * may be {@code null}), as a server that publishes its CAs hands them out. Signed with the template's
     * signature algorithm.
     *
     * @param template  a CA certificate issued under this CA's name
     * @param crl       the CRL distribution point, or {@code null}
     * @param ocsp      the OCSP responder, or {@code null}
     * @param caIssuers where this CA's certificate is published, or {@code null}
     * @return the copy
     * @throws IllegalArgumentException when {@code template} was not issued under this CA's name
     */
    public X509Certificate issueCopy(X509Certificate template, URI crl, URI ocsp, URI caIssuers) {
        if (!template.getIssuerX500Principal().equals(certificate.getSubjectX500Principal())) {
            throw new IllegalArgumentException(template.getSubjectX500Principal() + " is issued by "
                    + template.getIssuerX500Principal() + ", not by " + certificate.getSubjectX500Principal());
        }
        try {
            X509CertificateHolder source = new JcaX509CertificateHolder(template);
            X509v3CertificateBuilder builder = new X509v3CertificateBuilder(source.getIssuer(),
                    new BigInteger(159, SERIALS).setBit(158), source.getNotBefore(), source.getNotAfter(),
                    source.getSubject(), source.getSubjectPublicKeyInfo());
            for (Object oid : source.getExtensionOIDs()) {
                ASN1ObjectIdentifier id = (ASN1ObjectIdentifier) oid;
                if (!id.equals(Extension.authorityInfoAccess) && !id.equals(Extension.cRLDistributionPoints)) {
                    builder.copyAndAddExtension(id, source.getExtension(id).isCritical(), source);
                }
            }
            addPublicationUrls(builder, crl, ocsp, caIssuers);
            return new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder(template.getSigAlgName()).build(privateKey)));
        } catch (GeneralSecurityException | OperatorCreationException | java.io.IOException e) {
            throw new IllegalStateException("could not issue a copy of " + template.getSubjectX500Principal(), e);
        }
    }

    private static void addPublicationUrls(X509v3CertificateBuilder builder, URI crl, URI ocsp, URI caIssuers)
            throws java.io.IOException {
        if (crl != null) {
            GeneralNames names = new GeneralNames(new GeneralName(GeneralName.uniformResourceIdentifier, crl.toString()));
            builder.addExtension(Extension.cRLDistributionPoints, false, new CRLDistPoint(new DistributionPoint[] {
                    new DistributionPoint(new DistributionPointName(names), null, null)}));
        }
        List<AccessDescription> access = new ArrayList<>();
        if (ocsp != null) {
            access.add(new AccessDescription(AccessDescription.id_ad_ocsp,
                    new GeneralName(GeneralName.uniformResourceIdentifier, ocsp.toString())));
        }
        if (caIssuers != null) {
            access.add(new AccessDescription(AccessDescription.id_ad_caIssuers,
                    new GeneralName(GeneralName.uniformResourceIdentifier, caIssuers.toString())));
        }
        if (!access.isEmpty()) {
            builder.addExtension(Extension.authorityInfoAccess, false,
                    new AuthorityInformationAccess(access.toArray(AccessDescription[]::new)));
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
