package io.github.atstrust.examples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.github.atstrust.testkit.TruthTable;
import io.github.atstrust.testkit.picture.TrustPictures;
import io.github.atstrust.testkit.probe.HandshakeOutcome;
import io.github.atstrust.testkit.scenario.ExpectedOutcome;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * The client matrix report: the JVM clients' rows (from junit-ats's {@code report.json}), the non-JVM clients',
 * which clients check revocation by default, the pinning findings and the browser screenshots, written as
 * {@code clients.json} and {@code clients.html} when the test run ends.
 */
public final class ClientsReport implements LauncherSessionListener {

    /** junit-ats's report directory ({@code ats.report.dir}): each test JVM of the module writes its own. */
    static final Path DIRECTORY = Path.of(System.getProperty("ats.report.dir", "target/ats-trust-report"));

    /**
     * One case: {@code declared} is the table's outcome (the manifest's, under the client's setting), {@code expected}
     * what the test expected of this client (its known behaviour where it differs), {@code agrees} whether it did that.
     */
    record Row(String client, String scenario, String profile, String declared, String expected, String outcome,
               String reason, long elapsedMillis, boolean agrees, String words) {
    }

    record Note(String topic, String client, String finding) {
    }

    private static final ConcurrentLinkedQueue<Row> ROWS = new ConcurrentLinkedQueue<>();
    private static final ConcurrentLinkedQueue<Note> NOTES = new ConcurrentLinkedQueue<>();
    private static final ConcurrentLinkedQueue<String> SCREENSHOTS = new ConcurrentLinkedQueue<>();

    static void row(String client, String scenario, String profile, ExpectedOutcome expected, HandshakeOutcome outcome) {
        row(client, scenario, profile, expected, expected, outcome);
    }

    /** A row of a client whose expectation may differ from the declared table's. */
    static void row(String client, String scenario, String profile, ExpectedOutcome declared, ExpectedOutcome expected,
                    HandshakeOutcome outcome) {
        String got = TruthTable.said(outcome);
        row(client, scenario, profile, declared.toString(), expected.toString(), outcome, got.equals(expected.toString()));
    }

    /** A row whose expectation is written out, e.g. a refusal the client names no reason for. */
    static void row(String client, String scenario, String profile, String declared, String expected,
                    HandshakeOutcome outcome, boolean agrees) {
        ROWS.add(new Row(client, scenario, profile, declared, expected, TruthTable.said(outcome),
                outcome.rejectionReason().map(Enum::name).orElse(""), outcome.elapsed().toMillis(), agrees, outcome.describe()));
    }

    static void note(String topic, String client, String finding) {
        NOTES.add(new Note(topic, client, finding));
    }

