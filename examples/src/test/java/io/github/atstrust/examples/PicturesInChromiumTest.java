package io.github.atstrust.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.atstrust.junit.AtsCase;
import io.github.atstrust.junit.AtsTrustMatrix;
import io.github.atstrust.junit.RequiresCommand;
import io.github.atstrust.testkit.Prerequisites;
import io.github.atstrust.testkit.ProcessRun;
import io.github.atstrust.testkit.TestPem;
import io.github.atstrust.testkit.pki.RealAtsRoot;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;

/**
 * The kit's pages as a person looks at them: serve's index page, {@code ats audit --html}, {@code ats diff --html},
 * the clients report and junit-ats's report of a user's matrix, each rendered by headless Chromium in light and
 * dark colour schemes and at a phone's width, read back from the DOM, screenshots kept under {@code target/pictures}.
 */
@RequiresCommand({"chromium --version", "node --version"})
class PicturesInChromiumTest {

    static final Path PICTURES = Path.of("target", "pictures").toAbsolutePath();
    private static final String CHROMIUM = "/usr/bin/chromium";
    /** The pages' accept and reject colours in the light scheme, as Chromium computes them. */
    private static final String GREEN = "rgb(45, 164, 78)";
    private static final String RED = "rgb(207, 34, 46)";

    @TempDir
    static Path dir;
    private static ServeProcess serve;
    /** Every view of every page, by page and view: what Chromium's DOM showed. */
    private static Map<String, JsonNode> views;

    /** A user's client handed each profile's trust (not run by surefire: no Test in its name). */
    static class HandedItsTrust {
        @AtsTrustMatrix(profiles = {"amazon-root-ca-1", "starfield-class-2", "all-ats", "no-ats"})
        void jdkHttpClient(AtsCase c) {
            c.probe(() -> HttpClient.newBuilder().sslContext(c.profile().sslContext()).build()
                    .send(HttpRequest.newBuilder(c.endpoint().uri()).build(), BodyHandlers.ofString()));
        }
    }

    /** The same client where the user forgot the profile: it reads the JVM's default trust, the real roots. */
    static class ForgotItsTrust {
        @AtsTrustMatrix(profiles = {"amazon-root-ca-1", "starfield-class-2", "all-ats", "no-ats"})
        void jdkHttpClient(AtsCase c) {
            c.probe(() -> HttpClient.newHttpClient().send(HttpRequest.newBuilder(c.endpoint().uri()).build(),
                    BodyHandlers.ofString()));
        }
    }

    @BeforeAll
    static void drawEveryPageAndLookAtItInChromium() throws Exception {
        Prerequisites.require(Files.isDirectory(Path.of("src/test/js/node_modules/puppeteer-core")),
                "puppeteer-core is not installed: npm ci --prefix examples/src/test/js (as .ci/run does)");
        Files.createDirectories(PICTURES);
        serve = ServeProcess.start(dir.resolve("serve"));

        Path class2AndRoot3 = Files.writeString(dir.resolve("class2-and-root3.pem"), TestPem.encode(List.of(
                RealAtsRoot.STARFIELD_CLASS_2.certificate(), RealAtsRoot.AMAZON_ROOT_CA_3.certificate())));
        Path everyRoot = Files.writeString(dir.resolve("every-root.pem"), TestPem.encode(java.util.Arrays.stream(
                RealAtsRoot.values()).map(RealAtsRoot::certificate).toList()));
        assertThat(ats("audit", "--html", PICTURES.resolve("audit.html").toString(), "--as-of", "2026-12-03",
                class2AndRoot3.toString())).as("audit of a store missing Amazon Root CA 1, 2 and 4: DEGRADED").isEqualTo(1);
        assertThat(ats("diff", "--html", PICTURES.resolve("diff.html").toString(), everyRoot.toString(),
                class2AndRoot3.toString())).as("losing three roots is a regression").isEqualTo(1);

        Path junitReport = PICTURES.resolve("junit-report");
        SummaryGeneratingListener summary = new SummaryGeneratingListener();
        LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request()
                .selectors(DiscoverySelectors.selectClass(HandedItsTrust.class), DiscoverySelectors.selectClass(ForgotItsTrust.class))
                .configurationParameter("ats.report.dir", junitReport.toString()).build(), summary);
        assertThat(summary.getSummary().getTestsSucceededCount()).as("both matrices ran")
                .isEqualTo(2L * 4 * serve.unconditionalScenarios().size());
        Map<String, List<Boolean>> agreeing = new java.util.TreeMap<>();
        new ObjectMapper().readTree(junitReport.resolve("report.json").toFile()).forEach(row -> agreeing
                .computeIfAbsent(row.get("test").asText(), t -> new ArrayList<>()).add(row.get("agrees").asBoolean()));
        assertThat(agreeing.get("HandedItsTrust.jdkHttpClient")).as("handed its trust, it agrees everywhere").containsOnly(true);
        assertThat(agreeing.get("ForgotItsTrust.jdkHttpClient")).as("on the real roots, it refuses what should be accepted")
                .contains(false);
        Files.writeString(PICTURES.resolve("clients.html"), ClientsReport.html(ClientsReport.jvmRows(
                junitReport.resolve("report.json")), List.of(new ClientsReport.Note("pinning", "ForgotItsTrust",
                "a finding, grouped under its topic"))), StandardCharsets.UTF_8);

