package io.github.atstrust.testkit.scenario;

import static io.github.atstrust.testkit.pki.FakeCa.AMAZON_ECDSA_256_M01;
import static io.github.atstrust.testkit.pki.FakeCa.AMAZON_ECDSA_256_NEXT;
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
import static io.github.atstrust.testkit.pki.FakeCa.AMAZON_RSA_2048_NEXT;
import static io.github.atstrust.testkit.pki.FakeCa.AMAZON_RSA_4096_M01;
import static io.github.atstrust.testkit.pki.FakeCa.NOT_A_CA_INTERMEDIATE;
import static io.github.atstrust.testkit.pki.FakeCa.STARFIELD_CLASS_2;
import static io.github.atstrust.testkit.pki.FakeCa.STARFIELD_SERVICES_ROOT_G2;
import static io.github.atstrust.testkit.pki.FakeCa.STARFIELD_SERVICES_ROOT_G2_CROSS_CLASS_2;
import static io.github.atstrust.testkit.pki.FakeCa.STARFIELD_SERVICES_ROOT_G2_CROSS_CLASS_2_EXPIRED;
import static io.github.atstrust.testkit.pki.FakeCa.SUB_CA_BEYOND_PATH_LENGTH;
import static io.github.atstrust.testkit.pki.FakeCa.UNTRUSTED_INTERMEDIATE;
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
import java.util.stream.Collectors;

/**
 * The scenarios the kit serves: the good ATS chains and the bad chains clients must refuse, as one table.
 * Users add their own with {@link #with(Scenario)}.
 *
 * <pre>Scenario acm = ScenarioCatalogue.builtIn().byId("ats-acm-2024");</pre>
 */
public final class ScenarioCatalogue {

    private static final LeafSpec RSA_LEAF = LeafSpec.forHosts("localhost", "127.0.0.1", "::1");
    private static final LeafSpec P256_LEAF = RSA_LEAF.keyType(KeyType.EC_P256);
    private static final FakeCa[] ROOT_1_CROSS_CHAIN = {AMAZON_ROOT_CA_1_CROSS_G2, STARFIELD_SERVICES_ROOT_G2_CROSS_CLASS_2};
    private static final FakeCa[] UNDER_ROOT_1 = {AMAZON_ROOT_CA_1, STARFIELD_SERVICES_ROOT_G2, STARFIELD_CLASS_2};

