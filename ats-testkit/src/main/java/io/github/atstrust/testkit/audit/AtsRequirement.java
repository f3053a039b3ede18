package io.github.atstrust.testkit.audit;

import io.github.atstrust.testkit.pki.RealAtsRoot;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a user needs of a trust store, against which an audit is judged. The default, {@link #ready()}, is every
 * Amazon root's chains including the ACM chains served since August 2024; a user can state less: the roots
 * their services chain to ({@link #chainsTo}), or the AWS guides' rule that any of Amazon Root CA 1, Starfield
 * Services G2 or Starfield Class 2 suffices ({@link #anyGuideAnchor()}, which predates the 2024 chains). A store
 * holding a fake test root meets no requirement.
 *
 * <pre>
 * AtsRequirement mine = AtsRequirement.parse("amazon-root-ca-1,amazon-root-ca-3");
 * boolean ok = TrustStoreAudit.audit(TrustStoreSource.jvm()).meets(mine);
 * </pre>
 */
public final class AtsRequirement {

    private static final String READY = "ready";
    private static final String ANY_GUIDE_ANCHOR = "any-guide-anchor";
    private static final Set<RealAtsRoot> AMAZON_ROOTS = EnumSet.copyOf(RealAtsRoot.amazonRoots());

    private final String name;
    private final Set<RealAtsRoot> chainsTo;

    private AtsRequirement(String name, Set<RealAtsRoot> chainsTo) {
        this.name = name;
        this.chainsTo = chainsTo;
    }

    /** {@return the default: chains to every Amazon root are trusted, including the ACM chains since August 2024 (READY)} */
    public static AtsRequirement ready() {
        return new AtsRequirement(READY, AMAZON_ROOTS);
    }

    /**
     * The AWS guides' rule: the store holds Amazon Root CA 1, Starfield Services Root CA G2 or Starfield Class 2.
     * Such a store may still fail real chains (Class 2 alone: the ACM chains since August 2024; Root CA 1 alone:
     * chains anchored at Amazon Root CA 2-4); the audit's explanation names them. Judged on the report's day: after
     * 2034-06-28 a Class 2 anchor no longer counts (the G2 certificate it cross-signs has ended).
     *
     * @return the requirement {@code any-guide-anchor}
     */
    public static AtsRequirement anyGuideAnchor() {
        return new AtsRequirement(ANY_GUIDE_ANCHOR, Set.of());
    }

    /**
     * The chains of these Amazon roots are trusted, ACM chains since August 2024 included (the root itself, or
     * Starfield Services G2, is in the store).
     *
     * @param amazonRoots one or more of Amazon Root CA 1-4
     * @return the requirement, named by the root ids
     * @throws IllegalArgumentException for none, or a root that is not an Amazon Root CA
     */
    public static AtsRequirement chainsTo(RealAtsRoot... amazonRoots) {
        if (amazonRoots.length == 0 || !AMAZON_ROOTS.containsAll(Arrays.asList(amazonRoots))) {
            throw new IllegalArgumentException("name one or more of " + ids(AMAZON_ROOTS) + ", was "
                    + Arrays.toString(amazonRoots));
        }
        Set<RealAtsRoot> roots = EnumSet.copyOf(Arrays.asList(amazonRoots));
        return new AtsRequirement(ids(roots), roots);
    }

    /**
     * Reads {@code ready}, {@code any-guide-anchor}, or comma-separated Amazon root ids
     * ({@code amazon-root-ca-1,amazon-root-ca-3}), as the CLI's {@code --require} and
     * {@code @RequiresAtsTrust(require = …)} take them.
     *
     * @param text the requirement in words
     * @return the requirement
     * @throws IllegalArgumentException naming the accepted values
     */
    public static AtsRequirement parse(String text) {
        String value = text.strip().toLowerCase(Locale.ROOT);
        if (value.equals(READY)) {
            return ready();
        }
        if (value.equals(ANY_GUIDE_ANCHOR)) {
            return anyGuideAnchor();
        }
        List<RealAtsRoot> roots = new ArrayList<>();
        for (String id : value.split(",")) {
            roots.add(AMAZON_ROOTS.stream().filter(r -> r.id().equals(id.strip())).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("unknown requirement '" + text + "': use '" + READY
                            + "' (the default), '" + ANY_GUIDE_ANCHOR + "', or Amazon root ids separated by commas ("
                            + ids(AMAZON_ROOTS) + ")")));
        }
        return chainsTo(roots.toArray(RealAtsRoot[]::new));
    }

    /**
     * Whether {@code report}'s store meets this requirement (and holds no fake test root).
     *
     * @param report an audit
     * @return whether the store meets it
     */
    public boolean isMetBy(AuditReport report) {
        if (report.holdsTestMaterial()) {
            return false;
        }
        if (name.equals(ANY_GUIDE_ANCHOR)) {
            // one of the three anchors through which a pre-2024 chain to Amazon Root CA 1 is built, on the day judged
            return report.trustsCrossSignedChainsOf(RealAtsRoot.AMAZON_ROOT_CA_1);
        }
        return chainsTo.stream().allMatch(report::trustsAcmChainsOf);
    }

    /** {@return the Amazon roots whose chains must be trusted; empty for {@link #anyGuideAnchor()}} */
    public Set<RealAtsRoot> amazonRoots() {
        return Set.copyOf(chainsTo);
    }

    /** {@code ready}, {@code any-guide-anchor} or the root ids, as {@link #parse} reads them. */
    @Override
    public String toString() {
        return name;
    }

    /** {@return whether {@code other} is the same requirement} */
    @Override
    public boolean equals(Object other) {
        return other instanceof AtsRequirement that && name.equals(that.name);
    }

    /** {@return a hash of the name} */
    @Override
    public int hashCode() {
        return name.hashCode();
    }

    private static String ids(Set<RealAtsRoot> roots) {
        return roots.stream().map(RealAtsRoot::id).collect(Collectors.joining(","));
    }
}
