package org.resolutionpolicy.api;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.MonthDay;
import java.time.format.TextStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.ChronoUnit;
import java.time.temporal.Temporal;
import java.time.temporal.TemporalAmount;
import java.time.temporal.TemporalUnit;
import java.time.temporal.UnsupportedTemporalTypeException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A calendar period of a per-customer window ({@code calendar year from 1 April}, {@code calendar month},
 * {@code calendar week from Monday}): the window is the period that contains the case's date, from its first day,
 * rather than a span reaching back from it as {@code P1Y} does. A payment on 20 March and one on 10 April fall in
 * two financial years from 1 April, and a window of one payment per such year allows both.
 *
 * <p>As a {@link TemporalAmount}, subtracting it from a date-time gives the start of the period that contains it
 * (midnight of its first day, in the date-time's zone), and adding it gives the start of the next period.
 *
 * <p>Immutable. Its {@code toString()} is the text a policy writes.
 *
 * @param unit the length of the period
 * @param start the first day of a year (for {@code YEAR} and {@code QUARTER}: the day and month one of its periods
 *              starts on; for {@code MONTH}: the day of the month, the month being ignored); January 1st otherwise
 * @param weekStart the first day of a {@code WEEK}; Monday for other units
 */
public record CalendarPeriod(Unit unit, MonthDay start, DayOfWeek weekStart) implements TemporalAmount {

    /** Examples of the text {@link #parse} reads, for messages. */
    public static final String EXAMPLES = "[calendar year from 1 April], [calendar quarter from 1 January], "
            + "[calendar month], [calendar month from day 15], [calendar week from Monday] or [calendar day]";

    /** The lengths of calendar period a window may count. */
    public enum Unit {
        /** A day, from midnight. */
        DAY,
        /** A week, from its first weekday. */
        WEEK,
        /** A month, from a day of the month (at most the 28th, which every month has). */
        MONTH,
        /** Three months, from a day of a year's month. */
        QUARTER,
        /** Twelve months, from a day of the year. */
        YEAR;

        /** Returns the unit as a policy writes it: {@code year}. */
        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * Creates a period.
     *
     * @throws NullPointerException if unit, start or weekStart is null
     * @throws IllegalArgumentException if a month or a quarter starts after the 28th, or a year on 29 February, which
     *                                  not every month or year has
     */
    public CalendarPeriod {
        Objects.requireNonNull(unit, "unit must not be null");
        Objects.requireNonNull(start, "start must not be null");
        Objects.requireNonNull(weekStart, "weekStart must not be null");
        if (unit == Unit.MONTH && start.getDayOfMonth() > 28) {
            throw new IllegalArgumentException("not every month has a day " + start.getDayOfMonth()
                    + ": a calendar month starts on day 1 to 28");
        }
        if ((unit == Unit.YEAR || unit == Unit.QUARTER) && start.getMonth() == Month.FEBRUARY
                && start.getDayOfMonth() == 29) {
            throw new IllegalArgumentException("not every year has 29 February: start on 1 March instead");
        }
        if (unit == Unit.QUARTER && start.getDayOfMonth() > 28) {
            throw new IllegalArgumentException("not every month of a quarter has a day " + start.getDayOfMonth()
                    + ": a calendar quarter starts on day 1 to 28 of a month");
        }
    }

    /** Returns a period of a unit from its usual start: January 1st, the 1st of the month, Monday. */
    public static CalendarPeriod of(Unit unit) {
        return new CalendarPeriod(unit, MonthDay.of(1, 1), DayOfWeek.MONDAY);
    }

    /**
     * Reads a period as a policy writes it: {@code calendar <day|week|month|quarter|year> [from <start>]}, the start
     * being a weekday for a week ({@code Monday}), a day of the month for a month ({@code day 15}), and a day and a
     * month for a quarter or a year ({@code 1 April}). Upper and lower case are alike.
     *
     * @return the period, or null when the text does not start with {@code calendar } (it is some other period)
     * @throws IllegalArgumentException with a message for the policy owner when it starts so and is not a period
     */
    public static CalendarPeriod parse(String text) {
        String t = text.strip();
        if (!t.regionMatches(true, 0, "calendar", 0, 8) || t.length() > 8 && !Character.isWhitespace(t.charAt(8))) {
            return null;
        }
        if (t.length() > 60) {
            throw new IllegalArgumentException("[" + t.substring(0, 60) + "...] is too long for a calendar period: write "
                    + "one of " + EXAMPLES);
        }
        String[] words = t.split("\\s+");
        if (words.length < 2) {
            throw new IllegalArgumentException("[" + text.trim() + "] names no period: write one of " + EXAMPLES);
        }
        Unit unit;
        try {
            unit = Unit.valueOf(words[1].toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown calendar period [" + words[1] + "]: a calendar window counts a "
                    + "day, week, month, quarter or year");
        }
        if (words.length == 2) {
            return of(unit);
        }
        if (!words[2].equalsIgnoreCase("from") || words.length == 3) {
            throw new IllegalArgumentException("[" + text.trim() + "]: after the period comes [from] and its first "
                    + "day, as in " + EXAMPLES);
        }
        List<String> from = List.of(words).subList(3, words.length);
        String said = String.join(" ", from);
        switch (unit) {
            case DAY -> throw new IllegalArgumentException("a calendar day starts at midnight: leave out [from " + said
                    + "]");
            case WEEK -> {
                if (from.size() == 1) {
                    for (DayOfWeek d : DayOfWeek.values()) {
                        String name = d.getDisplayName(TextStyle.FULL, Locale.ENGLISH);
                        if (name.equalsIgnoreCase(said) || name.substring(0, 3).equalsIgnoreCase(said)) {
                            return new CalendarPeriod(unit, MonthDay.of(1, 1), d);
                        }
                    }
                }
                throw new IllegalArgumentException("[" + said + "] is not a weekday: a calendar week starts on a "
                        + "weekday, as in [calendar week from Monday]");
            }
            case MONTH -> {
                if (from.size() == 2 && from.get(0).equalsIgnoreCase("day")) {
                    int day = number(from.get(1));
                    if (day >= 1 && day <= 31) {
                        return new CalendarPeriod(unit, MonthDay.of(1, day), DayOfWeek.MONDAY);
                    }
                }
                throw new IllegalArgumentException("[" + said + "] is not a day of the month: a calendar month starts "
                        + "on a day from 1 to 28, as in [calendar month from day 15]");
            }
            default -> {
                return new CalendarPeriod(unit, dayOfYear(said, from), DayOfWeek.MONDAY);
            }
        }
    }

    private static MonthDay dayOfYear(String said, List<String> from) {
        int day = from.size() == 2 ? number(from.get(0)) : -1;
        Month month = from.size() == 2 ? month(from.get(1)) : null;
        if (day < 1 || month == null) {
            throw new IllegalArgumentException("[" + said + "] is not a day of the year: write the day and the month, "
                    + "as in [from 1 April]");
        }
        if (day > month.maxLength()) {
            throw new IllegalArgumentException("[" + said + "] is not a date: "
                    + month.getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " has " + (month == Month.FEBRUARY
                    ? "28 days (29 in a leap year)" : month.maxLength() + " days"));
        }
        return MonthDay.of(month, day);
    }

    private static int number(String text) {
        return text.matches("[0-9]{1,2}") ? Integer.parseInt(text) : -1;
    }

    private static Month month(String text) {
        for (Month m : Month.values()) {
            String name = m.getDisplayName(TextStyle.FULL, Locale.ENGLISH);
            if (name.equalsIgnoreCase(text) || text.length() == 3 && name.substring(0, 3).equalsIgnoreCase(text)) {
                return m;
            }
        }
        return null;
    }

    /** Returns the first day of the period that contains a date. */
    public LocalDate startOf(LocalDate date) {
        switch (unit) {
            case DAY -> {
                return date;
            }
            case WEEK -> {
                int back = Math.floorMod(date.getDayOfWeek().getValue() - weekStart.getValue(), 7);
                return date.minusDays(back);
            }
            case MONTH -> {
                LocalDate candidate = date.withDayOfMonth(start.getDayOfMonth());
                return candidate.isAfter(date) ? candidate.minusMonths(1) : candidate;
            }
            default -> {
                int months = unit == Unit.YEAR ? 12 : 3;
                // the period starting on start's day in a month of the cycle, at or before the date
                LocalDate anchor = LocalDate.of(date.getYear(), start.getMonth(), start.getDayOfMonth());
                long steps = Math.floorDiv(monthsBetween(anchor, date), months);
                LocalDate candidate = anchor.plusMonths(steps * months);
                while (candidate.isAfter(date)) {
                    candidate = candidate.minusMonths(months);
                }
                while (!candidate.plusMonths(months).isAfter(date)) {
                    candidate = candidate.plusMonths(months);
                }
                return candidate;
            }
        }
    }

    /** Returns the first day of the period after the one that contains a date. */
    public LocalDate nextStart(LocalDate date) {
        LocalDate first = startOf(date);
        return switch (unit) {
            case DAY -> first.plusDays(1);
            case WEEK -> first.plusWeeks(1);
            case MONTH -> first.plusMonths(1);
            case QUARTER -> first.plusMonths(3);
            case YEAR -> first.plusYears(1);
        };
    }

    private static long monthsBetween(LocalDate a, LocalDate b) {
        return (b.getYear() - a.getYear()) * 12L + b.getMonthValue() - a.getMonthValue();
    }

    @Override
    public long get(TemporalUnit u) {
        if (u == baseUnit()) {
            return unit == Unit.QUARTER ? 3 : 1;
        }
        throw new UnsupportedTemporalTypeException("a calendar " + unit.word() + " has only " + baseUnit() + ": " + u);
    }

    @Override
    public List<TemporalUnit> getUnits() {
        return List.of(baseUnit());
    }

    private ChronoUnit baseUnit() {
        return switch (unit) {
            case DAY -> ChronoUnit.DAYS;
            case WEEK -> ChronoUnit.WEEKS;
            case MONTH, QUARTER -> ChronoUnit.MONTHS;
            case YEAR -> ChronoUnit.YEARS;
        };
    }

    /** Returns the start of the next period after the one that contains the date-time, at midnight in its zone. */
    @Override
    public Temporal addTo(Temporal temporal) {
        return midnight(temporal, nextStart(date(temporal)));
    }

    /** Returns the start of the period that contains the date-time, at midnight in its zone. */
    @Override
    public Temporal subtractFrom(Temporal temporal) {
        return midnight(temporal, startOf(date(temporal)));
    }

    private static LocalDate date(Temporal temporal) {
        return LocalDate.ofEpochDay(temporal.getLong(ChronoField.EPOCH_DAY));
    }

    private static Temporal midnight(Temporal temporal, LocalDate day) {
        Temporal t = temporal.with(ChronoField.EPOCH_DAY, day.toEpochDay());
        return t.isSupported(ChronoField.NANO_OF_DAY) ? t.with(ChronoField.NANO_OF_DAY, 0) : t;
    }

    /** Returns the text a policy writes: {@code calendar year from 1 April}, {@code calendar month}. */
    @Override
    public String toString() {
        String head = "calendar " + unit.word();
        return switch (unit) {
            case DAY -> head;
            case WEEK -> weekStart == DayOfWeek.MONDAY ? head
                    : head + " from " + weekStart.getDisplayName(TextStyle.FULL, Locale.ENGLISH);
            case MONTH -> start.getDayOfMonth() == 1 ? head : head + " from day " + start.getDayOfMonth();
            default -> start.equals(MonthDay.of(1, 1)) ? head : head + " from " + start.getDayOfMonth() + " "
                    + start.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
        };
    }
}
