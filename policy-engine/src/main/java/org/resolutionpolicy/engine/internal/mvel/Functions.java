package org.resolutionpolicy.engine.internal.mvel;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.resolutionpolicy.model.FactType;
import org.resolutionpolicy.model.value.Values;
import org.resolutionpolicy.model.value.WorkCalendar;

/**
 * The allow-listed functions of expressions: {@code min}, {@code max} over numbers, and the date differences
 * {@code hoursBetween} (exact hours, to 34 significant digits), {@code daysBetween} (calendar days between the UTC
 * dates) and {@code businessDaysBetween} (business days on the policy's calendar after the first date, up to and
 * including the second). Numbers are exact decimals: {@code min} and {@code max} never round.
 */
final class Functions {

    /** The precision of {@code hoursBetween}: hours are not money, and 34 digits tell every two instants apart. */
    static final MathContext HOURS = MathContext.DECIMAL128;
    private static final BigDecimal SECONDS_PER_HOUR = BigDecimal.valueOf(3_600);

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
                Duration d = Duration.between((Instant) args[0], (Instant) args[1]);
                BigDecimal seconds = BigDecimal.valueOf(d.getSeconds()).add(BigDecimal.valueOf(d.getNano(), 9));
                return Values.normalize(seconds.divide(SECONDS_PER_HOUR, HOURS));
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
}
