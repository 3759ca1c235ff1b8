package org.resolutionpolicy.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.resolutionpolicy.api.AuthorityTable;
import org.resolutionpolicy.api.Beyond;
import org.resolutionpolicy.api.Limit;

/** Renders one remedy of a matrix page: the role by severity grid with its notes, then the rules about it. */
final class RemedySection {

    private final AuthorityMatrix matrix;
    private final AuthorityTable.Remedy remedy;
    /** The largest bounded amount of any cell, for the cells' shading; 0 when none has one. */
    private final double top;

    /** What the section's ids start with: empty on a page of one version, {@code v2-} for the second of several. */
    private final String prefix;

    /** The typical case a computed limit is shown for, or null when none was given. */
    private final MatrixPage.Typical typical;

    RemedySection(AuthorityMatrix matrix, AuthorityTable.Remedy remedy) {
        this(matrix, remedy, "", null);
    }

    RemedySection(AuthorityMatrix matrix, AuthorityTable.Remedy remedy, String prefix, MatrixPage.Typical typical) {
        this.prefix = prefix;
        this.typical = typical;
        this.matrix = matrix;
        this.remedy = remedy;
        double max = 0;
        for (AuthorityTable.Role role : remedy.roles()) {
            for (String severity : matrix.authority().severities()) {
                for (String key : matrix.combinations()) {
                    AuthorityMatrix.Cell cell = matrix.cellAt(remedy.remedy(), role.role(), severity, key);
                    if (cell != null) {
                        max = Math.max(max, cell.aloneUpTo().amount().map(BigDecimal::doubleValue).orElse(0.0));
                    }
                }
            }
        }
        this.top = max;
    }

    Html html() {
        String name = remedy.remedy();
        Tag head = Html.tag("tr").add(Html.tag("th").add("role").html());
        for (String severity : matrix.authority().severities()) {
            head.add(Html.tag("th").add(severity).html());
        }
        head.add(Html.tag("th").add("per customer").html()).add(Html.tag("th").add("raised by").html());
        Tag body = Html.tag("tbody");
        for (AuthorityTable.Role role : remedy.roles()) {
            Tag row = Html.tag("tr").add(Html.tag("th").add(role.role()).html());
            for (String severity : matrix.authority().severities()) {
                row.add(cell(role.role(), severity));
            }
            row.add(Html.tag("td").cls("notes").add(window(role)).html());
            row.add(Html.tag("td").cls("notes").add(grants(role)).html());
            body.add(row.html());
        }
        Html grid = Html.tag("table").cls("grid").attr("data-remedy", name)
                .add(Html.tag("thead").add(head.html()).html()).add(body.html()).html();
        return Html.tag("section").cls("remedy").attr("id", prefix + "remedy-" + name).attr("data-remedy", name)
                .add(Html.tag("h2").add(name).add(Html.tag("span").cls("unit")
                        .add(remedy.unit().name().toLowerCase(Locale.ROOT)).html()).html())
                .add(grid)
                .add(RuleLists.about(matrix.authority(), name, prefix))
                .html();
    }

    /**
     * Returns one grid cell: one alternative per value it takes, each with the keys of the filter combinations that
     * give it ({@code data-when}), the plain case's shown first and the others hidden.
     */
    private Html cell(String role, String severity) {
        AuthorityTable.Role entry = remedy.role(role);
        String computed = entry == null || entry.computed() == null ? null : entry.perGrantText();
        Tag td = Html.tag("td").cls("cell").attr("data-cell", remedy.remedy() + "|" + role + "|" + severity);
        Map<AuthorityMatrix.Cell, List<String>> byValue = new LinkedHashMap<>();
        for (String key : matrix.combinations()) {
            AuthorityMatrix.Cell cell = matrix.cellAt(remedy.remedy(), role, severity, key);
            if (cell != null) {
                byValue.computeIfAbsent(cell, c -> new ArrayList<>()).add(key);
            }
        }
        boolean first = true;
        for (Map.Entry<AuthorityMatrix.Cell, List<String>> e : byValue.entrySet()) {
            AuthorityMatrix.Cell cell = e.getKey();
            Limit alone = cell.aloneUpTo();
            double fraction = alone.isUnlimited() ? 1 : top == 0 ? 0
                    : alone.amount().orElseThrow().doubleValue() / top;
            Tag alt = Html.tag("span").cls("alt").attr("data-when", String.join(" ", e.getValue()))
                    .attr("data-value", cell.toString())
                    .attr("style", "background:" + Charts.heatColor(fraction * 0.45))
                    .flag("hidden", !first)
                    .flag("data-computed", computed != null);
            first = false;
            if (computed != null) {
                alt.add(Html.tag("span").cls("value").add("per case: " + computed).html())
                        .add(Html.tag("span").cls("beyond").add(typical(role, severity, cell)).html());
            } else {
                alt.add(Html.tag("span").cls("value").add(MatrixPage.shown(alone, remedy.unit())).html());
                if (cell.beyond().kind() != Beyond.Kind.NOTHING) {
                    alt.add(Html.tag("span").cls("beyond").add("beyond: " + cell.beyond()).html());
                }
            }
            td.add(alt.html());
        }
        // a combination the matrix did not decide (more than it decides together): said, never guessed
        td.add(Html.tag("span").cls("alt none").attr("data-when", "").attr("data-value", "").flag("hidden", true)
                .add(Html.tag("span").cls("beyond").add("not decided for so many filters together: choose fewer")
                        .html()).html());
        return td.html();
    }

