package org.resolutionpolicy.replay;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.resolutionpolicy.api.Outcome;
import org.resolutionpolicy.replay.ReplayReport.PolicyId;

/**
 * Holds what changes when a history is decided by one policy and then by another: plain immutable data, for text,
 * JSON and HTML renderings alike. The same policy on both sides gives an {@link #isEmpty() empty} report.
 *
 * @param before the policy before the edit
 * @param after the policy after it
 * @param history the history's name
 * @param lines every line read, blank and bad ones included
 * @param cases the cases decided by both
 * @param proposals the proposals of those cases
 * @param passedOver the lines that hold no case: reload lines of a decision log
 * @param skippedLines the bad lines skipped (a case that either policy refuses is bad)
 * @param badLines the first bad lines, by line number, at most {@value ReplayReport#BAD_LINE_SAMPLES}
 * @param changedCases the cases with any change: an outcome, a follow-up, a latitude
 * @param changedProposals the proposals whose outcome changed
 * @param transitions per remedy, outcome before and outcome after: every pair that occurred, unchanged ones too, in
 *                    policy order of the remedies and lattice order of the outcomes
 * @param money per money remedy with any change: the amounts that move into each kind of outcome
 * @param workload per approver whose escalated cases change in number, in ladder order
 * @param followUps the cases whose follow-ups change, and per action how many were added and removed
 * @param latitude the cases without proposals whose latitude changes
 * @param currency the currency of every money amount of the report (an ISO 4217 code): the one either policy names
 *                 (two different ones are refused before the run), or when neither names one the one every case with
 *                 money states; {@code null} when none is named. A history whose amounts are in more than one
 *                 currency has no report ({@link HistoryException})
 */
