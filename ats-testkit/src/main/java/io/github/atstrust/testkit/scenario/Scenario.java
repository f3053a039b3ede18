package io.github.atstrust.testkit.scenario;

import io.github.atstrust.testkit.pki.FakeAtsHierarchy;
import io.github.atstrust.testkit.pki.FakeCa;
import io.github.atstrust.testkit.pki.LeafSpec;
import io.github.atstrust.testkit.probe.RejectionReason;
import io.github.atstrust.testkit.trust.TrustProfile;
import io.github.atstrust.testkit.trust.TrustProfiles;
import java.security.cert.X509Certificate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One chain a server can present, declared as data: the leaf to mint and who issues it, the CA certificates
 * sent after it, the fake anchors the chain leads to, its defect (if any), what a client must do for the
 * verdict to hold, and whether it is also served over SMTP. Built by name with {@link #builder(String)}:
 *
 * <pre>
 * Scenario dynamo = Scenario.builder("my-dynamodb")
 *         .leafFor("dynamodb.eu-west-3.amazonaws.com").issuedBy(FakeCa.AMAZON_RSA_2048_M01)
 *         .sends(FakeCa.AMAZON_RSA_2048_M01, FakeCa.AMAZON_ROOT_CA_1_CROSS_G2)
 *         .leadsTo(FakeCa.AMAZON_ROOT_CA_1, FakeCa.STARFIELD_SERVICES_ROOT_G2).build();
 * </pre>
 *
 * <p>The expectation for any trust profile is derived, never tabulated: accept iff the chain has no defect and
 * the profile holds one of {@link #anchors()}. So is the reason of a rejection: a client holding none of the
 * anchors fails on the path first ({@link RejectionReason#UNTRUSTED_ROOT}, or
 * {@link RejectionReason#INCOMPLETE_CHAIN} when the server leaves out an intermediate); one that holds an anchor
 * meets the chain's own {@link #defect()}. A chain can also lead to an anchor only over a defective certificate,
 * e.g. to Starfield Class 2 over an expired cross-certificate: a client holding such an anchor of
 * {@link #anchorsBehindDefect()} and none of {@link #anchors()} gives that defect's reason, while a client holding
 * an anchor builds the shorter path around it. Scenarios with a non-empty {@link #requires()} are judged that way
 * only by clients with those settings.
 *
 * @param id            lower-case letters, digits and dashes, e.g. {@code untrusted-root}
 * @param description   what the chain is, in words
 * @param leaf          the leaf to mint
 * @param leafIssuer    the CA signing the leaf; empty for a self-signed leaf
 * @param sentAfterLeaf CA certificates the server sends after the leaf, in order
 * @param anchors       fake anchors the sent chain leads to; empty when it leads to none a profile holds
 * @param defect        why every client with the {@code requires} settings refuses the chain even when it trusts
 *                      an anchor; empty for a good chain
 * @param requires      client settings the verdict depends on; empty when every correct client agrees
 * @param behaviour     how the server behaves beyond the chain
 * @param anchorsBehindDefect anchors the sent chain reaches only over a defective certificate, each with the reason
 *                      a client holding it (and none of {@code anchors}) refuses the chain; usually empty
 * @param servedOverSmtp whether servers with mail on also serve it over SMTP (STARTTLS and TLS wrapper mode)
 */
public record Scenario(String id, String description, LeafSpec leaf, Optional<FakeCa> leafIssuer,
                       List<FakeCa> sentAfterLeaf, Set<FakeCa> anchors, Optional<RejectionReason> defect,
                       Set<ClientSetting> requires, ServerBehaviour behaviour,
                       Map<FakeCa, RejectionReason> anchorsBehindDefect, boolean servedOverSmtp) {

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]*");
    /** Defects OpenSSL names before its strict checks reach the anchor: found building the chain, or below it. */
    private static final Set<RejectionReason> NAMED_BEFORE_STRICT_CHECKS = java.util.EnumSet.of(
            RejectionReason.UNTRUSTED_ROOT, RejectionReason.INCOMPLETE_CHAIN, RejectionReason.NOT_A_CA,
            RejectionReason.PATH_LENGTH_EXCEEDED, RejectionReason.WRONG_EXTENDED_KEY_USAGE);

    /**
     * Checks the id and the declared reasons, and copies the collections. Prefer {@link #builder(String)}.
     *
     * @param id            lower-case letters, digits and dashes
     * @param description   what the chain is, in words
     * @param leaf          the leaf to mint
     * @param leafIssuer    the CA signing the leaf; empty for a self-signed leaf
     * @param sentAfterLeaf CA certificates sent after the leaf, in order
     * @param anchors       fake anchors the chain leads to
     * @param defect        why every client refuses it; empty for a good chain
     * @param requires      client settings the verdict depends on
     * @param behaviour     how the server behaves beyond the chain
     * @param anchorsBehindDefect anchors reached only over a defective certificate, with the reason for each
     * @param servedOverSmtp whether mail servers also serve it
     * @throws IllegalArgumentException for a malformed id, the reason {@code OTHER}, an anchor both in
     *                                  {@code anchors} and behind a defect, or {@code smtp} required of a scenario
     *                                  not served over SMTP
     */
    public Scenario {
        Objects.requireNonNull(id, "id");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("scenario id '" + id + "' must be lower-case letters, digits and dashes");
        }
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(leaf, "leaf");
        Objects.requireNonNull(leafIssuer, "leafIssuer");
        Objects.requireNonNull(defect, "defect");
        Objects.requireNonNull(behaviour, "behaviour");
        if (defect.equals(Optional.of(RejectionReason.OTHER))) {
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
        if (requires.contains(ClientSetting.SMTP) && !servedOverSmtp) {
            throw new IllegalArgumentException("scenario '" + id + "' requires an SMTP client but is not served over "
                    + "SMTP: build it with alsoOverSmtp()");
        }
        sentAfterLeaf = List.copyOf(sentAfterLeaf);
        anchors = Set.copyOf(anchors);
        requires = Set.copyOf(requires);
        anchorsBehindDefect = Map.copyOf(anchorsBehindDefect);
    }

    /**
     * Starts a scenario: a leaf for localhost, 127.0.0.1 and ::1 (RSA 2048, 30 days), no defect, no required
     * setting, a normal server. Say who issues the leaf ({@link ScenarioBuilder#issuedBy} or {@link ScenarioBuilder#selfSigned}).
     *
     * @param id lower-case letters, digits and dashes
     * @return the builder
     */
    public static ScenarioBuilder builder(String id) {
        return new ScenarioBuilder(id);
    }

    /**
     * {@return the anchors under which the chain is accepted: {@link #anchors()} for a good chain, none for a bad one}
     */
    public Set<FakeCa> acceptingAnchors() {
        return defect.isEmpty() ? anchors : Set.of();
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
     * {@return what a correct client does under each built-in profile, by profile id in their order: what the
     * manifest's {@code expect} and {@code reasons}, the index page and {@code serve}'s table show}
     */
    public Map<String, ExpectedOutcome> expectedOutcomes() {
        Map<String, ExpectedOutcome> expected = new LinkedHashMap<>();
        TrustProfiles.builtIn().forEach(profile -> expected.put(profile.id(), expectedOutcomeFor(profile)));
        return java.util.Collections.unmodifiableMap(expected);
    }

    /**
     * The verdict and reason of a client with {@code settings} that trusts exactly {@code profile}'s anchors. Under
     * {@link ClientSetting#X509_STRICT} an anchor that fails strict mode's checks (Starfield Class 2: basic
     * constraints not critical, no key usage) is none: a client whose only anchors on the chain's path are such
     * certificates refuses the chain as {@link RejectionReason#NOT_A_CA}. OpenSSL checks extensions from the leaf up
     * before it checks names and dates, so a missing issuer, a CA:false intermediate, a path length or the leaf's
     * EKU is still named first; an expired or misnamed leaf is not.
     *
     * @param profile  the client's anchors
     * @param settings the client's settings; only {@link ClientSetting#X509_STRICT} changes what it trusts
     * @return what a correct client with those settings does
     */
    public ExpectedOutcome expectedOutcomeFor(TrustProfile profile, Set<ClientSetting> settings) {
        Optional<RejectionReason> lax = expectedReasonFor(profile);
        if (!settings.contains(ClientSetting.X509_STRICT)) {
            return lax.map(ExpectedOutcome::reject).orElseGet(ExpectedOutcome::accept);
        }
        List<X509Certificate> reached = java.util.stream.Stream.concat(anchors.stream(), anchorsBehindDefect.keySet().stream())
                .map(FakeCa::certificate).filter(profile::trusts).toList();
        boolean passingAnchor = anchors.stream().map(FakeCa::certificate).filter(profile::trusts)
                .anyMatch(anchor -> ClientSetting.x509StrictProblem(anchor).isEmpty());
        boolean failingAnchor = reached.stream().anyMatch(anchor -> ClientSetting.x509StrictProblem(anchor).isPresent());
        if (passingAnchor || !failingAnchor || lax.filter(NAMED_BEFORE_STRICT_CHECKS::contains).isPresent()) {
            return lax.map(ExpectedOutcome::reject).orElseGet(ExpectedOutcome::accept);
        }
        return ExpectedOutcome.reject(RejectionReason.NOT_A_CA);
    }

    /**
     * {@return what a correct client with {@code settings} does under each built-in profile, by profile id: what the
     * manifest's {@code underSettings} shows}
     *
     * @param settings the client's settings
     */
    public Map<String, ExpectedOutcome> expectedOutcomes(Set<ClientSetting> settings) {
        Map<String, ExpectedOutcome> expected = new LinkedHashMap<>();
        TrustProfiles.builtIn().forEach(profile -> expected.put(profile.id(), expectedOutcomeFor(profile, settings)));
        return java.util.Collections.unmodifiableMap(expected);
    }

    /** {@return the ids of the {@link #requires()} settings, sorted, as the manifest writes them} */
    public List<String> requiredSettingIds() {
        return requires.stream().map(ClientSetting::id).sorted().toList();
    }

    /**
     * Why a client trusting exactly {@code profile}'s anchors refuses the chain.
     *
     * @param profile the client's anchors
     * @return the reason, or empty when it accepts the chain
     */
    public Optional<RejectionReason> expectedReasonFor(TrustProfile profile) {
        if (defect.isEmpty() && trustsAnAnchor(profile)) {
            return Optional.empty();
        }
        if (defect.isPresent() && (anchors.isEmpty() || trustsAnAnchor(profile))) {
            return defect;
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
        if (leafIssuer.isEmpty()) {
            return false;
        }
        FakeAtsHierarchy fake = FakeAtsHierarchy.load();
        return sentAfterLeaf.isEmpty() ? fake.isIntermediateName(leafIssuer.get().certificate().getSubjectX500Principal())
                : fake.leavesOutAnIntermediate(sentAfterLeaf.stream().map(FakeCa::certificate).toList());
    }

    private boolean trustsAnAnchor(TrustProfile profile) {
        return anchors.stream().map(FakeCa::certificate).anyMatch(profile::trusts);
    }
}