        ProcessRun run = ProcessRun.run(List.of("env", "NODE_PATH=" + Path.of("src/test/js/node_modules").toAbsolutePath(),
                "node", "src/test/resources/clients/pictures-check.js", CHROMIUM, PICTURES.toString(),
                "index=" + serve.indexUri(), "audit=" + PICTURES.resolve("audit.html").toUri(),
                "diff=" + PICTURES.resolve("diff.html").toUri(), "clients=" + PICTURES.resolve("clients.html").toUri(),
                "junit=" + junitReport.resolve("index.html").toUri()));
        ObjectMapper json = new ObjectMapper();
        views = new java.util.LinkedHashMap<>();
        for (String line : run.output().lines().filter(l -> l.startsWith("{")).toList()) {
            JsonNode view = json.readTree(line);
            views.put(view.get("page").asText() + "/" + view.get("view").asText(), view);
        }
        assertThat(views).as("Chromium looked at 5 pages in 3 views: %s", run.output()).hasSize(15);
    }

    @AfterAll
    static void stopServe() throws Exception {
        if (serve != null) {
            serve.close();
        }
    }

    @Test
    void everyScenarioOnTheIndexPageHasItsChainDrawnAndEachProfileColoured() {
        JsonNode index = views.get("index/light");
        List<String> drawn = new ArrayList<>();
        for (JsonNode scenario : index.get("scenarios")) {
            String id = scenario.get("id").asText();
            drawn.add(id);
            assertThat(scenario.get("pictured").asInt()).as(id).isEqualTo(1);
            assertThat(scenario.get("sent").asInt()).as("%s: the leaf at least is sent", id).isPositive();
            assertThat(scenario.get("profiles")).as(id).hasSize(serve.profileIds().size());
            for (JsonNode profile : scenario.get("profiles")) {
                assertThat(profile.get("colour").asText()).as("%s under %s", id, profile.get("profile").asText())
                        .isEqualTo(profile.get("verdict").asText().equals("accept") ? GREEN : RED);
            }
        }
        assertThat(drawn).as("every scenario of the manifest").containsExactlyElementsOf(serve.httpsScenarioIds());
        assertThat(index.get("scenarios")).filteredOn(s -> s.get("id").asText().equals("expired")).singleElement()
                .satisfies(s -> assertThat(s.get("defects").toString()).contains("EXPIRED"));
    }

    @Test
    void auditPageFillsTheStoresAnchorsAndColoursEachRootsChains() {
        JsonNode audit = views.get("audit/light");
        assertThat(audit.get("anchors").findValuesAsText("ca")).containsExactlyInAnyOrder("Amazon Root CA 3",
                "Starfield Class 2 Certification Authority");
        assertThat(audit.get("anchors").get(0).get("fill").asText()).as("an anchor is filled unlike the other boxes")
                .isNotEqualTo(audit.get("plainBoxFill").asText());
        Map<String, Boolean> trusted = new java.util.TreeMap<>();
        audit.get("chains").forEach(c -> trusted.put(c.get("root").asText() + " " + c.get("shape").asText(),
                c.get("trusted").asBoolean()));
        assertThat(trusted).containsEntry("amazon-root-ca-1 acm-2024", false).containsEntry("amazon-root-ca-1 pre-2024", true)
                .containsEntry("amazon-root-ca-3 acm-2024", true).hasSize(8);
        audit.get("chains").forEach(c -> assertThat(c.get("colour").asText()).as(c.toString())
                .isEqualTo(c.get("trusted").asBoolean() ? GREEN : RED));
        assertThat(texts(audit.get("days"))).contains("event 2030-08-23", "event 2034-06-28", "event 2034-06-29",
                "event 2037-12-31", "event 2038-01-17", "event 2040-05-26", "as-of 2026-12-03", "holds-until 2040-05-26");
    }

    @Test
    void diffPageDrawsBeforeAndAfter() {
        assertThat(views.get("diff/light").get("pictures").asInt()).isEqualTo(2);
        assertThat(views.get("diff/light").get("chains")).hasSize(16);
    }

    @Test
    void everyCellOfBothReportsHasItsColourAndWhatTheClientSaid() {
        for (String report : List.of("clients", "junit")) {
            JsonNode page = views.get(report + "/light");
            assertThat(page.get("cells")).as(report).hasSize(2 * 4 * serve.unconditionalScenarios().size());
            Map<String, String> colours = new java.util.HashMap<>();
            for (JsonNode cell : page.get("cells")) {
                String agreement = cell.get("agreement").asText();
                String colour = cell.get("colour").asText();
                assertThat(colour).as("%s: %s", report, cell).isNotEqualTo("rgba(0, 0, 0, 0)");
                assertThat(colours.putIfAbsent(agreement, colour)).as("one colour per agreement").isIn(null, colour);
                assertThat(cell.get("title").asText()).as(report).contains("declared: ").contains("said: ");
            }
            assertThat(colours.keySet()).as("%s: the forgetful client is red where an accept is declared, amber where "
                    + "another reason is", report).contains("accepted", "refused-as-declared", "refused-for-another-reason",
                    "wrong-verdict");
            assertThat(new java.util.HashSet<>(colours.values())).as("four colours").hasSize(colours.size());
            assertThat(page.get("said").asText()).as("a click shows the client's words").contains("declared: ");
        }
        assertThat(views.get("junit/light").get("cells")).anySatisfy(c -> assertThat(c.get("title").asText())
                .contains("ForgotItsTrust.jdkHttpClient, ats-root-ca-1 under all-ats")
                .contains("said: reject (UNTRUSTED_ROOT)").contains("PKIX path building failed"));
    }

    @Test
    void everyPageWorksOfflineInBothColourSchemesAndAtAPhonesWidth() {
        for (Map.Entry<String, JsonNode> view : views.entrySet()) {
            JsonNode facts = view.getValue();
            assertThat(facts.get("foreign")).as("%s asked for nothing off loopback", view.getKey()).isEmpty();
            assertThat(Path.of(facts.get("screenshot").asText())).as(view.getKey()).isNotEmptyFile();
            if (view.getKey().endsWith("/phone")) {
                assertThat(facts.get("overflow").asInt()).as("%s: no sideways scrolling of the page", view.getKey())
                        .isLessThanOrEqualTo(0);
                assertThat(facts.get("widestPicture").asDouble()).as("%s: the pictures fit (a wide one scrolls in its own box)", view.getKey())
                        .isLessThanOrEqualTo(facts.get("width").asDouble());
            }
        }
        for (String page : List.of("index", "audit", "diff", "clients", "junit")) {
            JsonNode light = views.get(page + "/light");
            JsonNode dark = views.get(page + "/dark");
            assertThat(dark.get("background").asText()).as(page).isNotEqualTo(light.get("background").asText());
            assertThat(luminance(dark.get("background").asText())).as("%s: dark is dark", page).isLessThan(0.2);
            assertThat(luminance(dark.get("ink").asText())).as("%s: its text is light", page).isGreaterThan(0.6);
            if (!light.get("boxFill").isNull()) {
                assertThat(dark.get("boxFill").asText()).as("%s: the pictures follow", page)
                        .isNotEqualTo(light.get("boxFill").asText());
            }
        }
    }

    /** {@code ats} as a user runs it: the CLI's jar in a JVM of its own. */
    private static int ats(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", ServeProcess.JAR.toString()));
        command.addAll(List.of(args));
        ProcessRun run = ProcessRun.run(command);
        assertThat(run.output()).as(String.join(" ", args)).doesNotContain("ats audit:", "ats diff:", "internal failure");
        return run.exitCode();
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(n -> texts.add(n.asText()));
        return texts;
    }

    /** Relative luminance of {@code rgb(r, g, b)}, 0 black to 1 white. */
    private static double luminance(String rgb) {
        List<Integer> channels = java.util.Arrays.stream(rgb.replaceAll("[^0-9,]", "").split(",")).limit(3)
                .map(Integer::parseInt).collect(Collectors.toList());
        return (0.2126 * channels.get(0) + 0.7152 * channels.get(1) + 0.0722 * channels.get(2)) / 255;
    }
}
