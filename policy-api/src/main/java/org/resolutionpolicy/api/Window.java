package org.resolutionpolicy.api;

import java.time.Duration;
import java.time.Period;
import java.time.temporal.TemporalAmount;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * States a per-customer window of an authority entry: the most a customer may get of a remedy, in total, in grants or
 * both, over a period that ends when the case opened. The one type for it, in a policy's model, in the
 * {@link AuthorityTable} and in an {@link Explanation}.
 *
 * <p>Immutable.
 *
 * @param maxTotal the most the customer may get in the window in total, or null when only the count is capped
 * @param maxCount the most grants the customer may get in the window, or null when only the total is capped
 * @param period how far back the window reaches from the case's opening, a {@link Period} or a {@link Duration}
 */
public record Window(Limit maxTotal, Integer maxCount, TemporalAmount period) {

    /**
     * Creates a window.
     *
     * @throws NullPointerException if period is null
     * @throws IllegalArgumentException if neither maxTotal nor maxCount is given, or maxCount is below 1
     */
    public Window {
        Objects.requireNonNull(period, "period must not be null");
        if (maxTotal == null && maxCount == null) {
            throw new IllegalArgumentException("a window caps the total, the count or both");
        }
        if (maxCount != null && maxCount < 1) {
            throw new IllegalArgumentException("a window's count must be at least 1, was [" + maxCount + "]");
        }
    }

    /** Returns the window in words, e.g. {@code at most 30 in total and 4 grants per customer in P30D}. */
    public String text() {
        List<String> caps = new ArrayList<>(2);
        if (maxTotal != null) {
            caps.add(maxTotal + " in total");
        }
        if (maxCount != null) {
            caps.add(maxCount + " grants");
        }
        return "at most " + String.join(" and ", caps) + " per customer in " + period;
    }

    /** Returns {@link #text()}. */
    @Override
    public String toString() {
        return text();
    }
}
