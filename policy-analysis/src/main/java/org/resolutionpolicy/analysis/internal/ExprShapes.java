package org.resolutionpolicy.analysis.internal;

import de.uni_freiburg.informatik.ultimate.logic.Term;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import org.resolutionpolicy.analysis.internal.ConditionEncoder.Num;
import org.resolutionpolicy.model.FactType;
import org.resolutionpolicy.model.expr.Expr;
import org.resolutionpolicy.model.value.Rounding;

/**
 * The formulas of the shapes of expressions apart from facts and operators: which operands are numbers, the explicit
 * roundings {@code floor}, {@code ceil} and {@code round}, and the conditional {@code c ? a : b}.
 */
final class ExprShapes {

    private ExprShapes() {
    }

    /** Returns true if the engine compares this operand as a number (a decimal, a rank, a date's milliseconds). */
    static boolean numeric(Expr e) {
        if (e instanceof Expr.Literal l) {
            return l.value() instanceof BigDecimal || l.value() instanceof Integer || l.value() instanceof Instant;
        }
        if (e instanceof Expr.Call || e instanceof Expr.Conditional) {
            return true;
        }
        if (e instanceof Expr.FactRef || e instanceof Expr.Helper) {
            return e.type() == FactType.NUMBER || e.type() == FactType.SEVERITY || e.type() == FactType.ROLE
                    || e.type() == FactType.DATETIME;
        }
        if (e instanceof Expr.Unary u) {
            return u.op().equals("-") && numeric(u.operand());
        }
        if (e instanceof Expr.Binary b) {
            return b.op().length() == 1 && "+-*/%".contains(b.op()) && numeric(b.left()) && numeric(b.right());
        }
        return false;
    }

    /**
     * Returns the rounding of {@code floor(x)}, {@code ceil(x)} or {@code round(x)} (to their places, or to whole units
     * and the policy's places), null for any other function.
     */
    static Rounding explicitRounding(Expr.Call c, Rounding policy) {
        String function = c.function();
        if (!function.equals("floor") && !function.equals("ceil") && !function.equals("round")) {
            return null;
        }
        Integer places = c.args().size() < 2 ? null
                : ((BigDecimal) ((Expr.Literal) c.args().get(1)).value()).intValueExact();
        return switch (function) {
            case "floor" -> new Rounding(places == null ? 0 : places, RoundingMode.FLOOR);
            case "ceil" -> new Rounding(places == null ? 0 : places, RoundingMode.CEILING);
            default -> new Rounding(places == null ? policy.places() : places, policy.mode());
        };
    }

    /** Returns a number rounded as the engine's {@code floor}, {@code ceil} or {@code round} rounds it. */
    static Num rounded(Smt smt, Num x, Rounding rounding) {
        if (x.constant()) {
            BigDecimal v = rounding.round(x.constantValue());
            return new Num(smt.real(v), smt.yes(), true, v);
        }
        return new Num(RoundingFormula.round(smt, x.value(), rounding), x.defined(), false, null);
    }

    /**
     * Returns the branch the engine takes: the condition as its closures test it (an absent true/false fact is false);
     * absent when the branch taken is.
     */
    static Num conditional(Smt smt, Term condition, Num then, Num otherwise) {
        return new Num(smt.ite(condition, then.value(), otherwise.value()),
                smt.ite(condition, then.defined(), otherwise.defined()), false, null);
    }
}
