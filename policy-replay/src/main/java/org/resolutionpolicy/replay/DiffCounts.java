package org.resolutionpolicy.replay;

import org.resolutionpolicy.api.Policy;

/**
 * Holds what changes over a history, or over one part of it, when it is decided by a policy and by an edit of it:
 * per remedy the transitions of outcomes with counts, money, sample cases and the rules responsible, each role's
 * escalated cases on both sides, the follow-ups added and removed, the latitude questions answered otherwise, and
 * the lines passed over, blank or bad. A {@link DiffCounter} gives it; {@link #plus} adds the counts of two parts;
 * {@link #report} turns the counts of the whole into the {@link DiffReport}. Money is summed exactly.
 *
 * <p>Immutable, thread-safe and serializable.
 */
public final class DiffCounts extends HistoryCounts<DiffCounts, DiffReport> {

    private static final long serialVersionUID = 1L;

    DiffCounts(DiffTally tally) {
        super(tally);
    }

    /**
     * Returns the counts of no line at all: what {@link #plus} adds to nothing.
     *
     * @param before the policy as it is
     * @param after the policy as it would be after the edit
     * @return the empty counts
     * @throws NullPointerException if either policy is null
     */
    public static DiffCounts empty(Policy before, Policy after) {
        return new DiffTally(DiffTally.Subject.of(before, after)).counts();
    }
}
