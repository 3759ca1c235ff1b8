package org.resolutionpolicy.model;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;
import org.resolutionpolicy.model.value.WorkCalendar;

/**
 * The zone and business calendar one case is counted in, as its policy's {@link PolicyTime} chose them. Immutable.
 *
 * @param zone the zone of the case's dates
 * @param zoneSource how a fact chose the zone ({@code attributes.state = NSW}), or null when the policy fixes it
 * @param calendar the business calendar
 * @param calendarName the name of the calendar among several ({@code NSW}, {@code default}), or null when the policy
 *                     has one
 */
public record CaseTime(ZoneId zone, String zoneSource, WorkCalendar calendar, String calendarName) {

    /** The time of a case under a policy that says nothing of it: UTC, Monday to Friday. */
    public static final CaseTime UTC = new CaseTime(ZoneOffset.UTC, null, WorkCalendar.DEFAULT, null);

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE yyyy-MM-dd", Locale.ENGLISH);
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("EEE yyyy-MM-dd HH:mm", Locale.ENGLISH);

    /**
     * Creates a case's time.
     *
     * @throws NullPointerException if zone or calendar is null
     */
    public CaseTime {
        Objects.requireNonNull(zone, "zone must not be null");
        Objects.requireNonNull(calendar, "calendar must not be null");
    }

    /** Returns the date of an instant in the case's zone. */
    public LocalDate date(Instant at) {
        return at.atZone(zone).toLocalDate();
    }

    /** Returns true if the case is counted in UTC. */
    public boolean utc() {
        return PolicyTime.isUtc(zone);
    }

    /** Returns a date-time as explanations show it, in the case's zone: {@code Mon 2026-03-02 08:00}, or the day alone
     * at midnight. */
    public String show(Instant at) {
        ZonedDateTime z = at.atZone(zone);
        return z.toLocalTime().equals(LocalTime.MIDNIGHT) ? DAY.format(z) : MINUTE.format(z);
    }

    /** Returns a date as explanations show it: {@code Wed 2026-03-04}. */
    public static String show(LocalDate date) {
        return DAY.format(date);
    }
}
