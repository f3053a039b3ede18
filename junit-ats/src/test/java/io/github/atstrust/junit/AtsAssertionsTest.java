package io.github.atstrust.junit;

import static io.github.atstrust.junit.AtsAssertions.assertThat;
import static io.github.atstrust.junit.AtsAssertions.assertThatThrownBy;

import io.github.atstrust.testkit.audit.TrustStoreSource;
import io.github.atstrust.testkit.pki.FakeCa;
import io.github.atstrust.testkit.pki.RealAtsRoot;
import io.github.atstrust.testkit.probe.HandshakeOutcome;
import io.github.atstrust.testkit.probe.RejectionReason;
import io.github.atstrust.testkit.scenario.ExpectedOutcome;
import java.security.KeyStore;
import java.security.cert.CertPathValidatorException;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

/** Failure messages say in words what was expected and what happened. */
class AtsAssertionsTest {

    private static final HandshakeOutcome ACCEPTED = new HandshakeOutcome.Accepted("TLSv1.3",
            "TLS_AES_128_GCM_SHA256", "h2", List.of(), java.util.Optional.empty(), Duration.ofMillis(12));
    private static final HandshakeOutcome EXPIRED = new HandshakeOutcome.Rejected(
            RejectionReason.EXPIRED, new SSLHandshakeException("PKIX path validation failed")
            .initCause(new CertPathValidatorException("validity check failed", null, null, -1,
                    CertPathValidatorException.BasicReason.EXPIRED)), Duration.ofMillis(7));

    @Test
    void rejectionExpectedButAcceptedNamesProtocolAlpnAndTime() {
        assertThatThrownBy(() -> assertThat(ACCEPTED).isRejectedBecause(RejectionReason.UNTRUSTED_ROOT))
                .hasMessage("expected the handshake to be rejected because UNTRUSTED_ROOT, but it was accepted with "
                        + "TLSv1.3/h2 in 12 ms");
    }

    @Test
    void wrongRejectionReasonNamesBoth() {
        assertThatThrownBy(() -> assertThat(EXPIRED).isRejectedBecause(RejectionReason.UNTRUSTED_ROOT))
                .hasMessageStartingWith("expected the handshake to be rejected because UNTRUSTED_ROOT, but it was "
                        + "rejected because EXPIRED in 7 ms");
    }

    @Test
    void acceptanceExpectedButRejected() {
        assertThatThrownBy(() -> assertThat(EXPIRED).matches(ExpectedOutcome.accept()))
                .hasMessageStartingWith("expected the handshake to be accepted, but it was rejected because EXPIRED");
    }

    @Test
    void slowHandshakeFailsCompletedWithin() {
        assertThatThrownBy(() -> assertThat(ACCEPTED).completedWithin(Duration.ofMillis(5)))
                .hasMessage("expected the handshake to complete within 5 ms, but it was accepted with TLSv1.3/h2 in 12 ms");
    }

    @Test
    void passingAssertionsChain() {
        assertThat(EXPIRED).isRejected().isRejectedBecause(RejectionReason.EXPIRED).matches(ExpectedOutcome.reject(RejectionReason.EXPIRED))
                .completedWithin(Duration.ofSeconds(1));
        assertThat(ACCEPTED).isAccepted().matches(ExpectedOutcome.accept());
    }

    @Test
    void jvmKeyStoreTrustsAtsAndHoldsEveryAnchor() {
        KeyStore jvm = TrustStoreSource.jvm().toKeyStore();

        assertThat(jvm).trustsAts().containsAnchor(RealAtsRoot.STARFIELD_CLASS_2).containsNoFakeRoots();
    }

    @Test
    void storeWithoutAtsFailsTrustsAtsWithTheExplanation() throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setCertificateEntry("class2", RealAtsRoot.STARFIELD_CLASS_2.certificate());
        store.setCertificateEntry("leaked", FakeCa.AMAZON_ROOT_CA_1.certificate());

        assertThatThrownBy(() -> assertThat(store).trustsAts()).hasMessageContaining("DEGRADED")
                .hasMessageContaining("Starfield Class 2 alone no longer suffices");
        assertThatThrownBy(() -> assertThat(store).containsAnchor(RealAtsRoot.AMAZON_ROOT_CA_4))
                .hasMessageContaining("Amazon Root CA 4").hasMessageContaining(RealAtsRoot.AMAZON_ROOT_CA_4.sha256Fingerprint());
        assertThatThrownBy(() -> assertThat(store).containsNoFakeRoots()).hasMessageContaining("'leaked'");
    }
}
