package io.github.atstrust.junit;

import io.github.atstrust.testkit.audit.AuditReport;
import io.github.atstrust.testkit.audit.LoadedTrustStore;
import io.github.atstrust.testkit.audit.TrustStoreAudit;
import io.github.atstrust.testkit.probe.HandshakeOutcome;
import java.security.KeyStore;
import java.security.KeyStoreException;

/**
 * AssertJ entry point for ATS trust: handshake outcomes and trust stores. It extends AssertJ's
 * {@code Assertions}, so one static import serves every assertion of a test.
 *
 * <pre>
 * assertThat(outcome).isRejectedBecause(RejectionReason.UNTRUSTED_ROOT);
 * assertThat(keyStore).trustsAts().containsNoFakeRoots();
 * </pre>
 */
public class AtsAssertions extends org.assertj.core.api.Assertions {

    protected AtsAssertions() {
    }

    public static HandshakeOutcomeAssert assertThat(HandshakeOutcome actual) {
        return new HandshakeOutcomeAssert(actual);
    }

    /** Audits the key store's certificate entries against the real ATS roots. */
    public static TrustStoreAssert assertThat(KeyStore actual) {
        return new TrustStoreAssert(actual == null ? null : TrustStoreAudit.audit(loaded(actual)));
    }

    public static TrustStoreAssert assertThat(AuditReport actual) {
        return new TrustStoreAssert(actual);
    }

    private static LoadedTrustStore loaded(KeyStore store) {
        try {
            return LoadedTrustStore.fromKeyStore(store, "key store");
        } catch (KeyStoreException e) {
            throw new IllegalArgumentException("the key store is not initialised: load it before asserting on it", e);
        }
    }
}
