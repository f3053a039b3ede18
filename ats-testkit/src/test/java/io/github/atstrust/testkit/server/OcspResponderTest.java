package io.github.atstrust.testkit.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.atstrust.testkit.pki.FakeCa;
import java.math.BigInteger;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.security.cert.X509Certificate;
import java.util.Set;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The OCSP responder spoken to directly, as any OCSP client would: POST a request, read a signed answer. */
class OcspResponderTest {

    private static AtsServers servers;

    @BeforeAll
    static void startServers() {
        servers = AtsServers.builder().only(Set.of("ats-root-ca-1", "revoked")).start();
    }

    @AfterAll
    static void stopServers() {
        servers.close();
    }

    @Test
    void answersGoodForALiveLeafSignedByItsIssuerAndEchoesTheNonce() throws Exception {
        byte[] nonce = {1, 2, 3, 4, 5, 6, 7, 8};

        BasicOCSPResp response = ask(servers.endpoint("ats-root-ca-1").leaf().getSerialNumber(), nonce);

        assertThat(response.getResponses()[0].getCertStatus()).isEqualTo(CertificateStatus.GOOD);
        assertThat(response.isSignatureValid(new JcaContentVerifierProviderBuilder()
                .build(FakeCa.AMAZON_RSA_2048_M01.certificate().getPublicKey()))).isTrue();
        assertThat(response.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce).getExtnValue().getOctets())
                .isEqualTo(new DEROctetString(nonce).getEncoded());
    }

    @Test
    void answersRevokedForTheRevokedLeaf() throws Exception {
        BasicOCSPResp response = ask(servers.endpoint("revoked").leaf().getSerialNumber(), null);

        assertThat(response.getResponses()[0].getCertStatus()).isInstanceOf(RevokedStatus.class);
    }

    @Test
    void answersUnknownForASerialItNeverIssued() throws Exception {
        BasicOCSPResp response = ask(BigInteger.valueOf(42), null);

        assertThat(response.getResponses()[0].getCertStatus()).isInstanceOf(UnknownStatus.class);
    }

    private static BasicOCSPResp ask(BigInteger serial, byte[] nonce) throws Exception {
        X509Certificate issuer = FakeCa.AMAZON_RSA_2048_M01.certificate();
        CertificateID id = new CertificateID(new JcaDigestCalculatorProviderBuilder().build().get(CertificateID.HASH_SHA1),
                new JcaX509CertificateHolder(issuer), serial);
        OCSPReqBuilder request = new OCSPReqBuilder().addRequest(id);
        if (nonce != null) {
            request.setRequestExtensions(new Extensions(new Extension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce, false,
                    new DEROctetString(nonce).getEncoded())));
        }
        byte[] answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(servers.indexUri().resolve("/ocsp"))
                        .header("Content-Type", "application/ocsp-request")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(request.build().getEncoded())).build(),
                BodyHandlers.ofByteArray()).body();
        OCSPResp response = new OCSPResp(answer);
        assertThat(response.getStatus()).isEqualTo(OCSPResp.SUCCESSFUL);
        return (BasicOCSPResp) response.getResponseObject();
    }
}