    /**
     * Returns what a cell of a computed limit says under its formula: its value for the typical case when one was
     * given and can be decided, else that no typical value can be stated (never the plain case's 0 as if it were one).
     */
    private String typical(String role, String severity, AuthorityMatrix.Cell plain) {
        String without = "a case without those facts: " + MatrixPage.shown(plain.aloneUpTo(), remedy.unit())
                + (plain.beyond().kind() == Beyond.Kind.NOTHING ? "" : "; beyond: " + plain.beyond());
        if (typical == null) {
            return "no typical value stated (no typical case given); " + without;
        }
        String missing = missing(typical.value(), remedy.role(role) == null ? "" : remedy.role(role).perGrantText());
        if (missing != null) {
            return "no typical value: the typical case (" + typical.name() + ") does not give " + missing + "; "
                    + without;
        }
        AuthorityMatrix.Cell cell;
        try {
            cell = matrix.typical(typical.value(), remedy.remedy(), role, severity);
        } catch (RuntimeException e) {
            return "no typical value: the typical case (" + typical.name() + ") cannot be decided: " + e.getMessage();
        }
        if (cell == null) {
            return "no typical value: the typical case (" + typical.name() + ") has no latitude for " + remedy.remedy();
        }
        return "typical case (" + typical.name() + "): " + MatrixPage.shown(cell.aloneUpTo(), remedy.unit())
                + (cell.beyond().kind() == Beyond.Kind.NOTHING ? "" : "; beyond: " + cell.beyond());
    }

    /** Returns the first fact of the case model a formula reads that the case does not give, or null. */
    static String missing(org.resolutionpolicy.api.CustomerCase c, String formula) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\b(attributes|customer|impact)\\.([A-Za-z0-9_]+)")
                .matcher(formula);
        while (m.find()) {
            String name = m.group(2);
            boolean given = switch (m.group(1)) {
                case "attributes" -> c.attributes().containsKey(name);
                case "customer" -> !name.equals("lifetimeValue") || c.customer() != null
                        && c.customer().lifetimeValue() != null;
                default -> c.impact() != null && switch (name) {
                    case "outOfPocket" -> c.impact().outOfPocket() != null;
                    case "affectedCustomers" -> c.impact().affectedCustomers() != null;
                    case "socialReach" -> c.impact().socialReach() != null;
                    default -> true;
                };
            };
            if (!given) {
                return m.group();
            }
        }
        return null;
    }

    private static Html window(AuthorityTable.Role role) {
        if (role.window() == null) {
            return Html.empty();
        }
        return Html.text(role.window().text() + (role.limitFrom() == null ? "" : " (" + role.limitFrom() + ")"));
    }

    private static Html grants(AuthorityTable.Role role) {
        if (role.grants().isEmpty() && role.computed() == null) {
            return Html.empty();
        }
        Tag ul = Html.tag("ul");
        if (role.computed() != null) {
            // the grid shows the constant bound; the case's facts may allow more
            ul.add(Html.tag("li").attr("data-computed", role.role())
                    .add(Html.tag("b").add("up to " + role.perGrantText()).html()).add(" per grant, from the case")
                    .html());
        }
        for (AuthorityTable.Grant g : role.grants()) {
            ul.add(Html.tag("li").attr("data-grant", g.rule())
                    .add(Html.tag("b").add("up to " + g.upToText()).html())
                    .add(" by " + g.rule() + (g.role().equals(role.role()) ? "" : " (for " + g.role() + ")")
                            + " when " + g.condition())
                    .html());
        }
        return ul.html();
    }
}