    private static final ScenarioCatalogue BUILT_IN = new ScenarioCatalogue(List.of(
            atsRoot(1, RSA_LEAF, AMAZON_RSA_2048_M01, AMAZON_ROOT_CA_1_CROSS_G2, AMAZON_ROOT_CA_1),
            atsRoot(2, RSA_LEAF, AMAZON_RSA_4096_M01, AMAZON_ROOT_CA_2_CROSS_G2, AMAZON_ROOT_CA_2),
            atsRoot(3, P256_LEAF, AMAZON_ECDSA_256_M01, AMAZON_ROOT_CA_3_CROSS_G2, AMAZON_ROOT_CA_3),
            atsRoot(4, RSA_LEAF.keyType(KeyType.EC_P384), AMAZON_ECDSA_384_M01, AMAZON_ROOT_CA_4_CROSS_G2, AMAZON_ROOT_CA_4),
            scenario("ats-acm-2024", "ACM chain since August 2024: stops at Amazon Root CA 1 cross-signed by G2 (no "
                    + "Class 2 cross-sign)").issuedBy(AMAZON_RSA_2048_M01).sends(AMAZON_RSA_2048_M01, AMAZON_ROOT_CA_1_CROSS_G2)
                    .leadsTo(AMAZON_ROOT_CA_1, STARFIELD_SERVICES_ROOT_G2).alsoOverSmtp().build(),
            underRoot1("rotated-intermediate", "leaf under the second intermediate of Amazon Root CA 1 (intermediates "
                    + "rotate: never pin them)", AMAZON_RSA_2048_M02).build(),
            scenario("next-generation-rsa", "ACM chain from the RSA issuing CA of the generation after 2022's, which ends "
                    + "2030-08-23 (not yet published): leaf → next-generation CA → Amazon Root CA 1 cross-signed by G2")
                    .issuedBy(AMAZON_RSA_2048_NEXT).sends(AMAZON_RSA_2048_NEXT, AMAZON_ROOT_CA_1_CROSS_G2)
                    .leadsTo(AMAZON_ROOT_CA_1, STARFIELD_SERVICES_ROOT_G2).build(),
            scenario("next-generation-ec", "ACM chain from the ECDSA 256 issuing CA of the generation after 2022's: "
                    + "leaf → next-generation CA → Amazon Root CA 3 cross-signed by G2").leaf(P256_LEAF)
                    .issuedBy(AMAZON_ECDSA_256_NEXT).sends(AMAZON_ECDSA_256_NEXT, AMAZON_ROOT_CA_3_CROSS_G2)
                    .leadsTo(AMAZON_ROOT_CA_3, STARFIELD_SERVICES_ROOT_G2).build(),
            underRoot1("tls12-only", "the Amazon Root CA 1 chain on a server that speaks only TLS 1.2", AMAZON_RSA_2048_M01)
                    .behaviour(TLS12_ONLY).build(),
            scenario("incomplete-chain-aia", "leaf under Amazon Root CA 1 sent without its intermediate, which the leaf's "
                    + "caIssuers URL serves (clients that fetch missing intermediates accept it)")
                    .issuedBy(AMAZON_RSA_2048_M01).leadsTo(AMAZON_ROOT_CA_1).requires(ClientSetting.AIA_FETCHING).build(),
            scenario("intermediates-out-of-order", "the Amazon Root CA 1 chain with its CA certificates out of order (the "
                    + "cross-certificate before the intermediate): path builders use them as a pool")
                    .issuedBy(AMAZON_RSA_2048_M01).sends(AMAZON_ROOT_CA_1_CROSS_G2, AMAZON_RSA_2048_M01,
                            STARFIELD_SERVICES_ROOT_G2_CROSS_CLASS_2).leadsTo(UNDER_ROOT_1).build(),
            underRoot1("extra-unrelated-certificate", "the Amazon Root CA 1 chain followed by an unrelated CA certificate",
                    AMAZON_RSA_2048_M01).sends(UNTRUSTED_INTERMEDIATE).build(),
            scenario("root-sent-along", "leaf, intermediate and the self-signed Amazon Root CA 1 itself (no "
                    + "cross-certificate)").issuedBy(AMAZON_RSA_2048_M01).sends(AMAZON_RSA_2048_M01, AMAZON_ROOT_CA_1)
                    .leadsTo(AMAZON_ROOT_CA_1).build(),
            scenario("duplicated-intermediate", "the Amazon Root CA 1 chain with its intermediate sent twice")
                    .issuedBy(AMAZON_RSA_2048_M01).sends(AMAZON_RSA_2048_M01, AMAZON_RSA_2048_M01).sends(ROOT_1_CROSS_CHAIN)
                    .leadsTo(UNDER_ROOT_1).build(),
            class2CrossExpired("class2-cross-expired", 1, RSA_LEAF, AMAZON_RSA_2048_M01, AMAZON_ROOT_CA_1_CROSS_G2,
                    AMAZON_ROOT_CA_1),
            class2CrossExpired("class2-cross-expired-ec", 3, P256_LEAF, AMAZON_ECDSA_256_M01, AMAZON_ROOT_CA_3_CROSS_G2,
                    AMAZON_ROOT_CA_3),
            g2CrossExpired("g2-cross-expired", 1, RSA_LEAF, AMAZON_RSA_2048_M01, AMAZON_ROOT_CA_1_CROSS_G2_EXPIRED,
                    AMAZON_ROOT_CA_1),
            g2CrossExpired("g2-cross-expired-ec", 3, P256_LEAF, AMAZON_ECDSA_256_M01, AMAZON_ROOT_CA_3_CROSS_G2_EXPIRED,
                    AMAZON_ROOT_CA_3),
            scenario("untrusted-root", "leaf and intermediate of a hierarchy no ATS store trusts")
                    .issuedBy(UNTRUSTED_INTERMEDIATE).sends(UNTRUSTED_INTERMEDIATE).rejectedBecause(UNTRUSTED_ROOT)
                    .alsoOverSmtp().build(),
            scenario("self-signed", "a self-signed leaf").selfSigned().rejectedBecause(UNTRUSTED_ROOT).build(),
            underRoot1("expired", "leaf under Amazon Root CA 1 whose validity ended 30 days ago (full cross chain)",
                    AMAZON_RSA_2048_M01).leaf(RSA_LEAF.validity(Duration.ofDays(-60), Duration.ofDays(30)))
                    .rejectedBecause(EXPIRED).alsoOverSmtp().build(),
            underRoot1("not-yet-valid", "leaf under Amazon Root CA 1 valid only from 30 days on (full cross chain)",
                    AMAZON_RSA_2048_M01).leaf(RSA_LEAF.validity(Duration.ofDays(30), Duration.ofDays(30)))
                    .rejectedBecause(NOT_YET_VALID).build(),
            underRoot1("wrong-host", "leaf under Amazon Root CA 1 for wrong-host.example only (full cross chain)",
                    AMAZON_RSA_2048_M01).leafFor("wrong-host.example").rejectedBecause(HOSTNAME_MISMATCH).alsoOverSmtp().build(),
            scenario("incomplete-chain", "leaf under Amazon Root CA 1 sent without its intermediate (and no caIssuers URL)")
                    .leaf(RSA_LEAF.withoutIssuerUrl()).issuedBy(AMAZON_RSA_2048_M01).rejectedBecause(INCOMPLETE_CHAIN).build(),
            scenario("intermediate-not-ca", "leaf issued by a certificate of Amazon Root CA 1 that is not a CA (CA:false)")
                    .issuedBy(NOT_A_CA_INTERMEDIATE).sends(NOT_A_CA_INTERMEDIATE).sends(ROOT_1_CROSS_CHAIN)
                    .leadsTo(UNDER_ROOT_1).rejectedBecause(NOT_A_CA).build(),
            scenario("path-length-exceeded", "leaf under a sub-CA of the pathLen-0 next-generation intermediate of "
                    + "Amazon Root CA 1").issuedBy(SUB_CA_BEYOND_PATH_LENGTH).sends(SUB_CA_BEYOND_PATH_LENGTH, AMAZON_RSA_2048_NEXT)
                    .sends(ROOT_1_CROSS_CHAIN).leadsTo(UNDER_ROOT_1).rejectedBecause(PATH_LENGTH_EXCEEDED).build(),
            underRoot1("wrong-eku", "leaf under Amazon Root CA 1 with extended key usage clientAuth only",
                    AMAZON_RSA_2048_M01).leaf(RSA_LEAF.clientAuthOnly()).rejectedBecause(WRONG_EXTENDED_KEY_USAGE).build(),
            underRoot1("sha1-leaf", "leaf under Amazon Root CA 1 signed with SHA-1 (full cross chain)", AMAZON_RSA_2048_M01)
                    .leaf(RSA_LEAF.signatureAlgorithm("SHA1withRSA")).rejectedBecause(WEAK_ALGORITHM)
                    .requires(ClientSetting.STRICT_ALGORITHM_POLICY).build(),
            underRoot1("rsa-1024-leaf", "leaf under Amazon Root CA 1 with an RSA 1024 key (full cross chain)",
                    AMAZON_RSA_2048_M01).leaf(RSA_LEAF.keyType(KeyType.RSA_1024)).rejectedBecause(WEAK_ALGORITHM)
                    .requires(ClientSetting.STRICT_ALGORITHM_POLICY).build(),
            underRoot1("revoked", "leaf under Amazon Root CA 1, revoked in its CRL and by OCSP (full cross chain)",
                    AMAZON_RSA_2048_M01).rejectedBecause(REVOKED).requires(ClientSetting.REVOCATION_CHECKING)
                    .behaviour(REVOKED_LEAF).build(),
            underRoot1("revoked-intermediate", "good leaf under a copy of intermediate M01 that Amazon Root CA 1 revoked "
                    + "in its CRL and by OCSP (full cross chain)", AMAZON_RSA_2048_M01).rejectedBecause(REVOKED)
                    .requires(ClientSetting.REVOCATION_CHECKING).behaviour(REVOKED_INTERMEDIATE).build(),
            scenario("stalled-handshake", "accepts TCP and never answers the ClientHello (the 'long delay' failure)")
                    .issuedBy(AMAZON_RSA_2048_M01).sends(AMAZON_RSA_2048_M01).sends(ROOT_1_CROSS_CHAIN)
                    .rejectedBecause(RejectionReason.TIMEOUT).requires(ClientSetting.TIMEOUT).behaviour(STALL_HANDSHAKE)
                    .alsoOverSmtp().build()));

