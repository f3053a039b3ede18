package io.github.atstrust.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.atstrust.testkit.pki.RealAtsRoot;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ats audit --explain} prints the real paths the JDK built; {@code --strict} judges as X509 strict mode. */
class AuditExplainTest {

    private static final String DAY = "2026-12-01";

    @TempDir
    Path dir;

    @Test
    void explainShowsThePathToClass2ForAClass2OnlyStoreAndNoAcmPath() throws Exception {
        CliRun run = explain("class2.p12", RealAtsRoot.STARFIELD_CLASS_2);

        assertThat(run.out()).contains("Real paths on 2026-12-01 (JDK CertPathBuilder, the real ATS certificates):")
                .contains("Amazon Root CA 1, pre-2024 chain: Amazon RSA 2048 M01 → Amazon Root CA 1 (cross-signed by G2) → "
                        + "Starfield Services Root Certificate Authority - G2 (cross-signed by Class 2) → Starfield Class 2 "
                        + "Certification Authority — your anchor 'starfield-class-2'")
                .contains("Amazon Root CA 1, ACM chain: no path: the store holds no anchor this chain reaches (Amazon "
                        + "Root CA 1, Starfield Services Root Certificate Authority - G2)")
                .doesNotContain("DISAGREE");
    }

    @Test
    void explainShowsG2AsTheAnchorOfEveryChainOfAG2OnlyStore() throws Exception {
        CliRun run = explain("g2.p12", RealAtsRoot.STARFIELD_SERVICES_ROOT_G2);

        assertThat(run.out().lines().filter(l -> l.contains("— your anchor 'starfield-services-root-g2'"))).hasSize(8);
        assertThat(run.out()).contains("Amazon Root CA 2, ACM chain: Amazon RSA 4096 M02 → Amazon Root CA 2 (cross-signed "
                + "by G2) → Starfield Services Root Certificate Authority - G2 — your anchor");
    }

    @Test
    void explainShowsOnlyTheEcChainsOfRootCa3ForARootCa3OnlyStore() throws Exception {
        CliRun run = explain("root3.p12", RealAtsRoot.AMAZON_ROOT_CA_3);

        assertThat(run.out()).contains("Amazon Root CA 3, ACM chain: Amazon ECDSA 256 M01 → Amazon Root CA 3 — your anchor "
                + "'amazon-root-ca-3'")
                .contains("Amazon Root CA 4, pre-2024 chain: no path: the store holds no anchor this chain reaches (Amazon "
                        + "Root CA 4, Starfield Services Root Certificate Authority - G2 or Starfield Class 2 Certification "
                        + "Authority)");
        assertThat(run.out().lines().filter(l -> l.contains("— your anchor"))).hasSize(2);
    }

    @Test
    void explainStopsAtEachAmazonRootOfAStoreWithAllSix() throws Exception {
        CliRun run = explain("all.p12", RealAtsRoot.values());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Amazon Root CA 4, pre-2024 chain: Amazon ECDSA 384 M02 → Amazon Root CA 4 — your "
                + "anchor 'amazon-root-ca-4'");
        assertThat(run.out().lines().filter(l -> l.contains("— your anchor 'amazon-root-ca-"))).hasSize(8);
    }

    @Test
    void explainFindsNoPathInAStoreWithoutAtsAnchors() throws Exception {
        CliRun run = explain("none.p12");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out().lines().filter(l -> l.contains(": no path: the store holds no anchor"))).hasSize(8);
    }

    @Test
    void afterTodaysIssuingCasEndTheAuditSaysWhatSurvives() throws Exception {
        CliRun run = CliRun.of("audit", "--explain", "--as-of", "2031-01-01",
                store("g2.p12", RealAtsRoot.STARFIELD_SERVICES_ROOT_G2).toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("chains then come from issuing CAs not yet published, under the same roots")
                .contains("Amazon Root CA 1, ACM chain: an issuing CA not yet published (Amazon RSA 2048 M01 ended "
                        + "2030-08-23) → Amazon Root CA 1 (cross-signed by G2) → Starfield Services Root Certificate "
                        + "Authority - G2 — your anchor 'starfield-services-root-g2'");
    }

    @Test
    void strictModeRefusesAClass2OnlyStoreWithTheReason() throws Exception {
        Path store = store("class2.p12", RealAtsRoot.STARFIELD_CLASS_2);

        CliRun lax = CliRun.of("audit", "--require", "any-guide-anchor", store.toString());
        CliRun strict = CliRun.of("audit", "--strict", "--explain", "--require", "any-guide-anchor", store.toString());

        assertThat(lax.exitCode()).isZero();
        assertThat(strict.exitCode()).isEqualTo(1);
        assertThat(strict.out()).contains("Verdict: NOT_READY").contains("In X509 strict mode (Python 3.13's default) "
                + "Starfield Class 2 does not count: its basic constraints are not marked critical and it has no key usage.")
                .contains("fails X509 strict mode (Python 3.13's default): basic constraints not marked critical, no key usage")
                .contains("X509 strict mode):");
    }

    @Test
    void jsonCarriesThePathsAndTheMode() throws Exception {
        CliRun run = CliRun.of("audit", "--json", "--as-of", DAY, store("g2.p12", RealAtsRoot.STARFIELD_SERVICES_ROOT_G2)
                .toString());

        JsonNode report = new ObjectMapper().readTree(run.out()).get(0);
        assertThat(report.get("strict").asBoolean()).isFalse();
        assertThat(report.get("paths")).hasSize(8);
        assertThat(report.get("paths").get(0).get("root").asText()).isEqualTo("amazon-root-ca-1");
        assertThat(report.get("paths").get(0).get("shape").asText()).isEqualTo("pre-2024");
        assertThat(report.get("paths").get(1).get("shape").asText()).isEqualTo("acm-2024");
        assertThat(report.get("paths").get(1).get("path").get(2).asText())
                .isEqualTo("Starfield Services Root Certificate Authority - G2");
        assertThat(report.get("paths").get(1).get("anchor").asText()).isEqualTo("starfield-services-root-g2");
        assertThat(report.get("disagreements")).isEmpty();
    }

    private CliRun explain(String name, RealAtsRoot... roots) throws Exception {
        CliRun run = CliRun.of("audit", "--explain", "--as-of", DAY, store(name, roots).toString());
        Files.createDirectories(Path.of("target/explain"));
        Files.writeString(Path.of("target/explain/" + name + ".txt"), run.out());
        return run;
    }

    private Path store(String name, RealAtsRoot... roots) throws Exception {
        return RealRootStores.write(dir, name, roots);
    }
}
