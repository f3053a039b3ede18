package io.github.atstrust.testkit.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.atstrust.testkit.pki.FakeCa;
import io.github.atstrust.testkit.pki.RealAtsCertificate;
import io.github.atstrust.testkit.pki.RealAtsRoot;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Pins as users write them, named by the real key they are and judged against the changes AWS makes. */
class PinSetTest {

    private static final String ROOT_1 = "sha256/++MBgDH5WGvL9Bcn5Be30cRcL0f5O+NyoXuWtQdX1aI=";
    private static final String M02 = RealAtsCertificate.pin(RealAtsCertificate.AMAZON_RSA_2048_M02.certificate());
    private static final String G2 = RealAtsCertificate.pin(RealAtsRoot.STARFIELD_SERVICES_ROOT_G2.certificate());
    private static final String UNKNOWN = "sha256/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";

    @Test
    void namesAmazonRootCa1ByItsWellKnownPinAndSurvivesAllButTheMoveToEcLeaves() {
        PinSet pins = PinSet.parse(List.of(ROOT_1));

        assertThat(RealAtsCertificate.pin(RealAtsRoot.AMAZON_ROOT_CA_1.certificate())).isEqualTo(ROOT_1);
        assertThat(pins.keys()).containsExactly("Amazon Root CA 1 (root; also its cross by G2)");
        assertThat(pins.verdicts()).hasSize(6).containsEntry("an issuing-CA rotation (e.g. M01 to M02, which ACM does "
                + "without notice)", "survives").containsEntry("the end of 2022's issuing CAs (2030-08-23)", "survives")
                .containsEntry("the move from RSA to EC leaves (Amazon Root CA 3 and 4)", "BREAKS: no pin above the EC "
                        + "issuing CAs of Amazon Root CA 3 and Amazon Root CA 4")
                .containsEntry("the end of G2 and its crosses (2037-12-31)", "survives");
        assertThat(pins.survivesEveryChange()).isFalse();
    }

    @Test
    void anIssuingCaPinBreaksOnARotationAndOn20300823AtTheLatest() {
        PinSet pins = PinSet.parse(List.of(M02));

        assertThat(pins.keys()).containsExactly("Amazon RSA 2048 M02 (issuing CA under Amazon Root CA 1, ends 2030-08-23)");
        Map<String, String> verdicts = pins.verdicts();
        assertThat(verdicts.get("an issuing-CA rotation (e.g. M01 to M02, which ACM does without notice)"))
                .isEqualTo("BREAKS: for Amazon Root CA 1 it pins only issuing CAs (Amazon RSA 2048 M02)");
        assertThat(verdicts.get("the end of 2022's issuing CAs (2030-08-23)")).endsWith("which end 2030-08-23: it breaks on "
                + "that day at the latest");
        assertThat(verdicts.get("the end of G2 and its crosses (2037-12-31)")).startsWith("BREAKS");
    }

    @Test
    void aG2PinSurvivesUntilG2EndsAndSaysWhenAClientSeesIt() {
        PinSet pins = PinSet.parse(List.of(G2));

        assertThat(pins.keys().get(0)).startsWith("Starfield Services Root Certificate Authority - G2 (root;")
                .contains("only when its trust store ends the chain at G2");
        assertThat(pins.verdicts().values()).filteredOn(v -> v.startsWith("BREAKS")).containsExactly("BREAKS: after "
                + "2037-12-31 only the Amazon root is on the path, and it does not pin Amazon Root CA 1, Amazon Root CA 2, "
                + "Amazon Root CA 3, Amazon Root CA 4");
    }

    @Test
    void anUnknownKeyMatchesNoChainAwsServes() {
        PinSet pins = PinSet.parse(List.of(UNKNOWN));

        assertThat(pins.keys()).containsExactly("no ATS key known to the kit");
        assertThat(pins.verdicts().values()).allMatch(v -> v.startsWith("BREAKS: it pins no key of any chain AWS serves"));
    }

    @Test
    void theRecommendedSetOfTheFourAmazonRootsSurvivesEveryChange() {
        assertThat(PinSet.recommended(false).survivesEveryChange()).isTrue();
        assertThat(PinSet.recommended(true).pins()).hasSize(5).contains(ROOT_1, G2);
        assertThat(PinSet.parse(List.of(RealAtsCertificate.pin(RealAtsRoot.STARFIELD_CLASS_2.certificate()))).verdicts())
                .containsEntry("the ACM chain change of August 2024 (no Class 2 cross)", "BREAKS: it pins only Starfield "
                        + "Class 2, which the ACM chains since August 2024 no longer reach");
    }

    @Test
    void readsHexAndBareBase64AsTheSamePin() throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256")
                .digest(RealAtsRoot.AMAZON_ROOT_CA_1.certificate().getPublicKey().getEncoded());
        String hex = HexFormat.ofDelimiter(":").formatHex(digest);

        assertThat(PinSet.parse(List.of(hex)).pins()).containsExactly(ROOT_1);
        assertThat(PinSet.parse(List.of(hex.replace(":", "").toUpperCase())).pins()).containsExactly(ROOT_1);
        assertThat(PinSet.parse(List.of(ROOT_1.substring(7))).pins()).containsExactly(ROOT_1);
    }

    @Test
    void malformedPinIsOneLineNamingItAndTheForms() {
        assertThatThrownBy(() -> PinSet.parse(List.of(ROOT_1, "sha1/abc"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("pin 'sha1/abc' is not a SHA-256 public-key pin: write sha256/BASE64 (OkHttp's "
                        + "CertificatePinner, Android's network security config) or 64 hex digits (SHA-256 of the "
                        + "SubjectPublicKeyInfo)");
        assertThatThrownBy(() -> PinSet.parse(List.of())).hasMessageContaining("no pin given");
    }

    @Test
    void mirroredPinsNameTheTwinsKeysAndKeepUnknownOnes() {
        PinSet mirrored = PinSet.parse(List.of(ROOT_1, M02, UNKNOWN)).mirrored();

        assertThat(mirrored.pins()).containsExactly(RealAtsCertificate.pin(FakeCa.AMAZON_ROOT_CA_1.certificate()),
                RealAtsCertificate.pin(FakeCa.AMAZON_RSA_2048_M02.certificate()), UNKNOWN);
        assertThat(mirrored.keys().get(0)).isEqualTo("the kit's fake amazon-root-ca-1 (test material, never in production)");
    }
}
