package io.github.atstrust.examples;

import static io.github.atstrust.junit.AtsAssertions.assertThat;

import io.github.atstrust.junit.RequiresCommand;
import io.github.atstrust.testkit.ProcessRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real browser: headless Chromium whose own NSS database (in a throw-away HOME) trusts the fake Amazon Root
 * CA 1. Nothing global is touched: no system store, no other profile.
 */
@RequiresCommand({"chromium --version", "which certutil"})
class ChromiumTest {

    @TempDir
    static Path dir;
    private static ServeProcess serve;
    private static Path home;

    @BeforeAll
    static void startServeAndTrustTheFakeRootInAPrivateNssDatabase() throws Exception {
        serve = ServeProcess.start(dir.resolve("serve"));
        home = homeTrusting("amazon-root-ca-1");
    }

    /** A throw-away HOME whose NSS database trusts exactly one fake CA, as a server-auth anchor. */
    private static Path homeTrusting(String ca) throws Exception {
        Path home = Files.createDirectories(dir.resolve("home-" + ca));
        NssDatabase.trusting(home.resolve(".pki/nssdb"), serve.caCertificate(ca));
        return home;
    }

    @AfterAll
    static void stopServe() throws Exception {
        if (serve != null) {
            serve.close();
        }
    }

    @Test
    void loadsThePageOfAnAtsChainItsStoreTrusts() throws Exception {
        String url = serve.scenario("ats-root-ca-1").get("url").asText();

        ProcessRun page = chromium("--dump-dom", url);
        Path screenshot = ClientsReport.screenshot("chromium-ats-root-ca-1.png");
        chromium("--screenshot=" + screenshot.toAbsolutePath(), "--window-size=640,240", url);

        assertThat(page.output()).contains("healthy: localhost");
        assertThat(screenshot).isRegularFile().isNotEmptyFile();
        ClientsReport.note("browser", "chromium", "ats-root-ca-1 with the fake Amazon Root CA 1 in its NSS database: "
                + "page shows 'healthy: localhost'");
    }

    @Test
    void refusesAnUntrustedRootAsAuthorityInvalid() throws Exception {
        String url = serve.scenario("untrusted-root").get("url").asText();

        ProcessRun page = chromium("--dump-dom", url);
        chromium("--screenshot=" + ClientsReport.screenshot("chromium-untrusted-root.png").toAbsolutePath(),
                "--window-size=640,240", url);

        assertThat(page.output()).doesNotContain("healthy:").contains("-202");
        ClientsReport.note("browser", "chromium", "untrusted-root: refused with net_error -202 (ERR_CERT_AUTHORITY_INVALID)");
    }

    @Test
    void fetchesAMissingIntermediateFromTheLeafsCaIssuersUrl() throws Exception {
        ProcessRun fetched = chromium("--dump-dom", serve.scenario("incomplete-chain-aia").get("url").asText());
        ProcessRun missing = chromium("--dump-dom", serve.scenario("incomplete-chain").get("url").asText());

        assertThat(fetched.output()).as("incomplete-chain-aia").contains("healthy: localhost");
        assertThat(missing.output()).as("incomplete-chain (no caIssuers URL)").doesNotContain("healthy:").contains("-202");
        ClientsReport.note("browser", "chromium", "incomplete-chain-aia: fetched the intermediate from the leaf's "
                + "caIssuers URL and loaded the page; incomplete-chain (no URL): refused with net_error -202");
    }

    /**
     * The 2034 and 2037 rehearsals: Chromium's path builder goes around an expired cross-certificate to the anchor
     * it holds, and refuses with ERR_CERT_DATE_INVALID (-201) only when its one anchor lies behind it, as the
     * manifest declares (EXPIRED).
     */
    @Test
    void buildsAroundAnExpiredCrossCertificateAndRefusesOnlyWhenItsAnchorIsBehindIt() throws Exception {
        Path g2 = homeTrusting("starfield-services-root-g2");
        Path class2 = homeTrusting("starfield-class-2");
        List<String> seen = new ArrayList<>();
        for (String scenario : List.of("class2-cross-expired", "g2-cross-expired")) {
            String url = serve.scenario(scenario).get("url").asText();
            for (var anchor : List.of(Map.entry("amazon-root-ca-1", home),
                    Map.entry("starfield-services-root-g2", g2), Map.entry("starfield-class-2", class2))) {
                String expect = serve.scenario(scenario).get("expect").get(anchor.getKey()).asText();
                String reason = serve.scenario(scenario).path("reasons").path(anchor.getKey()).asText("");
                ProcessRun page = chromiumAs(anchor.getValue(), "--dump-dom", url);
                if (expect.equals("accept")) {
                    assertThat(page.output()).as("%s under %s", scenario, anchor.getKey()).contains("healthy: localhost");
                } else {
                    // -201 ERR_CERT_DATE_INVALID, -202 ERR_CERT_AUTHORITY_INVALID
                    assertThat(page.output()).as("%s under %s", scenario, anchor.getKey()).doesNotContain("healthy:")
                            .contains(reason.equals("EXPIRED") ? "-201" : "-202");
                }
                seen.add(scenario + " under " + anchor.getKey() + ": " + (expect.equals("accept") ? "accept" : reason));
            }
        }
        assertThat(seen).contains("class2-cross-expired under starfield-services-root-g2: accept",
                "class2-cross-expired under starfield-class-2: EXPIRED",
                "g2-cross-expired under starfield-services-root-g2: EXPIRED", "g2-cross-expired under amazon-root-ca-1: accept");
        ClientsReport.note("browser", "chromium", "expired cross-certificates: " + String.join("; ", seen));
    }

    private static ProcessRun chromium(String... arguments) throws Exception {
        return chromiumAs(home, arguments);
    }

    private static ProcessRun chromiumAs(Path home, String... arguments) throws Exception {
        Files.createDirectories(ClientsReport.DIRECTORY.resolve("screenshots"));
        List<String> command = new ArrayList<>(List.of("env", "HOME=" + home, "chromium", "--headless", "--no-sandbox",
                "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--user-data-dir=" + home.resolve("profile")));
        command.addAll(List.of(arguments));
        return ProcessRun.run(command);
    }
}
