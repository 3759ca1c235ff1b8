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
public final class ReplayCounts extends HistoryCounts<ReplayCounts> {

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
        return new ReplayCounts(new ReplayTally(ReplayTally.Subject.of(policy, granularity)));
    }

    @Override
    ReplayCounts of(Tally sum) {
        return new ReplayCounts((ReplayTally) sum);
    }

    /**
     * Returns the report of these counts: orders the remedies as the policy does, the approvers as its ladder does,
     * and the rules and follow-ups most counted first.
     *
     * @param history the history's name
     * @return the report
     * @throws NullPointerException if history is null
     */
    public ReplayReport report(String history) {
        return ((ReplayTally) tally).report(history);
    }
}