    /** A PNG under {@code screenshots/} of the report directory. */
    static Path screenshot(String name) {
        SCREENSHOTS.add(name);
        return DIRECTORY.resolve("screenshots").resolve(name);
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        if (ROWS.isEmpty() && NOTES.isEmpty() && !Files.exists(DIRECTORY.resolve("report.json"))) {
            return;
        }
        try {
            List<Row> rows = new ArrayList<>(jvmRows(DIRECTORY.resolve("report.json")));
            rows.addAll(ROWS);
            rows.sort(Comparator.comparing(Row::client).thenComparing(Row::scenario).thenComparing(Row::profile));
            List<Note> notes = new ArrayList<>(new java.util.LinkedHashSet<>(NOTES));
            notes.sort(Comparator.comparing(Note::topic).thenComparing(Note::client));
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("rows", rows);
            json.put("notes", notes);
            json.put("screenshots", screenshots());
            Files.createDirectories(DIRECTORY);
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(DIRECTORY.resolve("clients.json").toFile(), json);
            Files.writeString(DIRECTORY.resolve("clients.html"), html(rows, notes), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the client matrix report into " + DIRECTORY.toAbsolutePath(), e);
        }
    }

    /** junit-ats's rows; the test class names the client ({@code OkHttpTrustTest.…} → {@code OkHttp}). */
    static List<Row> jvmRows(Path report) throws IOException {
        if (!Files.exists(report)) {
            return List.of();
        }
        List<Row> rows = new ArrayList<>();
        for (JsonNode row : new ObjectMapper().readTree(report.toFile())) {
            String test = row.get("test").asText();
            String client = test.substring(0, test.indexOf('.')).replace("TrustTest", "");
            String outcome = row.get("outcome").asText();
            rows.add(new Row(client, row.get("scenario").asText(), row.get("profile").asText(), row.get("expected").asText(),
                    row.get("expected").asText(), outcome.equals("reject") ? "reject (" + row.get("reason").asText() + ")" : outcome,
                    row.get("reason").asText(), row.get("elapsedMillis").asLong(), row.get("agrees").asBoolean(),
                    row.get("detail").asText()));
        }
        return rows;
    }

    /** How each verifier treats a cross-signed chain when it trusts only the Amazon root (measured; docs/clients.md). */
    private static final Map<String, String> PATH_BUILDING = Map.ofEntries(
            Map.entry("gnutls-cli", "does not build around the cross: judges the top of the served list"),
            Map.entry("wget", "as GnuTLS"),
            Map.entry("git", "as GnuTLS (libcurl-gnutls)"),
            Map.entry("mbedtls", "builds around it; looks for an issuer only after its subject in the served list"),
            Map.entry("wolfssl", "builds around it (alternative chains); an expired served cross it can verify fails the chain"),
            Map.entry("rustls", "builds around it (webpki tries every candidate)"),
            Map.entry("botan", "builds around it"),
            Map.entry("firefox-esr", "builds around it (mozilla::pkix)"),
            Map.entry("nss-tstclnt", "builds around it"),
            Map.entry("go-net-http", "builds around it"));

    static String html(List<Row> rows, List<Note> notes) {
        Map<String, long[]> perClient = new LinkedHashMap<>();
        for (Row row : rows) {
            long[] counts = perClient.computeIfAbsent(row.client(), c -> new long[4]);
            counts[0]++;
            counts[1] += row.agrees() ? 0 : 1;
            boolean verdict = row.outcome().startsWith("accept") || row.outcome().startsWith("reject");
            counts[2] += verdict && row.outcome().startsWith("accept") == row.declared().startsWith("accept") ? 1 : 0;
            counts[3] += row.outcome().equals(row.declared()) ? 1 : 0;
        }
        StringBuilder html = new StringBuilder("""
                <h1>ATS client matrix</h1>
                <h2>Clients</h2><div class="table"><table class="clients"><tr><th>client</th><th>cases</th>
                <th>disagreeing with what is expected of it</th><th>verdicts agreeing with the table</th>
                <th>reasons agreeing with the table</th><th>path building with cross-signed chains</th></tr>
                """);
        perClient.forEach((client, counts) -> html.append("<tr class=\"").append(counts[1] == 0 ? "agrees" : "disagrees")
                .append("\"><td>").append(escape(client)).append("</td><td>").append(counts[0]).append("</td><td>")
                .append(counts[1]).append("</td><td>").append(counts[2]).append("</td><td>").append(counts[3]).append("</td><td>")
                .append(escape(PATH_BUILDING.getOrDefault(client, ""))).append("</td></tr>\n"));
        html.append("</table></div>\n<h2>Every case, against the table</h2><p>A row per scenario, a column per client and "
                + "profile; each cell compares what the client did with the table's declared outcome (a client's known "
                + "difference, asserted by its test, is listed under the findings below).</p>\n")
                .append(TrustPictures.heatMap(rows.stream().map(r -> new TrustPictures.MatrixCell(r.scenario(), r.client(),
                        r.profile(), r.declared(), r.outcome(), r.words())).toList()));
        html.append("<h2>Findings</h2>\n");
        Map<String, List<Note>> byTopic = new java.util.TreeMap<>();
        notes.forEach(n -> byTopic.computeIfAbsent(n.topic(), t -> new ArrayList<>()).add(n));
        byTopic.forEach((topic, found) -> {
            html.append("<h3 class=\"topic\">").append(escape(topic)).append(" (").append(found.size())
                    .append(")</h3><div class=\"table\"><table class=\"findings\"><tr><th>client</th><th>finding</th></tr>\n");
            found.forEach(n -> html.append("<tr><td>").append(escape(n.client())).append("</td><td>")
                    .append(escape(n.finding())).append("</td></tr>\n"));
            html.append("</table></div>\n");
        });
        html.append("<h2>Browser</h2>\n");
        screenshots().forEach(s -> html.append("<figure><img src=\"screenshots/").append(s)
                .append("\" alt=\"").append(s).append("\"><figcaption>").append(s).append("</figcaption></figure>\n"));
        html.append("<h2>Every case as a table</h2><details><summary>").append(rows.size()).append(" cases</summary>"
                + "<div class=\"table\"><table><tr><th>client</th><th>scenario</th><th>profile</th><th>declared</th>"
                + "<th>expected of it</th><th>outcome</th><th>reason</th><th>ms</th></tr>\n");
        for (Row row : rows) {
            html.append("<tr><td>").append(escape(row.client())).append("</td><td>").append(escape(row.scenario()))
                    .append("</td><td>").append(escape(row.profile())).append("</td><td>").append(escape(row.declared()))
                    .append("</td><td>").append(escape(row.expected())).append("</td><td class=\"")
                    .append(row.agrees() ? "agrees" : "disagrees").append("\">").append(escape(row.outcome()))
                    .append("</td><td>").append(row.reason()).append("</td><td>").append(row.elapsedMillis()).append("</td></tr>\n");
        }
        html.append("</table></div></details>\n");
        return TrustPictures.page("ATS client matrix", html.toString());
    }

    /** Headless Chromium writes no screenshot of an error page, so only the ones taken are listed. */
    private static List<String> screenshots() {
        return SCREENSHOTS.stream().filter(name -> Files.isRegularFile(DIRECTORY.resolve("screenshots").resolve(name)))
                .sorted().toList();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
