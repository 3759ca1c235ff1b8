package org.resolutionpolicy.engine.internal.yaml;

import org.resolutionpolicy.format.yaml.NodeReader;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.resolutionpolicy.api.Limit;
import org.resolutionpolicy.model.ComputedAmount;
import org.resolutionpolicy.engine.internal.mvel.ExpressionContext;
import org.resolutionpolicy.engine.internal.mvel.ExpressionException;
import org.resolutionpolicy.engine.internal.mvel.SandboxedAmount;
import org.resolutionpolicy.model.source.Place;
import org.resolutionpolicy.model.source.Problems;
import org.resolutionpolicy.model.value.Rounding;
import org.yaml.snakeyaml.DumperOptions.ScalarStyle;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Reads an amount wherever the format takes one (a grant's {@code upTo}, an authority limit, {@code entitled}): a
 * number, {@code unlimited}, or an expression over the case's facts that is checked at load like a condition
 * (numbers only, case facts only), every problem recorded at its place, column included. Not thread-safe: one
 * reader serves one load.
 */
final class AmountReader {

    /**
     * A read amount: exactly one of the two is set.
     *
     * @param constant a number or unlimited
     * @param computed an expression over the case's facts
     */
    record Amount(Limit constant, ComputedAmount computed) {
    }

    private final Problems problems;
    private final ExpressionContext expressions;

    /**
     * Creates a reader for the amounts of one policy.
     *
     * @param problems where problems go
     * @param expressions what amount expressions may refer to
     */
    AmountReader(Problems problems, ExpressionContext expressions) {
        this.problems = problems;
        this.expressions = expressions;
    }

    /**
     * Reads a number, {@code unlimited} (when allowed) or an expression.
     *
     * @param what the amount as messages name it: {@code upTo of rule [late]}
     * @return the amount, or null after a problem
     */
    Amount read(NodeReader r, Node node, String what, boolean unlimitedAllowed) {
        return read(r, node, what, unlimitedAllowed, true);
    }

    /**
     * Reads a number or an expression that is a value, not money (a table's value): its quotients round by the
     * policy's rounding, its result does not.
     */
    Amount readValue(NodeReader r, Node node, String what) {
        return read(r, node, what, false, false);
    }

    private Amount read(NodeReader r, Node node, String what, boolean unlimitedAllowed, boolean money) {
        if (node instanceof ScalarNode scalar && NodeReader.numberOrNull(node) == null
                && !"unlimited".equals(scalar.getValue()) && !NodeReader.isNull(node)) {
            if (scalar.getScalarStyle() == ScalarStyle.PLAIN && scalar.getValue().matches("[A-Za-z_][A-Za-z0-9_-]*")) {
                // a bare word (lots, none) is more likely a mistaken number than an expression
                try {
                    return new Amount(null, SandboxedAmount.compile(scalar.getValue(), expressions, money));
                } catch (ExpressionException e) {
                    r.error(node, what + " must be a number or unlimited, not " + NodeReader.describe(node),
                            "or an expression over the case's facts in quotes, such as \"attributes.paid\"");
                    return null;
                }
            }
            ComputedAmount computed = expression(r, scalar, what, money);
            return computed == null ? null : new Amount(null, computed);
        }
        if (!unlimitedAllowed && node instanceof ScalarNode s && "unlimited".equals(s.getValue())) {
            r.error(node, what + " must be a number or an expression, not [unlimited]", null);
            return null;
        }
        Limit limit = PolicyReader.limit(r, node, what);
        return limit == null ? null : new Amount(limit, null);
    }

    /**
     * Compiles an amount expression, or records why it cannot be and returns null.
     *
     * @param money true for money (a limit, an entitlement), whose result rounds by the policy's rounding; false for
     *              a named value ({@code definitions:}), which keeps every digit but of its quotients
     */
    ComputedAmount expression(NodeReader r, ScalarNode node, String what, boolean money) {
        String text = node.getValue();
        try {
            return SandboxedAmount.compile(text, expressions, money);
        } catch (ExpressionException e) {
            problems.error(located(r, node, e.offset()), e.getMessage() + " in amount [" + text.trim() + "] of " + what
                    + (sameLine(node) ? "" : " (at character " + (e.offset() + 1) + ")"), e.hint());
            return null;
        }
    }

    /** Returns the place of a character of a scalar: exact on its line when the scalar is on one line. */
    static Place located(NodeReader r, ScalarNode node, int offset) {
        boolean quoted = node.getScalarStyle() == ScalarStyle.DOUBLE_QUOTED
                || node.getScalarStyle() == ScalarStyle.SINGLE_QUOTED;
        Place start = r.place(node);
        return sameLine(node) ? start.shifted(offset + (quoted ? 1 : 0)) : start;
    }

    /**
     * Reads {@code rounding: {places: 2, mode: HALF_EVEN}}: either key may be left out, for the currency's places and
     * half to even. Returns the currency's rounding after a problem, which is recorded at its place.
     */
    static Rounding rounding(NodeReader r, Node node, String currency) {
        Rounding fallback = Rounding.of(currency);
        Map<String, NodeReader.Entry> spec = r.mapping(node, "rounding");
        if (spec == null) {
            return fallback;
        }
        r.onlyKeys(spec, List.of("places", "mode"), "rounding");
        int places = fallback.places();
        RoundingMode mode = fallback.mode();
        if (spec.containsKey("places")) {
            Node p = spec.get("places").value();
            BigDecimal n = NodeReader.numberOrNull(p);
            if (n == null || n.stripTrailingZeros().scale() > 0 || n.signum() < 0
                    || n.compareTo(BigDecimal.valueOf(Rounding.MAX_PLACES)) > 0) {
                r.error(p, "rounding.places must be a whole number from 0 to " + Rounding.MAX_PLACES + ", not "
                        + NodeReader.describe(p), "the currency's minor unit is usual: 2 for EUR, 0 for JPY");
            } else {
                places = n.intValueExact();
            }
        }
        if (spec.containsKey("mode")) {
            Node m = spec.get("mode").value();
            String name = r.name(m, "rounding.mode");
            if (name != null && !Rounding.MODES.contains(name)) {
                String upper = name.toUpperCase(Locale.ROOT).replace('-', '_');
                r.error(m, "unknown rounding mode [" + name + "]", Rounding.MODES.contains(upper)
                        ? "did you mean [" + upper + "]?" : "one of " + Rounding.MODES);
            } else if (name != null) {
                mode = RoundingMode.valueOf(name);
            }
        }
        return new Rounding(places, mode);
    }

    private static boolean sameLine(ScalarNode node) {
        boolean quoted = node.getScalarStyle() == ScalarStyle.DOUBLE_QUOTED
                || node.getScalarStyle() == ScalarStyle.SINGLE_QUOTED;
        return node.getScalarStyle() == ScalarStyle.PLAIN && !node.getValue().contains("\n") || quoted;
    }
}
