package org.resolutionpolicy.engine.internal.mvel;

import org.resolutionpolicy.model.expr.Expr;

import java.math.BigDecimal;
import org.resolutionpolicy.model.ComputedAmount;
import org.resolutionpolicy.model.FactPath;
import org.resolutionpolicy.model.FactType;
import org.resolutionpolicy.model.Facts;
import org.resolutionpolicy.model.MissingFact;
import org.resolutionpolicy.model.value.Rounding;
import org.resolutionpolicy.model.value.Values;

/**
 * An amount computed from a case's facts ({@code upTo: "12 * attributes.daysLate"}, {@code entitled: "band"}), checked
 * by the same {@link Parser} as conditions and computed with the same exact {@link Arithmetic}: {@code + - * %} exact,
 * a quotient rounded by the policy's {@link Rounding}. Money (a limit, an {@code upTo}, an entitlement) is rounded so
 * at the end too; a named value ({@code definitions:}) keeps its digits. It reads case-level facts only (not
 * {@code remedy} or {@code amount}). Immutable and thread-safe.
 */
public final class SandboxedAmount implements ComputedAmount {

    private final String text;
    private final Expr tree;
    private final ExprExplainer evaluator;
    private final ExprExplainer unrounded;
    private final Rounding money;

    private SandboxedAmount(String text, Expr tree, ExprExplainer evaluator, ExprExplainer unrounded, Rounding money) {
        this.text = text;
        this.tree = tree;
        this.evaluator = evaluator;
        this.unrounded = unrounded;
        this.money = money;
    }

    /**
     * Checks and compiles an amount of money: its result rounds by the policy's rounding.
     *
     * @param text the expression as written in the policy
     * @param context what it may refer to
     * @return the compiled amount
     * @throws ExpressionException if the expression is not allowed, malformed, not a number or reads the proposal
     */
    public static SandboxedAmount compile(String text, ExpressionContext context) throws ExpressionException {
        return compile(text, context, true);
    }

    /**
     * Checks and compiles an amount.
     *
     * @param text the expression as written in the policy
     * @param context what it may refer to
     * @param money true for money, whose result rounds by the policy's rounding; false for a named value
     * @return the compiled amount
     * @throws ExpressionException if the expression is not allowed, malformed, not a number or reads the proposal
     */
    public static SandboxedAmount compile(String text, ExpressionContext context, boolean money)
            throws ExpressionException {
        Expr tree = Parser.parseNumber(text, context);
        if (SandboxedExpression.readsProposal(tree)) {
            throw new ExpressionException("an amount is computed from the case, not from the proposal: it may not read "
                    + "[remedy] or [amount]", 0, "write the comparison with the proposal as a rule's condition");
        }
        return new SandboxedAmount(text, tree,
                new ExprExplainer(context.severities(), context.roles(), Arithmetic.of(context.rounding())),
                new ExprExplainer(context.severities(), context.roles(), Arithmetic.unrounded(context.rounding())),
                money ? context.rounding() : null);
    }

    /** Returns the checked tree, for analyses. */
    @Override
    public Expr tree() {
        return tree;
    }

    /** Returns the value: exact, with quotients rounded, and rounded at the end when it is money. */
    @Override
    public BigDecimal value(Facts facts) {
        BigDecimal v = evaluator.eval(tree, facts) instanceof BigDecimal n ? n : null;
        return v == null ? null : Values.normalize(money == null ? v : money.round(v));
    }

    @Override
    public String text() {
        return text;
    }

    @Override
    public String missingFact(Facts facts) {
        return missing(tree, facts);
    }

    /**
     * Returns the first absent case fact the value of an expression reads: through arithmetic, functions, the branch
     * of a conditional taken and the facts the policy defines, not under a comparison (which is false on absence).
     */
    private String missing(Expr e, Facts facts) {
        if (e instanceof Expr.FactRef ref) {
            FactPath path = ref.path();
            if (path.read(facts) != null || path.type() == FactType.SEVERITY || path.type() == FactType.ROLE) {
                return null;
            }
            return path.derivation() == null ? path.name() : MissingFact.ofDerived(path, facts);
        }
        if (e instanceof Expr.Unary u && u.op().equals("-")) {
            return missing(u.operand(), facts);
        }
        if (e instanceof Expr.Call c) {
            for (Expr arg : c.args()) {
                String m = missing(arg, facts);
                if (m != null) {
                    return m;
                }
            }
            return null;
        }
        if (e instanceof Expr.Conditional c) {
            return missing(Boolean.TRUE.equals(evaluator.eval(c.condition(), facts)) ? c.then() : c.otherwise(), facts);
        }
        if (e instanceof Expr.Binary b && !b.isComparison() && !b.op().equals("&&") && !b.op().equals("||")) {
            String m = missing(b.left(), facts);
            return m != null ? m : missing(b.right(), facts);
        }
        return null;
    }

    /**
     * Returns the working; where rounding changed the value, the value before it too: {@code attributes.paid / 3 =
     * 200 / 3 = 66.67 (66.6666666666..., rounded HALF_EVEN to 2 places)}.
     */
    @Override
    public String working(Facts facts) {
        BigDecimal v = value(facts);
        String shown = v == null ? "not computable" : v.toPlainString();
        if (v != null && unrounded.eval(tree, facts) instanceof BigDecimal exact && exact.compareTo(v) != 0) {
            shown += " (" + ExprExplainer.unrounded(exact) + ", rounded " + evaluator.arithmetic().rounding() + ")";
        }
        String substituted = substitute(tree, facts);
        if (tree instanceof Expr.Literal) {
            return shown;
        }
        String working = substituted.equals(shown) || tree instanceof Expr.FactRef
                ? evaluator.print(tree) + " = " + shown
                : evaluator.print(tree) + " = " + substituted + " = " + shown;
        return working + dateWorking(tree, facts);
    }

    /**
     * Returns how the date differences of the amount were counted ({@code ; businessDaysBetween(..) = 1 working day
     * after ...}) when the policy counts in a time zone or on calendars chosen by a fact; empty otherwise, so that the
     * working of a policy in UTC on one calendar reads as it always has.
     */
    private String dateWorking(Expr e, Facts facts) {
        if (facts.time().utc() && facts.time().zoneSource() == null && facts.time().calendarName() == null) {
            return "";
        }
        java.util.Map<String, String> calls = new java.util.LinkedHashMap<>();
        DateWorking.calls(e, facts, evaluator::print, calls);
        StringBuilder out = new StringBuilder();
        calls.forEach((call, working) -> out.append("; ").append(call).append(" = ").append(working));
        return out.toString();
    }

    @Override
    public String toString() {
        return text;
    }

    /** Prints the expression with each fact and helper replaced by its value. */
    private String substitute(Expr e, Facts facts) {
        if (e instanceof Expr.FactRef || e instanceof Expr.Helper) {
            Object v = ExprExplainer.raw(e, facts);
            if (v == null) {
                return evaluator.print(e) + " (absent)";
            }
            if (v instanceof java.time.Instant at && !facts.time().utc()) {
                return facts.time().show(at);
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
        if (e instanceof Expr.Conditional c) {
            return group(c.condition(), facts) + " ? " + group(c.then(), facts) + " : " + group(c.otherwise(), facts);
        }
        return evaluator.print(e);
    }

    private String group(Expr e, Facts facts) {
        String s = substitute(e, facts);
        return e instanceof Expr.Binary || e instanceof Expr.Conditional ? "(" + s + ")" : s;
    }
}
