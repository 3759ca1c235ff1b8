package org.resolutionpolicy.engine.internal.mvel;

import org.resolutionpolicy.model.expr.Expr;

import java.math.BigDecimal;
import java.time.Instant;
import org.resolutionpolicy.model.ComputedAmount;
import org.resolutionpolicy.model.Facts;
import org.resolutionpolicy.model.value.Values;

/**
 * An amount computed from a case's facts ({@code upTo: "12 * attributes.daysLate"}, {@code entitled: "band"}), checked
 * by the same {@link Parser} as conditions and computed in exact decimals, as matchers compare amounts: {@code + - *}
 * are exact, {@code /} and {@code %} and the date differences round to 15 significant digits, and so does the
 * result. It reads case-level facts only (not {@code remedy} or {@code amount}). Immutable and thread-safe.
 */
public final class SandboxedAmount implements ComputedAmount {

    private final String text;
    private final Expr tree;
    private final ExprExplainer printer;

    private SandboxedAmount(String text, Expr tree, ExprExplainer printer) {
        this.text = text;
        this.tree = tree;
        this.printer = printer;
    }

    /**
     * Checks and compiles an amount.
     *
     * @param text the expression as written in the policy
     * @param context what it may refer to
     * @return the compiled amount
     * @throws ExpressionException if the expression is not allowed, malformed, not a number or reads the proposal
     */
    public static SandboxedAmount compile(String text, ExpressionContext context) throws ExpressionException {
        Expr tree = Parser.parseNumber(text, context);
        if (SandboxedExpression.readsProposal(tree)) {
            throw new ExpressionException("an amount is computed from the case, not from the proposal: it may not read "
                    + "[remedy] or [amount]", 0, "write the comparison with the proposal as a rule's condition");
        }
        return new SandboxedAmount(text, tree, new ExprExplainer(context.severities(), context.roles()));
    }

    /** Returns the checked tree, for analyses. */
    @Override
    public Expr tree() {
        return tree;
    }

    @Override
    public BigDecimal value(Facts facts) {
        BigDecimal v = eval(tree, facts);
        return v == null ? null : Values.normalize(v.round(Functions.DIGITS));
    }

    @Override
    public String text() {
        return text;
    }

    @Override
    public String working(Facts facts) {
        BigDecimal v = value(facts);
        String shown = v == null ? "not computable" : v.toPlainString();
        String substituted = substitute(tree, facts);
        boolean leaf = tree instanceof Expr.Literal;
        if (leaf) {
            return shown;
        }
        return substituted.equals(shown) || tree instanceof Expr.FactRef
                ? printer.print(tree) + " = " + shown
                : printer.print(tree) + " = " + substituted + " = " + shown;
    }

    @Override
    public String toString() {
        return text;
    }

    /** Evaluates exactly; null when a fact is absent or a division is by zero. */
    static BigDecimal eval(Expr e, Facts facts) {
        Object v = exact(e, facts);
        return v instanceof BigDecimal n ? n : null;
    }

    /** Returns a BigDecimal for numbers (ranks as their rank), an Instant for dates, null when absent. */
    private static Object exact(Expr e, Facts facts) {
        if (e instanceof Expr.Literal l) {
            return number(l.value());
        }
        if (e instanceof Expr.FactRef f) {
            return number(f.path().read(facts));
        }
        if (e instanceof Expr.Helper h) {
            return number(h.read().apply(facts));
        }
        if (e instanceof Expr.Unary u) {
            BigDecimal v = eval(u.operand(), facts);
            return v == null ? null : v.negate();
        }
        if (e instanceof Expr.Call c) {
            Object[] args = new Object[c.args().size()];
            for (int i = 0; i < args.length; i++) {
                args[i] = exact(c.args().get(i), facts);
                if (args[i] == null) {
                    return null;
                }
            }
            return Functions.exact(c.function(), args, c.calendar());
        }
        Expr.Binary b = (Expr.Binary) e;
        BigDecimal l = eval(b.left(), facts);
        BigDecimal r = eval(b.right(), facts);
        if (l == null || r == null) {
            return null;
        }
        return switch (b.op()) {
            case "+" -> l.add(r);
            case "-" -> l.subtract(r);
            case "*" -> l.multiply(r);
            case "/" -> r.signum() == 0 ? null : l.divide(r, Functions.DIGITS);
            default -> r.signum() == 0 ? null : l.remainder(r, Functions.DIGITS);
        };
    }

    private static Object number(Object value) {
        if (value instanceof Integer rank) {
            return BigDecimal.valueOf(rank);
        }
        return value instanceof BigDecimal || value instanceof Instant ? value : null;
    }

    /** Prints the expression with each fact and helper replaced by its value. */
    private String substitute(Expr e, Facts facts) {
        if (e instanceof Expr.FactRef || e instanceof Expr.Helper) {
            Object v = exact(e, facts);
            if (v == null) {
                return printer.print(e) + " (absent)";
            }
            return v instanceof BigDecimal n ? Values.normalize(n).toPlainString() : v.toString();
        }
        if (e instanceof Expr.Unary u) {
            return "-" + group(u.operand(), facts);
        }
        if (e instanceof Expr.Call c) {
            StringBuilder out = new StringBuilder(c.function()).append('(');
            for (int i = 0; i < c.args().size(); i++) {
                out.append(i == 0 ? "" : ", ").append(substitute(c.args().get(i), facts));
            }
            return out.append(')').toString();
        }
        if (e instanceof Expr.Binary b) {
            return group(b.left(), facts) + " " + b.op() + " " + group(b.right(), facts);
        }
        return printer.print(e);
    }

    private String group(Expr e, Facts facts) {
        String s = substitute(e, facts);
        return e instanceof Expr.Binary ? "(" + s + ")" : s;
    }
}
