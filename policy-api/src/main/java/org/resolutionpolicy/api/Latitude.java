package org.resolutionpolicy.api;

import java.util.List;
import java.util.Objects;

/**
 * Answers, for one remedy, how much the employee may grant alone in this case and who approves more.
 *
 * @param remedy the remedy id
 * @param aloneUpTo the largest amount the employee may grant alone; {@link Limit#zero()} when nothing,
 *                  {@link Limit#unlimited()} when there is no bound (for a {@code none} remedy: unlimited or zero)
 * @param approverBeyond the role that approves amounts just above {@code aloneUpTo}, or {@code null}
 * @param teamBeyond the SWAT team that takes amounts just above {@code aloneUpTo}, or {@code null}
 * @param approversBeyond every role that must sign off amounts just above {@code aloneUpTo}, highest first: more
 *                        than one under a dual approval, {@code approverBeyond} first; empty when nobody approves
 * @param entitlement what the policy entitles the customer to for this remedy in this case, or {@code null}
 */
public record Latitude(String remedy, Limit aloneUpTo, String approverBeyond, String teamBeyond,
                       List<String> approversBeyond, Entitlement entitlement) {

    /**
     * Creates a latitude entry.
     *
     * @throws NullPointerException if remedy or aloneUpTo is null
     * @throws IllegalArgumentException if approversBeyond does not start with approverBeyond
     */
    public Latitude {
        Objects.requireNonNull(remedy, "remedy must not be null");
        Objects.requireNonNull(aloneUpTo, "aloneUpTo must not be null");
        if (approverBeyond == null) {
            approversBeyond = List.of();
        } else {
            approversBeyond = approversBeyond == null || approversBeyond.isEmpty() ? List.of(approverBeyond)
                    : List.copyOf(approversBeyond);
            if (!approversBeyond.get(0).equals(approverBeyond)) {
                throw new IllegalArgumentException("the approvers beyond " + approversBeyond
                        + " must start with the approver beyond [" + approverBeyond + "]");
            }
        }
    }

    /**
     * Creates a latitude entry with at most one approver beyond it and no entitlement.
     *
     * @throws NullPointerException if remedy or aloneUpTo is null
     */
    public Latitude(String remedy, Limit aloneUpTo, String approverBeyond, String teamBeyond) {
        this(remedy, aloneUpTo, approverBeyond, teamBeyond, List.of(), null);
    }

    /**
     * Creates a latitude entry without an entitlement.
     *
     * @throws NullPointerException if remedy or aloneUpTo is null
     * @throws IllegalArgumentException if approversBeyond does not start with approverBeyond
     */
    public Latitude(String remedy, Limit aloneUpTo, String approverBeyond, String teamBeyond,
                    List<String> approversBeyond) {
        this(remedy, aloneUpTo, approverBeyond, teamBeyond, approversBeyond, null);
    }

    /**
     * Creates a latitude entry with at most one approver beyond it.
     *
     * @throws NullPointerException if remedy or aloneUpTo is null
     */
    public Latitude(String remedy, Limit aloneUpTo, String approverBeyond, String teamBeyond,
                    Entitlement entitlement) {
        this(remedy, aloneUpTo, approverBeyond, teamBeyond, List.of(), entitlement);
    }
}
