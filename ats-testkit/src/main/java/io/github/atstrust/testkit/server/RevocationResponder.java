package io.github.atstrust.testkit.server;

import io.github.atstrust.testkit.pki.CertificateAuthority;
import io.github.atstrust.testkit.pki.FakeAtsHierarchy;
import io.github.atstrust.testkit.pki.FakeCa;
import java.io.IOException;
import java.math.BigInteger;
import java.security.cert.CRLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.BasicOCSPRespBuilder;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPException;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.bouncycastle.cert.ocsp.Req;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.bouncycastle.cert.ocsp.jcajce.JcaBasicOCSPRespBuilder;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * The kit's offline revocation service: a fresh CRL per issuing CA and an OCSP responder (responses signed
 * by the issuing CA, nonce echoed) that knows every leaf the servers minted.
 */
final class RevocationResponder {

    private final Map<FakeCa, Set<BigInteger>> issued = new EnumMap<>(FakeCa.class);
    private final Map<FakeCa, Set<BigInteger>> revoked = new EnumMap<>(FakeCa.class);

    synchronized void register(FakeCa issuer, BigInteger serial, boolean isRevoked) {
        issued.computeIfAbsent(issuer, ca -> new HashSet<>()).add(serial);
        if (isRevoked) {
            revoked.computeIfAbsent(issuer, ca -> new HashSet<>()).add(serial);
        }
    }

    /**
     * The DER CRL of {@code issuer}, signed now and dated a minute back, as the OCSP answers are: a CRL whose
     * thisUpdate is the very second a client checks it was seen "not yet valid" by {@code openssl verify} once.
     */
    synchronized byte[] crl(FakeCa issuer) {
        try {
            return FakeAtsHierarchy.load().authority(issuer)
                    .crl(revoked.getOrDefault(issuer, Set.of()), Instant.now().minus(Duration.ofMinutes(1))).getEncoded();
        } catch (CRLException e) {
            throw new IllegalStateException("cannot encode the CRL of " + issuer.id(), e);
        }
    }

    /** An encoded OCSP response for an encoded request. */
    synchronized byte[] ocsp(byte[] requestBytes) throws IOException {
        OCSPReq request;
        try {
            request = new OCSPReq(requestBytes);
        } catch (IOException e) {
            return bare(OCSPRespBuilder.MALFORMED_REQUEST);
        }
        try {
            DigestCalculatorProvider digests = new JcaDigestCalculatorProviderBuilder().build();
            Req[] entries = request.getRequestList();
            FakeCa issuer = entries.length == 0 ? null : issuerOf(entries[0].getCertID(), digests);
            if (issuer == null) {
                return bare(OCSPRespBuilder.UNAUTHORIZED);
            }
            CertificateAuthority authority = FakeAtsHierarchy.load().authority(issuer);
            BasicOCSPRespBuilder builder = new JcaBasicOCSPRespBuilder(authority.certificate().getPublicKey(),
                    digests.get(CertificateID.HASH_SHA1));
            Instant now = Instant.now();
            for (Req entry : entries) {
                builder.addResponse(entry.getCertID(), status(issuer, entry.getCertID().getSerialNumber(), now),
                        Date.from(now.minus(Duration.ofMinutes(1))), Date.from(now.plus(Duration.ofHours(1))), null);
            }
            Extension nonce = request.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce);
            if (nonce != null) {
                builder.setResponseExtensions(new Extensions(nonce));
            }
            X509CertificateHolder issuerHolder = new JcaX509CertificateHolder(authority.certificate());
            String algorithm = authority.certificate().getPublicKey().getAlgorithm().equals("EC")
                    ? "SHA256withECDSA" : "SHA256withRSA";
            BasicOCSPResp basic = builder.build(new JcaContentSignerBuilder(algorithm).build(authority.privateKey()),
                    new X509CertificateHolder[] {issuerHolder}, Date.from(now));
            return new OCSPRespBuilder().build(OCSPRespBuilder.SUCCESSFUL, basic).getEncoded();
        } catch (OCSPException | OperatorCreationException | java.security.cert.CertificateEncodingException e) {
            return bare(OCSPRespBuilder.INTERNAL_ERROR);
        }
    }

    /** A response carrying only a status (no basic response), as RFC 6960 prescribes for errors. */
    private static byte[] bare(int status) throws IOException {
        try {
            return new OCSPRespBuilder().build(status, null).getEncoded();
        } catch (OCSPException e) {
            throw new IOException(e);
        }
    }

    private CertificateStatus status(FakeCa issuer, BigInteger serial, Instant now) {
        if (revoked.getOrDefault(issuer, Set.of()).contains(serial)) {
            return new RevokedStatus(Date.from(now.minus(Duration.ofHours(1))), CRLReason.keyCompromise);
        }
        return issued.getOrDefault(issuer, Set.of()).contains(serial) ? CertificateStatus.GOOD : new UnknownStatus();
    }

    private FakeCa issuerOf(CertificateID id, DigestCalculatorProvider digests) throws OCSPException {
        for (FakeCa ca : issued.keySet()) {
            try {
                if (id.matchesIssuer(new JcaX509CertificateHolder(ca.certificate()), digests)) {
                    return ca;
                }
            } catch (java.security.cert.CertificateEncodingException e) {
                throw new IllegalStateException(e);
            }
        }
        return null;
    }
}
