package io.github.atstrust.testkit.scenario;

import static io.github.atstrust.testkit.pki.FakeCa.AMAZON_ECDSA_256_M01;
import static io.github.atstrust.testkit.pki.FakeCa.AMAZON_ECDSA_384_M01;
import static io.github.atstrust.testkit.pki.FakeCa.AMAZON_ROOT_CA_1;
import static io.github.atstrust.testkit.pki.FakeCa.AMAZON_ROOT_CA_1_CROSS_G2;
import static io.github.atstrust.testkit.pki.FakeCa.AMAZON_ROOT_CA_1_CROSS_G2_EXPIRED;
import static io.github.atstrust.testkit.pki.FakeCa.AMAZON_ROOT_CA_2;
import static io.github.atstrust.testkit.pki.FakeCa.AMAZON_ROOT_CA_2_CROSS_G2;
import static io.github.atstrust.testkit.pki.FakeCa.AMAZON_ROOT_CA_3;
import static io.github.atstrust.testkit.pki.FakeCa.AMAZON_ROOT_CA_3_CROSS_G2;
import static io.github.atstrust.testkit.pki.FakeCa.AMAZON_ROOT_CA_3_CROSS_G2_EXPIRED;
import static io.github.atstrust.testkit.pki.FakeCa.AMAZON_ROOT_CA_4;
import static io.github.atstrust.testkit.pki.FakeCa.AMAZON_ROOT_CA_4_CROSS_G2;
import static io.github.atstrust.testkit.pki.FakeCa.AMAZON_RSA_2048_M01;
import static io.github.atstrust.testkit.pki.FakeCa.AMAZON_RSA_2048_M02;
import static io.github.atstrust.testkit.pki.FakeCa.AMAZON_RSA_4096_M01;
import static io.github.atstrust.testkit.pki.FakeCa.NOT_A_CA_INTERMEDIATE;
import static io.github.atstrust.testkit.pki.FakeCa.STARFIELD_CLASS_2;
import static io.github.atstrust.testkit.pki.FakeCa.STARFIELD_SERVICES_ROOT_G2;
import static io.github.atstrust.testkit.pki.FakeCa.STARFIELD_SERVICES_ROOT_G2_CROSS_CLASS_2;
import static io.github.atstrust.testkit.pki.FakeCa.STARFIELD_SERVICES_ROOT_G2_CROSS_CLASS_2_EXPIRED;
import static io.github.atstrust.testkit.pki.FakeCa.SUB_CA_BEYOND_PATH_LENGTH;
import static io.github.atstrust.testkit.pki.FakeCa.UNTRUSTED_INTERMEDIATE;
import static io.github.atstrust.testkit.scenario.ServerBehaviour.NORMAL;
import static io.github.atstrust.testkit.scenario.ServerBehaviour.REVOKED_INTERMEDIATE;
import static io.github.atstrust.testkit.scenario.ServerBehaviour.REVOKED_LEAF;
import static io.github.atstrust.testkit.scenario.ServerBehaviour.STALL_HANDSHAKE;
import static io.github.atstrust.testkit.scenario.ServerBehaviour.TLS12_ONLY;

import static io.github.atstrust.testkit.probe.RejectionReason.EXPIRED;
import static io.github.atstrust.testkit.probe.RejectionReason.HOSTNAME_MISMATCH;
import static io.github.atstrust.testkit.probe.RejectionReason.INCOMPLETE_CHAIN;
import static io.github.atstrust.testkit.probe.RejectionReason.NOT_A_CA;
import static io.github.atstrust.testkit.probe.RejectionReason.NOT_YET_VALID;
import static io.github.atstrust.testkit.probe.RejectionReason.PATH_LENGTH_EXCEEDED;
import static io.github.atstrust.testkit.probe.RejectionReason.REVOKED;
import static io.github.atstrust.testkit.probe.RejectionReason.UNTRUSTED_ROOT;
import static io.github.atstrust.testkit.probe.RejectionReason.WEAK_ALGORITHM;
import static io.github.atstrust.testkit.probe.RejectionReason.WRONG_EXTENDED_KEY_USAGE;

