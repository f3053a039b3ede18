package io.github.atstrust.testkit.picture;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.atstrust.testkit.audit.AuditReport;
import io.github.atstrust.testkit.audit.TrustStoreAudit;
import io.github.atstrust.testkit.pki.FakeCa;
import io.github.atstrust.testkit.pki.RealAtsRoot;
import io.github.atstrust.testkit.scenario.Scenario;
import io.github.atstrust.testkit.scenario.ScenarioCatalogue;
import io.github.atstrust.testkit.server.AtsEndpoint;
import io.github.atstrust.testkit.server.AtsServers;
import java.io.ByteArrayInputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The pictures are drawn from the certificates: the hierarchy from the fixtures, a scenario's chain from what its
 * server sends, an audit from the store's anchors. Each picture is parsed as XML and read back.
 */
class TrustPicturesTest {

    /** Where the pages are kept for a person (and {@code PicturesInChromiumTest}) to look at. */
    static final Path PAGES = Path.of("target", "pictures");
    private static AtsServers servers;

    @BeforeAll
    static void startTheBuiltInScenarios() {
        servers = AtsServers.start();
    }

    @AfterAll
    static void stop() {
        servers.close();
    }

    @Test
    void hierarchyDrawsTheSixRootsWithTheCrossesAsLinesAndTheIssuingCasBelow() throws Exception {
        Document svg = parse(TrustPictures.hierarchySvg());

        List<String> boxes = attributes(svg, "g", "node", "data-ca");
        assertThat(boxes).contains("FAKE Amazon Root CA 1", "FAKE Amazon Root CA 2", "FAKE Amazon Root CA 3",
                "FAKE Amazon Root CA 4", "FAKE Starfield Services Root Certificate Authority - G2", "FAKE Amazon RSA 2048 M01",
                "FAKE Amazon ECDSA 384 M01").doesNotHaveDuplicates();
        assertThat(boxes).as("Starfield Class 2 has no CN: its OU names it").contains("FAKE Starfield Class 2 Certification Authority");
        assertThat(boxes).as("only what a good chain can use").doesNotContain("FAKE Amazon Not A CA Intermediate",
                "FAKE Untrusted Root CA");
        assertThat(lines(svg)).contains("FAKE Starfield Class 2 Certification Authority → FAKE Starfield Services Root Certificate Authority - G2",
                "FAKE Starfield Services Root Certificate Authority - G2 → FAKE Amazon Root CA 1",
                "FAKE Starfield Services Root Certificate Authority - G2 → FAKE Amazon Root CA 4",
                "FAKE Amazon Root CA 3 → FAKE Amazon ECDSA 256 M01");
        assertThat(svg.getDocumentElement().getTextContent()).contains("RSA 2048 · until 2038-01-17", "EC P-384 · until 2040-05-26",
                "cross until 2037-12-31", "cross until 2034-06-28");
    }

    @Test
    void readmePictureIsTheHierarchyAsDrawnOnTheDayItNames() throws Exception {
        Path committed = Path.of("..", "docs", "ats-hierarchy.svg");
        if (Boolean.getBoolean("ats.pictures.regenerate")) {
            Files.writeString(committed, TrustPictures.hierarchySvg(), StandardCharsets.UTF_8);
        }
        String file = Files.readString(committed);
        java.util.regex.Matcher day = java.util.regex.Pattern.compile("data-drawn-on=\"([0-9-]{10})\"").matcher(file);
        assertThat(day.find()).as("docs/ats-hierarchy.svg names the day it was drawn for").isTrue();
        assertThat(file).as("docs/ats-hierarchy.svg is drawn from the fixtures; regenerate it with "
                + "mvn -pl ats-testkit test -Dtest=TrustPicturesTest -Dats.pictures.regenerate=true")
                .isEqualTo(TrustPictures.hierarchySvg(LocalDate.parse(day.group(1))));
    }

