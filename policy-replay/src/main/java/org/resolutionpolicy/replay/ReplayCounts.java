package org.resolutionpolicy.replay;

import org.resolutionpolicy.api.Policy;

/**
 * Holds what one policy decided over a history, or over one part of it: cases, proposals, outcomes and money per
 * remedy and kind of outcome, escalated cases per approver and period, SWAT routes and deciding rules, follow-ups
 * owed, and the lines passed over, blank or bad. A {@link ReplayCounter} gives it; {@link #plus} adds the counts of
 * two parts; {@link #report} turns the counts of the whole into the {@link ReplayReport}. Money is summed exactly.
 *
 * <p>Immutable, thread-safe and serializable.
 */
public final class ReplayCounts extends HistoryCounts<ReplayCounts, ReplayReport> {

    private static final long serialVersionUID = 1L;

    ReplayCounts(ReplayTally tally) {
        super(tally);
    }

    /**
     * Returns the counts of no line at all: what {@link #plus} adds to nothing.
     *
     * @param policy the policy whose decisions are counted
     * @param granularity the periods escalations are counted in
     * @return the empty counts
     * @throws NullPointerException if policy or granularity is null
     */
    public static ReplayCounts empty(Policy policy, Granularity granularity) {
        return new ReplayTally(ReplayTally.Subject.of(policy, granularity)).counts();
    }
}
