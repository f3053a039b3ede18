package io.github.atstrust.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.atstrust.testkit.pki.FakeCa;
import io.github.atstrust.testkit.pki.RealAtsCertificate;
import io.github.atstrust.testkit.pki.RealAtsRoot;
import org.junit.jupiter.api.Test;

/** {@code ats pins}: the key of each pin, the changes it survives, exit 0/1, and exit 2 for a malformed pin. */
class PinsCommandTest {

    private static final String ROOT_1 = RealAtsCertificate.pin(RealAtsRoot.AMAZON_ROOT_CA_1.certificate());
    private static final String M02 = RealAtsCertificate.pin(RealAtsCertificate.AMAZON_RSA_2048_M02.certificate());
    private static final String G2 = RealAtsCertificate.pin(RealAtsRoot.STARFIELD_SERVICES_ROOT_G2.certificate());

    @Test
    void namesEveryRealKeyAndRecommendsTheRootsWhenTheSetBreaks() {
        CliRun run = CliRun.of("pins", ROOT_1, M02, G2, "sha256/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains(ROOT_1 + "  Amazon Root CA 1 (root; also its cross by G2)")
                .contains(M02 + "  Amazon RSA 2048 M02 (issuing CA under Amazon Root CA 1, ends 2030-08-23)")
                .contains(G2 + "  Starfield Services Root Certificate Authority - G2 (root;")
                .contains("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=  no ATS key known to the kit")
                .contains("Recommended instead: the keys of Amazon Root CA 1-4")
                .contains(RealAtsCertificate.pin(RealAtsRoot.AMAZON_ROOT_CA_4.certificate()));
    }

    @Test
    void theFourAmazonRootKeysSurviveEveryChange() {
        String[] args = new String[5];
        args[0] = "pins";
        for (int i = 0; i < 4; i++) {
            args[i + 1] = RealAtsCertificate.pin(RealAtsRoot.amazonRoots().get(i).certificate());
        }

        CliRun run = CliRun.of(args);

        assertThat(run.exitCode()).as(run.out()).isZero();
        assertThat(run.out()).contains("The set survives every change.").doesNotContain("BREAKS");
    }

    @Test
    void mirroredPrintsTheTwinsPinsOnePerLine() {
        CliRun run = CliRun.of("pins", "--mirrored", ROOT_1, M02);

        assertThat(run.exitCode()).isZero();
        assertThat(run.out().lines()).containsExactly(RealAtsCertificate.pin(FakeCa.AMAZON_ROOT_CA_1.certificate()),
                RealAtsCertificate.pin(FakeCa.AMAZON_RSA_2048_M02.certificate()));
    }

    @Test
    void aMalformedPinIsBadInputInOneLine() {
        CliRun run = CliRun.of("pins", ROOT_1, "md5/xyz");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().lines()).containsExactly("pins: pin 'md5/xyz' is not a SHA-256 public-key pin: write "
                + "sha256/BASE64 (OkHttp's CertificatePinner, Android's network security config) or 64 hex digits "
                + "(SHA-256 of the SubjectPublicKeyInfo)");
        assertThat(run.out()).isEmpty();
    }
}
