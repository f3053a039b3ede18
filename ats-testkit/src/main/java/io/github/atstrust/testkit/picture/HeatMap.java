package io.github.atstrust.testkit.picture;

import static io.github.atstrust.testkit.picture.CertificateFacts.escape;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** A client matrix as a grid: a row per scenario, a column per client and profile, each cell coloured by agreement. */
final class HeatMap {

    /** How a cell's outcome compares with the declared one, best first (a cell of several cases shows its worst). */
    enum Agreement {
        ACCEPTED("accepted, as declared"),
        REFUSED_AS_DECLARED("refused for the declared reason"),
        REFUSED_FOR_ANOTHER_REASON("refused for another reason"),
        WRONG_VERDICT("verdict against the declared one"),
        NO_VERDICT("no verdict");

        final String words;

        Agreement(String words) {
            this.words = words;
        }

        String css() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }

        static Agreement of(String declared, String said) {
            if (said.equals("accept")) {
                return declared.equals("accept") ? ACCEPTED : WRONG_VERDICT;
            }
            if (!said.startsWith("reject")) {
                return NO_VERDICT;
            }
            if (declared.equals("accept")) {
                return WRONG_VERDICT;
            }
            return said.equals(declared) ? REFUSED_AS_DECLARED : REFUSED_FOR_ANOTHER_REASON;
        }
    }

    private HeatMap() {
    }

    static String render(List<TrustPictures.MatrixCell> cells) {
        Map<String, TreeSet<String>> profilesByClient = new TreeMap<>();
        Map<String, Map<String, List<TrustPictures.MatrixCell>>> byScenario = new TreeMap<>();
        for (TrustPictures.MatrixCell cell : cells) {
            profilesByClient.computeIfAbsent(cell.client(), c -> new TreeSet<>()).add(cell.profile());
            byScenario.computeIfAbsent(cell.scenario(), s -> new LinkedHashMap<>())
                    .computeIfAbsent(cell.client() + "\u0000" + cell.profile(), k -> new ArrayList<>()).add(cell);
        }
        Map<Agreement, Integer> counts = new java.util.EnumMap<>(Agreement.class);
        StringBuilder html = new StringBuilder("<figure class=\"heatmap\"><div class=\"legend\">");
        StringBuilder grid = new StringBuilder("<div class=\"table\"><table><tr><th></th>");
        profilesByClient.forEach((client, profiles) -> grid.append("<th class=\"client\" colspan=\"").append(profiles.size())
                .append("\">").append(escape(client)).append("</th>"));
        grid.append("</tr>\n<tr><th class=\"scenario\">scenario</th>");
        profilesByClient.forEach((client, profiles) -> profiles.forEach(p -> grid.append("<th class=\"profile\">")
                .append(escape(p)).append("</th>")));
        grid.append("</tr>\n");
        for (Map.Entry<String, Map<String, List<TrustPictures.MatrixCell>>> row : byScenario.entrySet()) {
            grid.append("<tr><th class=\"scenario\">").append(escape(row.getKey())).append("</th>");
            profilesByClient.forEach((client, profiles) -> profiles.forEach(profile -> {
                List<TrustPictures.MatrixCell> same = row.getValue().get(client + "\u0000" + profile);
                if (same == null) {
                    grid.append("<td class=\"absent\"></td>");
                    return;
                }
                Agreement agreement = Agreement.ACCEPTED;
                List<String> titles = new ArrayList<>();
                for (TrustPictures.MatrixCell cell : same) {
                    Agreement each = Agreement.of(cell.declared(), cell.said());
                    counts.merge(each, 1, Integer::sum);
                    agreement = each.ordinal() > agreement.ordinal() ? each : agreement;
                    titles.add(title(cell, each));
                }
                grid.append("<td class=\"cell ").append(agreement.css()).append("\" tabindex=\"0\" data-agreement=\"")
                        .append(agreement.css()).append("\" title=\"").append(escape(String.join("\n\n", titles)))
                        .append("\"></td>");
            }));
            grid.append("</tr>\n");
        }
        for (Agreement agreement : Agreement.values()) {
            html.append("<span><i class=\"").append(agreement.css()).append("\"></i>").append(agreement.words).append(": ")
                    .append(counts.getOrDefault(agreement, 0)).append("</span>");
        }
        html.append("</div>\n").append(grid).append("</table></div>\n<output aria-live=\"polite\">Point at or tap a cell "
                + "for what the client said.</output>\n<script>document.currentScript.closest('figure').addEventListener("
                + "'click',e=>{const c=e.target.closest('td.cell');if(c){c.closest('figure').querySelector('output')"
                + ".textContent=c.title;}});</script></figure>\n");
        return html.toString();
    }

    private static String title(TrustPictures.MatrixCell cell, Agreement agreement) {
        List<String> parts = new ArrayList<>(List.of(cell.client() + ", " + cell.scenario() + " under " + cell.profile(),
                "declared: " + cell.declared(), "said: " + cell.said() + " (" + agreement.words + ")"));
        if (!cell.words().isBlank()) {
            String words = cell.words().strip();
            parts.add("words: " + (words.length() > 400 ? words.substring(0, 400) + "…" : words));
        }
        return String.join("\n", parts);
    }
}
