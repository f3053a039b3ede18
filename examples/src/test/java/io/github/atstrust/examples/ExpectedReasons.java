package io.github.atstrust.examples;

import io.github.atstrust.testkit.probe.RejectionReason;
import io.github.atstrust.testkit.scenario.Expectation;
import io.github.atstrust.testkit.scenario.Scenario;
import io.github.atstrust.testkit.scenario.ScenarioCatalogue;
import io.github.atstrust.testkit.trust.TrustProfile;
import java.util.Map;

/**
 * Why a correct client rejects each scenario, as a table. A client that does not trust the chain's anchors
 * at all fails on that first (UNTRUSTED_ROOT), before it ever looks at the leaf; one that does trust them
 * rejects for the scenario's own defect.
 */
final class ExpectedReasons {

    /** The defect of each bad scenario whose chain is otherwise anchored like {@code ats-root-ca-1}. */
    private static final Map<String, RejectionReason> LEAF_DEFECTS = Map.of(
            "expired", RejectionReason.EXPIRED,
            "not-yet-valid", RejectionReason.NOT_YET_VALID,
            "wrong-host", RejectionReason.HOSTNAME_MISMATCH,
            "intermediate-not-ca", RejectionReason.OTHER,
            "path-length-exceeded", RejectionReason.OTHER,
            "wrong-eku", RejectionReason.OTHER);

    private ExpectedReasons() {
    }

    static RejectionReason of(Scenario scenario, TrustProfile profile) {
        if (scenario.id().equals("incomplete-chain")) {
            return RejectionReason.INCOMPLETE_CHAIN;
        }
        RejectionReason defect = LEAF_DEFECTS.get(scenario.id());
        boolean trustsRoot1Path = ScenarioCatalogue.builtIn().byId("ats-root-ca-1").expectationFor(profile) == Expectation.ACCEPT;
        return defect != null && trustsRoot1Path ? defect : RejectionReason.UNTRUSTED_ROOT;
    }
}
