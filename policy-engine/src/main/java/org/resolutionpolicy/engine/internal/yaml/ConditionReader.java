package org.resolutionpolicy.engine.internal.yaml;

import org.resolutionpolicy.format.yaml.NodeReader;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.resolutionpolicy.model.Condition;
import org.resolutionpolicy.model.Exists;
import org.resolutionpolicy.model.Expression;
import org.resolutionpolicy.model.FactCatalog;
import org.resolutionpolicy.model.FactMatcher;
import org.resolutionpolicy.model.FactPath;
import org.resolutionpolicy.model.FactType;
import org.resolutionpolicy.model.ValueTest;
import org.resolutionpolicy.engine.internal.mvel.ExpressionContext;
import org.resolutionpolicy.engine.internal.mvel.ExpressionException;
import org.resolutionpolicy.engine.internal.mvel.SandboxedExpression;
import org.resolutionpolicy.model.source.Hints;
import org.resolutionpolicy.model.source.Place;
import org.resolutionpolicy.model.source.Problems;
import org.yaml.snakeyaml.DumperOptions.ScalarStyle;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Turns the {@code when:} of a rule into the model's condition tree: fact matchers with their value tests, presence
 * tests and expressions, checked against the policy's facts, scales and remedies, every problem recorded with its
 * place.
 *
 * <p>{@link PolicyReader} reads the rest of a rule; this class knows what a condition is. Not thread-safe: one
 * reader serves one load.
 */
final class ConditionReader {

    static final List<String> MATCHER_KEYS = List.of("atLeast", "atMost", "above", "below", "not", "exists");
    private static final List<String> COMPARISON_KEYS = MATCHER_KEYS.subList(0, 4);
    private static final Map<String, ValueTest.Op> COMPARISONS = Map.of("atLeast", ValueTest.Op.AT_LEAST,
            "atMost", ValueTest.Op.AT_MOST, "above", ValueTest.Op.ABOVE, "below", ValueTest.Op.BELOW);

    /**
     * A read {@code when} and what it tells about the rule.
     *
     * @param condition the condition tree, or null if a problem was recorded
     * @param perProposal true if it reads {@code remedy} or {@code amount}
     * @param amountThresholds the numbers it compares {@code amount} with, ascending
     */
    record When(Condition condition, boolean perProposal, List<BigDecimal> amountThresholds) {

        /** The {@code when} of a rule without one. */
        static final When ALWAYS = new When(Condition.ALWAYS, false, List.of());
    }

    private final Problems problems;
    private final FactCatalog catalog;
    private final ExpressionContext expressions;
    private final List<String> severities;
    private final List<String> roles;
    private final Set<String> remedies;
    /** When the ladder or the remedies could not be read, every name checked against them would be noise. */
    private final boolean rolesBroken;
    private final boolean remediesBroken;

    /** What one {@code when} tells so far. */
    private static final class Matching {
        boolean perProposal;
        final Set<BigDecimal> amountThresholds = new TreeSet<>();
    }

    /**
     * Creates a reader for the conditions of one policy.
     *
     * @param problems where problems go
     * @param catalog the facts conditions may test
     * @param expressions what expressions may refer to
     * @param severities the severity scale, lowest first
     * @param roles the ladder of roles, lowest first
     * @param remedies the remedy ids
     * @param rolesBroken true if the ladder could not be read, so unknown roles are not reported
     * @param remediesBroken true if the remedies could not be read, so unknown remedies are not reported
     */
    ConditionReader(Problems problems, FactCatalog catalog, ExpressionContext expressions, List<String> severities,
                    List<String> roles, Set<String> remedies, boolean rolesBroken, boolean remediesBroken) {
        this.problems = problems;
        this.catalog = catalog;
        this.expressions = expressions;
        this.severities = severities;
        this.roles = roles;
        this.remedies = remedies;
        this.rolesBroken = rolesBroken;
        this.remediesBroken = remediesBroken;
    }

    /** Returns what expressions may refer to, for readers of other expressions (amounts). */
    ExpressionContext expressions() {
        return expressions;
    }

    /**
     * Reads a {@code when}: an expression string, or a mapping of facts to matchers (and {@code expr} keys).
     *
     * @param r reads the source the node is from
     * @param node the value of {@code when}
     * @param name the rule as messages name it: {@code rule [late-refund]}
     * @return what was read; its condition is null if a problem was recorded
     */
    When read(NodeReader r, Node node, String name) {
        Matching m = new Matching();
        Condition condition;
        if (node instanceof ScalarNode scalar && !NodeReader.isNull(node)) {
            condition = expression(r, scalar, name, m);
        } else {
            condition = mapping(r, node, name, m);
        }
        return new When(condition, m.perProposal, List.copyOf(m.amountThresholds));
    }

    /** Reads one matcher on a fact (a decision table's cell), or records why it cannot be and returns null. */
    Condition matcher(NodeReader r, FactPath path, Node node, String name) {
        return matcher(r, path, node, name, new Matching());
    }

    /** Returns the facts conditions may test, which definitions and tables add to. */
    FactCatalog catalog() {
        return catalog;
    }

