package org.resolutionpolicy.engine.internal.mvel;

import org.resolutionpolicy.model.expr.Expr;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.resolutionpolicy.api.Explanation.Failure;
import org.resolutionpolicy.model.FactPath;
import org.resolutionpolicy.model.FactType;
import org.resolutionpolicy.model.Facts;

/**
 * Says why an expression was false: which top-level conjuncts failed, with the values of the facts they read.
 *
 * <p>Explanations re-evaluate the checked tree with the same semantics as the compiled form (a comparison on
 * an absent fact is false); a property keeps the two in agreement. Deciding uses it only for the rare shapes
 * {@link ExprCompiler} leaves boxed.
 */
final class ExprExplainer {

    private final List<String> severities;
    private final List<String> roles;
    private final Arithmetic arithmetic;

    ExprExplainer(List<String> severities, List<String> roles, Arithmetic arithmetic) {
        this.severities = severities;
        this.roles = roles;
        this.arithmetic = arithmetic;
    }

    /** Returns the arithmetic this explainer evaluates with. */
    Arithmetic arithmetic() {
        return arithmetic;
    }

    void explain(Expr tree, Facts facts, List<Failure> failures) {
        List<Expr> conjuncts = new ArrayList<>();
        flattenAnd(tree, conjuncts);
        for (Expr part : conjuncts) {
            if (!Boolean.TRUE.equals(eval(part, facts))) {
                Map<String, String> values = new LinkedHashMap<>();
                values(part, facts, values);
                List<Failure.Reading> readings = new ArrayList<>();
                values.forEach((name, value) -> readings.add(new Failure.Reading(name, value)));
                failures.add(Failure.expression(print(part), readings));
            }
        }
    }

    private static void flattenAnd(Expr e, List<Expr> out) {
        if (e instanceof Expr.Binary && ((Expr.Binary) e).op().equals("&&")) {
            flattenAnd(((Expr.Binary) e).left(), out);
            flattenAnd(((Expr.Binary) e).right(), out);
        } else {
            out.add(e);
        }
    }

    /**
     * Evaluates with the semantics of the compiled form: absent facts make comparisons false; numbers, dates and
     * ranks are exact decimals ({@link SandboxedExpression#toValue}); {@code + - * %} are exact, a quotient rounds by
     * the policy's rule, and a division by zero has no value (null), so a comparison with it is false.
     */
    Object eval(Expr e, Facts facts) {
        if (e instanceof Expr.Literal) {
            return SandboxedExpression.toValue(((Expr.Literal) e).value());
        }
        if (e instanceof Expr.FactRef) {
            return SandboxedExpression.toValue(((Expr.FactRef) e).path().read(facts));
        }
        if (e instanceof Expr.Helper) {
            return SandboxedExpression.toValue(((Expr.Helper) e).read().apply(facts));
        }
        if (e instanceof Expr.Presence) {
            Expr.Presence p = (Expr.Presence) e;
            return (p.fact().path().read(facts) != null) == p.present();
        }
        if (e instanceof Expr.Call c) {
            return call(c, facts);
        }
        if (e instanceof Expr.Conditional c) {
            return eval(Boolean.TRUE.equals(eval(c.condition(), facts)) ? c.then() : c.otherwise(), facts);
        }
        if (e instanceof Expr.Unary) {
            Expr.Unary u = (Expr.Unary) e;
            Object v = eval(u.operand(), facts);
            if (u.op().equals("!")) {
                return !Boolean.TRUE.equals(v);
            }
            return v == null ? null : ((BigDecimal) v).negate();
        }
        Expr.Binary b = (Expr.Binary) e;
        if (b.op().equals("&&")) {
            return Boolean.TRUE.equals(eval(b.left(), facts)) && Boolean.TRUE.equals(eval(b.right(), facts));
        }
        if (b.op().equals("||")) {
            return Boolean.TRUE.equals(eval(b.left(), facts)) || Boolean.TRUE.equals(eval(b.right(), facts));
        }
        if (b.isComparison() && (readsAbsent(b.left(), facts) || readsAbsent(b.right(), facts))) {
            return false;
        }
        Object l = eval(b.left(), facts);
        Object r = eval(b.right(), facts);
        if (b.isComparison()) {
            return l != null && r != null && compare(b.op(), l, r);
        }
        if (l == null || r == null) {
            return null;
        }
        return arithmetic.apply(b.op().charAt(0), (BigDecimal) l, (BigDecimal) r);
    }

