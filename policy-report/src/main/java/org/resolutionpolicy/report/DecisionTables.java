package org.resolutionpolicy.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.resolutionpolicy.model.Condition;
import org.resolutionpolicy.model.Derivation;
import org.resolutionpolicy.model.Exists;
import org.resolutionpolicy.model.Expression;
import org.resolutionpolicy.model.FactMatcher;
import org.resolutionpolicy.model.FactPath;
import org.resolutionpolicy.model.PolicyModel;

/**
 * Renders a policy's decision tables ({@code tables:}: rates, bands, timeframes) as HTML tables on its matrix page:
 * one row per row of the table, in the order the policy tries them, with the condition of its cells in words and
 * its value, so that a limit computed from a table can be read with the table beside it.
 */
final class DecisionTables {

    private DecisionTables() {
    }

    /** Returns the tables of a model, or nothing for a model without tables (or none known). */
    static Html of(PolicyModel model) {
        if (model == null || model.defined() == null) {
            return Html.empty();
        }
        List<Html> tables = new ArrayList<>();
        for (Map.Entry<String, FactPath> e : model.defined().entrySet()) {
            if (e.getValue().derivation() instanceof Derivation.Table table) {
                List<List<String>> rows = new ArrayList<>();
                int n = 1;
                for (Derivation.Row row : table.rows()) {
                    rows.add(List.of(Integer.toString(n++), words(row.condition()), row.value().text()));
                }
                tables.add(Html.tag("section").cls("decision-table").attr("data-table", e.getKey())
                        .add(Html.tag("h3").add(e.getKey()).html())
                        .add(Tables.table("table", List.of("row", "when", "value"), rows, 0)).html());
            }
        }
        if (tables.isEmpty()) {
            return Html.empty();
        }
        return Html.concat(Html.tag("h2").add("Tables (the first row that holds gives the value)").html(),
                Html.tag("div").cls("charts").addAll(tables).html());
    }

    /** Returns a row's condition in words, as the matrix words a rule's: {@code any} for a row of any. */
    static String words(Condition condition) {
        if (condition == Condition.ALWAYS) {
            return "any";
        }
        List<String> parts = new ArrayList<>();
        for (Condition c : condition.parts()) {
            if (c instanceof Exists x) {
                parts.add(x.path().name() + (x.present() ? " is present" : " is absent"));
            } else if (c instanceof Expression x) {
                parts.add(x.text());
            } else if (c instanceof FactMatcher m) {
                parts.add(m.path().name() + " " + m.wanted());
            } else {
                parts.add(c.toString());
            }
        }
        return String.join(" and ", parts);
    }
}