    private Condition mapping(NodeReader r, Node node, String name, Matching m) {
        Map<String, NodeReader.Entry> entries = r.mapping(node, "when of " + name);
        if (entries == null) {
            return null;
        }
        List<Condition> all = new ArrayList<>();
        boolean ok = true;
        for (NodeReader.Entry e : entries.values()) {
            Condition c = e.name().equals("expr") ? expr(r, e.value(), name, m) : fact(r, e, name, m);
            if (c == null) {
                ok = false;
            } else {
                all.add(c);
            }
        }
        return ok ? Condition.allOf(all) : null;
    }

    private Condition expr(NodeReader r, Node node, String name, Matching m) {
        if (!(node instanceof ScalarNode scalar) || NodeReader.isNull(node)) {
            r.error(node, "expr of " + name + " must be an expression string");
            return null;
        }
        return expression(r, scalar, name, m);
    }

    private Condition fact(NodeReader r, NodeReader.Entry e, String name, Matching m) {
        FactPath path = catalog.find(e.name());
        if (path == null) {
            String hint = Hints.didYouMean(e.name(), withExpr(catalog.names()));
            if (hint == null && e.name().startsWith("attributes.")) {
                hint = "declare it under attributes: in the policy";
            }
            r.error(e.key(), "unknown fact [" + e.name() + "] in when of " + name, hint);
            return null;
        }
        if (path.perProposal()) {
            m.perProposal = true;
        }
        return matcher(r, path, e.value(), name, m);
    }

    private static List<String> withExpr(List<String> names) {
        List<String> all = new ArrayList<>(names);
        all.add("expr");
        return all;
    }

    /** Compiles an expression, or records where it went wrong (the character, when the source shows it). */
    private Condition expression(NodeReader r, ScalarNode node, String name, Matching m) {
        String text = node.getValue();
        try {
            SandboxedExpression e = SandboxedExpression.compile(text, expressions);
            m.perProposal |= e.perProposal();
            m.amountThresholds.addAll(e.amountThresholds());
            return new Expression(text, e);
        } catch (ExpressionException e) {
            Place start = r.place(node);
            boolean quoted = node.getScalarStyle() == ScalarStyle.DOUBLE_QUOTED
                    || node.getScalarStyle() == ScalarStyle.SINGLE_QUOTED;
            boolean sameLine = node.getScalarStyle() == ScalarStyle.PLAIN && !text.contains("\n") || quoted;
            Place at = sameLine ? start.shifted(e.offset() + (quoted ? 1 : 0)) : start;
            problems.error(at, e.getMessage() + " in expression [" + abbreviate(text) + "] of " + name
                    + (sameLine ? "" : " (at character " + (e.offset() + 1) + ")"), e.hint());
            return null;
        }
    }

    private static String abbreviate(String text) {
        String oneLine = text.replaceAll("\\s+", " ").trim();
        return oneLine.length() > 80 ? oneLine.substring(0, 77) + "..." : oneLine;
    }

    // ---------------------------------------------------------------- matchers

    private Condition matcher(NodeReader r, FactPath path, Node node, String name, Matching m) {
        if (NodeReader.isNull(node)) {
            r.error(node, "[" + path.name() + "] needs a value in when of " + name, "to test absence write {exists: false}");
            return null;
        }
        if (node instanceof MappingNode) {
            return matcherMapping(r, path, node, name, m);
        }
        if (path.type() == FactType.HISTORY) {
            r.error(node, "[" + path.name() + "] can only be tested with {exists: true|false}", null);
            return null;
        }
        return matcher(path, valueTest(r, path, node, m, false));
    }

    /** A matcher written as a mapping: {@code exists}, {@code not}, or comparisons. */
    private Condition matcherMapping(NodeReader r, FactPath path, Node node, String name, Matching m) {
        Map<String, NodeReader.Entry> ops = r.mapping(node, "the matcher of [" + path.name() + "]");
        if (ops == null) {
            return null;
        }
        r.onlyKeys(ops, MATCHER_KEYS, "the matcher of [" + path.name() + "]");
        if (ops.containsKey("exists")) {
            if (ops.size() > 1) {
                r.error(node, "exists cannot be combined with other matchers of [" + path.name() + "]",
                        "write {exists: true} alone, then a comparison as a second condition with expr");
                return null;
            }
            Boolean wanted = r.bool(ops.get("exists").value(), "exists of [" + path.name() + "]");
            return wanted == null ? null : new Exists(path, wanted);
        }
        if (path.type() == FactType.HISTORY) {
            r.error(node, "[" + path.name() + "] can only be tested with {exists: true|false}",
                    "use an expr with history.count('remedy', 'P30D')");
            return null;
        }
        if (ops.containsKey("not")) {
            if (ops.size() > 1) {
                r.error(node, "not cannot be combined with other matchers of [" + path.name() + "]",
                        "put them inside it: {not: {atLeast: 3, below: 6}}");
                return null;
            }
            ValueTest test = valueTest(r, path, ops.get("not").value(), m, true);
            return test == null ? null : matcher(path, new ValueTest.Not(test));
        }
        return matcher(path, valueTest(r, path, node, m, false));
    }

