package io.github.atstrust.examples;

import static io.github.atstrust.junit.AtsAssertions.assertThat;

import io.github.atstrust.junit.RequiresCommand;
import io.github.atstrust.testkit.ProcessRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
        home = Files.createDirectories(dir.resolve("home"));
        Path nssdb = Files.createDirectories(home.resolve(".pki/nssdb"));
        run("certutil", "-N", "-d", "sql:" + nssdb, "--empty-password");
        run("certutil", "-A", "-d", "sql:" + nssdb, "-n", "fake-amazon-root-ca-1", "-t", "C,,",
                "-i", serve.caCertificate("amazon-root-ca-1").toString());
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

    private static ProcessRun chromium(String... arguments) throws Exception {
        Files.createDirectories(ClientsReport.DIRECTORY.resolve("screenshots"));
        List<String> command = new ArrayList<>(List.of("env", "HOME=" + home, "chromium", "--headless", "--no-sandbox",
                "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--user-data-dir=" + home.resolve("profile")));
        command.addAll(List.of(arguments));
        return ProcessRun.run(command);
    }

    private static void run(String... command) throws Exception {
        ProcessRun run = ProcessRun.run(List.of(command));
        assertThat(run.exitCode()).as("%s: %s", String.join(" ", command), run.output()).isZero();
    }
}
