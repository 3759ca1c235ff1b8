package org.resolutionpolicy.analysis.internal;

import de.uni_freiburg.informatik.ultimate.logic.ApplicationTerm;
import de.uni_freiburg.informatik.ultimate.logic.ConstantTerm;
import de.uni_freiburg.informatik.ultimate.logic.Rational;
import de.uni_freiburg.informatik.ultimate.logic.Term;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Map;

/**
 * The values a model gave the solver's variables, kept after the solver moved on, and an exact evaluator of the
 * simple formulas the encoders make over them: boolean connectives, comparisons, {@code ite}, {@code + - *} and
 * {@code to_real} over rationals. Anything else evaluates to "unknown" (null), never to a guess, so a caller that
 * acts only on a known answer stays sound.
 */
final class Point {

    private final Map<Term, Object> values;

    /**
     * Creates a point.
     *
     * @param values by variable, a {@link Boolean} or a {@link Rational}
     */
    Point(Map<Term, Object> values) {
        this.values = values;
    }

    @Override
    public String toString() {
        return values.toString();
    }

    /** Returns true if the formula is known to be false at this point. */
    boolean isFalse(Term formula) {
        return Boolean.FALSE.equals(eval(formula));
    }

    /** Returns the formula's truth at this point, or null when it cannot be told. */
    Boolean truth(Term formula) {
        return eval(formula) instanceof Boolean b ? b : null;
    }

    private Object eval(Term t) {
        if (t instanceof ConstantTerm c) {
            return rational(c.getValue());
        }
        if (!(t instanceof ApplicationTerm a)) {
            return null;
        }
        Term[] p = a.getParameters();
        String f = a.getFunction().getName();
        if (p.length == 0) {
            return switch (f) {
                case "true" -> Boolean.TRUE;
                case "false" -> Boolean.FALSE;
                default -> values.get(t);
            };
        }
        switch (f) {
            case "and", "or" -> {
                boolean and = f.equals("and");
                boolean unknown = false;
                for (Term x : p) {
                    Object v = eval(x);
                    if (v == null) {
                        unknown = true;
                    } else if ((Boolean) v != and) {
                        return !and;
                    }
                }
                return unknown ? null : and;
            }
            case "not" -> {
                Object v = eval(p[0]);
                return v == null ? null : !(Boolean) v;
            }
            case "=>" -> {
                Object x = eval(p[0]);
                Object y = eval(p[1]);
                if (Boolean.FALSE.equals(x) || Boolean.TRUE.equals(y)) {
                    return true;
                }
                return x == null || y == null ? null : false;
            }
            case "ite" -> {
                Object c = eval(p[0]);
                return c == null ? null : eval((Boolean) c ? p[1] : p[2]);
            }
            case "=" -> {
                Object x = eval(p[0]);
                for (int k = 1; k < p.length; k++) {
                    Object y = eval(p[k]);
                    if (x == null || y == null) {
                        return null;
                    }
                    if (!x.equals(y)) {
                        return false;
                    }
                }
                return true;
            }
            case "<", "<=", ">", ">=" -> {
                Object x = eval(p[0]);
                Object y = eval(p[1]);
                if (p.length != 2 || !(x instanceof Rational l) || !(y instanceof Rational r)) {
                    return null;
                }
                int c = l.compareTo(r);
                return switch (f) {
                    case "<" -> c < 0;
                    case "<=" -> c <= 0;
                    case ">" -> c > 0;
                    default -> c >= 0;
                };
            }
            case "+", "*" -> {
                Rational sum = f.equals("+") ? Rational.ZERO : Rational.ONE;
                for (Term x : p) {
                    if (!(eval(x) instanceof Rational v)) {
                        return null;
                    }
                    sum = f.equals("+") ? sum.add(v) : sum.mul(v);
                }
                return sum;
            }
            case "-" -> {
                if (!(eval(p[0]) instanceof Rational first)) {
                    return null;
                }
                if (p.length == 1) {
                    return first.negate();
                }
                for (int k = 1; k < p.length; k++) {
                    if (!(eval(p[k]) instanceof Rational v)) {
                        return null;
                    }
                    first = first.add(v.negate());
                }
                return first;
            }
            case "to_real" -> {
                return eval(p[0]);
            }
            default -> {
                return null;
            }
        }
    }

    /** Returns a constant's value as a rational, or null for one of another kind. */
    static Rational rational(Object value) {
        if (value instanceof Rational r) {
            return r;
        }
        if (value instanceof BigInteger b) {
            return Rational.valueOf(b, BigInteger.ONE);
        }
        if (value instanceof BigDecimal d) {
            return d.scale() <= 0 ? Rational.valueOf(d.toBigIntegerExact(), BigInteger.ONE)
                    : Rational.valueOf(d.unscaledValue(), BigInteger.TEN.pow(d.scale()));
        }
        return null;
    }
}
