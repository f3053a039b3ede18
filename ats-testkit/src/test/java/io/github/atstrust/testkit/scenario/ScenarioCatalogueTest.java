package io.github.atstrust.testkit.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.atstrust.testkit.pki.FakeCa;
import io.github.atstrust.testkit.probe.RejectionReason;
import io.github.atstrust.testkit.trust.TrustProfiles;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScenarioCatalogueTest {

    private final ScenarioCatalogue catalogue = ScenarioCatalogue.builtIn();

    @Test
    void holdsEveryCoreAndRequiredExtraScenario() {
        assertThat(catalogue.scenarios()).extracting(Scenario::id).contains(
                "ats-root-ca-1", "ats-root-ca-2", "ats-root-ca-3", "ats-root-ca-4", "ats-acm-2024", "untrusted-root",
                "self-signed", "expired", "wrong-host", "incomplete-chain", "revoked", "not-yet-valid", "sha1-leaf",
                "rsa-1024-leaf", "intermediate-not-ca", "path-length-exceeded", "wrong-eku", "rotated-intermediate",
                "stalled-handshake", "tls12-only");
    }

    @Test
    void acmChainSince2024IsNotAcceptedByAClientTrustingOnlyStarfieldClass2() {
        Scenario acm = catalogue.byId("ats-acm-2024");

        assertThat(acm.expectedOutcomeFor(TrustProfiles.byId("starfield-class-2")).accepts()).isFalse();
        assertThat(acm.expectedOutcomeFor(TrustProfiles.byId("starfield-services-root-g2")).accepts()).isTrue();
        assertThat(acm.expectedOutcomeFor(TrustProfiles.byId("amazon-root-ca-1")).accepts()).isTrue();
    }

    @Test
    void pre2024ChainIsAcceptedByEveryAnchorOnItsPathOnly() {
        Scenario root3 = catalogue.byId("ats-root-ca-3");

        assertThat(TrustProfiles.builtIn()).filteredOn(p -> root3.expectedOutcomeFor(p).accepts())
                .extracting(p -> p.id())
                .containsExactly("amazon-root-ca-3", "starfield-services-root-g2", "starfield-class-2", "all-ats");
    }

    @Test
    void badChainsAreRejectedUnderEveryProfile() {
        for (String id : List.of("untrusted-root", "self-signed", "expired", "wrong-host", "incomplete-chain")) {
            assertThat(TrustProfiles.builtIn()).as(id)
                    .noneMatch(p -> catalogue.byId(id).expectedOutcomeFor(p).accepts());
        }
    }

    @Test
    void badLeafScenariosSendTheFullCrossChain() {
        for (String id : List.of("expired", "not-yet-valid", "wrong-host", "wrong-eku", "sha1-leaf", "rsa-1024-leaf")) {
            assertThat(catalogue.byId(id).sentAfterLeaf()).as(id).containsExactly(FakeCa.AMAZON_RSA_2048_M01,
                    FakeCa.AMAZON_ROOT_CA_1_CROSS_G2, FakeCa.STARFIELD_SERVICES_ROOT_G2_CROSS_CLASS_2);
        }
    }

    @Test
    void noScenarioSendsTheClass2Certificate() {
        assertThat(catalogue.scenarios()).allSatisfy(s -> assertThat(s.sentAfterLeaf()).doesNotContain(FakeCa.STARFIELD_CLASS_2));
    }

    @Test
    void unknownIdIsRejectedWithTheValidIds() {
        assertThatThrownBy(() -> catalogue.byId("ats-root-ca-9"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ats-root-ca-9")
                .hasMessageContaining("ats-root-ca-1, ats-root-ca-2");
    }

    @Test
    void usersCanAddTheirOwnScenarioButNotReuseAnId() {
        Scenario mine = Scenario.builder("my-api").description("my API's chain").leafFor("localhost")
                .issuedBy(FakeCa.AMAZON_RSA_2048_M02).sends(FakeCa.AMAZON_RSA_2048_M02).leadsTo(FakeCa.AMAZON_ROOT_CA_1)
                .build();

        assertThat(catalogue.with(mine).byId("my-api")).isEqualTo(mine);
        assertThatThrownBy(() -> catalogue.with(mine).with(mine)).hasMessageContaining("my-api");
    }

    @Test
    void everyRejectionHasADeclaredReasonAndNoneIsOther() {
        for (Scenario scenario : catalogue.scenarios()) {
            for (var profile : TrustProfiles.builtIn()) {
                assertThat(scenario.expectedOutcomeFor(profile).reason()).as("%s under %s", scenario.id(), profile.id())
                        .isNotEqualTo(RejectionReason.OTHER)
                        .isEqualTo(scenario.expectedOutcomeFor(profile).accepts() ? null
                                : scenario.expectedReasonFor(profile).orElseThrow());
            }
        }
    }

    @Test
    void aClientLackingTheAnchorsFailsOnThePathBeforeItSeesTheDefect() {
        assertThat(catalogue.byId("expired").expectedReasonFor(TrustProfiles.byId("no-ats"))).hasValue(RejectionReason.UNTRUSTED_ROOT);
        assertThat(catalogue.byId("expired").expectedReasonFor(TrustProfiles.byId("starfield-class-2"))).hasValue(RejectionReason.EXPIRED);
        assertThat(catalogue.byId("ats-acm-2024").expectedReasonFor(TrustProfiles.byId("starfield-class-2")))
                .hasValue(RejectionReason.UNTRUSTED_ROOT);
        assertThat(catalogue.byId("incomplete-chain").expectedReasonFor(TrustProfiles.byId("no-ats")))
                .hasValue(RejectionReason.INCOMPLETE_CHAIN);
        assertThat(catalogue.byId("ats-root-ca-1").expectedReasonFor(TrustProfiles.byId("all-ats"))).isEmpty();
    }

    @Test
    void anExpiredCrossCertificateFailsOnlyTheStoresWhosePathNeedsIt() {
        for (String id : List.of("class2-cross-expired", "class2-cross-expired-ec")) {
            Scenario scenario = catalogue.byId(id);
            String root = id.endsWith("-ec") ? "amazon-root-ca-3" : "amazon-root-ca-1";
            assertThat(scenario.expectedOutcomeFor(TrustProfiles.byId(root))).as(id).isEqualTo(ExpectedOutcome.accept());
            assertThat(scenario.expectedOutcomeFor(TrustProfiles.byId("starfield-services-root-g2"))).as(id)
                    .isEqualTo(ExpectedOutcome.accept());
            assertThat(scenario.expectedOutcomeFor(TrustProfiles.byId("all-ats"))).as(id).isEqualTo(ExpectedOutcome.accept());
            assertThat(scenario.expectedReasonFor(TrustProfiles.byId("starfield-class-2"))).as(id)
                    .hasValue(RejectionReason.EXPIRED);
            assertThat(scenario.expectedReasonFor(TrustProfiles.byId("amazon-root-ca-2"))).as(id)
                    .hasValue(RejectionReason.UNTRUSTED_ROOT);
        }
        for (String id : List.of("g2-cross-expired", "g2-cross-expired-ec")) {
            Scenario scenario = catalogue.byId(id);
            String root = id.endsWith("-ec") ? "amazon-root-ca-3" : "amazon-root-ca-1";
            assertThat(scenario.expectedOutcomeFor(TrustProfiles.byId(root))).as(id).isEqualTo(ExpectedOutcome.accept());
            assertThat(scenario.expectedReasonFor(TrustProfiles.byId("starfield-services-root-g2"))).as(id)
                    .hasValue(RejectionReason.EXPIRED);
            assertThat(scenario.expectedReasonFor(TrustProfiles.byId("starfield-class-2"))).as(id)
                    .hasValue(RejectionReason.UNTRUSTED_ROOT);
            assertThat(scenario.expectedOutcomeFor(TrustProfiles.byId("all-ats"))).as(id).isEqualTo(ExpectedOutcome.accept());
        }
    }

    @Test
    void anAnchorIsEitherReachedOrBehindADefectNeverBoth() {
        assertThatThrownBy(() -> Scenario.builder("both").issuedBy(FakeCa.AMAZON_RSA_2048_M01)
                .sends(FakeCa.AMAZON_RSA_2048_M01).leadsTo(FakeCa.AMAZON_ROOT_CA_1)
                .leadsOverDefectTo(FakeCa.AMAZON_ROOT_CA_1, RejectionReason.EXPIRED).build())
                .hasMessageContaining("amazon-root-ca-1").hasMessageContaining("one or the other");
    }

    @Test
    void onlyTheChainsThatLeaveOutTheirIntermediateAreIncomplete() {
        assertThat(catalogue.scenarios()).filteredOn(Scenario::sendsIncompleteChain).extracting(Scenario::id)
                .containsExactlyInAnyOrder("incomplete-chain", "incomplete-chain-aia");
    }

    @Test
    void otherIsNeverADeclaredDefect() {
        assertThatThrownBy(() -> Scenario.builder("vague").issuedBy(FakeCa.AMAZON_RSA_2048_M01)
                .rejectedBecause(RejectionReason.OTHER).build())
                .hasMessageContaining("declares OTHER");
    }

    @Test
    void aScenarioMustSayWhoSignsItsLeaf() {
        assertThatThrownBy(() -> Scenario.builder("unsigned").leadsTo(FakeCa.AMAZON_ROOT_CA_1).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unsigned").hasMessageContaining("issuedBy(FakeCa) or selfSigned()");
    }

    @Test
    void anSmtpClientIsRequiredOnlyOfAScenarioServedOverSmtp() {
        assertThatThrownBy(() -> Scenario.builder("mail-only").selfSigned().requires(ClientSetting.SMTP).build())
                .hasMessageContaining("alsoOverSmtp()");
    }

    @Test
    void theMailScenariosAreTheOnesTheCatalogueServesOverSmtp() {
        assertThat(catalogue.scenarios()).filteredOn(Scenario::servedOverSmtp).extracting(Scenario::id)
                .containsExactly("ats-root-ca-1", "ats-root-ca-2", "ats-root-ca-3", "ats-root-ca-4", "ats-acm-2024",
                        "untrusted-root", "expired", "wrong-host", "stalled-handshake");
    }
}
