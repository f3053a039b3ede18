package io.github.atstrust.testkit.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.atstrust.testkit.pki.FakeCa;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.Test;

/**
 * The kit outlives 2022's issuing CAs: on a day after 2030-08-23 the good scenarios are served from the next
 * generation under the same roots, which a client judging on that day accepts; the chain of today is refused then.
 */
class IssuingCaGenerationTest {

    private static final Instant AFTER_2030 = Instant.parse("2030-09-01T12:00:00Z");

    @Test
    void servesTheNextGenerationOnceTodaysIssuingCasHaveEnded() throws Exception {
        try (AtsServers later = AtsServers.builder().only(Set.of("ats-root-ca-1", "ats-root-ca-3", "path-length-exceeded"))
                .clock(Clock.fixed(AFTER_2030, ZoneOffset.UTC)).start()) {
            assertThat(issuerOf(later.endpoint("ats-root-ca-1"))).isEqualTo(subject(FakeCa.AMAZON_RSA_2048_NEXT));
            assertThat(issuerOf(later.endpoint("ats-root-ca-3"))).isEqualTo(subject(FakeCa.AMAZON_ECDSA_256_NEXT));
            assertThat(get(later.endpoint("ats-root-ca-1"), FakeCa.AMAZON_ROOT_CA_1, AFTER_2030)).isEqualTo(200);
            assertThat(get(later.endpoint("ats-root-ca-3"), FakeCa.AMAZON_ROOT_CA_3, AFTER_2030)).isEqualTo(200);
            assertThatThrownBy(() -> get(later.endpoint("path-length-exceeded"), FakeCa.AMAZON_ROOT_CA_1, AFTER_2030))
                    .isInstanceOf(SSLHandshakeException.class).hasStackTraceContaining("pathLenConstraint violated");
        }
    }

    @Test
    void servesTodaysIssuingCasTodayWhichAClientJudgingAfter2030Refuses() throws Exception {
        try (AtsServers today = AtsServers.builder().only(Set.of("ats-root-ca-1")).start()) {
            assertThat(issuerOf(today.endpoint("ats-root-ca-1"))).isEqualTo(subject(FakeCa.AMAZON_RSA_2048_M01));
            assertThat(get(today.endpoint("ats-root-ca-1"), FakeCa.AMAZON_ROOT_CA_1, Instant.now())).isEqualTo(200);
            assertThatThrownBy(() -> get(today.endpoint("ats-root-ca-1"), FakeCa.AMAZON_ROOT_CA_1, AFTER_2030))
                    .isInstanceOf(SSLHandshakeException.class).hasStackTraceContaining("validity check failed");
        }
    }

    private static String issuerOf(AtsEndpoint endpoint) {
        return endpoint.leaf().getIssuerX500Principal().getName();
    }

    private static String subject(FakeCa ca) {
        return ca.certificate().getSubjectX500Principal().getName();
    }

    /** A real handshake by the JDK's HttpClient whose PKIX path builder judges on {@code day}. */
    private static int get(AtsEndpoint endpoint, FakeCa anchor, Instant day) throws Exception {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] {new JudgingOn(anchor.certificate(), day)}, null);
        HttpClient client = HttpClient.newBuilder().sslContext(context).build();
        return client.send(HttpRequest.newBuilder(URI.create(endpoint.uri() + "")).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /**
     * PKIX validation on a given day, without revocation checks, of the sent certificates up to the first one the
     * anchor issued (the chains here are in order), so that a refusal says why.
     */
    private record JudgingOn(X509Certificate anchor, Instant day) implements X509TrustManager {
        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            List<X509Certificate> path = new ArrayList<>();
            for (X509Certificate certificate : chain) {
                path.add(certificate);
                if (certificate.getIssuerX500Principal().equals(anchor.getSubjectX500Principal())) {
                    break;
                }
            }
            try {
                PKIXParameters parameters = new PKIXParameters(Set.of(new TrustAnchor(anchor, null)));
                parameters.setDate(Date.from(day));
                parameters.setRevocationEnabled(false);
                CertPathValidator.getInstance("PKIX").validate(
                        CertificateFactory.getInstance("X.509").generateCertPath(path), parameters);
            } catch (java.security.GeneralSecurityException e) {
                throw new CertificateException(e.getMessage(), e);
            }
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
            throw new UnsupportedOperationException("server trust only");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
