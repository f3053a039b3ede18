package io.github.atstrust.testkit.server;

import io.github.atstrust.testkit.scenario.ExpectedOutcome;
import io.github.atstrust.testkit.trust.TrustProfiles;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.stream.Collectors;

/** The plain-HTTP dashboard: every scenario, its URL, what it sends and what each profile should do. */
final class IndexPage {

    private IndexPage() {
    }

    static String render(List<AtsEndpoint> endpoints, List<AtsEndpoint> mail) {
        StringBuilder html = new StringBuilder("""
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><title>ATS Trust Kit scenarios (TEST ONLY)</title>
                <style>
                body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}
                td,th{border:1px solid #999;padding:.3em .5em;vertical-align:top;font-size:90%}
                .accept{background:#c8f0c8}.reject{background:#f6c8c8}code{font-size:90%}
                </style></head><body>
                <h1>ATS Trust Kit scenarios</h1>
                <p>Fake Amazon Trust Services chains for tests. Every certificate here is marked
                <code>O=ATS Trust Kit (TEST ONLY)</code>; none is trusted by a real store.</p>
                <table><tr><th>scenario</th><th>what the server sends</th><th>requires</th>
                """);
        TrustProfiles.builtIn().forEach(p -> html.append("<th>").append(escape(p.id())).append("</th>"));
        html.append("</tr>\n");
        for (AtsEndpoint endpoint : endpoints) {
            html.append("<tr><td><a href=\"").append(endpoint.uri()).append("\">").append(escape(endpoint.id()))
                    .append("</a><br>").append(escape(endpoint.scenario().description())).append("</td><td>")
                    .append(endpoint.chain().stream().map(IndexPage::subject).map(IndexPage::escape)
                            .collect(Collectors.joining(" →<br>")))
                    .append("</td><td>").append(escape(String.join(", ", endpoint.scenario().requiredSettingIds()))).append("</td>");
            for (ExpectedOutcome expected : endpoint.scenario().expectedOutcomes().values()) {
                html.append("<td class=\"").append(expected.verdict()).append("\">").append(expected.verdict()).append("</td>");
            }
            html.append("</tr>\n");
        }
        html.append("</table>\n");
        if (!mail.isEmpty()) {
            html.append("<h2>Mail (requires: smtp)</h2><p>The same chains behind SMTP, as the SES SMTP interface offers "
                    + "them: STARTTLS (<code>smtp://</code>, TLS required before any mail) and TLS wrapper mode "
                    + "(<code>smtps://</code>). Expectations as above.</p><table><tr><th>scenario</th><th>URL</th></tr>\n");
            for (AtsEndpoint endpoint : mail) {
                html.append("<tr><td>").append(escape(endpoint.id())).append("</td><td><code>")
                        .append(escape(endpoint.uri().toString())).append("</code></td></tr>\n");
            }
            html.append("</table>\n");
        }
        return html.append("</body></html>\n").toString();
    }

    /** {@code name, issued by name, until day}: the cross-signs and the end dates without the full DNs. */
    private static String subject(X509Certificate certificate) {
        String subject = name(certificate.getSubjectX500Principal());
        String until = ", until " + certificate.getNotAfter().toInstant().atZone(java.time.ZoneOffset.UTC).toLocalDate();
        return (certificate.getIssuerX500Principal().equals(certificate.getSubjectX500Principal())
                ? subject + " (self-signed)" : subject + ", issued by " + name(certificate.getIssuerX500Principal())) + until;
    }

    /** The CN, or the OU of a subject without one (Starfield Class 2). */
    private static String name(javax.security.auth.x500.X500Principal principal) {
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
