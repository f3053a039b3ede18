package io.github.atstrust.testkit.scenario;

import io.github.atstrust.testkit.pki.FakeAtsHierarchy;
import io.github.atstrust.testkit.pki.FakeCa;
import io.github.atstrust.testkit.pki.LeafSpec;
import io.github.atstrust.testkit.probe.RejectionReason;
import io.github.atstrust.testkit.trust.TrustProfile;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One chain a server can present, declared as data: the leaf to mint and who issues it, the CA certificates
 * sent after it, the fake anchors the chain leads to, its defect (if any), and what a client must do for the
 * verdict to hold.
 *
 * <p>The expectation for any trust profile is derived, never tabulated: accept iff the chain has no defect and
 * the profile holds one of {@link #anchors()}. So is the reason of a rejection: a client holding none of the
 * anchors fails on the path first ({@link RejectionReason#UNTRUSTED_ROOT}, or
 * {@link RejectionReason#INCOMPLETE_CHAIN} when the server leaves out an intermediate); one that holds an anchor
 * meets the chain's own {@link #defect()}. A chain can also lead to an anchor only over a defective certificate,
 * e.g. to Starfield Class 2 over an expired cross-certificate: a client holding such an anchor of
 * {@link #anchorsBehindDefect()} and none of {@link #anchors()} gives that defect's reason, while a client holding
 * an anchor builds the shorter path around it. Scenarios with a non-empty {@link #requires()} are judged that way
 * only by clients with those settings (e.g. {@code revocation-checking}).
 *
 * @param leafIssuer    the CA signing the leaf, or {@code null} for a self-signed leaf
 * @param sentAfterLeaf CA certificates the server sends after the leaf, in order
 * @param anchors       fake anchors the sent chain leads to; empty when it leads to none a profile holds
 * @param defect        why every client with the {@code requires} settings refuses the chain even when it trusts
 *                      an anchor, or {@code null} for a good chain
 * @param requires      client settings the verdict depends on; empty when every correct client agrees
 * @param anchorsBehindDefect anchors the sent chain reaches only over a defective certificate, each with the reason
 *                      a client holding it (and none of {@code anchors}) refuses the chain; usually empty
 */
public record Scenario(String id, String description, LeafSpec leaf, FakeCa leafIssuer, List<FakeCa> sentAfterLeaf,
                       Set<FakeCa> anchors, RejectionReason defect, Set<String> requires, ServerBehaviour behaviour,
                       Map<FakeCa, RejectionReason> anchorsBehindDefect) {

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]*");

    /**
     * Checks the id and the declared reason, and copies the collections.
     *
     * @param id            lower-case letters, digits and dashes, e.g. {@code untrusted-root}
     * @param description   what the chain is, in words
     * @param leaf          the leaf to mint
     * @param leafIssuer    the CA signing the leaf, or {@code null} for a self-signed leaf
     * @param sentAfterLeaf CA certificates sent after the leaf, in order
     * @param anchors       fake anchors the chain leads to
     * @param defect        why every client refuses it, or {@code null} for a good chain
     * @param requires      client settings the verdict depends on
     * @param behaviour     how the server behaves beyond the chain
     * @param anchorsBehindDefect anchors reached only over a defective certificate, with the reason for each
     * @throws IllegalArgumentException for a malformed id, the reason {@code OTHER}, or an anchor both in
     *                                  {@code anchors} and behind a defect
     */
    public Scenario {
        Objects.requireNonNull(id, "id");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("scenario id '" + id + "' must be lower-case letters, digits and dashes");
        }
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(leaf, "leaf");
        Objects.requireNonNull(behaviour, "behaviour");
        if (defect == RejectionReason.OTHER) {
            throw new IllegalArgumentException("scenario '" + id + "' declares OTHER: declare the reason a correct "
                    + "client gives (add a RejectionReason and its classification if none fits)");
        }
        if (anchorsBehindDefect.containsValue(RejectionReason.OTHER)) {
            throw new IllegalArgumentException("scenario '" + id + "' declares OTHER behind an anchor: declare the "
                    + "reason a correct client gives");
        }
        for (FakeCa anchor : anchorsBehindDefect.keySet()) {
            if (anchors.contains(anchor)) {
                throw new IllegalArgumentException("scenario '" + id + "' names " + anchor.id()
                        + " both as an anchor and as one behind a defect: it is one or the other");
            }
        }
        sentAfterLeaf = List.copyOf(sentAfterLeaf);
        anchors = Set.copyOf(anchors);
        requires = Set.copyOf(requires);
        anchorsBehindDefect = Map.copyOf(anchorsBehindDefect);
    }

    /**
     * A scenario whose every anchor is reached without a defective certificate on the way (nothing behind a defect).
     *
     * @param id            lower-case letters, digits and dashes
     * @param description   what the chain is, in words
     * @param leaf          the leaf to mint
     * @param leafIssuer    the CA signing the leaf, or {@code null} for a self-signed leaf
     * @param sentAfterLeaf CA certificates sent after the leaf, in order
     * @param anchors       fake anchors the chain leads to
     * @param defect        why every client refuses it, or {@code null} for a good chain
     * @param requires      client settings the verdict depends on
     * @param behaviour     how the server behaves beyond the chain
     */
    public Scenario(String id, String description, LeafSpec leaf, FakeCa leafIssuer, List<FakeCa> sentAfterLeaf,
                    Set<FakeCa> anchors, RejectionReason defect, Set<String> requires, ServerBehaviour behaviour) {
        this(id, description, leaf, leafIssuer, sentAfterLeaf, anchors, defect, requires, behaviour, Map.of());
    }

    /**
     * {@return the anchors under which the chain is accepted: {@link #anchors()} for a good chain, none for a bad one}
     */
    public Set<FakeCa> acceptingAnchors() {
        return defect == null ? anchors : Set.of();
    }

    /**
     * The verdict and, for a rejection, the reason a client trusting exactly {@code profile}'s anchors gives.
     *
     * @param profile the client's anchors
     * @return what a correct client does
     */
    public ExpectedOutcome expectedOutcomeFor(TrustProfile profile) {
        return expectedReasonFor(profile).map(ExpectedOutcome::reject).orElseGet(ExpectedOutcome::accept);
    }

    /**
     * Why a client trusting exactly {@code profile}'s anchors refuses the chain.
     *
     * @param profile the client's anchors
     * @return the reason, or empty when it accepts the chain
     */
    public Optional<RejectionReason> expectedReasonFor(TrustProfile profile) {
        if (defect == null && trustsAnAnchor(profile)) {
            return Optional.empty();
        }
        if (defect != null && (anchors.isEmpty() || trustsAnAnchor(profile))) {
            return Optional.of(defect);
        }
        Optional<RejectionReason> behindDefect = anchorsBehindDefect.entrySet().stream()
                .filter(anchor -> profile.trusts(anchor.getKey().certificate()))
                .map(Map.Entry::getValue).sorted().findFirst();
        if (behindDefect.isPresent()) {
            return behindDefect;
        }
        return Optional.of(sendsIncompleteChain() ? RejectionReason.INCOMPLETE_CHAIN : RejectionReason.UNTRUSTED_ROOT);
    }

    /**
     * Whether the chain stops below an intermediate CA: the last certificate sent (or the leaf) was issued by a
     * fake CA that is only ever an intermediate, so no client reaches a root without fetching what was left out.
     *
     * @return whether an intermediate is left out
     */
    public boolean sendsIncompleteChain() {
        if (leafIssuer == null) {
            return false;
        }
        FakeAtsHierarchy fake = FakeAtsHierarchy.load();
        return sentAfterLeaf.isEmpty() ? fake.isIntermediateName(leafIssuer.certificate().getSubjectX500Principal())
                : fake.leavesOutAnIntermediate(sentAfterLeaf.stream().map(FakeCa::certificate).toList());
    }

    private boolean trustsAnAnchor(TrustProfile profile) {
        return anchors.stream().map(FakeCa::certificate).anyMatch(profile::trusts);
    }
}
