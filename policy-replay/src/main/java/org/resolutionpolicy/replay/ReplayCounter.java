package org.resolutionpolicy.replay;

import java.time.Instant;
import org.resolutionpolicy.api.CustomerCase;
import org.resolutionpolicy.api.Decision;
import org.resolutionpolicy.api.InvalidCaseException;
import org.resolutionpolicy.api.Policy;

/**
 * Counts what one policy decides over one worker's share of a history, into {@link ReplayCounts}: the counter of a
 * {@link Replay}'s threads and of a Spark replay's partitions.
 *
 * <pre>{@code
 * ReplayCounter counter = ReplayCounter.of(policy, Granularity.WEEK);
 * cases.forEach(counter::decide);
 * ReplayReport report = counter.snapshot().plus(otherWorkersCounts).report("cases 2026");
 * }</pre>
 *
 * <p>Not thread-safe: one counter per worker.
 */
public final class ReplayCounter extends HistoryCounter<ReplayCounts> {

    private final Policy policy;
    private final ReplayTally tally;

    private ReplayCounter(Policy policy, ReplayTally tally) {
        super(tally);
        this.policy = policy;
        this.tally = tally;
    }

    /**
     * Returns a counter that has counted nothing.
     *
     * @param policy the policy that decides
     * @param granularity the periods escalations are counted in
     * @return the counter
     * @throws NullPointerException if policy or granularity is null
     */
    public static ReplayCounter of(Policy policy, Granularity granularity) {
        return new ReplayCounter(policy, new ReplayTally(ReplayTally.Subject.of(policy, granularity)));
    }

    /**
     * Decides a case as a replay does, without the authority table's sentences (which no count reads), and counts
     * the decision.
     *
     * @param customerCase the case
     * @throws InvalidCaseException if the policy refuses the case; nothing is counted then
     */
    public void decide(CustomerCase customerCase) {
        decide(0, customerCase);
    }

    /** Decides and counts the case of a line, its money in the currency the case states. */
    @Override
    void decide(long line, CustomerCase customerCase) {
        tally.count(policy.decideWithoutSentences(customerCase), customerCase.openedAt(), customerCase.currency(),
                line, new ReplayTally.CaseFacts(customerCase.employee().role(), customerCase.category(),
                        customerCase.channel()));
    }

    /**
     * Counts a case the policy decided: the one place where a replay counts a case, whoever decided it. Of the
     * decision it reads whether it answers a latitude question, whether it went to SWAT, per proposal the remedy, the
     * kind of outcome, the approver of an escalation, the amount and the rule of each reason, and each follow-up's
     * action and owner, and the severity it was decided at when its policy has a severity scale
     * ({@link Decision#severity()}). The amounts are taken to be in the policy's currency, or in the currency of their proposal;
     * a case's own currency is not part of its decision, so under a policy that names none, counting cases that state
     * their currency only on the case gives a report without one: {@link #decide(CustomerCase)} counts those.
     *
     * @param decision the policy's decision of the case
     * @param openedAt when the case was opened, or {@code null}: its escalations then fall in no period
     * @throws NullPointerException if decision is null
     */
    public void count(Decision decision, Instant openedAt) {
        tally.count(decision, openedAt);
    }

    /**
     * Counts a case the policy decided, as {@link #count(Decision, Instant)} does, with what the case says beside
     * its decision, so that its escalations are also counted by requesting role, category and channel (a case
     * without a category or channel counts under {@value ReplayReport#NONE}).
     *
     * @param decision the policy's decision of the case
     * @param openedAt when the case was opened, or {@code null}: its escalations then fall in no period
     * @param role the requesting employee's role, or {@code null} for none (the decision's is then taken)
     * @param category the case's category, or {@code null} for none
     * @param channel the case's channel, or {@code null} for none
     * @throws NullPointerException if decision is null
     */
    public void count(Decision decision, Instant openedAt, String role, String category, String channel) {
        tally.count(java.util.Objects.requireNonNull(decision, "decision must not be null"), openedAt, null, 0,
                new ReplayTally.CaseFacts(role, category, channel));
    }
}
