package org.resolutionpolicy.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Writes one self-contained HTML page in the style every report shares: no external scripts, fonts, styles or
 * images; the style sheet, the charts ({@link Charts}) and at most one script are inline. A page reads well printed
 * and without its script: scripts only add filters.
 *
 * <p>Immutable; build one with {@link #builder(String)}.
 *
 * <pre>{@code
 * HtmlPage page = HtmlPage.builder("Authority matrix: coffee-shop")
 *         .subtitle("version 2026.11")
 *         .add(Html.tag("p").add("Who may grant what, at a glance.").html())
 *         .build();
 * page.write(Path.of("matrix.html"));
 * }</pre>
 */
public final class HtmlPage {

    /** The page style, shared by every report; classes in it are the kit's vocabulary (see {@code docs/matrix.md}). */
    static final String STYLE = String.join("\n",
            ":root{--ink:#1f2933;--muted:#616e7c;--line:#d9e2ec;--paper:#fff;--band:#f5f7fa;--accent:#2f6fb3;"
                    + "--alone:#2e7d32;--escalate:#f0a202;--swat:#6a3d9a;--deny:#c62828}",
            "*{box-sizing:border-box}",
            "body{margin:0;font:14px/1.45 system-ui,-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;"
                    + "color:var(--ink);background:var(--paper)}",
            "header.page{padding:20px 28px 12px;border-bottom:3px solid var(--accent);background:var(--band)}",
            "header.page h1{margin:0;font-size:22px}",
            "header.page .subtitle{color:var(--muted);margin-top:2px}",
            "main{padding:8px 28px 32px;max-width:1280px}",
            "h2{font-size:18px;margin:28px 0 8px;border-bottom:1px solid var(--line);padding-bottom:4px}",
            "h3{font-size:15px;margin:18px 0 6px}",
            ".muted{color:var(--muted)}",
            ".unit{font-size:12px;font-weight:normal;color:var(--muted);margin-left:6px}",
            "table{border-collapse:collapse;margin:6px 0 10px}",
            "th,td{border:1px solid var(--line);padding:5px 8px;text-align:left;vertical-align:top}",
            "thead th{background:var(--band);font-weight:600}",
            "td.num,th.num{text-align:right}",
            ".grid td.cell{min-width:110px}",
            ".grid .value{font-weight:600;font-size:15px}",
            ".grid .beyond{display:block;font-size:12px;color:var(--muted)}",
            ".alt{display:block;padding:3px 6px;border-radius:4px}",
            ".alt[hidden]{display:none}",
            ".notes{font-size:12px;color:var(--muted);max-width:360px}",
            ".notes ul{margin:0;padding-left:16px}",
            ".tag{display:inline-block;font-size:11px;font-weight:600;padding:1px 6px;border-radius:9px;color:#fff}",
            ".tag.deny{background:var(--deny)}.tag.swat{background:var(--swat)}.tag.require{background:var(--escalate)}"
                    + ".tag.grant{background:var(--alone)}.tag.none{background:var(--muted)}"
                    + ".tag.unknown{background:var(--muted)}",
            ".filters{display:flex;gap:18px;align-items:center;padding:10px 0;flex-wrap:wrap}",
            ".filters label{font-weight:600}",
            "select{font:inherit;padding:2px 4px}",
            ".charts{display:flex;flex-wrap:wrap;gap:12px 36px;align-items:flex-start}",
            ".chart{margin:8px 0 16px}",
            "figure.chart figcaption{font-weight:600;margin-bottom:6px}",
            ".chart text{font-size:11px}",
            ".ladder{font-weight:600}",
            "footer{color:var(--muted);font-size:12px;padding:12px 28px;border-top:1px solid var(--line)}",
            // charts shrink to the width there is: a 1,280 px screen or an A4 page never scrolls sideways
            "svg.chart{max-width:100%;height:auto}",
            "figure.chart{max-width:100%}",
            "td{overflow-wrap:anywhere}",
            ".changed-cell{background:#fde3c8;box-shadow:inset 0 0 0 2px var(--deny)}",
            ".was{color:var(--muted);text-decoration:line-through;display:block;font-size:12px}",
            "td.cell>.value{display:block;font-weight:600}",
            ".version{border-left:4px solid var(--accent);padding-left:12px;margin:18px 0}",
            ".side-by-side{display:flex;flex-wrap:wrap;gap:12px 28px}",
            ".side-by-side>section{flex:1 1 560px;min-width:0}",
            // an A4 page or a narrow window: cells as narrow as their words, margins small
            "@media (max-width:820px){main{padding:8px 10px 24px}header.page{padding:12px 10px}"
                    + ".grid td.cell{min-width:0}.notes{max-width:180px}.version{padding-left:6px}"
                    + "th,td{padding:4px 5px}}",
            "@media print{@page{size:A4;margin:12mm}.filters{display:none}main{max-width:none;padding:0}"
                    + "header.page{padding:8px 0}body{font-size:11px}h2,h3{break-after:avoid}"
                    + "figure,tr,.version{break-inside:avoid}}");

    private final String title;
    private final String html;

    private HtmlPage(String title, String html) {
        this.title = title;
        this.html = html;
    }

    /**
     * Starts a page.
     *
     * @param title the page title, shown as its heading (text, escaped)
     * @throws NullPointerException if title is null
     */
    public static Builder builder(String title) {
        return new Builder(Objects.requireNonNull(title, "title must not be null"));
    }

    /** Returns the title. */
    public String title() {
        return title;
    }

    /** Returns the whole page, {@code <!DOCTYPE html>} first. */
    public String html() {
        return html;
    }

    /**
     * Writes the page as UTF-8, creating the parent directories.
     *
     * @throws UncheckedIOException if the file cannot be written
     */
    public void write(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, html, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write [" + file + "]: " + e.getMessage(), e);
        }
    }

    /**
     * Returns the page's Content-Security-Policy: nothing loads from elsewhere, styles are inline, and scripts run only
     * if they are the page's own: none at all on a page without one (a replay or diff page), and on a page with one
     * only that script, by the SHA-256 of its text, so that markup that slipped through could never run a script even
     * inline.
     *
     * @param script the exact text of the page's script element, or null for a page without one
     */
    static String contentSecurityPolicy(String script) {
        String scripts = "'none'";
        if (script != null) {
            try {
                byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                        .digest(script.getBytes(StandardCharsets.UTF_8));
                scripts = "'sha256-" + java.util.Base64.getEncoder().encodeToString(digest) + "'";
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException("every JVM has SHA-256", e);
            }
        }
        return "default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src " + scripts
                + "; base-uri 'none'; form-action 'none'";
    }

    /** Collects a page's parts; not thread-safe. */
    public static final class Builder {

        private final String title;
        private String subtitle;
        private String footer;
        private final List<Html> body = new ArrayList<>();
        private String script;

        private Builder(String title) {
            this.title = title;
        }

        /** Sets the line under the title (text, escaped). */
        public Builder subtitle(String subtitle) {
            this.subtitle = subtitle;
            return this;
        }

        /** Sets the footer line (text, escaped). */
        public Builder footer(String footer) {
            this.footer = footer;
            return this;
        }

        /** Adds content to the page's main part, in order. */
        public Builder add(Html content) {
            body.add(Objects.requireNonNull(content, "content must not be null"));
            return this;
        }

        /**
         * Sets the page's inline script: code of the report itself, never data. Data reaches it through escaped
         * {@code data-} attributes.
         *
         * @throws IllegalArgumentException if the code contains {@code </script}, which would end it early
         */
        public Builder script(String javascript) {
            if (javascript.toLowerCase(Locale.ROOT).contains("</script")) {
                throw new IllegalArgumentException("a script must not contain [</script]");
            }
            this.script = javascript;
            return this;
        }

        /** Returns the page. */
        public HtmlPage build() {
            StringBuilder b = new StringBuilder(4096);
            b.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                    .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                    // nothing may load from elsewhere, even if markup slipped through: the page is self-contained
                    .append("<meta http-equiv=\"Content-Security-Policy\" content=\"")
                    .append(contentSecurityPolicy(script == null ? null : "\n" + script + "\n")).append("\">\n")
                    .append("<title>").append(Html.escape(title)).append("</title>\n")
                    .append("<style>\n").append(STYLE).append("\n</style>\n</head>\n<body>\n")
                    .append("<header class=\"page\"><h1>").append(Html.escape(title)).append("</h1>");
            if (subtitle != null) {
                b.append("<div class=\"subtitle\">").append(Html.escape(subtitle)).append("</div>");
            }
            b.append("</header>\n<main>\n");
            body.forEach(h -> b.append(h.markup()).append('\n'));
            b.append("</main>\n");
            if (footer != null) {
                b.append("<footer>").append(Html.escape(footer)).append("</footer>\n");
            }
            if (script != null) {
                // the text between the tags is exactly the one the policy's hash is of
                b.append("<script>").append("\n" + script + "\n").append("</script>\n");
            }
            b.append("</body>\n</html>\n");
            return new HtmlPage(title, b.toString());
        }
    }
}
