package io.github.atstrust.testkit.picture;

import static io.github.atstrust.testkit.picture.CertificateFacts.escape;

import io.github.atstrust.testkit.audit.AuditDiff;
import io.github.atstrust.testkit.audit.AuditFinding;
import io.github.atstrust.testkit.audit.AuditReport;
import io.github.atstrust.testkit.audit.RealPath;
import io.github.atstrust.testkit.pki.RealAtsCertificate;
import io.github.atstrust.testkit.pki.RealAtsRoot;
import java.security.cert.X509Certificate;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** An audit as a page: the real hierarchy with the store's anchors filled, each Amazon root's chains, the end dates. */
final class AuditPage {

    private AuditPage() {
    }

    static String page(AuditReport report) {
        return PageStyle.head("ATS trust audit: " + report.source(), "") + "<h1>ATS trust audit</h1>\n" + section(report)
                + "</body></html>\n";
    }

    static String diffPage(AuditDiff diff) {
        StringBuilder html = new StringBuilder(PageStyle.head("ATS trust diff: " + diff.before().source() + " → "
                + diff.after().source(), ""));
        html.append("<h1>ATS trust diff</h1>\n<p class=\"summary\" data-regression=\"").append(diff.regression()).append("\">")
                .append(diff.regression() ? "<strong>Regression:</strong> ATS trust was lost. " : "No ATS trust was lost. ")
                .append("Added: ").append(names(diff.added())).append(". Removed: ").append(names(diff.removed()))
                .append(".</p>\n<div class=\"sides\"><div class=\"before\"><h2>Before</h2>").append(section(diff.before()))
                .append("</div><div class=\"after\"><h2>After</h2>").append(section(diff.after())).append("</div></div>\n");
        return html.append("</body></html>\n").toString();
    }

    private static String names(List<RealAtsRoot> roots) {
        return roots.isEmpty() ? "none" : roots.stream().map(RealAtsRoot::displayName).collect(Collectors.joining(", "));
    }

    private static String section(AuditReport report) {
        StringBuilder html = new StringBuilder("<section class=\"audit\" data-verdict=\"").append(report.verdict())
                .append("\"><h3>").append(escape(report.source())).append("</h3>\n<p class=\"verdict\">On ")
                .append(report.asOf()).append(": <strong>").append(report.verdict()).append("</strong>")
                .append(escape(report.explanation().replaceFirst("^" + report.verdict() + "\\b", "")))
                .append("</p>\n<div class=\"picture\">")
                .append(TopologySvg.render(realGraph(report), "The real ATS hierarchy; filled: the anchors "
                        + report.source() + " holds", false))
                .append("</div>\n<p class=\"legend\"><span>filled box: the store holds this anchor</span>"
                        + "<span>each line: the upper certificate signs the lower</span></p>\n");
        html.append("<div class=\"table\"><table class=\"chains\"><tr><th>Amazon root</th><th>chain through Starfield Class 2 "
                + "(served before August 2024)</th><th>ACM chain (to the root cross-signed by G2, since August 2024)</th></tr>\n");
        for (RealAtsRoot root : RealAtsRoot.amazonRoots()) {
            html.append("<tr><th>").append(escape(root.displayName())).append("</th>")
                    .append(chain(report, root, true, report.trustsCrossSignedChainsOf(root)))
                    .append(chain(report, root, false, report.trustsAcmChainsOf(root))).append("</tr>\n");
        }
        html.append("</table></div>\n<div class=\"picture\">")
                .append(Timeline.render(endDates(), report.asOf(), report.verdictHoldsUntil())).append("</div>\n");
        if (!report.findings().isEmpty()) {
            html.append("<ul class=\"findings\">");
            for (AuditFinding finding : report.findings()) {
                html.append("<li class=\"").append(finding.failure() ? "failure" : "warning").append("\">")
                        .append(escape(finding.toString())).append("</li>");
            }
            html.append("</ul>\n");
        }
        return html.append("</section>\n").toString();
    }

    private static String chain(AuditReport report, RealAtsRoot root, boolean throughClass2, boolean trusted) {
        String path = report.paths().stream().filter(p -> p.amazonRoot() == root && p.withClass2Cross() == throughClass2)
                .findFirst().map(RealPath::toString).orElse("");
        return "<td class=\"" + (trusted ? "accept" : "reject") + "\" data-root=\"" + root.id() + "\" data-shape=\""
                + (throughClass2 ? "pre-2024" : "acm-2024") + "\">" + (trusted ? "trusted" : "not trusted")
                + (path.isEmpty() ? "" : "<br><small>" + escape(path) + "</small>") + "</td>";
    }

    /** The real roots, the crosses between them and the issuing CAs of 2022: what AWS serves today. */
    private static CaGraph realGraph(AuditReport report) {
        CaGraph graph = new CaGraph();
        for (RealAtsRoot root : RealAtsRoot.values()) {
            boolean held = report.holds(root);
            boolean ended = root.notAfter().isBefore(report.asOf());
            graph.add(root.certificate(), held && ended ? "ENDED " + root.notAfter() : null,
                    held ? new Look[] {Look.ANCHOR} : new Look[0]);
        }
        List<X509Certificate> below = new ArrayList<>();
        RealAtsCertificate.crossCertificates().forEach(c -> below.add(c.certificate()));
        RealAtsCertificate.issuingCas().stream().filter(c -> c.notAfter().equals(RealAtsCertificate.ISSUING_CAS_OF_2022_END))
                .forEach(c -> below.add(c.certificate()));
        below.forEach(c -> graph.add(c, null));
        return graph.layOut();
    }

    /** The end dates a store's verdict turns on, from the real certificates. */
    static Map<LocalDate, List<String>> endDates() {
        Map<LocalDate, List<String>> events = new TreeMap<>();
        events.computeIfAbsent(RealAtsCertificate.ISSUING_CAS_OF_2022_END, d -> new ArrayList<>()).add("the 2022 issuing CAs");
        events.computeIfAbsent(RealAtsCertificate.STARFIELD_SERVICES_ROOT_G2_CROSS_CLASS_2.notAfter(), d -> new ArrayList<>())
                .add("G2 cross-signed by Class 2");
        events.computeIfAbsent(RealAtsCertificate.AMAZON_ROOT_CA_1_CROSS_G2.notAfter(), d -> new ArrayList<>())
                .add("the Amazon roots cross-signed by G2");
        for (RealAtsRoot root : RealAtsRoot.values()) {
            events.computeIfAbsent(root.notAfter(), d -> new ArrayList<>()).add(root.displayName()
                    .replace(" Certification Authority", "").replace(" Root Certificate Authority", ""));
        }
        events.replaceAll((day, names) -> List.of("end of " + String.join(", ", names)));
        return events;
    }
}
