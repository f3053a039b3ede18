package io.github.atstrust.junit;

import io.github.atstrust.testkit.audit.AuditReport;
import io.github.atstrust.testkit.audit.Finding;
import io.github.atstrust.testkit.pki.RealAtsRoot;
import org.assertj.core.api.AbstractAssert;

/** Assertions on a trust store's ATS audit. */
public final class TrustStoreAssert extends AbstractAssert<TrustStoreAssert, AuditReport> {

    TrustStoreAssert(AuditReport actual) {
        super(actual, TrustStoreAssert.class);
    }

    /** READY and no fake test root: every ATS chain AWS serves is trusted. */
    public TrustStoreAssert trustsAts() {
        isNotNull();
        if (!actual.trustsAts()) {
            failWithMessage("expected %s to trust Amazon Trust Services, but: %s", actual.source(), actual.explanation());
        }
        return this;
    }

    public TrustStoreAssert containsAnchor(RealAtsRoot root) {
        isNotNull();
        if (!actual.holds(root)) {
            failWithMessage("expected %s to contain %s (SHA-256 %s), but it does not", actual.source(),
                    root.displayName(), root.sha256Fingerprint());
        }
        return this;
    }

    /** No certificate of the kit's fake hierarchy leaked into this store. */
    public TrustStoreAssert containsNoFakeRoots() {
        isNotNull();
        actual.findings().stream().filter(f -> f.kind() == Finding.Kind.FAKE_TEST_ROOT).findFirst()
                .ifPresent(f -> failWithMessage("expected %s to hold no ATS Trust Kit test certificate, but: %s",
                        actual.source(), f.message()));
        return this;
    }
}