import io.github.atstrust.testkit.pki.FakeCa;
import io.github.atstrust.testkit.pki.KeyType;
import io.github.atstrust.testkit.pki.LeafSpec;
import io.github.atstrust.testkit.probe.RejectionReason;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The scenarios the kit serves: the good ATS chains and the bad chains clients must refuse, as one table.
 * Users add their own with {@link #with(Scenario)}.
 *
 * <pre>Scenario acm = ScenarioCatalogue.builtIn().byId("ats-acm-2024");</pre>
 */
public final class ScenarioCatalogue {

    /** Client setting: revocation checking (OCSP or CRL) turned on for that client. */
    public static final String REVOCATION_CHECKING = "revocation-checking";
    /** Client setting: a connect/handshake timeout. */
    public static final String TIMEOUT = "timeout";
    /**
     * Client setting: an algorithm policy that refuses SHA-1 signatures and RSA keys under 2048 bits in server
     * chains (OpenSSL at security level 2, browsers). The JDK refuses SHA-1 only under its own cacerts anchors
     * and RSA only under 1024 bits, so it accepts these chains under a custom anchor.
     */
    public static final String STRICT_ALGORITHM_POLICY = "strict-algorithm-policy";
    /**
     * Client setting: fetching a missing intermediate from the leaf's caIssuers URL (Chromium; the JDK with
     * {@code com.sun.security.enableAIAcaIssuers=true}).
     */
    public static final String AIA_FETCHING = "aia-fetching";

    /** Client setting: an SMTP client (STARTTLS or TLS wrapper mode) instead of an HTTPS one. */
    public static final String SMTP = "smtp";

    private static final List<String> LOCAL_NAMES = List.of("localhost", "127.0.0.1", "::1");
    private static final LeafSpec RSA_LEAF = LeafSpec.forHosts(LOCAL_NAMES.toArray(String[]::new));
    private static final LeafSpec P256_LEAF = RSA_LEAF.keyType(KeyType.EC_P256);
    private static final List<FakeCa> ROOT_1_CROSS_CHAIN = List.of(AMAZON_ROOT_CA_1_CROSS_G2,
            STARFIELD_SERVICES_ROOT_G2_CROSS_CLASS_2);
    private static final Set<FakeCa> UNDER_ROOT_1 = Set.of(AMAZON_ROOT_CA_1, STARFIELD_SERVICES_ROOT_G2, STARFIELD_CLASS_2);
    private static final Set<FakeCa> NONE = Set.of();
    private static final RejectionReason TIMEOUT_REASON = RejectionReason.TIMEOUT;

    private static final ScenarioCatalogue BUILT_IN = new ScenarioCatalogue(List.of(
            atsRoot(1, RSA_LEAF, AMAZON_RSA_2048_M01, AMAZON_ROOT_CA_1_CROSS_G2, AMAZON_ROOT_CA_1),
            atsRoot(2, RSA_LEAF, AMAZON_RSA_4096_M01, AMAZON_ROOT_CA_2_CROSS_G2, AMAZON_ROOT_CA_2),
            atsRoot(3, P256_LEAF, AMAZON_ECDSA_256_M01, AMAZON_ROOT_CA_3_CROSS_G2, AMAZON_ROOT_CA_3),
            atsRoot(4, RSA_LEAF.keyType(KeyType.EC_P384), AMAZON_ECDSA_384_M01, AMAZON_ROOT_CA_4_CROSS_G2, AMAZON_ROOT_CA_4),
            good("ats-acm-2024",
                    "ACM chain since August 2024: stops at Amazon Root CA 1 cross-signed by G2 (no Class 2 cross-sign)",
                    RSA_LEAF, AMAZON_RSA_2048_M01, List.of(AMAZON_RSA_2048_M01, AMAZON_ROOT_CA_1_CROSS_G2),
                    Set.of(AMAZON_ROOT_CA_1, STARFIELD_SERVICES_ROOT_G2), Set.of(), NORMAL),
            good("rotated-intermediate",
                    "leaf under the second intermediate of Amazon Root CA 1 (intermediates rotate: never pin them)",
                    RSA_LEAF, AMAZON_RSA_2048_M02, withRoot1Cross(AMAZON_RSA_2048_M02), UNDER_ROOT_1, Set.of(), NORMAL),
            good("tls12-only", "the Amazon Root CA 1 chain on a server that speaks only TLS 1.2",
                    RSA_LEAF, AMAZON_RSA_2048_M01, withRoot1Cross(AMAZON_RSA_2048_M01), UNDER_ROOT_1, Set.of(), TLS12_ONLY),
            good("incomplete-chain-aia", "leaf under Amazon Root CA 1 sent without its intermediate, which the "
                            + "leaf's caIssuers URL serves (clients that fetch missing intermediates accept it)",
                    RSA_LEAF, AMAZON_RSA_2048_M01, List.of(), Set.of(AMAZON_ROOT_CA_1), Set.of(AIA_FETCHING), NORMAL),
            good("intermediates-out-of-order", "the Amazon Root CA 1 chain with its CA certificates out of order "
                            + "(the cross-certificate before the intermediate): path builders use them as a pool",
                    RSA_LEAF, AMAZON_RSA_2048_M01, List.of(AMAZON_ROOT_CA_1_CROSS_G2, AMAZON_RSA_2048_M01,
                            STARFIELD_SERVICES_ROOT_G2_CROSS_CLASS_2), UNDER_ROOT_1, Set.of(), NORMAL),
            good("extra-unrelated-certificate", "the Amazon Root CA 1 chain followed by an unrelated CA certificate",
                    RSA_LEAF, AMAZON_RSA_2048_M01, List.of(AMAZON_RSA_2048_M01, AMAZON_ROOT_CA_1_CROSS_G2,
                            STARFIELD_SERVICES_ROOT_G2_CROSS_CLASS_2, UNTRUSTED_INTERMEDIATE),
                    UNDER_ROOT_1, Set.of(), NORMAL),
            good("root-sent-along", "leaf, intermediate and the self-signed Amazon Root CA 1 itself (no cross-certificate)",
                    RSA_LEAF, AMAZON_RSA_2048_M01, List.of(AMAZON_RSA_2048_M01, AMAZON_ROOT_CA_1), Set.of(AMAZON_ROOT_CA_1),
                    Set.of(), NORMAL),
            good("duplicated-intermediate", "the Amazon Root CA 1 chain with its intermediate sent twice",
                    RSA_LEAF, AMAZON_RSA_2048_M01, withRoot1Cross(AMAZON_RSA_2048_M01, AMAZON_RSA_2048_M01), UNDER_ROOT_1,
                    Set.of(), NORMAL),
            class2CrossExpired("class2-cross-expired", 1, RSA_LEAF, AMAZON_RSA_2048_M01, AMAZON_ROOT_CA_1_CROSS_G2,
                    AMAZON_ROOT_CA_1),
            class2CrossExpired("class2-cross-expired-ec", 3, P256_LEAF, AMAZON_ECDSA_256_M01, AMAZON_ROOT_CA_3_CROSS_G2,
                    AMAZON_ROOT_CA_3),
            g2CrossExpired("g2-cross-expired", 1, RSA_LEAF, AMAZON_RSA_2048_M01, AMAZON_ROOT_CA_1_CROSS_G2_EXPIRED,
                    AMAZON_ROOT_CA_1),
            g2CrossExpired("g2-cross-expired-ec", 3, P256_LEAF, AMAZON_ECDSA_256_M01, AMAZON_ROOT_CA_3_CROSS_G2_EXPIRED,
                    AMAZON_ROOT_CA_3),
            bad("untrusted-root", "leaf and intermediate of a hierarchy no ATS store trusts",
                    RSA_LEAF, UNTRUSTED_INTERMEDIATE, List.of(UNTRUSTED_INTERMEDIATE), NONE, UNTRUSTED_ROOT),
            bad("self-signed", "a self-signed leaf", RSA_LEAF, null, List.of(), NONE, UNTRUSTED_ROOT),
            bad("expired", "leaf under Amazon Root CA 1 whose validity ended 30 days ago (full cross chain)",
                    RSA_LEAF.validity(Duration.ofDays(-60), Duration.ofDays(30)), AMAZON_RSA_2048_M01,
                    withRoot1Cross(AMAZON_RSA_2048_M01), UNDER_ROOT_1, EXPIRED),
            bad("not-yet-valid", "leaf under Amazon Root CA 1 valid only from 30 days on (full cross chain)",
                    RSA_LEAF.validity(Duration.ofDays(30), Duration.ofDays(30)), AMAZON_RSA_2048_M01,
                    withRoot1Cross(AMAZON_RSA_2048_M01), UNDER_ROOT_1, NOT_YET_VALID),
            bad("wrong-host", "leaf under Amazon Root CA 1 for wrong-host.example only (full cross chain)",
                    LeafSpec.forHosts("wrong-host.example"), AMAZON_RSA_2048_M01, withRoot1Cross(AMAZON_RSA_2048_M01),
                    UNDER_ROOT_1, HOSTNAME_MISMATCH),
            bad("incomplete-chain", "leaf under Amazon Root CA 1 sent without its intermediate (and no caIssuers URL)",
                    RSA_LEAF.withoutIssuerUrl(), AMAZON_RSA_2048_M01, List.of(), NONE, INCOMPLETE_CHAIN),
            bad("intermediate-not-ca", "leaf issued by a certificate of Amazon Root CA 1 that is not a CA (CA:false)",
                    RSA_LEAF, NOT_A_CA_INTERMEDIATE, withRoot1Cross(NOT_A_CA_INTERMEDIATE), UNDER_ROOT_1, NOT_A_CA),
            bad("path-length-exceeded", "leaf under a sub-CA of the pathLen-0 intermediate M01",
                    RSA_LEAF, SUB_CA_BEYOND_PATH_LENGTH, withRoot1Cross(SUB_CA_BEYOND_PATH_LENGTH, AMAZON_RSA_2048_M01),
                    UNDER_ROOT_1, PATH_LENGTH_EXCEEDED),
            bad("wrong-eku", "leaf under Amazon Root CA 1 with extended key usage clientAuth only",
                    RSA_LEAF.clientAuthOnly(), AMAZON_RSA_2048_M01,
                    withRoot1Cross(AMAZON_RSA_2048_M01), UNDER_ROOT_1, WRONG_EXTENDED_KEY_USAGE),
            new Scenario("sha1-leaf", "leaf under Amazon Root CA 1 signed with SHA-1 (full cross chain)",
                    RSA_LEAF.signatureAlgorithm("SHA1withRSA"), AMAZON_RSA_2048_M01, withRoot1Cross(AMAZON_RSA_2048_M01),
                    UNDER_ROOT_1, WEAK_ALGORITHM, Set.of(STRICT_ALGORITHM_POLICY), NORMAL),
            new Scenario("rsa-1024-leaf", "leaf under Amazon Root CA 1 with an RSA 1024 key (full cross chain)",
                    RSA_LEAF.keyType(KeyType.RSA_1024), AMAZON_RSA_2048_M01, withRoot1Cross(AMAZON_RSA_2048_M01),
                    UNDER_ROOT_1, WEAK_ALGORITHM, Set.of(STRICT_ALGORITHM_POLICY), NORMAL),
            new Scenario("revoked", "leaf under Amazon Root CA 1, revoked in its CRL and by OCSP (full cross chain)",
                    RSA_LEAF, AMAZON_RSA_2048_M01, withRoot1Cross(AMAZON_RSA_2048_M01), UNDER_ROOT_1, REVOKED,
                    Set.of(REVOCATION_CHECKING), REVOKED_LEAF),
            new Scenario("revoked-intermediate", "good leaf under a copy of intermediate M01 that Amazon Root CA 1 "
                    + "revoked in its CRL and by OCSP (full cross chain)",
                    RSA_LEAF, AMAZON_RSA_2048_M01, withRoot1Cross(AMAZON_RSA_2048_M01), UNDER_ROOT_1, REVOKED,
                    Set.of(REVOCATION_CHECKING), REVOKED_INTERMEDIATE),
            new Scenario("stalled-handshake", "accepts TCP and never answers the ClientHello (the 'long delay' failure)",
                    RSA_LEAF, AMAZON_RSA_2048_M01, withRoot1Cross(AMAZON_RSA_2048_M01), NONE, TIMEOUT_REASON,
                    Set.of(TIMEOUT), STALL_HANDSHAKE)));

    private final List<Scenario> scenarios;

    private ScenarioCatalogue(List<Scenario> scenarios) {
        this.scenarios = List.copyOf(scenarios);
    }

    /** {@return the kit's own scenarios} */
    public static ScenarioCatalogue builtIn() {
        return BUILT_IN;
    }

    /**
     * A catalogue with {@code scenario} added after the others.
     *
     * @param scenario a scenario with a new id
     * @return a new catalogue
     * @throws IllegalArgumentException when the id is taken
     */
    public ScenarioCatalogue with(Scenario scenario) {
        if (scenarios.stream().anyMatch(s -> s.id().equals(scenario.id()))) {
            throw new IllegalArgumentException("a scenario with id '" + scenario.id() + "' already exists");
        }
        List<Scenario> all = new ArrayList<>(scenarios);
        all.add(scenario);
        return new ScenarioCatalogue(all);
    }

    /** {@return every scenario, in order} */
    public List<Scenario> scenarios() {
        return scenarios;
    }

    /** {@return scenarios every correctly configured client judges the same way (empty {@code requires})} */
    public List<Scenario> unconditional() {
        return scenarios.stream().filter(s -> s.requires().isEmpty()).toList();
    }

    /**
     * The scenario with this id.
     *
     * @param id e.g. {@code untrusted-root}
     * @return the scenario
     * @throws IllegalArgumentException listing the valid ids when there is none
     */
    public Scenario byId(String id) {
        return scenarios.stream().filter(s -> s.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown scenario '" + id + "'; valid ids: " + ids()));
    }

    /** {@return all ids, comma-separated} */
    public String ids() {
        return scenarios.stream().map(Scenario::id).collect(Collectors.joining(", "));
    }

    private static Scenario atsRoot(int n, LeafSpec leaf, FakeCa intermediate, FakeCa crossSigned, FakeCa root) {
        return good("ats-root-ca-" + n,
                "leaf → intermediate → Amazon Root CA " + n + " cross-signed by G2 → G2 cross-signed by Class 2",
                leaf, intermediate, List.of(intermediate, crossSigned, STARFIELD_SERVICES_ROOT_G2_CROSS_CLASS_2),
                Set.of(root, STARFIELD_SERVICES_ROOT_G2, STARFIELD_CLASS_2), Set.of(), NORMAL);
    }

    /**
     * The pre-2024 chain as it will be after 2034-06-28: G2's cross-sign by Class 2 has ended. A path builder that
     * holds Root CA n or G2 stops there and never needs it; a Class-2-only store meets the expired certificate.
     */
    private static Scenario class2CrossExpired(String id, int n, LeafSpec leaf, FakeCa intermediate, FakeCa crossSigned,
                                               FakeCa root) {
        return new Scenario(id, "the pre-2024 chain (leaf → intermediate → Amazon Root CA " + n + " cross-signed by G2 → "
                + "G2 cross-signed by Class 2) after 2034-06-28: the G2-by-Class-2 cross-certificate has expired",
                leaf, intermediate, List.of(intermediate, crossSigned, STARFIELD_SERVICES_ROOT_G2_CROSS_CLASS_2_EXPIRED),
                Set.of(root, STARFIELD_SERVICES_ROOT_G2), null, Set.of(), NORMAL, Map.of(STARFIELD_CLASS_2, EXPIRED));
    }

    /**
     * The ACM chain since August 2024 as it will be after 2037-12-31: Amazon Root CA n's cross-sign by G2 has ended.
     * Only a store holding the Amazon root itself stops before it; a G2 store meets the expired certificate, and a
     * Class-2-only store has no path at all (as with {@code ats-acm-2024} today).
     */
    private static Scenario g2CrossExpired(String id, int n, LeafSpec leaf, FakeCa intermediate, FakeCa expiredCross,
                                           FakeCa root) {
        return new Scenario(id, "the ACM chain since August 2024 (leaf → intermediate → Amazon Root CA " + n
                + " cross-signed by G2) after 2037-12-31: the Amazon-root-by-G2 cross-certificate has expired",
                leaf, intermediate, List.of(intermediate, expiredCross), Set.of(root), null, Set.of(), NORMAL,
                Map.of(STARFIELD_SERVICES_ROOT_G2, EXPIRED));
    }

    private static Scenario good(String id, String description, LeafSpec leaf, FakeCa issuer, List<FakeCa> sent,
                                 Set<FakeCa> anchors, Set<String> requires, ServerBehaviour behaviour) {
        return new Scenario(id, description, leaf, issuer, sent, anchors, null, requires, behaviour);
    }

    private static Scenario bad(String id, String description, LeafSpec leaf, FakeCa issuer, List<FakeCa> sent,
                                Set<FakeCa> anchors, RejectionReason defect) {
        return new Scenario(id, description, leaf, issuer, sent, anchors, defect, Set.of(), NORMAL);
    }

    private static List<FakeCa> withRoot1Cross(FakeCa... intermediates) {
        List<FakeCa> chain = new ArrayList<>(List.of(intermediates));
        chain.addAll(ROOT_1_CROSS_CHAIN);
        return chain;
    }
}
