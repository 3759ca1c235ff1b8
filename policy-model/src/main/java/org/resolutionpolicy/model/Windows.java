package org.resolutionpolicy.model;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAmount;
import org.resolutionpolicy.api.HistoryEntry;

/**
 * Sums a customer's earlier grants of a remedy inside a window that ends at the case's {@code openedAt}:
 * entries strictly after the window's start and up to its end count. One definition, used by authority
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
        Instant start = window == null ? Instant.MIN : start(end, window);
        int count = 0;
        BigDecimal total = BigDecimal.ZERO;
        for (HistoryEntry h : facts.history()) {
            if (!remedy.equals(h.remedy()) || h.at() == null || !h.at().isAfter(start) || h.at().isAfter(end)) {
                continue;
            }
            count++;
            total = total.add(h.amount() != null ? h.amount() : amountless);
        }
        return new Use(count, total);
    }

    /** Returns the start of a window (exclusive) ending at {@code end}; periods count calendar days in UTC. */
    static Instant start(Instant end, TemporalAmount window) {
        try {
            if (window instanceof Duration) {
                return end.minus((Duration) window);
            }
            return end.atZone(ZoneOffset.UTC).minus(window).toInstant();
        } catch (java.time.DateTimeException | ArithmeticException e) {
            // a window longer than the calendar reaches back covers all of history
            return Instant.MIN;
        }
    }
}
