package org.resolutionpolicy.replay;

import org.resolutionpolicy.api.CustomerCase;
import org.resolutionpolicy.api.Decision;
import org.resolutionpolicy.api.InvalidCaseException;
import org.resolutionpolicy.api.Policy;

/**
 * Counts what changes between a policy before an edit and after it over one worker's share of a history, into
 * {@link DiffCounts}: the counter of a {@link Diff}'s threads and of a Spark diff's partitions.
 *
 * <p>Not thread-safe: one counter per worker.
 */
public final class DiffCounter extends HistoryCounter<DiffCounts> {

    private final Policy before;
    private final Policy after;
    private final DiffTally tally;

    private DiffCounter(Policy before, Policy after, DiffTally tally) {
        super(tally);
        this.before = before;
        this.after = after;
        this.tally = tally;
    }

    /**
     * Returns a counter that has counted nothing.
     *
     * @param before the policy as it is
     * @param after the policy as it would be after the edit
     * @return the counter
     * @throws NullPointerException if either policy is null
     * @throws IllegalArgumentException if the policies name different currencies: amounts are never converted
     */
    public static DiffCounter of(Policy before, Policy after) {
        return new DiffCounter(before, after, new DiffTally(DiffTally.Subject.of(before, after)));
    }

    /**
     * Decides the case of a line with both policies and counts what changed.
     *
     * @param line the line's number in the history, 1-based: samples are the first cases by line
     * @param customerCase the case
     * @throws InvalidCaseException if either policy refuses the case, naming which; nothing is counted then
     */
    @Override
    public void decide(long line, CustomerCase customerCase) {
        tally.count(line, customerCase.id(), decideBefore(customerCase), decideAfter(customerCase),
                customerCase.currency(), customerCase.severity());
    }

    /**
     * Decides a case with the policy before the edit, as a diff does: without the authority table's sentences.
     *
     * @param customerCase the case
     * @return the decision
     * @throws InvalidCaseException if the policy refuses the case, its message saying it was the one before the edit
     */
    public Decision decideBefore(CustomerCase customerCase) {
        return decideBy(before, "before", customerCase);
    }

    /**
     * Decides a case with the policy after the edit, as a diff does: without the authority table's sentences.
     *
     * @param customerCase the case
     * @return the decision
     * @throws InvalidCaseException if the policy refuses the case, its message saying it was the one after the edit
     */
    public Decision decideAfter(CustomerCase customerCase) {
        return decideBy(after, "after", customerCase);
    }

    private static Decision decideBy(Policy policy, String side, CustomerCase c) {
        try {
            return policy.decideWithoutSentences(c);
        } catch (InvalidCaseException e) {
            throw new InvalidCaseException((c.id() == null ? "" : c.id() + " ") + "by the policy " + side + " the edit, "
                    + policy.id() + " " + policy.version(), e.problems());
        }
    }

    /**
     * Counts a case both policies decided: the one place where a diff counts a case, whoever decided it. Of each
     * decision it reads per proposal the remedy, the outcome, the amount and the rules of its reasons, each
     * follow-up's action, owner and window, and the latitude. The amounts are taken to be in the policies' currency,
     * or in the currency of their proposal: a case's own currency is not part of its decision ({@link #decide} counts
     * it).
     *
     * @param line the case's line in the history, 1-based
     * @param caseId the case id, or {@code null}
     * @param before the decision of the policy before the edit
     * @param after the decision of the policy after it, of the same proposals
     * @return true if any part of the decision changed: an outcome, a follow-up or the latitude
     * @throws NullPointerException if a decision is null
     */
    public boolean count(long line, String caseId, Decision before, Decision after) {
        return tally.count(line, caseId, before, after, null);
    }

    /**
     * Counts a case both policies decided, as {@link #count(long, String, Decision, Decision)} does, each decision at
     * the severity it was made at: its policy's severity scale's ({@link Decision#severity()}), or for a policy
     * without one the case's own.
     *
     * @param line the case's line in the history, 1-based
     * @param caseId the case id, or {@code null}
     * @param before the decision of the policy before the edit
     * @param after the decision of the policy after it, of the same proposals
     * @param severity the severity the case gave, or {@code null}
     * @return true if any part of the decision changed: an outcome, a follow-up or the latitude
     * @throws NullPointerException if a decision is null
     */
    public boolean count(long line, String caseId, Decision before, Decision after, String severity) {
        return tally.count(line, caseId, before, after, null, severity);
    }
}