    /** A matcher on an absent fact is false, whatever it tests (negations included). */
    private Condition matcher(FactPath path, ValueTest test) {
        if (test == null) {
            return null;
        }
        FactType type = path.type();
        Function<Object, String> display = value -> display(type, value);
        return new FactMatcher(path, test, display);
    }

    /** Shows a fact's value as the policy owner wrote it: severity and role names, plain numbers. */
    private String display(FactType type, Object value) {
        if (type == FactType.SEVERITY && value instanceof Integer rank) {
            return severities.get(rank);
        }
        if (type == FactType.ROLE && value instanceof Integer rank) {
            return roles.get(rank);
        }
        if (value instanceof BigDecimal n) {
            return n.toPlainString();
        }
        return String.valueOf(value);
    }

    private ValueTest valueTest(NodeReader r, FactPath path, Node node, Matching m, boolean inNot) {
        if (node instanceof SequenceNode list) {
            return oneOf(r, path, list, m);
        }
        if (node instanceof MappingNode) {
            return comparisons(r, path, node, m, inNot);
        }
        Object v = value(r, path, node, m);
        return v == null ? null : new ValueTest.Equals(v);
    }

    private ValueTest oneOf(NodeReader r, FactPath path, SequenceNode node, Matching m) {
        List<Node> items = node.getValue();
        if (items.isEmpty()) {
            r.error(node, "the list for [" + path.name() + "] is empty: nothing could match");
            return null;
        }
        Set<Object> values = new LinkedHashSet<>();
        boolean ok = true;
        for (Node item : items) {
            Object v = value(r, path, item, m);
            if (v == null) {
                ok = false;
            } else {
                values.add(v);
            }
        }
        return ok ? new ValueTest.OneOf(values) : null;
    }

    private ValueTest comparisons(NodeReader r, FactPath path, Node node, Matching m, boolean inNot) {
        Map<String, NodeReader.Entry> ops = r.mapping(node, "the matcher of [" + path.name() + "]");
        if (ops == null) {
            return null;
        }
        r.onlyKeys(ops, inNot ? COMPARISON_KEYS : MATCHER_KEYS, "the matcher of [" + path.name() + "]");
        if (ops.isEmpty()) {
            r.error(node, "the matcher of [" + path.name() + "] is empty");
            return null;
        }
        if (!path.type().isOrdered()) {
            r.error(node, "[" + path.name() + "] is a " + path.type().label()
                    + ": only a value, a list of values, not and exists apply, not comparisons", null);
            return null;
        }
        List<ValueTest> all = new ArrayList<>();
        boolean ok = true;
        for (NodeReader.Entry op : ops.values()) {
            Object bound = COMPARISON_KEYS.contains(op.name()) ? value(r, path, op.value(), m) : null;
            if (bound == null) {
                ok = false;
            } else {
                all.add(new ValueTest.Compare(COMPARISONS.get(op.name()), bound));
            }
        }
        if (!ok) {
            return null;
        }
        return all.size() == 1 ? all.get(0) : new ValueTest.AllOf(all);
    }

    // ---------------------------------------------------------------- values

    /** Converts a matcher value to the fact's representation, or records a problem and returns null. */
    private Object value(NodeReader r, FactPath path, Node node, Matching m) {
        if (!(node instanceof ScalarNode scalar) || NodeReader.isNull(node)) {
            r.error(node, "a value for [" + path.name() + "] must be a single " + path.type().label() + ", not "
                    + NodeReader.describe(node));
            return null;
        }
        return switch (path.type()) {
            case NUMBER -> number(r, path, node, m);
            case BOOLEAN -> r.bool(node, "a value for [" + path.name() + "]");
            case DATETIME -> r.instant(node, "a value for [" + path.name() + "]");
            case SEVERITY -> named(r, node, severities, "severity");
            case ROLE -> rolesBroken ? null : named(r, node, roles, "role");
            case REMEDY -> remedy(r, scalar);
            default -> scalar.getValue();
        };
    }

    private static BigDecimal number(NodeReader r, FactPath path, Node node, Matching m) {
        BigDecimal n = NodeReader.numberOrNull(node);
        if (n == null) {
            r.error(node, "[" + path.name() + "] is a number; " + NodeReader.describe(node) + " is not");
            return null;
        }
        if (path.name().equals("amount") || path.name().equals("total")) {
            m.amountThresholds.add(n);
        }
        return n;
    }

    private String remedy(NodeReader r, ScalarNode node) {
        String remedy = node.getValue();
        if (!remedies.contains(remedy)) {
            if (!remediesBroken) {
                r.error(node, "unknown remedy [" + remedy + "]", Hints.didYouMean(remedy, remedies));
            }
            return null;
        }
        return remedy;
    }

    private static Integer named(NodeReader r, Node node, List<String> scale, String kind) {
        String name = ((ScalarNode) node).getValue();
        int rank = scale.indexOf(name);
        if (rank < 0) {
            r.error(node, "unknown " + kind + " [" + name + "]", Hints.didYouMean(name, scale));
            return null;
        }
        return rank;
    }
}
