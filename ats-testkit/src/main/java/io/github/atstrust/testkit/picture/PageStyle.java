package io.github.atstrust.testkit.picture;

/**
 * The one style of the kit's pages and pictures: colours as variables with a dark scheme, a layout that fits a
 * phone, no font or script from anywhere else.
 */
final class PageStyle {

    private PageStyle() {
    }

    /** Colours; the dark scheme follows the reader's setting. */
    static final String VARIABLES = """
            :root,svg.ats-topology{--ink:#1b1f24;--paper:#ffffff;--muted:#59636e;--line:#8c959f;--node:#f6f8fa;\
            --anchor:#ffe8a3;--sent:#0969da;--bad:#cf222e;--accept:#2da44e;--declared:#0b5cad;--other:#d4a72c;\
            --verdict:#cf222e;--none:#8c959f}
            @media (prefers-color-scheme: dark){:root,svg.ats-topology{--ink:#e6edf3;--paper:#0d1117;--muted:#9198a1;\
            --line:#6e7681;--node:#161b22;--anchor:#6c5314;--sent:#4493f8;--bad:#da3633;--accept:#238636;\
            --declared:#58a6ff;--other:#d29922;--verdict:#f85149;--none:#6e7681}}
            """;

    /** The hierarchy drawings. */
    static final String TOPOLOGY = """
            svg.ats-topology{max-width:100%;height:auto;font:11px sans-serif;background:var(--paper)}
            .ats-topology text{fill:var(--ink)}.ats-topology .facts,.ats-topology .label{fill:var(--muted)}
            .ats-topology .node rect{fill:var(--node);stroke:var(--line);stroke-width:1}
            .ats-topology .edge path{fill:none;stroke:var(--line);stroke-width:1.3}
            .ats-topology .node.anchor rect{fill:var(--anchor)}
            .ats-topology .node.sent rect,.ats-topology .edge.sent path{stroke:var(--sent);stroke-width:3.5}
            .ats-topology .node.leads-to rect{stroke-width:3;stroke:var(--accept)}
            .ats-topology .node.unsent rect{stroke-dasharray:5 3;stroke:var(--sent);stroke-width:2}
            .ats-topology .node.defect rect,.ats-topology .edge.defect path{stroke:var(--bad);stroke-width:3.5}
            .ats-topology .mark{fill:var(--bad);font-weight:bold}
            svg.ats-timeline{max-width:100%;height:auto;font:11px sans-serif}.ats-timeline text{fill:var(--ink)}
            .ats-timeline .axis,.ats-timeline .tick,.ats-timeline .event line{stroke:var(--line)}.ats-timeline circle{fill:var(--ink)}
            .ats-timeline .as-of line{stroke:var(--sent);stroke-width:2}.ats-timeline .as-of text{fill:var(--sent);font-weight:bold}
            .ats-timeline .holds-until line{stroke:var(--bad);stroke-width:2;stroke-dasharray:4 3}
            .ats-timeline .holds-until text{fill:var(--bad);font-weight:bold}
            """;

    /** A kit page around the pictures. */
    static final String PAGE = """
            body{font-family:sans-serif;margin:1em;color:var(--ink);background:var(--paper);line-height:1.35}
            a{color:var(--sent)}code{font-size:90%}h1{font-size:1.5em}
            .picture{overflow-x:auto;max-width:100%}
            table{border-collapse:collapse}td,th{border:1px solid var(--line);padding:.25em .5em;vertical-align:top;font-size:85%}
            .table{overflow-x:auto;max-width:100%}
            .accept{background:var(--accept);color:#fff}.reject{background:var(--bad);color:#fff}
            tr.agrees td:first-child,td.agrees{box-shadow:inset 5px 0 var(--accept)}
            tr.disagrees td:first-child,td.disagrees{box-shadow:inset 5px 0 var(--bad)}
            .chips{display:flex;flex-wrap:wrap;gap:.3em;list-style:none;padding:0}
            .chips li{padding:.15em .45em;border-radius:.8em;font-size:80%}
            section.scenario{border-top:1px solid var(--line);padding-top:.5em;margin-top:1em}
            .drawn{display:flex;flex-wrap:wrap;gap:1em;align-items:flex-start}
            .drawn .picture{flex:1 1 30em;max-width:52em}.drawn .chips{flex:1 1 14em;flex-direction:column;align-items:flex-start}
            .legend span{display:inline-block;margin-right:1em;font-size:85%}
            @media (max-width:40em){.picture svg.ats-topology{max-width:none;width:44em}}
            .sides{display:grid;grid-template-columns:repeat(auto-fit,minmax(min(100%,28em),1fr));gap:1em}
            """;

    /** The heat map of a client matrix. */
    static final String HEAT_MAP = """
            .heatmap table{border-collapse:collapse}.heatmap td,.heatmap th{border:1px solid var(--paper);padding:0}
            .heatmap td.cell{width:.9em;height:.9em;min-width:.9em;cursor:pointer}
            .heatmap th.profile{writing-mode:vertical-rl;font-weight:normal;font-size:70%;padding:.2em 0}
            .heatmap th.client{font-size:75%}.heatmap th.scenario{text-align:right;font-weight:normal;font-size:75%;padding-right:.4em;white-space:nowrap}
            .heatmap .accepted{background:var(--accept)}.heatmap .refused-as-declared{background:var(--declared)}
            .heatmap .refused-for-another-reason{background:var(--other)}.heatmap .wrong-verdict{background:var(--verdict)}
            .heatmap .no-verdict{background:var(--none)}.heatmap .absent{background:transparent}
            .heatmap output{display:block;min-height:2.6em;font-size:85%;white-space:pre-wrap;margin:.4em 0}
            .heatmap .legend i{display:inline-block;width:.9em;height:.9em;margin-right:.3em;vertical-align:middle}
            """;

    /** The head of a kit page: offline, phone width, both colour schemes. */
    static String head(String title, String extraStyle) {
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<meta name=\"color-scheme\" content=\"light dark\"><meta name=\"generator\" content=\"" + GENERATOR + "\">"
                + "<title>" + CertificateFacts.escape(title) + "</title>\n<style>\n" + VARIABLES + TOPOLOGY + PAGE + extraStyle
                + "</style></head><body>\n";
    }

    /** Marks a page as the kit's own, so that writing it again over itself is safe and over anything else is refused. */
    static final String GENERATOR = "ATS Trust Kit";
}
