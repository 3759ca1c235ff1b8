package org.resolutionpolicy.api;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * Holds the outcome for one proposal of a case and the reasons for it.
 *
 * @param proposal the proposal decided, with its amount as decided (a {@code count} proposal without one gets 1)
 * @param outcome the outcome
 * @param reasons every rule that contributed, ordered by rule id, {@code authority} last
 * @param countedWith the places (0 for the first) of the case's earlier proposals of the same remedy, which counted
 *                    together with this one against the per-grant limit and the windows; empty when there were none
 * @param entitlement what the policy entitles the customer to for this remedy in this case, or {@code null}
 */
public record ProposalDecision(Proposal proposal, Outcome outcome, List<Reason> reasons, List<Integer> countedWith,
                               Entitlement entitlement) {

    /**
     * Creates a proposal decision.
     *
     * @throws NullPointerException if proposal or outcome is null
     * @throws IllegalArgumentException if a place in countedWith is negative
     */
    public ProposalDecision {
        Objects.requireNonNull(proposal, "proposal must not be null");
        Objects.requireNonNull(outcome, "outcome must not be null");
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
        if (countedWith == null) {
            countedWith = List.of();
        } else if (!(countedWith instanceof Places)) {
            // the places countedWith(List) makes are places by construction, and checking each would be quadratic
            countedWith = List.copyOf(countedWith);
            for (int i = 0; i < countedWith.size(); i++) {
                if (countedWith.get(i) < 0) {
                    throw new IllegalArgumentException("countedWith holds places of proposals, not ["
                            + countedWith.get(i) + "]");
                }
            }
        }
    }

    /**
     * Returns, for each of a case's proposals in order, the places of its earlier proposals of the same remedy: the
     * {@link #countedWith()} of each of their decisions. The lists of one remedy share one array, so a case of
     * n proposals of one remedy keeps n places rather than n squared, a decision made with them keeps them
     * without copying, and their {@code toString} names ten places at most ({@code [0, 1, ..., 9 and 4990 more]}).
     *
     * @param proposals a case's proposals
     * @return one immutable list per proposal, empty for the first proposal of each remedy
     * @throws NullPointerException if proposals or one of them is null
     */
    public static List<List<Integer>> countedWith(List<Proposal> proposals) {
        return Places.countedWith(proposals);
    }

    /**
     * Creates a proposal decision that counted no earlier proposal with it and has no entitlement.
     *
     * @throws NullPointerException if proposal or outcome is null
     */
    public ProposalDecision(Proposal proposal, Outcome outcome, List<Reason> reasons) {
        this(proposal, outcome, reasons, List.of(), null);
    }

    /**
     * Creates a proposal decision without an entitlement.
     *
     * @throws NullPointerException if proposal or outcome is null
     * @throws IllegalArgumentException if a place in countedWith is negative
     */
    public ProposalDecision(Proposal proposal, Outcome outcome, List<Reason> reasons, List<Integer> countedWith) {
        this(proposal, outcome, reasons, countedWith, null);
    }

    /**
     * Creates a proposal decision that counted no earlier proposal with it.
     *
     * @throws NullPointerException if proposal or outcome is null
     */
    public ProposalDecision(Proposal proposal, Outcome outcome, List<Reason> reasons, Entitlement entitlement) {
        this(proposal, outcome, reasons, List.of(), entitlement);
    }

    /** Returns the entitlement, if the policy states one for this remedy in this case. */
    public java.util.Optional<Entitlement> entitled() {
        return java.util.Optional.ofNullable(entitlement);
    }

    /** Returns the remedy id. */
    public String remedy() {
        return proposal.remedy();
    }

    /** Returns the amount, or {@code null} when the proposal has none. */
    public BigDecimal amount() {
        return proposal.amount();
    }

    /** Returns the kind of outcome. */
    public Outcome.Kind kind() {
        return outcome.kind();
    }

    /** Returns the ids of the rules in {@link #reasons()}. */
    public List<String> ruleIds() {
        return reasons.stream().map(Reason::rule).collect(java.util.stream.Collectors.toUnmodifiableList());
    }
}
