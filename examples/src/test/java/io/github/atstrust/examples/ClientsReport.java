package io.github.atstrust.examples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.github.atstrust.testkit.TruthTable;
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

    record Row(String client, String scenario, String profile, String expected, String outcome, String reason,
               long elapsedMillis, boolean agrees) {
    }

    record Note(String topic, String client, String finding) {
    }

    private static final ConcurrentLinkedQueue<Row> ROWS = new ConcurrentLinkedQueue<>();
    private static final ConcurrentLinkedQueue<Note> NOTES = new ConcurrentLinkedQueue<>();
    private static final ConcurrentLinkedQueue<String> SCREENSHOTS = new ConcurrentLinkedQueue<>();

    static void row(String client, String scenario, String profile, ExpectedOutcome expected, HandshakeOutcome outcome) {
        String got = TruthTable.said(outcome);
        ROWS.add(new Row(client, scenario, profile, expected.toString(), got,
                outcome.rejectionReason().map(Enum::name).orElse(""), outcome.elapsed().toMillis(), got.equals(expected.toString())));
    }

    /** A row whose expectation is written out, e.g. a refusal the client names no reason for. */
    static void row(String client, String scenario, String profile, String expected, HandshakeOutcome outcome,
                    boolean agrees) {
        ROWS.add(new Row(client, scenario, profile, expected, TruthTable.said(outcome),
                outcome.rejectionReason().map(Enum::name).orElse(""), outcome.elapsed().toMillis(), agrees));
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
            List<Row> rows = new ArrayList<>(jvmRows());
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
    private static List<Row> jvmRows() throws IOException {
        Path report = DIRECTORY.resolve("report.json");
        if (!Files.exists(report)) {
            return List.of();
        }
        List<Row> rows = new ArrayList<>();
        for (JsonNode row : new ObjectMapper().readTree(report.toFile())) {
            String test = row.get("test").asText();
            String client = test.substring(0, test.indexOf('.')).replace("TrustTest", "");
            rows.add(new Row(client, row.get("scenario").asText(), row.get("profile").asText(), row.get("expected").asText(),
                    row.get("outcome").asText(), row.get("reason").asText(), row.get("elapsedMillis").asLong(),
                    row.get("agrees").asBoolean()));
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

    private static String html(List<Row> rows, List<Note> notes) {
        Map<String, long[]> perClient = new LinkedHashMap<>();
        for (Row row : rows) {
            long[] counts = perClient.computeIfAbsent(row.client(), c -> new long[4]);
            counts[0]++;
            counts[1] += row.agrees() ? 0 : 1;
        }
        for (Note note : notes) {
            long[] counts = perClient.get(note.client());
            if (counts != null && note.topic().equals("verdict differs from the declared one")) {
                counts[2]++;
            } else if (counts != null && note.topic().equals("reason differs from the declared one")) {
                counts[3]++;
            }
        }
        StringBuilder html = new StringBuilder("""
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><title>ATS client matrix</title>
                <style>
                body{font-family:sans-serif;margin:2em}table{border-collapse:collapse;margin-bottom:2em}
                td,th{border:1px solid #999;padding:.25em .5em;font-size:85%}
                .agrees{background:#c8f0c8}.disagrees{background:#f6c8c8}img{border:1px solid #999;max-width:45%}
                </style></head><body><h1>ATS client matrix</h1>
                <h2>Clients</h2><table><tr><th>client</th><th>cases</th><th>disagreeing with what is expected of it</th>
                <th>verdicts agreeing with the table</th><th>reasons agreeing with the table</th>
                <th>path building with cross-signed chains</th></tr>
                """);
        perClient.forEach((client, counts) -> html.append("<tr class=\"").append(counts[1] == 0 ? "agrees" : "disagrees")
                .append("\"><td>").append(escape(client)).append("</td><td>").append(counts[0]).append("</td><td>")
                .append(counts[1]).append("</td><td>").append(counts[0] - counts[2]).append("</td><td>")
                .append(counts[0] - counts[2] - counts[3]).append("</td><td>")
                .append(escape(PATH_BUILDING.getOrDefault(client, ""))).append("</td></tr>\n"));
        html.append("</table><h2>Findings</h2><table><tr><th>topic</th><th>client</th><th>finding</th></tr>\n");
        notes.forEach(n -> html.append("<tr><td>").append(escape(n.topic())).append("</td><td>").append(escape(n.client()))
                .append("</td><td>").append(escape(n.finding())).append("</td></tr>\n"));
        html.append("</table><h2>Browser</h2>\n");
        screenshots().forEach(s -> html.append("<figure><img src=\"screenshots/").append(s)
                .append("\" alt=\"").append(s).append("\"><figcaption>").append(s).append("</figcaption></figure>\n"));
        html.append("<h2>Every case</h2><table><tr><th>client</th><th>scenario</th><th>profile</th><th>expected</th>"
                + "<th>outcome</th><th>reason</th><th>ms</th></tr>\n");
        for (Row row : rows) {
            html.append("<tr><td>").append(escape(row.client())).append("</td><td>").append(escape(row.scenario()))
                    .append("</td><td>").append(escape(row.profile())).append("</td><td>").append(row.expected())
                    .append("</td><td class=\"").append(row.agrees() ? "agrees" : "disagrees").append("\">")
                    .append(row.outcome()).append("</td><td>").append(row.reason()).append("</td><td>")
                    .append(row.elapsedMillis()).append("</td></tr>\n");
        }
        return html.append("</table></body></html>\n").toString();
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