    /**
     * Calls a function: numbers for {@code min} and {@code max}, the dates themselves for the date differences; a
     * date that a function computes ({@code plusMonths}) is its epoch milliseconds, as a date fact reads.
     */
    BigDecimal call(Expr.Call c, Facts facts) {
        if (ValueFunctions.handles(c.function())) {
            return valueCall(c, facts);
        }
        boolean dates = Functions.ARGUMENTS.get(c.function()) == FactType.DATETIME;
        Object[] args = new Object[c.args().size()];
        for (int i = 0; i < args.length; i++) {
            Expr arg = c.args().get(i);
            args[i] = dates ? date(arg, facts) : eval(arg, facts);
            if (args[i] == null) {
                return null;
            }
        }
        return Functions.exact(c.function(), args, c.calendar(), facts.time());
    }

    private BigDecimal valueCall(Expr.Call c, Facts facts) {
        if (ValueFunctions.ROUNDINGS.contains(c.function())) {
            Object v = eval(c.args().get(0), facts);
            return v == null ? null : ValueFunctions.round(c.function(), (BigDecimal) v,
                    ValueFunctions.places(c.args()), arithmetic.policy());
        }
        Object d = date(c, facts);
        return d == null ? null : Arithmetic.epochMillis((Instant) d);
    }

    /** Returns a date operand as the instant it is, computing a {@code plusMonths} or {@code plusDays}; null for none. */
    Object date(Expr e, Facts facts) {
        if (e instanceof Expr.Call c && ValueFunctions.DATES.contains(c.function())) {
            Object d = date(c.args().get(0), facts);
            Object n = d == null ? null : eval(c.args().get(1), facts);
            return n == null ? null : ValueFunctions.shift(c.function(), (Instant) d, (BigDecimal) n);
        }
        return raw(e, facts);
    }

    /** Returns a date argument as the instant it is: a literal, a fact or a helper (dates have no arithmetic). */
    static Object raw(Expr e, Facts facts) {
        if (e instanceof Expr.Literal l) {
            return l.value();
        }
        if (e instanceof Expr.FactRef ref) {
            return ref.path().read(facts);
        }
        if (e instanceof Expr.Helper h) {
            return h.read().apply(facts);
        }
        throw new IllegalStateException("a date argument is a literal, a fact or a helper, not " + e);
    }

    /**
     * Returns true if an operand of a comparison reads an absent fact: directly, or under {@code !}, {@code -} or
     * arithmetic (not under another comparison or a connective, which answer true or false of their own). Such a
     * comparison is false, however {@code !} would otherwise turn the absence into a value.
     */
    static boolean readsAbsent(Expr e, Facts facts) {
        for (FactPath path : operandFacts(e)) {
            if (path.read(facts) == null) {
                return true;
            }
        }
        return false;
    }

    /** Returns the facts whose absence makes a comparison with this operand false; see {@link #readsAbsent}. */
    static List<FactPath> operandFacts(Expr e) {
        List<FactPath> out = new java.util.ArrayList<>();
        operandFacts(e, out);
        return out;
    }

    private static void operandFacts(Expr e, List<FactPath> out) {
        if (e instanceof Expr.FactRef ref) {
            if (ref.path().type() != FactType.SEVERITY && ref.path().type() != FactType.ROLE && !out.contains(ref.path())) {
                out.add(ref.path());
            }
        } else if (e instanceof Expr.Unary u) {
            operandFacts(u.operand(), out);
        } else if (e instanceof Expr.Call c) {
            c.args().forEach(arg -> operandFacts(arg, out));
        } else if (e instanceof Expr.Binary b && !b.isComparison() && !b.op().equals("&&") && !b.op().equals("||")) {
            operandFacts(b.left(), out);
            operandFacts(b.right(), out);
        }
    }

    static boolean compare(String op, Object l, Object r) {
        if (l instanceof BigDecimal) {
            int c = ((BigDecimal) l).compareTo((BigDecimal) r);
            return switch (op) {
                case "==" -> c == 0;
                case "!=" -> c != 0;
                case "<" -> c < 0;
                case "<=" -> c <= 0;
                case ">" -> c > 0;
                default -> c >= 0;
            };
        }
        return op.equals("==") == l.equals(r);
    }

