package io.github.atstrust.testkit.picture;

import static io.github.atstrust.testkit.picture.CertificateFacts.escape;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The end dates that matter on one axis, with the day judged and the day the verdict holds until. */
final class Timeline {

    private static final int WIDTH = 760;
    private static final int AXIS = 112;
    private static final int LEFT = 20;
    private static final int RIGHT = 20;

    private Timeline() {
    }

    static String render(Map<LocalDate, List<String>> events, LocalDate asOf, Optional<LocalDate> holdsUntil) {
        LocalDate last = events.keySet().stream().max(LocalDate::compareTo).orElse(asOf);
        LocalDate from = LocalDate.of(Math.min(asOf.getYear(), events.keySet().stream().min(LocalDate::compareTo)
                .orElse(asOf).getYear() - 2), 1, 1);
        LocalDate to = LocalDate.of(Math.max(last.getYear(), asOf.getYear()) + 1, 1, 1);
        double days = ChronoUnit.DAYS.between(from, to);
        StringBuilder svg = new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"ats-timeline\" role=\"img\" ")
                .append("viewBox=\"0 0 ").append(WIDTH).append(" 150\" width=\"").append(WIDTH).append("\" height=\"150\" ")
                .append("aria-label=\"End dates of the real ATS certificates\"><title>End dates of the real ATS certificates")
                .append("</title>\n<line class=\"axis\" x1=\"").append(LEFT).append("\" y1=\"").append(AXIS).append("\" x2=\"")
                .append(WIDTH - RIGHT).append("\" y2=\"").append(AXIS).append("\"/>\n");
        for (int year = from.getYear(); year <= to.getYear(); year += 2) {
            double x = x(LocalDate.of(year, 1, 1), from, days);
            svg.append("<line class=\"tick\" x1=\"").append(f(x)).append("\" y1=\"").append(AXIS).append("\" x2=\"").append(f(x))
                    .append("\" y2=\"").append(AXIS + 5).append("\"/><text class=\"year\" x=\"").append(f(x)).append("\" y=\"")
                    .append(AXIS + 17).append("\" text-anchor=\"middle\">").append(year).append("</text>\n");
        }
        int row = 0;
        for (Map.Entry<LocalDate, List<String>> event : events.entrySet()) {
            double x = x(event.getKey(), from, days);
            int y = 16 + (row++ % 6) * 16;
            String words = event.getKey() + ": " + String.join("; ", event.getValue());
            svg.append("<g class=\"event\" data-day=\"").append(event.getKey()).append("\"><title>").append(escape(words))
                    .append("</title><line x1=\"").append(f(x)).append("\" y1=\"").append(y + 4).append("\" x2=\"").append(f(x))
                    .append("\" y2=\"").append(AXIS).append("\"/><circle cx=\"").append(f(x)).append("\" cy=\"").append(AXIS)
                    .append("\" r=\"4\"/><text x=\"").append(f(x)).append("\" y=\"").append(y).append("\" text-anchor=\"")
                    .append(x > WIDTH * 0.7 ? "end" : x < WIDTH * 0.3 ? "start" : "middle").append("\">").append(escape(words))
                    .append("</text></g>\n");
        }
        marker(svg, "as-of", "judged on " + asOf, asOf, from, days, 140);
        holdsUntil.ifPresent(day -> marker(svg, "holds-until", "this verdict holds until " + day, day, from, days, 148));
        return svg.append("</svg>").toString();
    }

    private static void marker(StringBuilder svg, String kind, String words, LocalDate day, LocalDate from, double days, int y) {
        double x = x(day, from, days);
        svg.append("<g class=\"").append(kind).append("\" data-day=\"").append(day).append("\"><title>").append(escape(words))
                .append("</title><line x1=\"").append(f(x)).append("\" y1=\"6\" x2=\"").append(f(x)).append("\" y2=\"").append(y - 10)
                .append("\"/><text x=\"").append(f(x)).append("\" y=\"").append(y).append("\" text-anchor=\"")
                .append(x > WIDTH * 0.7 ? "end" : "start").append("\">").append(escape(words)).append("</text></g>\n");
    }

    private static double x(LocalDate day, LocalDate from, double days) {
        return LEFT + (WIDTH - LEFT - RIGHT) * ChronoUnit.DAYS.between(from, day) / days;
    }

    private static String f(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
