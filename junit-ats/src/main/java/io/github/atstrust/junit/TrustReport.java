package io.github.atstrust.junit;

import io.github.atstrust.testkit.picture.TrustPictures;
import io.github.atstrust.testkit.probe.HandshakeOutcome;
import io.github.atstrust.testkit.scenario.ExpectedOutcome;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The trust-matrix report: one row per probed {@link AtsCase}, written after the run as {@code report.json}
 * and {@code index.html} (the matrix as a heat map, then every case as a table) into the configured directory.
 */
final class TrustReport {

    /** Configuration parameter naming the report directory. */
    static final String DIRECTORY_KEY = "ats.report.dir";
    static final String DEFAULT_DIRECTORY = "target/ats-trust-report";

    record Row(String test, String scenario, String profile, String expected, String outcome, String reason,
               long elapsedMillis, boolean agrees, String detail) {
    }

    private final Path directory;
    private final ConcurrentLinkedQueue<Row> rows = new ConcurrentLinkedQueue<>();

    TrustReport(Path directory) {
        this.directory = directory;
    }

    void record(String test, String scenario, String profile, ExpectedOutcome expected, HandshakeOutcome outcome) {
        String got = outcome.accepted() ? "accept" : outcome.rejected() ? "reject" : "no verdict";
        rows.add(new Row(test, scenario, profile, expected.toString(), got,
                outcome.rejectionReason().map(Enum::name).orElse(""), outcome.elapsed().toMillis(), expected.isMetBy(outcome),
                outcome instanceof HandshakeOutcome.Rejected rejected ? String.valueOf(rejected.cause()) : outcome.describe()));
    }

    /** Writes the report when any case was probed. */
    void write() throws IOException {
        if (rows.isEmpty()) {
            return;
        }
        List<Row> sorted = new ArrayList<>(rows);
        sorted.sort(Comparator.comparing(Row::test).thenComparing(Row::scenario).thenComparing(Row::profile));
        Files.createDirectories(directory);
        writeAtomically(directory.resolve("report.json"), json(sorted));
        writeAtomically(directory.resolve("index.html"), html(sorted));
    }

    /** Complete or not at all: a reader (a CI artifact upload) never sees half a report. */
    private static void writeAtomically(Path file, String text) throws IOException {
        Path temporary = Files.createTempFile(file.getParent(), "." + file.getFileName() + "-", ".tmp");
        try {
            Files.writeString(temporary, text, StandardCharsets.UTF_8);
            Files.move(temporary, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    static String html(List<Row> rows) {
        long disagreeing = rows.stream().filter(r -> !r.agrees()).count();
        StringBuilder html = new StringBuilder("<h1>ATS trust matrix</h1>\n<p>").append(rows.size()).append(" cases, ")
                .append(disagreeing).append(" disagreeing with the declared expectation.</p>\n")
                .append(TrustPictures.heatMap(rows.stream().map(r -> new TrustPictures.MatrixCell(r.scenario(), r.test(), r.profile(),
                        r.expected(), r.outcome().equals("reject") ? "reject (" + r.reason() + ")" : r.outcome(), r.detail()))
                        .toList()))
                .append("<h2>Every case</h2><details><summary>").append(rows.size()).append(" cases</summary>")
                .append("<div class=\"table\"><table><tr><th>test</th><th>scenario</th><th>profile</th><th>expected</th>"
                        + "<th>outcome</th><th>reason</th><th>ms</th><th>detail</th></tr>\n");
        for (Row row : rows) {
            html.append("<tr class=\"").append(row.agrees() ? "agrees" : "disagrees").append("\"><td>")
                    .append(escape(row.test())).append("</td><td>").append(escape(row.scenario())).append("</td><td>")
                    .append(escape(row.profile())).append("</td><td>").append(row.expected())
                    .append("</td><td class=\"outcome\">").append(row.outcome()).append("</td><td>").append(row.reason())
                    .append("</td><td>").append(row.elapsedMillis()).append("</td><td>").append(escape(row.detail()))
                    .append("</td></tr>\n");
        }
        html.append("</table></div></details>\n");
        return TrustPictures.page("ATS trust matrix", html.toString());
    }

    /**
     * The rows as a JSON array, one object per row with the {@link Row} fields. Written here rather than with a
     * JSON library so that junit-ats adds no dependency to its users' test classpath; the rows are flat.
     */
    static String json(List<Row> rows) {
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            json.append(i == 0 ? "\n" : ",\n").append("  {")
                    .append("\"test\" : ").append(quote(row.test()))
                    .append(", \"scenario\" : ").append(quote(row.scenario()))
                    .append(", \"profile\" : ").append(quote(row.profile()))
                    .append(", \"expected\" : ").append(quote(row.expected()))
                    .append(", \"outcome\" : ").append(quote(row.outcome()))
                    .append(", \"reason\" : ").append(quote(row.reason()))
                    .append(", \"elapsedMillis\" : ").append(row.elapsedMillis())
                    .append(", \"agrees\" : ").append(row.agrees())
                    .append(", \"detail\" : ").append(quote(row.detail())).append('}');
        }
        return json.append(rows.isEmpty() ? "]\n" : "\n]\n").toString();
    }

    /** A JSON string literal (RFC 8259: quote, backslash and control characters escaped). */
    private static String quote(String text) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : String.valueOf(text).toCharArray()) {
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                case '\r' -> quoted.append("\\r");
                case '\t' -> quoted.append("\\t");
                default -> {
                    if (c < 0x20) {
                        quoted.append(String.format("\\u%04x", (int) c));
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
