package io.github.atstrust.testkit.server;

import io.github.atstrust.testkit.picture.TrustPictures;
import io.github.atstrust.testkit.scenario.ExpectedOutcome;
import io.github.atstrust.testkit.trust.TrustProfiles;
import java.security.cert.X509Certificate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.security.auth.x500.X500Principal;

/**
 * The plain-HTTP dashboard: the hierarchy, then every scenario's chain drawn on it beside what each profile should
 * do, and the table of the same facts (collapsed) for copy and paste.
 */
final class IndexPage {

    private IndexPage() {
    }

    static String render(List<AtsEndpoint> endpoints, List<AtsEndpoint> mail) {
        StringBuilder body = new StringBuilder("""
                <h1>ATS Trust Kit scenarios</h1>
                <p>Fake Amazon Trust Services chains for tests. Every certificate here is marked
                <code>O=ATS Trust Kit (TEST ONLY)</code>; none is trusted by a real store.</p>
                <h2>The hierarchy</h2><div class="picture hierarchy">
                """);
        String hierarchy = TrustPictures.hierarchySvg();
        body.append(hierarchy, hierarchy.indexOf("<svg"), hierarchy.length()).append("""
                </div><p class="legend"><span>each line: the upper certificate signs the lower</span>
                <span>a line into a root: a cross-certificate</span></p>
                <h2>Scenarios</h2><p class="legend"><span>thick blue: sent by the server</span><span>dashed: needed, not
                sent</span><span>green outline: the anchor the chain leads to</span><span>red and ✕: the defect</span></p>
                """);
        for (AtsEndpoint endpoint : endpoints) {
            body.append("<section class=\"scenario\" id=\"").append(escape(endpoint.id())).append("\" data-scenario=\"")
                    .append(escape(endpoint.id())).append("\"><h3><a href=\"").append(endpoint.uri()).append("\">")
                    .append(escape(endpoint.id())).append("</a></h3><p>").append(escape(endpoint.scenario().description()))
                    .append(endpoint.scenario().requiredSettingIds().isEmpty() ? ""
                            : " <em>Requires: " + escape(String.join(", ", endpoint.scenario().requiredSettingIds())) + ".</em>")
                    .append("</p>\n<div class=\"drawn\"><div class=\"picture\">").append(TrustPictures.scenarioSvg(endpoint.scenario(), endpoint.chain()))
                    .append("</div>\n<ul class=\"chips profiles\">");
            for (Map.Entry<String, ExpectedOutcome> expected : endpoint.scenario().expectedOutcomes().entrySet()) {
                ExpectedOutcome outcome = expected.getValue();
                body.append("<li class=\"").append(outcome.verdict()).append("\" data-profile=\"").append(escape(expected.getKey()))
                        .append("\">").append(escape(expected.getKey())).append(outcome.accepts() ? " ✓ accept" : " ✕ " + outcome.reason())
                        .append("</li>");
            }
            body.append("</ul></div></section>\n");
        }
        body.append("<h2>The same as a table</h2><details><summary>Every scenario, what its server sends and what each "
                + "profile should do</summary><div class=\"table\"><table><tr><th>scenario</th><th>what the server sends</th>"
                + "<th>requires</th>");
        TrustProfiles.builtIn().forEach(p -> body.append("<th>").append(escape(p.id())).append("</th>"));
        body.append("</tr>\n");
        for (AtsEndpoint endpoint : endpoints) {
            body.append("<tr><td><a href=\"").append(endpoint.uri()).append("\">").append(escape(endpoint.id()))
                    .append("</a><br>").append(escape(endpoint.scenario().description())).append("</td><td>")
                    .append(endpoint.chain().stream().map(IndexPage::subject).map(IndexPage::escape)
                            .collect(Collectors.joining(" →<br>")))
                    .append("</td><td>").append(escape(String.join(", ", endpoint.scenario().requiredSettingIds()))).append("</td>");
            for (ExpectedOutcome expected : endpoint.scenario().expectedOutcomes().values()) {
                body.append("<td class=\"").append(expected.verdict()).append("\">").append(expected.verdict()).append("</td>");
            }
            body.append("</tr>\n");
        }
        body.append("</table></div></details>\n");
        if (!mail.isEmpty()) {
            body.append("<h2>Mail (requires: smtp)</h2><p>The same chains behind SMTP, as the SES SMTP interface offers "
                    + "them: STARTTLS (<code>smtp://</code>, TLS required before any mail) and TLS wrapper mode "
                    + "(<code>smtps://</code>). Expectations as above.</p><div class=\"table\"><table><tr><th>scenario</th>"
                    + "<th>URL</th></tr>\n");
            for (AtsEndpoint endpoint : mail) {
                body.append("<tr><td>").append(escape(endpoint.id())).append("</td><td><code>")
                        .append(escape(endpoint.uri().toString())).append("</code></td></tr>\n");
            }
            body.append("</table></div>\n");
        }
        return TrustPictures.page("ATS Trust Kit scenarios (TEST ONLY)", body.toString());
    }

    /** {@code name, issued by name, until day}: the cross-signs and the end dates without the full DNs. */
    private static String subject(X509Certificate certificate) {
        String subject = name(certificate.getSubjectX500Principal());
        String until = ", until " + certificate.getNotAfter().toInstant().atZone(ZoneOffset.UTC).toLocalDate();
        return (certificate.getIssuerX500Principal().equals(certificate.getSubjectX500Principal())
                ? subject + " (self-signed)" : subject + ", issued by " + name(certificate.getIssuerX500Principal())) + until;
    }

    /** The CN, or the OU of a subject without one (Starfield Class 2). */
    private static String name(X500Principal principal) {
        String common = null;
        String unit = null;
        try {
            for (javax.naming.ldap.Rdn rdn : new javax.naming.ldap.LdapName(principal.getName()).getRdns()) {
                if (rdn.getType().equalsIgnoreCase("CN")) {
                    common = rdn.getValue().toString();
                } else if (rdn.getType().equalsIgnoreCase("OU")) {
                    unit = rdn.getValue().toString();
                }
            }
        } catch (javax.naming.InvalidNameException e) {
            return principal.getName();
        }
        return common != null ? common : unit != null ? unit : principal.getName();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
