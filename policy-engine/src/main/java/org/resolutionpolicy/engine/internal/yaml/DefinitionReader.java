package org.resolutionpolicy.engine.internal.yaml;

import org.resolutionpolicy.format.yaml.NodeReader;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.resolutionpolicy.model.ComputedAmount;
import org.resolutionpolicy.model.Condition;
import org.resolutionpolicy.model.Derivation;
import org.resolutionpolicy.model.FactCatalog;
import org.resolutionpolicy.model.FactPath;
import org.resolutionpolicy.model.FactType;
import org.resolutionpolicy.engine.internal.mvel.ExpressionException;
import org.resolutionpolicy.engine.internal.mvel.SandboxedExpression;
import org.resolutionpolicy.model.source.Hints;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Reads the named definitions ({@code definitions:}, referenced as {@code named.<name>}) and the decision tables
 * ({@code tables:}, referenced as {@code tables.<name>}) of a policy, and adds each as a fact that matchers,
 * expressions and amounts read like any other. A definition is a condition (a map of matchers or a true/false
 * expression) or a value (a number expression); a table is rows of matchers on its inputs, each with a value,
 * whose overlaps and gaps {@link TableCheck} reports at load as its hit policy asks. A definition may use those
 * above it. Not thread-safe: one reader serves one load.
 */
final class DefinitionReader {

    static final List<String> TABLE_KEYS = List.of("inputs", "rows", "hit", "complete");
    static final List<String> HITS = List.of("unique", "first");
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final String BOOLEAN_REFUSED = "a condition must be true or false";

    private final ConditionReader conditions;
    private final AmountReader amounts;
    private final FactCatalog catalog;

    DefinitionReader(ConditionReader conditions, AmountReader amounts) {
        this.conditions = conditions;
        this.amounts = amounts;
        this.catalog = conditions.catalog();
    }

    /** Reads {@code definitions:}, adding {@code named.<name>} facts. */
    void definitions(NodeReader r, Node node) {
        Map<String, NodeReader.Entry> entries = r.mapping(node, "definitions");
        if (entries == null) {
            return;
        }
        for (NodeReader.Entry e : entries.values()) {
            if (!name(r, e, "definition")) {
                continue;
            }
            String what = "definition [" + e.name() + "]";
            if (e.value() instanceof ScalarNode scalar && !NodeReader.isNull(scalar) && !isCondition(scalar.getValue())) {
                ComputedAmount value = amounts.expression(r, scalar, what, false);
                if (value != null) {
                    catalog.define("named." + e.name(), FactType.NUMBER, new Derivation.Computed(value), false);
                }
                continue;
            }
            ConditionReader.When when = conditions.read(r, e.value(), what);
            Condition condition = when.condition();
            if (condition != null) {
                catalog.define("named." + e.name(), FactType.BOOLEAN, new Derivation.Named(condition),
                        when.perProposal());
            }
        }
    }

    private boolean isCondition(String text) {
        try {
            SandboxedExpression.compile(text, conditions.expressions());
            return true;
        } catch (ExpressionException e) {
            return !e.getMessage().startsWith(BOOLEAN_REFUSED);
        }
    }

    private static boolean name(NodeReader r, NodeReader.Entry e, String kind) {
        if (!NAME.matcher(e.name()).matches()) {
            r.error(e.key(), kind + " name [" + e.name() + "] must be a plain identifier (letters, digits, '_')", null);
            return false;
        }
        return true;
    }

    /** Reads {@code tables:}, adding {@code tables.<name>} facts. */
    void tables(NodeReader r, Node node) {
        Map<String, NodeReader.Entry> entries = r.mapping(node, "tables");
        if (entries == null) {
            return;
        }
        for (NodeReader.Entry e : entries.values()) {
            if (name(r, e, "table")) {
                table(r, e.name(), e.value());
            }
        }
    }

    /** One row as read: a matcher per input (null for any), the cells as written, and the value. */
    record Row(Node node, Condition[] cells, Node[] written, ComputedAmount value) {
    }

