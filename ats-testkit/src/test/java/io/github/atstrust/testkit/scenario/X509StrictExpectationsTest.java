package io.github.atstrust.testkit.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.atstrust.testkit.pki.FakeCa;
import io.github.atstrust.testkit.pki.RealAtsRoot;
import io.github.atstrust.testkit.probe.RejectionReason;
import io.github.atstrust.testkit.trust.TrustProfiles;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Under X509 strict mode Starfield Class 2, real or fake, is no anchor: the declared verdicts follow. */
class X509StrictExpectationsTest {

    private static final Set<ClientSetting> STRICT = Set.of(ClientSetting.X509_STRICT);
    private final ScenarioCatalogue catalogue = ScenarioCatalogue.builtIn();

    @Test
    void class2RealAndFakeFailTheStrictChecksAndTheOtherAnchorsPass() {
        assertThat(ClientSetting.x509StrictProblem(RealAtsRoot.STARFIELD_CLASS_2.certificate()))
                .hasValue("basic constraints not marked critical, no key usage");
        assertThat(ClientSetting.x509StrictProblem(FakeCa.STARFIELD_CLASS_2.certificate()))
                .hasValue("basic constraints not marked critical, no key usage");
        for (RealAtsRoot root : RealAtsRoot.values()) {
            if (root != RealAtsRoot.STARFIELD_CLASS_2) {
                assertThat(ClientSetting.x509StrictProblem(root.certificate())).as(root.id()).isEmpty();
                assertThat(ClientSetting.x509StrictProblem(root.fakeTwin().certificate())).as(root.id()).isEmpty();
            }
        }
    }

    @Test
    void aClass2OnlyStoreIsRefusedAsNotACaInStrictModeAndAcceptedWithout() {
        Scenario pre2024 = catalogue.byId("ats-root-ca-1");

        assertThat(pre2024.expectedOutcomeFor(TrustProfiles.byId("starfield-class-2")).accepts()).isTrue();
        assertThat(pre2024.expectedOutcomeFor(TrustProfiles.byId("starfield-class-2"), STRICT).reason())
                .isEqualTo(RejectionReason.NOT_A_CA);
        assertThat(pre2024.expectedOutcomeFor(TrustProfiles.byId("starfield-services-root-g2"), STRICT).accepts()).isTrue();
        assertThat(pre2024.expectedOutcomeFor(TrustProfiles.byId("all-ats"), STRICT).accepts()).isTrue();
        assertThat(pre2024.expectedOutcomes(Set.of())).isEqualTo(pre2024.expectedOutcomes());
    }

    @Test
    void strictChecksComeBeforeDatesAndNamesButAfterChainBuildingAndTheDefectsBelowTheAnchor() {
        var class2 = TrustProfiles.byId("starfield-class-2");

        assertThat(catalogue.byId("expired").expectedOutcomeFor(class2, STRICT).reason()).isEqualTo(RejectionReason.NOT_A_CA);
        assertThat(catalogue.byId("wrong-host").expectedOutcomeFor(class2, STRICT).reason()).isEqualTo(RejectionReason.NOT_A_CA);
        assertThat(catalogue.byId("class2-cross-expired").expectedOutcomeFor(class2, STRICT).reason())
                .isEqualTo(RejectionReason.NOT_A_CA);
        assertThat(catalogue.byId("path-length-exceeded").expectedOutcomeFor(class2, STRICT).reason())
                .isEqualTo(RejectionReason.PATH_LENGTH_EXCEEDED);
        assertThat(catalogue.byId("wrong-eku").expectedOutcomeFor(class2, STRICT).reason())
                .isEqualTo(RejectionReason.WRONG_EXTENDED_KEY_USAGE);
        assertThat(catalogue.byId("ats-acm-2024").expectedOutcomeFor(class2, STRICT).reason())
                .isEqualTo(RejectionReason.UNTRUSTED_ROOT);
        assertThat(catalogue.byId("untrusted-root").expectedOutcomeFor(class2, STRICT).reason())
                .isEqualTo(RejectionReason.UNTRUSTED_ROOT);
    }
}