    @Test
    void drawsWhatTheServerSendsAndMarksTheDefectOnTheCertificateThatHasIt() throws Exception {
        Document acm = scenario("ats-acm-2024");
        assertThat(attributes(acm, "g", "node sent", "data-ca")).containsExactlyInAnyOrder("localhost",
                "FAKE Amazon RSA 2048 M01", "FAKE Amazon Root CA 1");
        assertThat(attributes(acm, "g", "edge sent", "data-subject")).containsExactlyInAnyOrder("localhost",
                "FAKE Amazon RSA 2048 M01", "FAKE Amazon Root CA 1");
        assertThat(attributes(acm, "g", "leads-to", "data-ca")).contains("FAKE Amazon Root CA 1",
                "FAKE Starfield Services Root Certificate Authority - G2");
        assertThat(attributes(acm, "g", "defect", "data-ca")).isEmpty();

        assertThat(defects(scenario("untrusted-root"))).containsExactly("FAKE Untrusted Root CA: UNTRUSTED ROOT");
        assertThat(defects(scenario("intermediate-not-ca"))).singleElement().asString().endsWith(": NOT A CA");
        assertThat(defects(scenario("self-signed"))).containsExactly("localhost: UNTRUSTED ROOT");
        assertThat(defects(scenario("wrong-host"))).singleElement().asString().endsWith(": HOSTNAME MISMATCH");
        assertThat(defects(scenario("revoked"))).singleElement().asString().endsWith(": REVOKED")
                .doesNotStartWith("FAKE Amazon RSA 2048 M01");
        assertThat(defects(scenario("revoked-intermediate"))).containsExactly("FAKE Amazon RSA 2048 M01: REVOKED");
        assertThat(defects(scenario("expired"))).singleElement().asString().contains(": EXPIRED ");
        assertThat(defects(scenario("path-length-exceeded"))).singleElement().asString().endsWith(": PATH LENGTH EXCEEDED");
        assertThat(defects(scenario("g2-cross-expired"))).singleElement().asString()
                .startsWith("FAKE Starfield Services Root Certificate Authority - G2 → FAKE Amazon Root CA 1: EXPIRED 2025-12-31");
        Document incomplete = scenario("incomplete-chain");
        assertThat(attributes(incomplete, "g", "node unsent", "data-ca")).containsExactly("FAKE Amazon RSA 2048 M01");
        assertThat(defects(incomplete)).containsExactly("FAKE Amazon RSA 2048 M01: INCOMPLETE CHAIN");
    }

    @Test
    void everyScenarioOfTheIndexPageHasItsChainAndItsProfiles() throws Exception {
        String page = index(servers);
        Files.createDirectories(PAGES);
        Files.writeString(PAGES.resolve("index.html"), page, StandardCharsets.UTF_8);

        for (AtsEndpoint endpoint : servers.endpoints()) {
            String section = page.substring(page.indexOf("<section class=\"scenario\" id=\"" + endpoint.id() + "\""));
            section = section.substring(0, section.indexOf("</section>"));
            Document svg = parse(section.substring(section.indexOf("<svg"), section.indexOf("</svg>") + 6));
            assertThat(attributes(svg, "g", "node sent leaf", "data-ca")).as(endpoint.id() + ": the leaf, sent").hasSize(1);
            assertThat(section.split("data-profile=").length - 1).as(endpoint.id() + ": a chip per profile").isEqualTo(8);
        }
        assertThat(page).as("the table stays, collapsed").contains("<details><summary>")
                .contains("FAKE Amazon Root CA 1, issued by FAKE Starfield Services Root Certificate Authority - G2, until 2037-12-31");
    }

