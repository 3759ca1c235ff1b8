package org.resolutionpolicy.engine.internal.eval;

import java.math.BigDecimal;
import java.util.List;

/**
 * Holds the earlier proposals of one remedy in a case, which count together with the proposal being decided: its
 * per-grant limit applies to their total plus its own amount, and its windows count them beside the history.
 *
 * @param count how many earlier proposals of the remedy the case has
 * @param total their amounts added up (a proposal without an amount adds nothing)
 * @param proposals their places in the case's proposals, 0 for the first (from
 *                  {@link org.resolutionpolicy.api.ProposalDecision#countedWith(List)}, which shares one array per
 *                  remedy, and whose {@code toString} names ten at most: {@code [0, 1, ..., 9 and 4990 more]})
 */
record Siblings(int count, BigDecimal total, List<Integer> proposals) {

    /** No earlier proposal of the remedy: the first proposal of each remedy, and every latitude probe. */
    static final Siblings NONE = new Siblings(0, BigDecimal.ZERO, List.of());

    /** Returns what the per-grant limit is held to: the siblings' total plus the amount, or null without one. */
    BigDecimal counted(BigDecimal amount) {
        return amount == null || count == 0 ? amount : total.add(amount);
    }

    /** Returns true if there is no earlier proposal of the remedy. */
    boolean none() {
        return count == 0;
    }
}
