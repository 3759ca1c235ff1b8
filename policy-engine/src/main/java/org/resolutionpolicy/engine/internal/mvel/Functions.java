package org.resolutionpolicy.engine.internal.mvel;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.resolutionpolicy.model.FactType;
import org.resolutionpolicy.model.value.Values;
import org.resolutionpolicy.model.value.WorkCalendar;

/**
 * The allow-listed functions of expressions: {@code min}, {@code max} over numbers, and the date differences
 * {@code hoursBetween}, {@code daysBetween} (calendar days between the UTC dates) and {@code businessDaysBetween}
 * (business days on the policy's calendar after the first date, up to and including the second). Each has an exact
 * form (BigDecimal and Instant, for amounts and named values) and a double form (for conditions, which compare
 * doubles as MVEL does); both agree on every whole-millisecond input.
 */
final class Functions {

    /** How every computed amount is held: at most 15 significant digits, the limit of an exact amount. */
    static final MathContext DIGITS = new MathContext(15, RoundingMode.HALF_EVEN);
    private static final BigDecimal MILLIS_PER_HOUR = BigDecimal.valueOf(3_600_000);
    private static final double MILLIS_PER_DAY = 86_400_000.0;

    /** The functions and the type of their arguments; every one returns a number. */
    static final Map<String, FactType> ARGUMENTS = Map.of("min", FactType.NUMBER, "max", FactType.NUMBER,
            "hoursBetween", FactType.DATETIME, "daysBetween", FactType.DATETIME,
            "businessDaysBetween", FactType.DATETIME);

    private Functions() {
    }

    /** Returns true for {@code min} and {@code max}, which take two or more arguments; the rest take two. */
    static boolean variadic(String function) {
        return function.equals("min") || function.equals("max");
    }

    /** Applies a function to exact arguments (BigDecimal or Instant), none null. */
    static BigDecimal exact(String function, Object[] args, WorkCalendar calendar) {
        switch (function) {
            case "min", "max" -> {
                BigDecimal best = (BigDecimal) args[0];
                for (int i = 1; i < args.length; i++) {
                    BigDecimal v = (BigDecimal) args[i];
                    best = function.equals("min") ? best.min(v) : best.max(v);
                }
                return best;
            }
            case "hoursBetween" -> {
                BigDecimal millis = BigDecimal.valueOf(Values.epochMillis((Instant) args[1]))
                        .subtract(BigDecimal.valueOf(Values.epochMillis((Instant) args[0])));
                return millis.divide(MILLIS_PER_HOUR, DIGITS);
            }
            case "daysBetween" -> {
                long a = ((Instant) args[0]).atZone(ZoneOffset.UTC).toLocalDate().toEpochDay();
                long b = ((Instant) args[1]).atZone(ZoneOffset.UTC).toLocalDate().toEpochDay();
                return BigDecimal.valueOf(b - a);
            }
            default -> {
                return BigDecimal.valueOf(calendar.between((Instant) args[0], (Instant) args[1]));
            }
        }
    }

    /** Applies a function to double arguments (numbers, and dates as epoch milliseconds), none NaN from absence. */
    static double approximate(String function, double[] args, WorkCalendar calendar) {
        switch (function) {
            case "min", "max" -> {
                double best = args[0];
                for (int i = 1; i < args.length; i++) {
                    best = function.equals("min") ? Math.min(best, args[i]) : Math.max(best, args[i]);
                }
                return best;
            }
            case "hoursBetween" -> {
                return exact(function, new Object[] {instant(args[0]), instant(args[1])}, calendar).doubleValue();
            }
            case "daysBetween" -> {
                return Math.floor(args[1] / MILLIS_PER_DAY) - Math.floor(args[0] / MILLIS_PER_DAY);
            }
            default -> {
                return calendar.between(instant(args[0]), instant(args[1]));
            }
        }
    }

    private static Instant instant(double epochMillis) {
        return Instant.ofEpochMilli((long) epochMillis);
    }
}
