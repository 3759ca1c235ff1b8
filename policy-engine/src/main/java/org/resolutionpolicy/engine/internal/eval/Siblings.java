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
 *                  remedy)
 */
record Siblings(int count, BigDecimal total, List<Integer> proposals) {

    /** No earlier proposal of the remedy: the first proposal of each remedy, and every latitude probe. */
    static final Siblings NONE = new Siblings(0, BigDecimal.ZERO, List.of());

    /** How many places {@link #places()} names before it says how many more there are. */
    private static final int NAMED = 10;

    /** Returns what the per-grant limit is held to: the siblings' total plus the amount, or null without one. */
    BigDecimal counted(BigDecimal amount) {
        return amount == null || count == 0 ? amount : total.add(amount);
    }

    /** Returns true if there is no earlier proposal of the remedy. */
    boolean none() {
        return count == 0;
    }

    /**
     * Returns their places for a sentence: {@code [0, 2]}, and past ten the first ten and how many more, so the
     * reasons of a case of thousands of proposals of one remedy stay sentences.
     */
    String places() {
        if (count <= NAMED) {
            return proposals.toString();
        }
        return proposals.subList(0, NAMED).toString().replace("]", " and " + (count - NAMED) + " more]");
    }
}
