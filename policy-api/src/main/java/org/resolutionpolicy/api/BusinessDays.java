package org.resolutionpolicy.api;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoField;
import java.time.temporal.ChronoUnit;
import java.time.temporal.Temporal;
import java.time.temporal.TemporalAmount;
import java.time.temporal.TemporalUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A number of business days on a policy's calendar ({@code P7BD} in a policy): adding it to a date-time steps
 * over every day that is not one of the calendar's weekdays or is one of its holidays, keeping the time of day.
 *
 * <p>Immutable. Its {@code toString()} is the text a policy writes, {@code P7BD}.
 *
 * @param days how many business days, at least 1
 * @param weekdays the days of the week that are business days, not empty
 * @param holidays the dates that are never business days
 */
public record BusinessDays(int days, Set<DayOfWeek> weekdays, Set<LocalDate> holidays) implements TemporalAmount {

    /** The business days of a calendar without one: Monday to Friday. */
    public static final Set<DayOfWeek> MONDAY_TO_FRIDAY = Set.copyOf(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY));

    /**
     * Creates a number of business days.
     *
     * @throws NullPointerException if weekdays or holidays is null
     * @throws IllegalArgumentException if days is below 1 or weekdays is empty
     */
    public BusinessDays {
        Objects.requireNonNull(weekdays, "weekdays must not be null");
        Objects.requireNonNull(holidays, "holidays must not be null");
        if (days < 1) {
            throw new IllegalArgumentException("business days must be at least 1: [" + days + "]");
        }
        if (weekdays.isEmpty()) {
            throw new IllegalArgumentException("a calendar needs at least one business weekday");
        }
        weekdays = Set.copyOf(weekdays);
        holidays = Set.copyOf(holidays);
    }

    /** Returns true if the date is a business day on this calendar. */
    public boolean isBusinessDay(LocalDate date) {
        return weekdays.contains(date.getDayOfWeek()) && !holidays.contains(date);
    }

    /** Returns the date {@code days} business days after (or, negative, before) a date. */
    public LocalDate shift(LocalDate from, int steps) {
        int direction = Integer.signum(steps);
        LocalDate date = from;
        // a calendar has at least one business weekday, so each step ends within a week plus its holidays
        for (int left = Math.abs(steps); left > 0; ) {
            date = date.plusDays(direction);
            if (isBusinessDay(date)) {
                left--;
            }
        }
        return date;
    }

    @Override
    public long get(TemporalUnit unit) {
        if (unit == ChronoUnit.DAYS) {
            return days;
        }
        throw new java.time.temporal.UnsupportedTemporalTypeException("business days have only days: " + unit);
    }

    @Override
    public List<TemporalUnit> getUnits() {
        return List.of(ChronoUnit.DAYS);
    }

    @Override
    public Temporal addTo(Temporal temporal) {
        return move(temporal, days);
    }

    @Override
    public Temporal subtractFrom(Temporal temporal) {
        return move(temporal, -days);
    }

    private Temporal move(Temporal temporal, int steps) {
        LocalDate from = LocalDate.ofEpochDay(temporal.getLong(ChronoField.EPOCH_DAY));
        long shift = shift(from, steps).toEpochDay() - from.toEpochDay();
        return temporal.plus(shift, ChronoUnit.DAYS);
    }

    /** Returns the text a policy writes: {@code P7BD}. */
    @Override
    public String toString() {
        return "P" + days + "BD";
    }
}
