package org.resolutionpolicy.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.resolutionpolicy.replay.BadLine;
import org.resolutionpolicy.replay.CaseRef;

/** Builds the plain tables and figures the replay and diff pages share; every value enters as escaped text. */
final class Tables {

    private Tables() {
    }

    /** Returns a table; the columns whose index is in {@code numeric} are right-aligned. */
    static Html table(String cls, List<String> header, List<List<String>> rows, int... numeric) {
        Tag head = Html.tag("tr");
        for (int c = 0; c < header.size(); c++) {
            head.add(cell("th", isNumeric(c, numeric)).add(header.get(c)).html());
        }
        Tag body = Html.tag("tbody");
        for (List<String> row : rows) {
            Tag tr = Html.tag("tr");
            for (int c = 0; c < row.size(); c++) {
                tr.add(cell("td", isNumeric(c, numeric)).add(row.get(c)).html());
            }
            body.add(tr.html());
        }
        return Html.tag("table").cls(cls).add(Html.tag("thead").add(head.html()).html()).add(body.html()).html();
    }

    private static Tag cell(String name, boolean numeric) {
        Tag cell = Html.tag(name);
        return numeric ? cell.cls("num") : cell;
    }

    private static boolean isNumeric(int column, int[] numeric) {
        for (int n : numeric) {
            if (n == column) {
                return true;
            }
        }
        return false;
    }

    /** Returns a section heading. */
    static Html h2(String title) {
        return Html.tag("h2").add(title).html();
    }

    /** Returns a muted line for a section with nothing in it. */
    static Html none() {
        return Html.tag("p").cls("muted").add("(none)").html();
    }

    /** Returns a chart in a figure with its caption. */
    static Html figure(String caption, Html chart) {
        return Html.tag("figure").cls("chart").add(Html.tag("figcaption").add(caption).html()).add(chart).html();
    }

    /** Returns counts per key as a two-column table, most first as given, or (none). */
    static Html counts(String cls, String key, String count, Map<String, Long> counts) {
        if (counts.isEmpty()) {
            return none();
        }
        return table(cls, List.of(key, count), counts.entrySet().stream()
                .map(e -> List.of(e.getKey(), Long.toString(e.getValue()))).toList(), 1);
    }

    /** Returns the skipped bad lines, or nothing when none was skipped. */
    static Html badLines(long skipped, List<BadLine> lines) {
        if (skipped == 0) {
            return Html.empty();
        }
        Tag list = Html.tag("ul").cls("bad-lines");
        alike(lines).forEach(b -> list.add(Html.tag("li").add(b).html()));
        return Html.concat(h2("Bad lines skipped"), Html.tag("p").add(skipped + (skipped == 1 ? " bad line" : " bad lines")
                + (lines.size() < skipped ? " (the first " + lines.size() + " below)" : "")).html(), list.html());
    }

    /**
     * Returns the bad lines as a report lists them, lines of one message together, so that a mistake made on every
     * line is said once with its lines counted: {@code lines 2-101 (100 lines): invalid case ...}, in the order of
     * each message's first line, which is the one shown. Messages that differ only in naming their own line
     * ({@code history.jsonl:32:7: error: invalid JSON ...}) are alike. A message is at most
     * {@value BadLine#MAX_MESSAGE_CHARS} characters.
     */
    static List<String> alike(List<BadLine> lines) {
        Map<String, List<BadLine>> byMessage = new LinkedHashMap<>();
        lines.forEach(b -> byMessage.computeIfAbsent(b.message().replace(":" + b.line() + ":", ":\0:"),
                m -> new ArrayList<>()).add(b));
        return byMessage.values().stream()
                .map(same -> places(same.stream().map(BadLine::line).toList()) + ": " + same.get(0).message()).toList();
    }

    /** Returns {@code line 5}, or {@code lines 2-5, 9, 12-40 (33 lines)}, naming five runs of lines at most. */
    private static String places(List<Long> lines) {
        if (lines.size() == 1) {
            return "line " + lines.get(0);
        }
        List<String> runs = new ArrayList<>();
        for (int i = 0; i < lines.size(); ) {
            int j = i;
            while (j + 1 < lines.size() && lines.get(j + 1) == lines.get(j) + 1) {
                j++;
            }
            runs.add(i == j ? Long.toString(lines.get(i)) : lines.get(i) + "-" + lines.get(j));
            i = j + 1;
        }
        String named = runs.size() <= 5 ? String.join(", ", runs)
                : String.join(", ", runs.subList(0, 5)) + " and " + (runs.size() - 5) + " more";
        return "lines " + named + " (" + lines.size() + " lines)";
    }

    /** Returns an amount without needless zeros: 12, 12.5. */
    static String amount(BigDecimal amount) {
        BigDecimal stripped = amount.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }

    /**
     * Returns an amount with its currency, {@code 45.5 EUR}, so that no amount on a page stands without one; an amount
     * alone for a report whose amounts name no currency.
     */
    static String money(BigDecimal amount, String currency) {
        return currency == null ? amount(amount) : amount(amount) + " " + currency;
    }

    /**
     * Returns {@code " (EUR)"} for a report's currency, to follow the title of what shows its amounts; nothing for a
     * report whose amounts name no currency.
     */
    static String in(String currency) {
        return currency == null ? "" : " (" + currency + ")";
    }

    /** Returns sample cases as a comma-separated list. */
    static String samples(List<CaseRef> samples) {
        return samples.stream().map(CaseRef::toString).collect(Collectors.joining(", "));
    }
}
