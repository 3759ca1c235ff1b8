package org.resolutionpolicy.analysis.internal;

import java.time.Duration;
import java.time.Period;
import java.time.temporal.TemporalAmount;

/**
 * Which windows hold at least what others do, on every date: a window ends at a case's {@code openedAt} and starts
 * that long before, so a longer one holds every grant of a shorter one only when it is longer whatever the month
 * (P6M always holds P30D; P1M holds P30D in July and not in February).
 */
final class Windows {

    private static final long DAY = 86_400;

    private Windows() {
    }

    /**
     * Returns true if {@code longer} starts no later than {@code shorter} for every end date; null is the whole
     * history. Unknown kinds of window (business days) are taken to contain nothing and be contained by nothing but
     * the whole history, which is never wrong.
     */
    static boolean containsAlways(TemporalAmount longer, TemporalAmount shorter) {
        if (longer == null) {
            return true;
        }
        if (shorter == null) {
            return false;
        }
        if (longer instanceof Period l && shorter instanceof Period s && l.getDays() == 0 && s.getDays() == 0) {
            return l.toTotalMonths() >= s.toTotalMonths();
        }
        return least(longer) >= most(shorter);
    }

    /** Returns the fewest seconds a window can span; 0 for a kind it does not know. */
    private static long least(TemporalAmount w) {
        if (w instanceof Duration d) {
            return d.getSeconds();
        }
        if (w instanceof Period p) {
            long months = p.toTotalMonths();
            return ((months / 12) * 365 + (months % 12) * 28 + p.getDays()) * DAY;
        }
        return 0;
    }

    /** Returns the most seconds a window can span; the largest long for a kind it does not know. */
    private static long most(TemporalAmount w) {
        if (w instanceof Duration d) {
            return d.getSeconds() + (d.getNano() > 0 ? 1 : 0);
        }
        if (w instanceof Period p) {
            long months = p.toTotalMonths();
            return ((months / 12) * 366 + (months % 12) * 31 + p.getDays()) * DAY;
        }
        return Long.MAX_VALUE;
    }
}
