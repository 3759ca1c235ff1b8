package org.resolutionpolicy.replay;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

/** Sets the periods workload is counted in: days, or ISO weeks starting on Monday, of {@code openedAt} in UTC. */
public enum Granularity {
    /** One period per calendar day. */
    DAY,
    /** One period per week, named by its Monday. */
    WEEK;

    /**
     * Returns the first day of the period a date falls in.
     *
     * @param date a day
     * @return the day itself for {@link #DAY}, the Monday on or before it for {@link #WEEK}
     */
    public LocalDate periodOf(LocalDate date) {
        return this == DAY ? date : date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }
}
