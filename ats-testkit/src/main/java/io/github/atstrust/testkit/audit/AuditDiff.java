package io.github.atstrust.testkit.audit;

import io.github.atstrust.testkit.pki.RealAtsRoot;
import java.util.List;

/**
 * How ATS trust changed between two trust stores, e.g. before and after a trust-store update.
 *
 * @param regression ATS trust was lost: an anchor removed, a worse verdict, a root whose chains are no longer
 *                   trusted, or a fake test root that appeared
 */
public record AuditDiff(AuditReport before, AuditReport after, List<RealAtsRoot> added, List<RealAtsRoot> removed,
                        boolean regression) {

    /**
     * Copies the lists.
     *
     * @param before     the audit before the change
     * @param after      the audit after it
     * @param added      real anchors {@code after} holds and {@code before} did not
     * @param removed    real anchors {@code before} held and {@code after} does not
     * @param regression whether ATS trust was lost
     */
    public AuditDiff {
        added = List.copyOf(added);
        removed = List.copyOf(removed);
    }

    /**
     * The change judged against what the user needs instead of the default rule: a regression when the store met
     * {@code requirement} before and no longer does, or a fake test root appeared.
     *
     * @param requirement what the user needs, e.g. {@code AtsRequirement.anyGuideAnchor()}
     * @return whether the change loses what the requirement asks for
     */
    public boolean regressionAgainst(AtsRequirement requirement) {
        return fakeRootAppeared(before, after) || before.meets(requirement) && !after.meets(requirement);
    }

    /** Whether {@code after} holds a failing finding (a fake test root) that {@code before} did not. */
    static boolean fakeRootAppeared(AuditReport before, AuditReport after) {
        return !before.holdsTestMaterial() && after.holdsTestMaterial();
    }
}
