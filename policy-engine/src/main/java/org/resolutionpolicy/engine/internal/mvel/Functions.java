package org.resolutionpolicy.engine.internal.mvel;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.resolutionpolicy.model.CaseTime;
import org.resolutionpolicy.model.FactType;
import org.resolutionpolicy.model.value.Values;
import org.resolutionpolicy.model.value.WorkCalendar;

/**
 * The allow-listed functions of expressions: {@code min}, {@code max} over numbers, and the date differences
 * {@code hoursBetween} (exact hours, to 34 significant digits), {@code daysBetween} (calendar days between the dates
 * in the case's zone, UTC by default) and {@code businessDaysBetween} (business days on the policy's calendar after the first date, up to and
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

    /** Returns the calendar business days count on: the case's when a fact chose it, else the policy's. */
    static WorkCalendar calendar(WorkCalendar calendar, CaseTime time) {
        return time.calendarName() != null ? time.calendar() : calendar;
    }

    /** Returns true for {@code min} and {@code max}, which take two or more arguments; the rest take two. */
    static boolean variadic(String function) {
        return function.equals("min") || function.equals("max");
    }

    /** Applies a function to exact arguments (BigDecimal or Instant), none null. */
    static BigDecimal exact(String function, Object[] args, WorkCalendar calendar) {
        return exact(function, args, calendar, CaseTime.UTC);
    }

    /**
     * Applies a function to exact arguments (BigDecimal or Instant), none null, counting dates in a case's zone and,
     * when its policy chooses calendars by a fact, business days on the case's calendar.
     */
    static BigDecimal exact(String function, Object[] args, WorkCalendar calendar, CaseTime time) {
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
                long a = time.date((Instant) args[0]).toEpochDay();
                long b = time.date((Instant) args[1]).toEpochDay();
                return BigDecimal.valueOf(b - a);
            }
            default -> {
                return BigDecimal.valueOf(calendar(calendar, time).between((Instant) args[0], (Instant) args[1],
                        time.zone()));
            }
        }
    }
}
