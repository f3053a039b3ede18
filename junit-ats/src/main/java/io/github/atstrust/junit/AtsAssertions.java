package io.github.atstrust.junit;

import io.github.atstrust.testkit.audit.AuditReport;
import io.github.atstrust.testkit.audit.TrustStoreAudit;
import io.github.atstrust.testkit.probe.HandshakeOutcome;
import java.security.KeyStore;

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

    /** For subclasses that add their own {@code assertThat} entry points, as AssertJ allows. */
    protected AtsAssertions() {
    }

    /**
     * Assertions on how a client met a server. No verdict (a dead server, an exception of the test's own code)
     * satisfies none of them.
     *
     * <pre>assertThat(endpoint.probe(() -> client.get(endpoint.uri()))).isRejectedBecause(RejectionReason.UNTRUSTED_ROOT);</pre>
     *
     * @param actual the outcome of a probe
     * @return the assertion
     */
    public static HandshakeOutcomeAssert assertThat(HandshakeOutcome actual) {
        return new HandshakeOutcomeAssert(actual);
    }

    /**
     * Audits the key store's certificate entries against the real ATS roots, for assertions on the result.
     *
     * <pre>assertThat(myClientsTrustStore).trustsAts();</pre>
     *
     * @param actual a loaded key store
     * @return the assertion
     */
    public static TrustStoreAssert assertThat(KeyStore actual) {
        return new TrustStoreAssert(actual == null ? null : TrustStoreAudit.audit(actual, "key store"));
    }

    /**
     * Assertions on an audit already made, e.g. {@code TrustStoreAudit.audit(TrustStoreSource.jvm())}.
     *
     * @param actual the audit
     * @return the assertion
     */
    public static TrustStoreAssert assertThat(AuditReport actual) {
        return new TrustStoreAssert(actual);
    }
}
