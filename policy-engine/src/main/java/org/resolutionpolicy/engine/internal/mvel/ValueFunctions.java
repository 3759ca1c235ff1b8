package org.resolutionpolicy.engine.internal.mvel;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.resolutionpolicy.model.expr.Expr;
import org.resolutionpolicy.model.value.Rounding;
import org.resolutionpolicy.model.value.Values;

/**
 * The allow-listed functions that shape a value rather than compare: {@code floor(x)}, {@code ceil(x)} and
 * {@code round(x)} of a number, to whole units or to a number of places ({@code round(x, 2)}), and the date
 * arithmetic {@code plusMonths(d, n)} and {@code plusDays(d, n)}. All are exact: a number is rounded once, by
 * {@link BigDecimal#setScale}, {@code round} with the policy's rounding mode, {@code floor} towards negative infinity
 * and {@code ceil} towards positive infinity; a month added to 31 January is the last day of February.
 */
final class ValueFunctions {

    /** The functions of numbers, which take the number and optionally a whole-number literal of places. */
    static final Set<String> ROUNDINGS = Set.of("floor", "ceil", "round");
    /** The functions of dates, which take a date and a whole number of months or days. */
    static final Set<String> DATES = Set.of("plusMonths", "plusDays");

    private ValueFunctions() {
    }

    /** Returns true for one of these functions. */
    static boolean handles(String function) {
        return ROUNDINGS.contains(function) || DATES.contains(function);
    }

    /**
     * Rounds a number as a function says.
     *
     * @param function {@code floor}, {@code ceil} or {@code round}
     * @param value the number
     * @param places the places to keep, or null: 0 for floor and ceil, the policy's places for round
     * @param policy the policy's rounding, whose mode {@code round} uses
     * @return the rounded number, normalised
     */
    static BigDecimal round(String function, BigDecimal value, Integer places, Rounding policy) {
        return switch (function) {
            case "floor" -> Values.normalize(value.setScale(places == null ? 0 : places, RoundingMode.FLOOR));
            case "ceil" -> Values.normalize(value.setScale(places == null ? 0 : places, RoundingMode.CEILING));
            default -> Values.normalize(value.setScale(places == null ? policy.places() : places, policy.mode()));
        };
    }

    /**
     * Adds months or days to a date, on the UTC calendar.
     *
     * @param function {@code plusMonths} or {@code plusDays}
     * @param date the date
     * @param count how many, negative to go back
     * @return the date, or null (no value) when the count is not a whole number or goes beyond the supported dates
     */
    static Instant shift(String function, Instant date, BigDecimal count) {
        BigDecimal whole = Values.normalize(count);
        if (whole.scale() > 0 || whole.abs().compareTo(BigDecimal.valueOf(1_000_000)) > 0) {
            return null;
        }
        long n = whole.longValueExact();
        var utc = date.atZone(ZoneOffset.UTC);
        return (function.equals("plusMonths") ? utc.plusMonths(n) : utc.plusDays(n)).toInstant();
    }

    /** Returns the places a literal states, or null when the call leaves them out. */
    static Integer places(List<Expr> args) {
        if (args.size() < 2) {
            return null;
        }
        return ((BigDecimal) ((Expr.Literal) args.get(1)).value()).intValueExact();
    }
}
