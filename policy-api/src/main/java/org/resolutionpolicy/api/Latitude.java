package org.resolutionpolicy.api;

import java.util.Objects;

/**
 * Answers, for one remedy, how much the employee may grant alone in this case and who approves more.
 *
 * @param remedy the remedy id
 * @param aloneUpTo the largest amount the employee may grant alone; {@link Limit#zero()} when nothing,
 *                  {@link Limit#unlimited()} when there is no bound (for a {@code none} remedy: unlimited or zero)
 * @param approverBeyond the role that approves amounts just above {@code aloneUpTo}, or {@code null}
 * @param teamBeyond the SWAT team that takes amounts just above {@code aloneUpTo}, or {@code null}
 */
public record Latitude(String remedy, Limit aloneUpTo, String approverBeyond, String teamBeyond) {

    /**
     * Creates a latitude entry.
     *
     * @throws NullPointerException if remedy or aloneUpTo is null
     */
    public Latitude {
        Objects.requireNonNull(remedy, "remedy must not be null");
        Objects.requireNonNull(aloneUpTo, "aloneUpTo must not be null");
    }
}