    private void values(Expr e, Facts facts, Map<String, String> out) {
        if (e instanceof Expr.FactRef) {
            Expr.FactRef f = (Expr.FactRef) e;
            out.put(f.path().name(), f.path().name().equals("total") && f.path().derivation() == null
                    ? facts.totalShown() : show(f.type(), f.path().read(facts)));
            DateWorking.inDefinition(f, facts, this::print, out);
        } else if (e instanceof Expr.Helper) {
            Expr.Helper h = (Expr.Helper) e;
            out.put(h.text(), show(h.type(), h.read().apply(facts)));
        } else if (e instanceof Expr.Presence) {
            values(((Expr.Presence) e).fact(), facts, out);
        } else if (e instanceof Expr.Call c) {
            c.args().forEach(arg -> values(arg, facts, out));
            String working = DateWorking.dates(c) ? DateWorking.of(c, facts) : null;
            if (working != null) {
                out.put(print(c), working);
            }
        } else if (e instanceof Expr.Conditional c) {
            values(c.condition(), facts, out);
            values(c.then(), facts, out);
            values(c.otherwise(), facts, out);
        } else if (e instanceof Expr.Unary) {
            values(((Expr.Unary) e).operand(), facts, out);
        } else if (e instanceof Expr.Binary b) {
            values(b.left(), facts, out);
            values(b.right(), facts, out);
            if (b.op().equals("/")) {
                String rounded = rounded(b, facts);
                if (rounded != null) {
                    out.put(print(b), rounded);
                }
            }
        }
    }

    /**
     * Shows a quotient that rounding changed, with the value it was before: {@code 66.67 (66.6666666667..., rounded
     * HALF_EVEN to 2 places)}; null when it was not rounded or has no value.
     */
    private String rounded(Expr.Binary b, Facts facts) {
        if (arithmetic.rounding() == null || !(eval(b.left(), facts) instanceof BigDecimal l)
                || !(eval(b.right(), facts) instanceof BigDecimal r) || r.signum() == 0) {
            return null;
        }
        BigDecimal quotient = arithmetic.divide(l, r);
        BigDecimal exact = Arithmetic.unrounded().divide(l, r);
        return quotient.compareTo(exact) == 0 ? null
                : quotient.toPlainString() + " (" + unrounded(exact) + ", rounded " + arithmetic.rounding() + ")";
    }

    /** Prints an unrounded quotient to 12 significant digits, with an ellipsis when it has more. */
    static String unrounded(BigDecimal exact) {
        BigDecimal shown = exact.round(new java.math.MathContext(12, java.math.RoundingMode.DOWN));
        String text = org.resolutionpolicy.model.value.Values.normalize(shown).toPlainString();
        return shown.compareTo(exact) == 0 ? text : text + "...";
    }

    private String show(FactType type, Object value) {
        if (value == null) {
            return null;
        }
        if (type == FactType.SEVERITY) {
            return severities.get((Integer) value);
        }
        if (type == FactType.ROLE) {
            return roles.get((Integer) value);
        }
        return value instanceof BigDecimal ? ((BigDecimal) value).toPlainString() : String.valueOf(value);
    }

    /** Prints a sub-expression the way a policy owner writes it. */
    String print(Expr e) {
        if (e instanceof Expr.Literal) {
            Expr.Literal l = (Expr.Literal) e;
            if (l.type() == null) {
                return "null";
            }
            switch (l.type()) {
                case NUMBER:
                    return ((BigDecimal) l.value()).toPlainString();
                case BOOLEAN:
                    return l.value().toString();
                case SEVERITY:
                    return "'" + severities.get((Integer) l.value()) + "'";
                case ROLE:
                    return "'" + roles.get((Integer) l.value()) + "'";
                case DATETIME:
                    return "'" + (Instant) l.value() + "'";
                default:
                    return "'" + l.value() + "'";
            }
        }
        if (e instanceof Expr.FactRef) {
            return ((Expr.FactRef) e).path().name();
        }
        if (e instanceof Expr.Helper) {
            return ((Expr.Helper) e).text();
        }
        if (e instanceof Expr.Presence) {
            Expr.Presence p = (Expr.Presence) e;
            return p.fact().path().name() + (p.present() ? " != null" : " == null");
        }
        if (e instanceof Expr.Unary) {
            Expr.Unary u = (Expr.Unary) e;
            return u.op() + group(u.operand());
        }
        if (e instanceof Expr.Call c) {
            StringBuilder out = new StringBuilder(c.function()).append('(');
            for (int i = 0; i < c.args().size(); i++) {
                out.append(i == 0 ? "" : ", ").append(print(c.args().get(i)));
            }
            return out.append(')').toString();
        }
        if (e instanceof Expr.Conditional c) {
            return group(c.condition()) + " ? " + group(c.then()) + " : " + group(c.otherwise());
        }
        Expr.Binary b = (Expr.Binary) e;
        return group(b.left()) + " " + b.op() + " " + group(b.right());
    }

    private String group(Expr e) {
        String s = print(e);
        return e instanceof Expr.Binary || e instanceof Expr.Conditional ? "(" + s + ")" : s;
    }
}
