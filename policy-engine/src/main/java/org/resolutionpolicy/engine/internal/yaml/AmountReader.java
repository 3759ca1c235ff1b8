package org.resolutionpolicy.engine.internal.yaml;

import org.resolutionpolicy.format.yaml.NodeReader;

import org.resolutionpolicy.api.Limit;
import org.resolutionpolicy.model.ComputedAmount;
import org.resolutionpolicy.engine.internal.mvel.ExpressionContext;
import org.resolutionpolicy.engine.internal.mvel.ExpressionException;
import org.resolutionpolicy.engine.internal.mvel.SandboxedAmount;
import org.resolutionpolicy.model.source.Place;
import org.resolutionpolicy.model.source.Problems;
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
        if (node instanceof ScalarNode scalar && NodeReader.numberOrNull(node) == null
                && !"unlimited".equals(scalar.getValue()) && !NodeReader.isNull(node)) {
            if (scalar.getScalarStyle() == ScalarStyle.PLAIN && scalar.getValue().matches("[A-Za-z_][A-Za-z0-9_-]*")) {
                // a bare word (lots, none) is more likely a mistaken number than an expression
                try {
                    return new Amount(null, SandboxedAmount.compile(scalar.getValue(), expressions));
                } catch (ExpressionException e) {
                    r.error(node, what + " must be a number or unlimited, not " + NodeReader.describe(node),
                            "or an expression over the case's facts in quotes, such as \"attributes.paid\"");
                    return null;
                }
            }
            ComputedAmount computed = expression(r, scalar, what);
            return computed == null ? null : new Amount(null, computed);
        }
        if (!unlimitedAllowed && node instanceof ScalarNode s && "unlimited".equals(s.getValue())) {
            r.error(node, what + " must be a number or an expression, not [unlimited]", null);
            return null;
        }
        Limit limit = PolicyReader.limit(r, node, what);
        return limit == null ? null : new Amount(limit, null);
    }

    /** Compiles an amount expression, or records why it cannot be and returns null. */
    ComputedAmount expression(NodeReader r, ScalarNode node, String what) {
        String text = node.getValue();
        try {
            return SandboxedAmount.compile(text, expressions);
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

    private static boolean sameLine(ScalarNode node) {
        boolean quoted = node.getScalarStyle() == ScalarStyle.DOUBLE_QUOTED
                || node.getScalarStyle() == ScalarStyle.SINGLE_QUOTED;
        return node.getScalarStyle() == ScalarStyle.PLAIN && !node.getValue().contains("\n") || quoted;
    }
}
