package io.github.atstrust.testkit.picture;

import static io.github.atstrust.testkit.picture.CertificateFacts.escape;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Draws a laid-out {@link CaGraph} as SVG: boxes with name, key type and end date; lines from issuer down. */
final class TopologySvg {

    private static final int LINE = 13;
    private static final int NAME_WIDTH = 24;

    private TopologySvg() {
    }

    /**
     * The SVG element.
     *
     * @param graph      a laid-out graph
     * @param title      what the picture shows, for screen readers and as its tooltip
     * @param standalone whether it is a file of its own (carries its style) or inline in a kit page (the page's)
     * @return the {@code <svg>} element
     */
    static String render(CaGraph graph, String title, boolean standalone) {
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"ats-topology\" role=\"img\" viewBox=\"0 0 ")
                .append(graph.width()).append(' ').append(graph.height()).append("\" width=\"").append(graph.width())
                .append("\" height=\"").append(graph.height()).append("\" aria-label=\"").append(escape(title)).append("\">")
                .append("<title>").append(escape(title)).append("</title>\n");
        if (standalone) {
            svg.append("<style>").append(PageStyle.VARIABLES).append(PageStyle.TOPOLOGY).append("</style>\n");
        }
        for (CaGraph.Edge edge : graph.edges()) {
            edge(svg, edge);
        }
        for (CaGraph.Node node : graph.nodes()) {
            node(svg, node);
        }
        return svg.append("</svg>").toString();
    }

    private static void edge(StringBuilder svg, CaGraph.Edge edge) {
        double x1 = edge.issuer.x + CaGraph.BOX_WIDTH / 2.0;
        double y1 = CaGraph.y(edge.issuer) + boxHeight(edge.issuer);
        double x2 = edge.subject.x + CaGraph.BOX_WIDTH / 2.0;
        double y2 = CaGraph.y(edge.subject);
        double middle = (y1 + y2) / 2;
        String certificates = edge.certificates.stream()
                .map(c -> (edge.cross() ? "cross-certificate " : "") + CertificateFacts.subject(c) + " signed by "
                        + CertificateFacts.name(c.getIssuerX500Principal()) + ", until " + CertificateFacts.notAfter(c))
                .collect(Collectors.joining("; "));
        svg.append("<g class=\"").append(classes("edge", edge.looks)).append("\" data-subject=\"")
                .append(escape(CertificateFacts.subject(edge.subject.representative()))).append("\" data-issuer=\"")
                .append(escape(CertificateFacts.subject(edge.issuer.representative()))).append('"');
        if (!edge.marks.isEmpty()) {
            svg.append(" data-defect=\"").append(escape(String.join(", ", edge.marks))).append('"');
        }
        svg.append("><title>").append(escape(certificates)).append("</title><path d=\"M").append(f(x1)).append(' ')
                .append(f(y1)).append(" C").append(f(x1)).append(' ').append(f(middle)).append(' ').append(f(x2)).append(' ')
                .append(f(middle)).append(' ').append(f(x2)).append(' ').append(f(y2)).append("\"/>");
        List<String> words = new ArrayList<>();
        if (edge.cross()) {
            words.add("cross until " + lastDay(edge));
        }
        words.addAll(edge.marks.stream().map(m -> "✕ " + m).toList());
        double labelY = y2 - 5 - (words.size() - 1) * LINE;
        for (String word : words) {
            svg.append("<text class=\"").append(word.startsWith("✕") ? "mark" : "label").append("\" x=\"")
                    .append(f(x2)).append("\" y=\"").append(f(labelY)).append("\" text-anchor=\"middle\">")
                    .append(escape(word)).append("</text>");
            labelY += LINE;
        }
        svg.append("</g>\n");
    }

    /** The latest end of the certificates on the line (a mark names an earlier, defective one). */
    private static java.time.LocalDate lastDay(CaGraph.Edge edge) {
        return edge.certificates.stream().map(CertificateFacts::notAfter).max(java.util.Comparator.naturalOrder()).orElseThrow();
    }

    private static void node(StringBuilder svg, CaGraph.Node node) {
        X509Certificate certificate = node.representative();
        List<String> lines = wrap(CertificateFacts.subject(certificate));
        lines.add(CertificateFacts.keyType(certificate) + " · until " + CertificateFacts.notAfter(certificate));
        double x = node.x;
        double y = CaGraph.y(node);
        svg.append("<g class=\"").append(classes("node", node.looks)).append("\" data-ca=\"")
                .append(escape(CertificateFacts.subject(certificate))).append('"');
        if (!node.marks.isEmpty()) {
            svg.append(" data-defect=\"").append(escape(String.join(", ", node.marks))).append('"');
        }
        svg.append("><title>").append(escape(certificate.getSubjectX500Principal().getName()))
                .append(node.selfSigned() ? " (self-signed)" : "").append(", ").append(CertificateFacts.keyType(certificate))
                .append(", until ").append(CertificateFacts.notAfter(certificate)).append("</title><rect x=\"").append(f(x))
                .append("\" y=\"").append(f(y)).append("\" width=\"").append(CaGraph.BOX_WIDTH).append("\" height=\"")
                .append(boxHeight(node)).append("\" rx=\"5\"/>");
        double lineY = y + 15;
        for (int i = 0; i < lines.size(); i++) {
            svg.append("<text x=\"").append(f(x + 8)).append("\" y=\"").append(f(lineY)).append('"')
                    .append(i == lines.size() - 1 ? " class=\"facts\"" : "").append('>').append(escape(lines.get(i)))
                    .append("</text>");
            lineY += LINE;
        }
        lineY = y + boxHeight(node) + 13;
        for (String mark : node.marks) {
            svg.append("<text class=\"mark\" x=\"").append(f(x + 8)).append("\" y=\"").append(f(lineY)).append("\">✕ ")
                    .append(escape(mark)).append("</text>");
            lineY += LINE;
        }
        svg.append("</g>\n");
    }

    static int boxHeight(CaGraph.Node node) {
        return 10 + LINE * (wrap(CertificateFacts.subject(node.representative())).size() + 1);
    }

    /** The name in at most three lines. */
    static List<String> wrap(String name) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : name.split(" ")) {
            if (line.length() > 0 && line.length() + 1 + word.length() > NAME_WIDTH) {
                lines.add(line.toString());
                line.setLength(0);
            }
            line.append(line.length() > 0 ? " " : "").append(word);
        }
        lines.add(line.toString());
        if (lines.size() > 3) {
            String rest = String.join(" ", lines.subList(2, lines.size()));
            lines = new ArrayList<>(List.of(lines.get(0), lines.get(1),
                    rest.length() > NAME_WIDTH ? rest.substring(0, NAME_WIDTH - 1) + "…" : rest));
        }
        return lines;
    }

    private static String classes(String base, java.util.Set<Look> looks) {
        StringBuilder classes = new StringBuilder(base);
        looks.forEach(look -> classes.append(' ').append(look.name().toLowerCase(Locale.ROOT).replace('_', '-')));
        return classes.toString();
    }

    private static String f(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%.1f", value);
    }
}
