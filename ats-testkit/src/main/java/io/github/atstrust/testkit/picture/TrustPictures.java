package io.github.atstrust.testkit.picture;

import io.github.atstrust.testkit.audit.AuditDiff;
import io.github.atstrust.testkit.audit.AuditReport;
import io.github.atstrust.testkit.scenario.Scenario;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The kit's pictures, drawn from the same certificates the servers send and the audits read, as SVG and
 * self-contained HTML (no script or font from elsewhere; light and dark colour schemes; a phone's width): the
 * cross-signed hierarchy, a scenario's chain on it, an audit, a diff, and a client matrix as a heat map.
 */
public final class TrustPictures {

    private TrustPictures() {
    }

    /**
     * One cell of a client matrix: what was declared and what the client said, written as the kit writes outcomes.
     *
     * @param scenario the scenario id
     * @param client   the client's name
     * @param profile  the trust profile's id
     * @param declared {@code accept} or {@code reject (REASON)}, as {@code ExpectedOutcome.toString()} writes it
     * @param said     {@code accept}, {@code reject (REASON)}, or anything else for no verdict
     * @param words    what the client printed or threw, shown on pointing at the cell; may be empty
     */
    public record MatrixCell(String scenario, String client, String profile, String declared, String said, String words) {

        /**
         * Checks that every field is given.
         *
         * @param scenario the scenario id
         * @param client   the client's name
         * @param profile  the trust profile's id
         * @param declared the declared outcome
         * @param said     what the client did
         * @param words    what it printed or threw
         */
        public MatrixCell {
            Objects.requireNonNull(scenario, "scenario");
            Objects.requireNonNull(client, "client");
            Objects.requireNonNull(profile, "profile");
            Objects.requireNonNull(declared, "declared");
            Objects.requireNonNull(said, "said");
            words = words == null ? "" : words;
        }
    }

    /**
     * The fake twin's hierarchy as a standalone SVG file: the four Amazon roots, Starfield Services G2 and
     * Starfield Class 2, the cross-certificates between them as lines, the issuing CAs below, each with its key
     * type and end date; the certificates a good chain can use today, read from the fixtures.
     *
     * @return the SVG document
     */
    public static String hierarchySvg() {
        return hierarchySvg(java.time.LocalDate.now(java.time.ZoneOffset.UTC));
    }

    /** The hierarchy as a good chain can use it on {@code day}, which the file names ({@code data-drawn-on}). */
    static String hierarchySvg(java.time.LocalDate day) {
        String svg = TopologySvg.render(ChainDrawing.hierarchyGraph(day.atStartOfDay(java.time.ZoneOffset.UTC).toInstant()),
                "The fake ATS hierarchy (TEST ONLY) on " + day + ": issuers above what they sign", true);
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + svg.replaceFirst("<svg ", "<svg data-drawn-on=\"" + day + "\" ") + "\n";
    }

    /**
     * A scenario's chain drawn on the hierarchy, as an inline SVG element for {@link #page}: the certificates the
     * server sends highlighted, the leaf's issuer dashed when it is not sent, the anchors the chain leads to
     * outlined, each defect (expired, wrong host, not a CA …) marked on the certificate that has it.
     *
     * @param scenario the scenario
     * @param sent     the chain its server sends, leaf first (as {@code AtsEndpoint.chain()} gives it)
     * @return the {@code <svg>} element
     */
    public static String scenarioSvg(Scenario scenario, List<X509Certificate> sent) {
        return TopologySvg.render(ChainDrawing.scenarioGraph(scenario, sent, Instant.now()),
                scenario.id() + ": the chain the server sends, on the ATS hierarchy", false);
    }

    /**
     * An audit as a page: the real hierarchy with the store's anchors filled, each Amazon root's chains of both
     * shapes trusted or not, and the real end dates with the day judged and the day the verdict holds until.
     *
     * @param report the audit
     * @return the HTML page
     */
    public static String audit(AuditReport report) {
        return AuditPage.page(report);
    }

    /**
     * A diff as a page: the audits before and after side by side.
     *
     * @param diff the diff
     * @return the HTML page
     */
    public static String diff(AuditDiff diff) {
        return AuditPage.diffPage(diff);
    }

    /**
     * A client matrix as a heat map for {@link #page}: a row per scenario, a column per client and profile, each
     * cell coloured by how its outcome compares with the declared one, its title what the client said.
     *
     * @param cells the matrix
     * @return the HTML fragment
     */
    public static String heatMap(List<MatrixCell> cells) {
        return HeatMap.render(cells);
    }

    /**
     * A whole page in the kit's style around {@code body}, which the pictures above fit into.
     *
     * @param title the page's title
     * @param body  HTML for the body
     * @return the HTML page
     */
    public static String page(String title, String body) {
        return PageStyle.head(title, PageStyle.HEAT_MAP) + body + "</body></html>\n";
    }
}
