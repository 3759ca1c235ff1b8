package org.resolutionpolicy.api;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * Records a remedy the customer was given before, which counts against cumulative limits.
 *
 * @param remedy the remedy id
 * @param amount the amount granted, or {@code null} for remedies without one (counted as 1 for {@code count} remedies)
 * @param at when it was granted; required for it to count in a window
 */
public record HistoryEntry(String remedy, BigDecimal amount, Instant at) {

    /** Creates a history entry, normalising the amount. */
    public HistoryEntry {
        amount = amount == null ? null : Amounts.normalize(amount);
    }

    /**
     * Returns a history entry.
     *
     * @throws IllegalArgumentException if the amount is not finite
     */
    public static HistoryEntry of(String remedy, double amount, Instant at) {
        return new HistoryEntry(remedy, Amounts.of(amount), at);
    }
}