    private final List<Scenario> scenarios;

    private ScenarioCatalogue(List<Scenario> scenarios) {
        this.scenarios = List.copyOf(scenarios);
    }

    /** {@return the kit's own scenarios} */
    public static ScenarioCatalogue builtIn() {
        return BUILT_IN;
    }

    /**
     * A catalogue of these scenarios alone, e.g. a user's own for {@code AtsServers.builder().catalogue(…)}.
     *
     * @param scenarios scenarios with distinct ids
     * @return the catalogue
     * @throws IllegalArgumentException when two share an id
     */
    public static ScenarioCatalogue of(List<Scenario> scenarios) {
        ScenarioCatalogue catalogue = new ScenarioCatalogue(List.of());
        for (Scenario scenario : scenarios) {
            catalogue = catalogue.with(scenario);
        }
        return catalogue;
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

    private static ScenarioBuilder scenario(String id, String description) {
        return Scenario.builder(id).description(description).leaf(RSA_LEAF);
    }

    /** The leaf under {@code intermediate}, sent with it and Root CA 1's full cross chain: any ATS anchor reaches it. */
    private static ScenarioBuilder underRoot1(String id, String description, FakeCa intermediate) {
        return scenario(id, description).issuedBy(intermediate).sends(intermediate).sends(ROOT_1_CROSS_CHAIN)
                .leadsTo(UNDER_ROOT_1);
    }

    private static Scenario atsRoot(int n, LeafSpec leaf, FakeCa intermediate, FakeCa crossSigned, FakeCa root) {
        return scenario("ats-root-ca-" + n,
                "leaf → intermediate → Amazon Root CA " + n + " cross-signed by G2 → G2 cross-signed by Class 2")
                .leaf(leaf).issuedBy(intermediate).sends(intermediate, crossSigned, STARFIELD_SERVICES_ROOT_G2_CROSS_CLASS_2)
                .leadsTo(root, STARFIELD_SERVICES_ROOT_G2, STARFIELD_CLASS_2).alsoOverSmtp().build();
    }

    /**
     * The pre-2024 chain as it will be after 2034-06-28: G2's cross-sign by Class 2 has ended. A path builder that
     * holds Root CA n or G2 stops there and never needs it; a Class-2-only store meets the expired certificate.
     */
    private static Scenario class2CrossExpired(String id, int n, LeafSpec leaf, FakeCa intermediate, FakeCa crossSigned,
                                               FakeCa root) {
        return scenario(id, "the pre-2024 chain (leaf → intermediate → Amazon Root CA " + n + " cross-signed by G2 → "
                + "G2 cross-signed by Class 2) after 2034-06-28: the G2-by-Class-2 cross-certificate has expired")
                .leaf(leaf).issuedBy(intermediate).sends(intermediate, crossSigned, STARFIELD_SERVICES_ROOT_G2_CROSS_CLASS_2_EXPIRED)
                .leadsTo(root, STARFIELD_SERVICES_ROOT_G2).leadsOverDefectTo(STARFIELD_CLASS_2, EXPIRED).build();
    }

    /**
     * The ACM chain since August 2024 as it will be after 2037-12-31: Amazon Root CA n's cross-sign by G2 has ended.
     * Only a store holding the Amazon root itself stops before it; a G2 store meets the expired certificate, and a
     * Class-2-only store has no path at all (as with {@code ats-acm-2024} today).
     */
    private static Scenario g2CrossExpired(String id, int n, LeafSpec leaf, FakeCa intermediate, FakeCa expiredCross,
                                           FakeCa root) {
        return scenario(id, "the ACM chain since August 2024 (leaf → intermediate → Amazon Root CA " + n
                + " cross-signed by G2) after 2037-12-31: the Amazon-root-by-G2 cross-certificate has expired")
                .leaf(leaf).issuedBy(intermediate).sends(intermediate, expiredCross).leadsTo(root)
                .leadsOverDefectTo(STARFIELD_SERVICES_ROOT_G2, EXPIRED).build();
    }
}
