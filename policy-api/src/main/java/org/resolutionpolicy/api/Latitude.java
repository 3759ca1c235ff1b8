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
 * @param entitlement what the policy entitles the customer to for this remedy in this case, or {@code null}
 */
public record Latitude(String remedy, Limit aloneUpTo, String approverBeyond, String teamBeyond,
                       Entitlement entitlement) {

    /**
     * Creates a latitude entry.
     *
     * @throws NullPointerException if remedy or aloneUpTo is null
     */
    public Latitude {
        Objects.requireNonNull(remedy, "remedy must not be null");
        Objects.requireNonNull(aloneUpTo, "aloneUpTo must not be null");
    }

    /**
     * Creates a latitude entry without an entitlement.
     *
     * @throws NullPointerException if remedy or aloneUpTo is null
     */
    public Latitude(String remedy, Limit aloneUpTo, String approverBeyond, String teamBeyond) {
        this(remedy, aloneUpTo, approverBeyond, teamBeyond, null);
    }
}
