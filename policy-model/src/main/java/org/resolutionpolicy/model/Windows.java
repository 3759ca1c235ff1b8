package org.resolutionpolicy.model;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.TemporalAmount;
import org.resolutionpolicy.api.BusinessDays;
import org.resolutionpolicy.api.CalendarPeriod;
import org.resolutionpolicy.api.HistoryEntry;

/**
 * Sums a customer's earlier grants of a remedy inside a window that ends at the case's {@code openedAt}:
 * entries strictly after the window's start and up to its end count; for a {@link CalendarPeriod}, entries from the
 * first instant of the period that contains {@code openedAt} (in the case's zone) up to it. One definition, used by authority
 * limits and by the {@code history.count/total} helpers alike.
 */
public final class Windows {

    private Windows() {
    }

    /**
     * What the customer already had of a remedy in a window.
     *
     * @param count how many grants
     * @param total their amounts added up (an entry without amount adds {@code amountless})
     */
    public record Use(int count, BigDecimal total) {
    }

    /**
     * Returns the use of a remedy in the window ending at the facts' window end.
     *
     * @param window the window length, or null for the whole history up to the end
     * @param amountless what an entry without an amount adds to the total (1 for count remedies, else 0)
     */
    public static Use use(Facts facts, String remedy, TemporalAmount window, BigDecimal amountless) {
        Instant end = facts.windowEnd();
        // a calendar period counts from its first instant, included; a rolling window from after its start
        Instant first = window instanceof CalendarPeriod ? firstCounted(facts, window) : null;
        Instant start = first != null || window == null ? Instant.MIN : start(end, window, facts.time());
        int count = 0;
        BigDecimal total = BigDecimal.ZERO;
        for (HistoryEntry h : facts.history()) {
            if (!remedy.equals(h.remedy()) || h.at() == null || h.at().isAfter(end)
                    || (first != null ? h.at().isBefore(first) : !h.at().isAfter(start))) {
                continue;
            }
            count++;
            total = total.add(h.amount() != null ? h.amount() : amountless);
        }
        return new Use(count, total);
    }

    /**
     * Returns the first instant a window counts, in the case's zone: the midnight that starts a calendar period, or
     * just after the start of a rolling window; null for the whole history.
     */
    public static Instant firstCounted(Facts facts, TemporalAmount window) {
        if (window == null) {
            return null;
        }
        CaseTime time = facts.time();
        Instant end = facts.windowEnd();
        if (window instanceof CalendarPeriod period) {
            return period.startOf(time.date(end)).atStartOfDay(time.zone()).toInstant();
        }
        Instant start = start(end, window, time);
        return start.equals(Instant.MIN) ? null : start.plusNanos(1);
    }

    /**
     * Returns where a calendar period of a case began, for messages ({@code  (the period from Wed 2026-04-01 in
     * Australia/Sydney)}); empty for a rolling window, whose start its length says.
     */
    public static String since(Facts facts, TemporalAmount window) {
        if (!(window instanceof CalendarPeriod period)) {
            return "";
        }
        CaseTime time = facts.time();
        return " (the period from " + CaseTime.show(period.startOf(time.date(facts.windowEnd()))) + " in "
                + (time.utc() && time.zoneSource() == null ? "UTC" : time.zone().getId()) + ")";
    }

    /** Returns the start of a window (exclusive) ending at {@code end}; periods count calendar days in UTC. */
    static Instant start(Instant end, TemporalAmount window) {
        return start(end, window, CaseTime.UTC);
    }

    /**
     * Returns the start of a window (exclusive) ending at {@code end}: periods count calendar days in the case's
     * zone, and business days on its calendar.
     */
    static Instant start(Instant end, TemporalAmount window, CaseTime time) {
        try {
            if (window instanceof Duration) {
                return end.minus((Duration) window);
            }
            // business days count on the calendar a fact of the case chose, when the policy has several
            TemporalAmount w = window instanceof BusinessDays days && time.calendarName() != null
                    ? time.calendar().days(days.days()) : window;
            return end.atZone(time.zone()).minus(w).toInstant();
        } catch (java.time.DateTimeException | ArithmeticException e) {
            // a window longer than the calendar reaches back covers all of history
            return Instant.MIN;
        }
    }
}
