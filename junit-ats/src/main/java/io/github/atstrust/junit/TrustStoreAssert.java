package io.github.atstrust.junit;

import io.github.atstrust.testkit.audit.AuditReport;
import io.github.atstrust.testkit.pki.RealAtsRoot;
import org.assertj.core.api.AbstractAssert;

/**
 * AssertJ assertions on a trust store's ATS audit, from {@code AtsAssertions.assertThat(keyStore)} or
 * {@code assertThat(auditReport)}.
 *
 * <pre>assertThat(TrustStoreAudit.audit(TrustStoreSource.jvm())).trustsAts().containsNoFakeRoots();</pre>
 */
public final class TrustStoreAssert extends AbstractAssert<TrustStoreAssert, AuditReport> {

    TrustStoreAssert(AuditReport actual) {
        super(actual, TrustStoreAssert.class);
    }

    /**
     * READY and no fake test root: every ATS chain AWS serves is trusted.
     *
     * @return this, for chaining
     */
    public TrustStoreAssert trustsAts() {
        isNotNull();
        if (!actual.trustsAts()) {
            failWithMessage("expected %s to trust Amazon Trust Services, but: %s", actual.source(), actual.explanation());
        }
        return this;
    }

    /**
     * The store holds this real anchor, exactly or as a re-issued copy (same subject and key).
     *
     * @param root the real root
     * @return this, for chaining
     */
    public TrustStoreAssert containsAnchor(RealAtsRoot root) {
        isNotNull();
        if (!actual.holds(root)) {
            failWithMessage("expected %s to contain %s (SHA-256 %s), but it does not", actual.source(),
                    root.displayName(), root.sha256Fingerprint());
        }
        return this;
    }

    /**
     * No certificate of the kit's fake hierarchy leaked into this store.
     *
     * @return this, for chaining
     */
    public TrustStoreAssert containsNoFakeRoots() {
        isNotNull();
        if (actual.holdsTestMaterial()) {
            failWithMessage("expected %s to hold no ATS Trust Kit test certificate, but: %s", actual.source(),
                    String.join(" ", actual.fakeTestRoots()));
        }
        return this;
    }
}