public record DiffReport(PolicyId before, PolicyId after, String history, long lines, long cases, long proposals,
                         long passedOver, long skippedLines, List<BadLine> badLines, long changedCases,
                         long changedProposals, List<Transition> transitions, List<MoneyMove> money,
                         List<WorkloadChange> workload, FollowUpChanges followUps, CaseChanges latitude,
                         String currency, List<SeverityCount> severities) {

    /**
     * How many cases were decided at one severity before the edit and after it: a severity scale added or changed
     * moves cases between severities.
     *
     * @param severity the severity
     * @param before the cases the policy before the edit decided at it
     * @param after the cases the policy after the edit decided at it
     */
    public record SeverityCount(String severity, long before, long after) {
    }

    /** How many sample cases each change keeps, the first ones by line number. */
    public static final int SAMPLES = 5;

    /**
     * Creates a report, copying its collections.
     *
     * @throws NullPointerException if a policy, the history, followUps or latitude is null
     */
    public DiffReport {
        Objects.requireNonNull(before, "before must not be null");
        Objects.requireNonNull(after, "after must not be null");
        Objects.requireNonNull(history, "history must not be null");
        Objects.requireNonNull(followUps, "followUps must not be null");
        Objects.requireNonNull(latitude, "latitude must not be null");
        badLines = List.copyOf(badLines);
        transitions = List.copyOf(transitions);
        money = List.copyOf(money);
        workload = List.copyOf(workload);
        severities = severities == null ? List.of() : List.copyOf(severities);
    }

    /**
     * Creates a report that does not count cases by severity, as reports did before they did.
     *
     * @throws NullPointerException if a policy, the history, followUps or latitude is null
     */
    public DiffReport(PolicyId before, PolicyId after, String history, long lines, long cases, long proposals,
                      long passedOver, long skippedLines, List<BadLine> badLines, long changedCases,
                      long changedProposals, List<Transition> transitions, List<MoneyMove> money,
                      List<WorkloadChange> workload, FollowUpChanges followUps, CaseChanges latitude,
                      String currency) {
        this(before, after, history, lines, cases, proposals, passedOver, skippedLines, badLines, changedCases,
                changedProposals, transitions, money, workload, followUps, latitude, currency, null);
    }

    /**
     * Creates a report whose amounts name no currency, as reports did before they carried one.
     *
     * @throws NullPointerException if a policy, the history, followUps or latitude is null
     */
    public DiffReport(PolicyId before, PolicyId after, String history, long lines, long cases, long proposals,
                      long passedOver, long skippedLines, List<BadLine> badLines, long changedCases,
                      long changedProposals, List<Transition> transitions, List<MoneyMove> money,
                      List<WorkloadChange> workload, FollowUpChanges followUps, CaseChanges latitude) {
        this(before, after, history, lines, cases, proposals, passedOver, skippedLines, badLines, changedCases,
                changedProposals, transitions, money, workload, followUps, latitude, null);
    }

    /** Returns true if no case of the history would be decided differently. */
    public boolean isEmpty() {
        return changedCases == 0;
    }

    /** Returns the transitions whose outcome changed. */
    public List<Transition> changes() {
        return transitions.stream().filter(Transition::changed).toList();
    }

    /**
     * Counts the proposals of one remedy that went from one outcome to another.
     *
     * @param remedy the remedy id
     * @param from the outcome before the edit
     * @param to the outcome after it
     * @param count how many proposals
     * @param money their amounts, for a money remedy; zero otherwise
     * @param samples the first cases, by line, at most {@value DiffReport#SAMPLES}; empty for an unchanged outcome
     * @param rules for a change, the rules responsible and in how many of the proposals: each rule that is a reason
     *              of one decision and not of the other, or, when the same rules decided both, those rules (their
     *              conditions or limits were edited); empty for an unchanged outcome
     */
    public record Transition(String remedy, Outcome from, Outcome to, long count, BigDecimal money,
                             List<CaseRef> samples, Map<String, Long> rules) {

        /** Creates a transition, copying its collections. */
        public Transition {
            samples = List.copyOf(samples);
            rules = ReplayReport.ordered(rules);
        }

        /** Returns true if the outcome changed. */
        public boolean changed() {
            return !from.equals(to);
        }
    }

    /**
     * Adds up the money of one remedy that moves into each kind of outcome: proposals whose kind of outcome is new.
     *
     * @param remedy the remedy id
     * @param newlyAlone granted alone now, not before
     * @param newlyEscalated escalated now, not before
     * @param newlySwat sent to SWAT now, not before
     * @param newlyDenied denied now, not before
     */
    public record MoneyMove(String remedy, BigDecimal newlyAlone, BigDecimal newlyEscalated, BigDecimal newlySwat,
                            BigDecimal newlyDenied) {
    }

    /**
     * Compares the escalated cases one role approves.
     *
     * @param approver the role
     * @param before cases before the edit
     * @param after cases after it
     */
    public record WorkloadChange(String approver, long before, long after) {

        /** Returns {@code after - before}. */
        public long delta() {
            return after - before;
        }
    }

    /**
     * Counts cases whose follow-ups change.
     *
     * @param cases how many cases
     * @param samples the first of them, by line, at most {@value DiffReport#SAMPLES}
     * @param actions per action, how many were added and removed, in action order
     * @param owners per action and owner, how many were added and removed, in action then owner order (no owner
     *               first): whose work an edit adds or takes away
     */
    public record FollowUpChanges(long cases, List<CaseRef> samples, List<ActionChange> actions,
                                  List<OwnerChange> owners) {

        /** Creates the counts, copying the lists. */
        public FollowUpChanges {
            samples = List.copyOf(samples);
            actions = List.copyOf(actions);
            owners = owners == null ? List.of() : List.copyOf(owners);
        }

        /** Creates the counts without owners, as reports were before they had them. */
        public FollowUpChanges(long cases, List<CaseRef> samples, List<ActionChange> actions) {
            this(cases, samples, actions, List.of());
        }
    }

    /**
     * Counts how often one follow-up action of one owner was added and removed.
     *
     * @param action the action
     * @param owner the role that owns it, or {@code null} for none
     * @param added follow-ups the new policy asks for and the old did not
     * @param removed follow-ups the old policy asked for and the new does not
     */
    public record OwnerChange(String action, String owner, long added, long removed) {
    }

    /**
     * Counts how often one follow-up action was added and removed.
     *
     * @param action the action
     * @param added follow-ups the new policy asks for and the old did not
     * @param removed follow-ups the old policy asked for and the new does not
     */
    public record ActionChange(String action, long added, long removed) {
    }

    /**
     * Counts cases that changed in one respect.
     *
     * @param cases how many
     * @param samples the first of them, by line, at most {@value DiffReport#SAMPLES}
     */
    public record CaseChanges(long cases, List<CaseRef> samples) {

        /** Creates the counts, copying the samples. */
        public CaseChanges {
            samples = List.copyOf(samples);
        }
    }
}
