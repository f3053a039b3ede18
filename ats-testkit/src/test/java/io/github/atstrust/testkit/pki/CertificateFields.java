package io.github.atstrust.testkit.pki;

import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.AttributeTypeAndValue;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CertificatePolicies;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.PolicyInformation;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;

/**
 * What a validator reads of a certificate, field by field, as words that can be compared between a fake certificate
 * and its real twin: key, signature algorithm, version, basic constraints, key usage, EKU, policies, which
 * publication URLs it carries, the structure of its names, its validity days and any other extensions.
 */
final class CertificateFields {

    private CertificateFields() {
    }

    /** The fields of {@code certificate}, in a fixed order. */
    static Map<String, String> of(X509Certificate certificate) throws Exception {
        X509CertificateHolder holder = new JcaX509CertificateHolder(certificate);
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("key", key(certificate));
        fields.put("signature algorithm", certificate.getSigAlgName());
        fields.put("version", "v" + certificate.getVersion());
        fields.put("basic constraints", basicConstraints(holder));
        fields.put("key usage", keyUsage(holder));
        fields.put("extended key usage", extendedKeyUsage(holder));
        fields.put("certificate policies", policies(holder));
        fields.put("authority information access", access(holder));
        fields.put("CRL distribution point", holder.getExtension(Extension.cRLDistributionPoints) == null ? "absent" : "present");
        fields.put("subject attributes", types(holder.getSubject()));
        fields.put("issuer attributes", types(holder.getIssuer()));
        fields.put("not before", certificate.getNotBefore().toInstant().atZone(ZoneOffset.UTC).toLocalDate().toString());
        fields.put("not after", certificate.getNotAfter().toInstant().atZone(ZoneOffset.UTC).toLocalDate().toString());
        fields.put("other extensions", otherExtensions(holder));
        return fields;
    }

    /**
     * The attribute values of a fake name that are not the real name's once the kit's marking is taken off
     * (the organisation {@code ATS Trust Kit (TEST ONLY)} and the prefix {@code FAKE }).
     */
    static List<String> unmarkedValueDifferences(X500Name fake, X500Name real) {
        List<String> differences = new ArrayList<>();
        RDN[] fakeRdns = fake.getRDNs();
        RDN[] realRdns = real.getRDNs();
        for (int i = 0; i < Math.min(fakeRdns.length, realRdns.length); i++) {
            String fakeValue = fakeRdns[i].getFirst().getValue().toString();
            String realValue = realRdns[i].getFirst().getValue().toString();
            boolean marked = fakeValue.equals(FakeAtsHierarchy.TEST_ONLY_ORGANISATION)
                    || fakeValue.replaceFirst("^FAKE ", "").equals(realValue);
            if (!marked) {
                differences.add(fakeValue + " vs " + realValue);
            }
        }
        return differences;
    }

    private static String key(X509Certificate certificate) {
        if (certificate.getPublicKey() instanceof RSAPublicKey rsa) {
            return "RSA " + rsa.getModulus().bitLength();
        }
        ECPublicKey ec = (ECPublicKey) certificate.getPublicKey();
        return "EC P-" + ec.getParams().getCurve().getField().getFieldSize();
    }

    private static String basicConstraints(X509CertificateHolder holder) {
        Extension extension = holder.getExtension(Extension.basicConstraints);
        if (extension == null) {
            return "absent";
        }
        BasicConstraints constraints = BasicConstraints.getInstance(extension.getParsedValue());
        return criticality(extension) + " CA:" + constraints.isCA()
                + (constraints.getPathLenConstraint() == null ? "" : " pathLen " + constraints.getPathLenConstraint());
    }

