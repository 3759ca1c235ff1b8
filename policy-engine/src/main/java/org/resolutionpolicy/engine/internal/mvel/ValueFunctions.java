package org.resolutionpolicy.engine.internal.mvel;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.resolutionpolicy.model.FactType;
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

    /**
     * Checks the arguments of a call and returns it: a number and optionally a whole-number literal of places for
     * {@code floor/ceil/round}, a date-time (a quoted one too) and a number for {@code plusMonths/plusDays}.
     */
    static Expr call(Token name, Token open, List<Expr> args, ExpressionContext context) throws ExpressionException {
        String function = name.text();
        if (ROUNDINGS.contains(function)) {
            if (args.isEmpty() || args.size() > 2) {
                throw new ExpressionException(function + "(..) takes a number and optionally the places to keep, but has ["
                        + args.size() + "] arguments", open.offset(), "e.g. [" + function + "(attributes.paid / 3)] or ["
                        + function + "(attributes.paid / 3, 2)]");
            }
            TypeWords.requireType(args.get(0), FactType.NUMBER, function);
            if (args.size() == 2 && !isPlaces(args.get(1))) {
                throw new ExpressionException("the places of " + function + "(..) must be a whole number from 0 to ["
                        + Rounding.MAX_PLACES + "] written as a number, not " + TypeWords.operand(args.get(1)),
                        args.get(1).offset(), "e.g. [" + function + "(attributes.paid / 3, 2)]");
            }
            return new Expr.Call(name.offset(), FactType.NUMBER, function, args, context.calendar(),
                    args.get(0).height() + 1);
        }
        if (args.size() != 2) {
            throw new ExpressionException(function + "(..) takes a date-time and a whole number, but has ["
                    + args.size() + "] arguments", open.offset(), "e.g. [" + function + "(attributes.reportedAt, 2)]");
        }
        if (args.get(0) instanceof Expr.Literal l && l.type() == FactType.STRING) {
            args.set(0, Parser.dateLiteral(l));
        }
        TypeWords.requireType(args.get(0), FactType.DATETIME, function);
        TypeWords.requireType(args.get(1), FactType.NUMBER, function);
        return new Expr.Call(name.offset(), FactType.DATETIME, function, args, context.calendar(),
                Math.max(args.get(0).height(), args.get(1).height()) + 1);
    }

    /** Checks {@code c ? a : b}: a true/false condition, and two numbers. */
    static void checkConditional(Expr condition, Expr then, Expr otherwise) throws ExpressionException {
        TypeWords.requireType(condition, FactType.BOOLEAN, "?");
        if (then.type() != FactType.NUMBER || otherwise.type() != FactType.NUMBER) {
            Expr wrong = then.type() != FactType.NUMBER ? then : otherwise;
            throw new ExpressionException("both values of [c ? a : b] must be numbers, but " + TypeWords.operand(wrong)
                    + " is " + TypeWords.article(wrong.type()) + " " + TypeWords.label(wrong.type()), wrong.offset(),
                    "for a condition write [(c && a) || (!c && b)]");
        }
    }

    private static boolean isPlaces(Expr e) {
        if (!(e instanceof Expr.Literal l) || !(l.value() instanceof BigDecimal n)) {
            return false;
        }
        BigDecimal whole = Values.normalize(n);
        return whole.scale() <= 0 && whole.signum() >= 0 && whole.compareTo(BigDecimal.valueOf(Rounding.MAX_PLACES)) <= 0;
    }

    /** Returns the places a literal states, or null when the call leaves them out. */
    static Integer places(List<Expr> args) {
        if (args.size() < 2) {
            return null;
        }
        return ((BigDecimal) ((Expr.Literal) args.get(1)).value()).intValueExact();
    }
}
