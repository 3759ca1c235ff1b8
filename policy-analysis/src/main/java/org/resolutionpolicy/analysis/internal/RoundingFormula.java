package org.resolutionpolicy.analysis.internal;

import de.uni_freiburg.informatik.ultimate.logic.Term;
import java.math.BigDecimal;
import org.resolutionpolicy.model.Derivation;
import org.resolutionpolicy.model.FactType;
import org.resolutionpolicy.model.expr.Expr;
import org.resolutionpolicy.model.value.Rounding;
import org.resolutionpolicy.model.value.Values;

/** The formula of the engine's rounding of money: what a quotient and a computed amount become. */
final class RoundingFormula {

    private RoundingFormula() {
    }

    /**
     * Returns a real rounded as the engine rounds it ({@link Rounding}): to {@code places} decimals with its mode,
     * through {@code to_int} (the floor) of the value scaled to whole units of the last place.
     */
    static Term round(Smt smt, Term real, Rounding rounding) {
        Term unit = smt.real(BigDecimal.ONE.scaleByPowerOfTen(rounding.places()));
        Term x = smt.op("*", real, unit);
        Term zero = smt.real(BigDecimal.ZERO);
        Term half = smt.real(new BigDecimal("0.5"));
        Term floor = smt.op("to_int", x);
        Term ceiling = smt.op("-", smt.op("to_int", smt.op("-", x)));
        Term positive = smt.le(zero, x);
        Term k = switch (rounding.mode()) {
            case FLOOR -> floor;
            case CEILING -> ceiling;
            case DOWN -> smt.ite(positive, floor, ceiling);
            case UP -> smt.ite(positive, ceiling, floor);
            case HALF_UP -> smt.ite(positive, smt.op("to_int", smt.op("+", x, half)),
                    smt.op("-", smt.op("to_int", smt.op("+", smt.op("-", x), half))));
            case HALF_DOWN -> smt.ite(positive, smt.op("-", smt.op("to_int", smt.op("-", half, x))),
                    smt.op("to_int", smt.op("+", x, half)));
            default -> halfEven(smt, x, floor, half);
        };
        return smt.op("/", smt.toReal(k), unit);
    }

    /** Returns the nearest whole number to {@code x}, a tie going to the even neighbour. */
    private static Term halfEven(Smt smt, Term x, Term floor, Term half) {
        Term fraction = smt.op("-", x, smt.toReal(floor));
        Term up = smt.op("+", floor, smt.num(1));
        Term even = smt.eq(smt.op("mod", floor, smt.num(2)), smt.num(0));
        return smt.ite(smt.lt(fraction, half), floor, smt.ite(smt.lt(half, fraction), up, smt.ite(even, floor, up)));
    }

    /** The scale of a value whose digits the analysis cannot bound. */
    private static final int UNBOUNDED = Integer.MAX_VALUE / 4;

    /**
     * Returns the most decimal places an expression's value can have, facts of the case holding {@code factDecimals}
     * (the solver's grid); {@link #UNBOUNDED} when it cannot say. A computed amount whose value has no more places
     * than the rounding keeps is its own rounded value, and needs no rounding formula.
     */
    static int scale(Expr e, int factDecimals, Rounding rounding) {
        if (e instanceof Expr.Literal l) {
            return l.value() instanceof BigDecimal n ? Math.max(0, Values.normalize(n).scale())
                    : l.value() instanceof Integer ? 0 : UNBOUNDED;
        }
        if (e instanceof Expr.FactRef ref) {
            Derivation d = ref.path().derivation();
            if (d == null) {
                return ref.type() == FactType.NUMBER ? factDecimals : 0;
            }
            if (d instanceof Derivation.Computed c) {
                return scale(c.amount(), factDecimals, rounding);
            }
            if (d instanceof Derivation.Table t) {
                int most = 0;
                for (Derivation.Row row : t.rows()) {
                    most = Math.max(most, scale(row.value(), factDecimals, rounding));
                }
                return most;
            }
            return UNBOUNDED;
        }
        if (e instanceof Expr.Helper) {
            return factDecimals;
        }
        if (e instanceof Expr.Unary u) {
            return scale(u.operand(), factDecimals, rounding);
        }
        if (e instanceof Expr.Call c) {
            if (c.function().equals("daysBetween") || c.function().equals("businessDaysBetween")) {
                return 0;
            }
            if (c.function().equals("hoursBetween") || c.type() != FactType.NUMBER) {
                return UNBOUNDED;
            }
            if (c.function().equals("floor") || c.function().equals("ceil") || c.function().equals("round")) {
                int places = c.args().size() < 2 ? c.function().equals("round") ? rounding.places() : 0
                        : ((BigDecimal) ((Expr.Literal) c.args().get(1)).value()).intValueExact();
                return Math.min(places, scale(c.args().get(0), factDecimals, rounding));
            }
            int most = 0;
            for (Expr arg : c.args()) {
                most = Math.max(most, scale(arg, factDecimals, rounding));
            }
            return most;
        }
        if (e instanceof Expr.Conditional c) {
            return Math.max(scale(c.then(), factDecimals, rounding), scale(c.otherwise(), factDecimals, rounding));
        }
        if (e instanceof Expr.Binary b) {
            int l = scale(b.left(), factDecimals, rounding);
            int r = scale(b.right(), factDecimals, rounding);
            return switch (b.op()) {
                case "*" -> Math.min(UNBOUNDED, l + r);
                case "/" -> rounding.places();
                default -> Math.max(l, r);
            };
        }
        return UNBOUNDED;
    }

    private static int scale(org.resolutionpolicy.model.ComputedAmount a, int factDecimals, Rounding rounding) {
        if (a.fixedValue() != null) {
            return Math.max(0, Values.normalize(a.fixedValue()).scale());
        }
        return a.tree() == null ? UNBOUNDED : scale(a.tree(), factDecimals, rounding);
    }
}