    @Test
    void diagramFollowsAUserCatalogueThatChangesTheSentChain() throws Exception {
        Scenario mine = Scenario.builder("my-service").description("our endpoint's chain").issuedBy(FakeCa.AMAZON_ECDSA_256_M01)
                .sends(FakeCa.AMAZON_ECDSA_256_M01, FakeCa.AMAZON_ROOT_CA_3_CROSS_G2)
                .leadsTo(FakeCa.AMAZON_ROOT_CA_3, FakeCa.STARFIELD_SERVICES_ROOT_G2).build();
        Scenario changed = Scenario.builder("my-service").description("our endpoint's chain, now through Class 2")
                .issuedBy(FakeCa.AMAZON_ECDSA_256_M01).sends(FakeCa.AMAZON_ECDSA_256_M01, FakeCa.AMAZON_ROOT_CA_3_CROSS_G2,
                        FakeCa.STARFIELD_SERVICES_ROOT_G2_CROSS_CLASS_2)
                .leadsTo(FakeCa.AMAZON_ROOT_CA_3, FakeCa.STARFIELD_SERVICES_ROOT_G2, FakeCa.STARFIELD_CLASS_2).build();
        List<List<String>> sent = new ArrayList<>();
        for (Scenario scenario : List.of(mine, changed)) {
            try (AtsServers own = AtsServers.builder().catalogue(ScenarioCatalogue.of(List.of(scenario))).start()) {
                String page = index(own);
                Document svg = parse(page.substring(page.indexOf("<svg", page.indexOf("id=\"my-service\"")),
                        page.indexOf("</svg>", page.indexOf("id=\"my-service\"")) + 6));
                sent.add(attributes(svg, "g", "edge sent", "data-subject"));
            }
        }
        assertThat(sent.get(0)).containsExactlyInAnyOrder("localhost", "FAKE Amazon ECDSA 256 M01", "FAKE Amazon Root CA 3");
        assertThat(sent.get(1)).containsExactlyInAnyOrder("localhost", "FAKE Amazon ECDSA 256 M01", "FAKE Amazon Root CA 3",
                "FAKE Starfield Services Root Certificate Authority - G2");
    }

    @Test
    void auditPageFillsTheAnchorsTheStoreHoldsAndColoursEachRootsChains() throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setCertificateEntry("class-2", RealAtsRoot.STARFIELD_CLASS_2.certificate());
        store.setCertificateEntry("root-3", RealAtsRoot.AMAZON_ROOT_CA_3.certificate());
        AuditReport report = TrustStoreAudit.audit(store, "class-2-and-root-3.p12").asOf(LocalDate.of(2026, 12, 3));

        String page = TrustPictures.audit(report);
        Files.createDirectories(PAGES);
        Files.writeString(PAGES.resolve("audit.html"), page, StandardCharsets.UTF_8);