    private static String keyUsage(X509CertificateHolder holder) {
        Extension extension = holder.getExtension(Extension.keyUsage);
        if (extension == null) {
            return "absent";
        }
        KeyUsage usage = KeyUsage.getInstance(extension.getParsedValue());
        List<String> bits = new ArrayList<>();
        String[] names = {"digitalSignature", "nonRepudiation", "keyEncipherment", "dataEncipherment", "keyAgreement",
                "keyCertSign", "cRLSign", "encipherOnly", "decipherOnly"};
        int[] masks = {KeyUsage.digitalSignature, KeyUsage.nonRepudiation, KeyUsage.keyEncipherment,
                KeyUsage.dataEncipherment, KeyUsage.keyAgreement, KeyUsage.keyCertSign, KeyUsage.cRLSign,
                KeyUsage.encipherOnly, KeyUsage.decipherOnly};
        for (int i = 0; i < names.length; i++) {
            if (usage.hasUsages(masks[i])) {
                bits.add(names[i]);
            }
        }
        return criticality(extension) + " " + String.join(" ", bits);
    }

    private static String extendedKeyUsage(X509CertificateHolder holder) {
        Extension extension = holder.getExtension(Extension.extendedKeyUsage);
        if (extension == null) {
            return "absent";
        }
        List<String> purposes = new ArrayList<>();
        for (KeyPurposeId purpose : ExtendedKeyUsage.getInstance(extension.getParsedValue()).getUsages()) {
            purposes.add(purpose.equals(KeyPurposeId.id_kp_serverAuth) ? "serverAuth"
                    : purpose.equals(KeyPurposeId.id_kp_clientAuth) ? "clientAuth" : purpose.getId());
        }
        return criticality(extension) + " " + String.join(" ", purposes);
    }

    private static String policies(X509CertificateHolder holder) {
        Extension extension = holder.getExtension(Extension.certificatePolicies);
        if (extension == null) {
            return "absent";
        }
        List<String> oids = new ArrayList<>();
        for (PolicyInformation policy : CertificatePolicies.getInstance(extension.getParsedValue()).getPolicyInformation()) {
            String oid = policy.getPolicyIdentifier().getId();
            oids.add(oid.equals("2.5.29.32.0") ? "anyPolicy" : oid);
        }
        return criticality(extension) + " " + String.join(" ", oids);
    }

    private static String access(X509CertificateHolder holder) {
        Extension extension = holder.getExtension(Extension.authorityInfoAccess);
        if (extension == null) {
            return "absent";
        }
        List<String> methods = new ArrayList<>();
        for (AccessDescription description : AuthorityInformationAccess.getInstance(extension.getParsedValue())
                .getAccessDescriptions()) {
            methods.add(description.getAccessMethod().equals(AccessDescription.id_ad_ocsp) ? "OCSP" : "caIssuers");
        }
        return String.join(" ", methods);
    }

    private static String types(X500Name name) {
        List<String> types = new ArrayList<>();
        for (RDN rdn : name.getRDNs()) {
            for (AttributeTypeAndValue attribute : rdn.getTypesAndValues()) {
                types.add(BCStyle.INSTANCE.oidToDisplayName(attribute.getType()));
            }
        }
        return String.join(" ", types);
    }

    private static String otherExtensions(X509CertificateHolder holder) {
        List<String> others = new ArrayList<>();
        for (Object oid : holder.getExtensionOIDs()) {
            ASN1ObjectIdentifier id = (ASN1ObjectIdentifier) oid;
            if (List.of(Extension.basicConstraints, Extension.keyUsage, Extension.extendedKeyUsage,
                    Extension.certificatePolicies, Extension.authorityInfoAccess, Extension.cRLDistributionPoints,
                    Extension.subjectKeyIdentifier, Extension.authorityKeyIdentifier, Extension.subjectAlternativeName)
                    .contains(id)) {
                continue;
            }
            others.add(id.getId().equals("1.3.6.1.4.1.11129.2.4.2") ? "CT SCTs" : id.getId());
        }
        boolean ski = holder.getExtension(Extension.subjectKeyIdentifier) != null;
        boolean aki = holder.getExtension(Extension.authorityKeyIdentifier) != null;
        if (!ski) {
            others.add("no SKI");
        }
        if (!aki && !holder.getSubject().equals(holder.getIssuer())) {
            others.add("no AKI");
        }
        return others.isEmpty() ? "none" : String.join(" ", others);
    }

    private static String criticality(Extension extension) {
        return extension.isCritical() ? "critical" : "non-critical";
    }
}
