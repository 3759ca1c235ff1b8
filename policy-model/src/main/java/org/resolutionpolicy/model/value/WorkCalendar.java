package org.resolutionpolicy.model.value;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.resolutionpolicy.api.BusinessDays;

/**
 * A policy's business calendar ({@code calendar: {weekdays, holidays}}): which days count as business days for
 * {@code P7BD} periods and {@code businessDaysBetween}. Dates are those of the case's zone (UTC unless the policy
 * names a {@code timeZone}).
 * Immutable.
 *
 * @param weekdays the business days of the week, not empty
 * @param holidays the dates that are never business days
 */
public record WorkCalendar(Set<DayOfWeek> weekdays, Set<LocalDate> holidays) {

    /** The calendar of a policy that declares none: Monday to Friday, no holidays. */
    public static final WorkCalendar DEFAULT = new WorkCalendar(BusinessDays.MONDAY_TO_FRIDAY, Set.of());

    /** Copies the sets. */
    public WorkCalendar {
        weekdays = Set.copyOf(weekdays);
        holidays = Set.copyOf(new TreeSet<>(holidays));
    }

    /** Returns a number of business days on this calendar. */
    public BusinessDays days(int days) {
        return new BusinessDays(days, weekdays, holidays);
    }

    /** Returns true if the date is a business day. */
    public boolean isBusinessDay(LocalDate date) {
        return weekdays.contains(date.getDayOfWeek()) && !holidays.contains(date);
    }

    /**
     * Returns the business days after the UTC date of {@code from} up to and including that of {@code to}; negative
     * when {@code to} is earlier. Walks whole weeks at once, so that a span of centuries costs little.
     */
    public long between(Instant from, Instant to) {
        return between(from, to, ZoneOffset.UTC);
    }

    /**
     * Returns the business days after the date of {@code from} up to and including that of {@code to}, the dates
     * being those of a zone; negative when {@code to} is earlier.
     */
    public long between(Instant from, Instant to, ZoneId zone) {
        LocalDate a = from.atZone(zone).toLocalDate();
        LocalDate b = to.atZone(zone).toLocalDate();
        return between(a, b);
    }

    /** Returns the business days after date {@code a} up to and including date {@code b}; negative when b is earlier. */
    public long between(LocalDate a, LocalDate b) {
        if (b.isBefore(a)) {
            return -countAfter(b, a);
        }
        return countAfter(a, b);
    }

    /**
     * Returns the business days after date {@code a} up to and including date {@code b} (or after b up to a when b
     * is earlier), at most {@code limit} of them, earliest first: the days an explanation shows it counted.
     */
    public List<LocalDate> daysAfter(LocalDate a, LocalDate b, int limit) {
        LocalDate from = b.isBefore(a) ? b : a;
        LocalDate to = b.isBefore(a) ? a : b;
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate d = from.plusDays(1); !d.isAfter(to) && days.size() < limit; d = d.plusDays(1)) {
            if (isBusinessDay(d)) {
                days.add(d);
            }
        }
        return days;
    }

    private long countAfter(LocalDate a, LocalDate b) {
        long span = b.toEpochDay() - a.toEpochDay();
        long weeks = span / 7;
        long count = weeks * weekdays.size();
        for (LocalDate d = a.plusDays(weeks * 7 + 1); !d.isAfter(b); d = d.plusDays(1)) {
            if (weekdays.contains(d.getDayOfWeek())) {
                count++;
            }
        }
        for (LocalDate h : holidays) {
            if (h.isAfter(a) && !h.isAfter(b) && weekdays.contains(h.getDayOfWeek())) {
                count--;
            }
        }
        return count;
    }
}