        Document svg = parse(page.substring(page.indexOf("<svg"), page.indexOf("</svg>") + 6));
        assertThat(attributes(svg, "g", "anchor", "data-ca")).containsExactlyInAnyOrder("Amazon Root CA 3",
                "Starfield Class 2 Certification Authority");
        assertThat(page).contains("data-root=\"amazon-root-ca-3\" data-shape=\"acm-2024\">trusted")
                .contains("data-root=\"amazon-root-ca-1\" data-shape=\"acm-2024\">not trusted")
                .contains("data-root=\"amazon-root-ca-1\" data-shape=\"pre-2024\">trusted");
        assertThat(page).as("the real end dates and the day judged").contains("data-day=\"2030-08-23\"",
                "data-day=\"2034-06-28\"", "data-day=\"2034-06-29\"", "data-day=\"2037-12-31\"", "data-day=\"2038-01-17\"",
                "data-day=\"2040-05-26\"", "class=\"as-of\" data-day=\"2026-12-03\"")
                .contains("class=\"holds-until\" data-day=\"" + report.verdictHoldsUntil().orElseThrow() + "\"");
    }

    @Test
    void diffPageShowsBeforeAndAfterSideBySide() throws Exception {
        KeyStore before = KeyStore.getInstance("PKCS12");
        before.load(null, null);
        RealAtsRoot.amazonRoots().forEach(r -> set(before, r));
        KeyStore after = KeyStore.getInstance("PKCS12");
        after.load(null, null);
        set(after, RealAtsRoot.STARFIELD_CLASS_2);
        String page = TrustPictures.diff(TrustStoreAudit.diff(TrustStoreAudit.audit(before, "before.p12"),
                TrustStoreAudit.audit(after, "after.p12")));
        Files.createDirectories(PAGES);
        Files.writeString(PAGES.resolve("diff.html"), page, StandardCharsets.UTF_8);

        assertThat(page).contains("data-regression=\"true\"").contains("<div class=\"before\">").contains("<div class=\"after\">")
                .contains("data-verdict=\"READY\"").contains("data-verdict=\"DEGRADED\"");
        assertThat(page.split("<svg class=\"ats-topology\"|<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"ats-topology\"")
                .length - 1).isEqualTo(2);
    }

    @Test
    void heatMapColoursEachCellByHowItComparesWithTheDeclaredOutcome() throws Exception {
        String map = TrustPictures.heatMap(List.of(
                new TrustPictures.MatrixCell("ats-root-ca-1", "curl", "all-ats", "accept", "accept", ""),
                new TrustPictures.MatrixCell("untrusted-root", "curl", "all-ats", "reject (UNTRUSTED_ROOT)",
                        "reject (UNTRUSTED_ROOT)", "curl: (60) SSL certificate problem"),
                new TrustPictures.MatrixCell("g2-cross-expired", "curl", "amazon-root-ca-1", "reject (EXPIRED)",
                        "reject (UNTRUSTED_ROOT)", ""),
                new TrustPictures.MatrixCell("ats-root-ca-1", "wget", "no-ats", "reject (UNTRUSTED_ROOT)", "accept", ""),
                new TrustPictures.MatrixCell("stalled-handshake", "wget", "no-ats", "reject (TIMEOUT)",
                        "no verdict: connection refused", "")));
        Files.createDirectories(PAGES);
        Files.writeString(PAGES.resolve("heatmap.html"), TrustPictures.page("heat map", map), StandardCharsets.UTF_8);

        Document html = parse(map.substring(map.indexOf("<table>"), map.indexOf("</table>") + 8));
        List<String> cells = attributes(html, "td", "cell", "data-agreement");
        assertThat(cells).containsExactlyInAnyOrder("accepted", "refused-as-declared", "refused-for-another-reason",
                "wrong-verdict", "no-verdict");
        assertThat(attributes(html, "td", "cell", "title")).anySatisfy(title -> assertThat(title)
                .contains("curl, untrusted-root under all-ats").contains("words: curl: (60) SSL certificate problem"));
        assertThat(attributes(html, "td", "absent", "class")).as("4 scenarios × 3 columns, 5 cases").hasSize(7);
    }

    private static void set(KeyStore store, RealAtsRoot root) {
        try {
            store.setCertificateEntry(root.id(), root.certificate());
        } catch (java.security.KeyStoreException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Document scenario(String id) throws Exception {
        AtsEndpoint endpoint = servers.endpoint(id);
        return parse(TrustPictures.scenarioSvg(endpoint.scenario(), endpoint.chain()));
    }

    static String index(AtsServers servers) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(servers.indexUri()).build(), BodyHandlers.ofString()).body();
    }

    static Document parse(String xml) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    /** The attribute of every element whose class list holds all of {@code classes}. */
    static List<String> attributes(Document document, String tag, String classes, String attribute) {
        Set<String> wanted = Set.of(classes.split(" "));
        List<String> values = new ArrayList<>();
        NodeList elements = document.getElementsByTagName(tag);
        for (int i = 0; i < elements.getLength(); i++) {
            Element element = (Element) elements.item(i);
            if (Set.of(element.getAttribute("class").split(" ")).containsAll(wanted)) {
                values.add(element.getAttribute(attribute));
            }
        }
        return values;
    }

    private static List<String> lines(Document svg) {
        return groups(svg).stream().filter(g -> g.getAttribute("class").startsWith("edge")).map(TrustPicturesTest::named).toList();
    }

    /** Every defect mark: {@code box: words} or {@code issuer → subject: words}. */
    private static List<String> defects(Document svg) {
        return groups(svg).stream().filter(g -> g.hasAttribute("data-defect"))
                .map(g -> named(g) + ": " + g.getAttribute("data-defect")).toList();
    }

    /** A box by its CA, a line by {@code issuer → subject}. */
    private static String named(Element g) {
        return g.getAttribute("class").startsWith("edge") ? g.getAttribute("data-issuer") + " → " + g.getAttribute("data-subject")
                : g.getAttribute("data-ca");
    }

    private static List<Element> groups(Document svg) {
        List<Element> groups = new ArrayList<>();
        NodeList elements = svg.getElementsByTagName("g");
        for (int i = 0; i < elements.getLength(); i++) {
            groups.add((Element) elements.item(i));
        }
        return groups;
    }
}