    private void table(NodeReader r, String name, Node node) {
        String what = "table [" + name + "]";
        Map<String, NodeReader.Entry> spec = r.mapping(node, what);
        if (spec == null) {
            return;
        }
        r.onlyKeys(spec, TABLE_KEYS, what);
        boolean complete = r.require(spec, node, "inputs", what) & r.require(spec, node, "rows", what);
        if (!complete) {
            return;
        }
        List<FactPath> inputs = inputs(r, spec.get("inputs").value(), what);
        String hit = "unique";
        if (spec.containsKey("hit")) {
            hit = r.name(spec.get("hit").value(), "hit of " + what);
            if (hit != null && !HITS.contains(hit)) {
                r.error(spec.get("hit").value(), "hit of " + what + " must be unique or first, not [" + hit + "]",
                        Hints.didYouMean(hit, HITS));
                hit = null;
            }
        }
        Boolean mustBeComplete = spec.containsKey("complete") ? r.bool(spec.get("complete").value(), "complete of " + what)
                : Boolean.FALSE;
        List<Node> rowNodes = r.list(spec.get("rows").value(), "rows of " + what, false);
        if (inputs == null || rowNodes == null || hit == null || mustBeComplete == null) {
            return;
        }
        if (rowNodes.isEmpty()) {
            r.error(spec.get("rows").value(), "rows of " + what + " must not be empty", null);
            return;
        }
        List<Row> rows = new ArrayList<>();
        boolean ok = true;
        for (int i = 0; i < rowNodes.size(); i++) {
            Row row = row(r, inputs, rowNodes.get(i), what, i + 1);
            ok &= row != null;
            rows.add(row);
        }
        if (!ok) {
            return;
        }
        if (hit.equals("unique") || mustBeComplete) {
            new TableCheck(r, what, inputs, rows, hit.equals("unique"), mustBeComplete).run();
        }
        List<Derivation.Row> table = new ArrayList<>();
        for (Row row : rows) {
            List<Condition> cells = new ArrayList<>();
            for (Condition c : row.cells()) {
                if (c != null) {
                    cells.add(c);
                }
            }
            table.add(new Derivation.Row(Condition.allOf(cells), row.value()));
        }
        boolean perProposal = inputs.stream().anyMatch(FactPath::perProposal);
        catalog.define("tables." + name, FactType.NUMBER, new Derivation.Table(table), perProposal);
    }

    private List<FactPath> inputs(NodeReader r, Node node, String what) {
        List<Node> items = r.list(node, "inputs of " + what, true);
        if (items == null) {
            return null;
        }
        List<FactPath> inputs = new ArrayList<>();
        for (Node item : items) {
            String fact = r.name(item, "an input of " + what);
            FactPath path = fact == null ? null : catalog.find(fact);
            if (fact != null && path == null) {
                r.error(item, "unknown fact [" + fact + "] in the inputs of " + what, Hints.didYouMean(fact, catalog.names()));
            } else if (path != null && path.type() != FactType.NUMBER && path.type() != FactType.STRING
                    && path.type() != FactType.BOOLEAN) {
                r.error(item, "input [" + fact + "] of " + what + " is a " + path.type().label()
                        + "; a table's inputs are numbers, texts or true/false facts", "compare it in a definition instead");
                path = null;
            }
            if (path == null) {
                return null;
            }
            inputs.add(path);
        }
        if (inputs.isEmpty()) {
            r.error(node, "inputs of " + what + " must not be empty", null);
            return null;
        }
        return inputs;
    }

    private Row row(NodeReader r, List<FactPath> inputs, Node node, String what, int number) {
        String rowName = "row " + number + " of " + what;
        List<Node> cells = r.list(node, rowName, false);
        if (cells == null) {
            return null;
        }
        if (cells.size() != inputs.size() + 1) {
            r.error(node, rowName + " has [" + cells.size() + "] cells, but the table has [" + inputs.size()
                    + "] inputs and a value", "write a matcher per input, then the value, e.g. [{ atMost: 1500 }, 250]");
            return null;
        }
        Condition[] matchers = new Condition[inputs.size()];
        Node[] written = new Node[inputs.size()];
        boolean ok = true;
        for (int i = 0; i < inputs.size(); i++) {
            Node cell = cells.get(i);
            written[i] = cell;
            if (cell instanceof ScalarNode s && (s.getValue().equals("any") || s.getValue().equals("-"))) {
                continue;
            }
            matchers[i] = conditions.matcher(r, inputs.get(i), cell, rowName);
            ok &= matchers[i] != null;
        }
        AmountReader.Amount value = amounts.readValue(r, cells.get(inputs.size()), "the value of " + rowName);
        if (!ok || value == null) {
            return null;
        }
        ComputedAmount amount = value.computed() != null ? value.computed()
                : ComputedAmount.constant(value.constant().amount().orElse(BigDecimal.ZERO), null);
        return new Row(node, matchers, written, amount);
    }
}
