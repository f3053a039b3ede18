package io.github.atstrust.testkit.server;

import io.github.atstrust.testkit.scenario.Expectation;
import io.github.atstrust.testkit.trust.TrustProfile;
import io.github.atstrust.testkit.trust.TrustProfiles;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.stream.Collectors;

/** The plain-HTTP dashboard: every scenario, its URL, what it sends and what each profile should do. */
final class IndexPage {

    private IndexPage() {
    }

    static String render(List<AtsEndpoint> endpoints) {
        List<TrustProfile> profiles = TrustProfiles.builtIn();
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
        profiles.forEach(p -> html.append("<th>").append(escape(p.id())).append("</th>"));
        html.append("</tr>\n");
        for (AtsEndpoint endpoint : endpoints) {
            html.append("<tr><td><a href=\"").append(endpoint.uri()).append("\">").append(escape(endpoint.id()))
                    .append("</a><br>").append(escape(endpoint.scenario().description())).append("</td><td>")
                    .append(endpoint.chain().certificates().stream().map(IndexPage::subject).map(IndexPage::escape)
                            .collect(Collectors.joining(" →<br>")))
                    .append("</td><td>").append(escape(String.join(", ", endpoint.scenario().requires()))).append("</td>");
            for (TrustProfile profile : profiles) {
                Expectation expectation = endpoint.expectationFor(profile);
                html.append("<td class=\"").append(expectation).append("\">").append(expectation).append("</td>");
            }
            html.append("</tr>\n");
        }
        return html.append("</table></body></html>\n").toString();
    }

    private static String subject(X509Certificate certificate) {
        String issuer = certificate.getIssuerX500Principal().equals(certificate.getSubjectX500Principal())
                ? " (self-signed)" : "";
        return certificate.getSubjectX500Principal().getName() + issuer;
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
