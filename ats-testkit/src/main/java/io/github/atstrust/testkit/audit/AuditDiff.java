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

    public AuditDiff {
        added = List.copyOf(added);
        removed = List.copyOf(removed);
    }
}
