package org.resolutionpolicy.api;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Holds what the serving policy and the candidate of a {@link ShadowPolicy} decided for one case: the decision that
 * was served, the candidate's decision or its refusal, and whether they {@linkplain Kind agree}.
 *
 * <p>Two decisions disagree as {@code policy diff} counts a changed case: a proposal's outcome (kind, approver or
 * team) differs, the follow-ups differ (action, owner or window), or the latitude of a case without proposals
 * differs. Immutable.
 */
public final class ShadowResult {

    /** How the candidate's answer compares with the served decision. */
    public enum Kind {
        /** The candidate decided the case as the serving policy did. */
        AGREED,
        /** The candidate decided the case otherwise. */
        DISAGREED,
        /** The candidate refused the case ({@link InvalidCaseException}) that the serving policy decided. */
        REFUSED
    }

    /**
     * One proposal whose outcome moves from the served decision to the candidate's.
     *
     * @param remedy the proposal's remedy
     * @param amount its amount, or null for a remedy without one
     * @param from the served outcome
     * @param to the candidate's outcome
     */
    public record Transition(String remedy, java.math.BigDecimal amount, Outcome from, Outcome to) {

        /**
         * Creates a transition.
         *
         * @throws NullPointerException if the remedy or an outcome is null
         */
        public Transition {
            Objects.requireNonNull(remedy, "remedy must not be null");
            Objects.requireNonNull(from, "from must not be null");
            Objects.requireNonNull(to, "to must not be null");
        }
    }

    private final long sequence;
    private final CustomerCase customerCase;
    private final Decision served;
    private final Decision candidate;
    private final Policy servingPolicy;
    private final Policy candidatePolicy;
    private final InvalidCaseException refusal;
    private final Kind kind;
    private final List<Transition> transitions;

    private ShadowResult(long sequence, CustomerCase customerCase, Policy servingPolicy, Decision served,
                         Policy candidatePolicy, Decision candidate, InvalidCaseException refusal) {
        this.sequence = sequence;
        this.customerCase = Objects.requireNonNull(customerCase, "customerCase must not be null");
        this.servingPolicy = Objects.requireNonNull(servingPolicy, "servingPolicy must not be null");
        this.served = Objects.requireNonNull(served, "served must not be null");
        this.candidatePolicy = Objects.requireNonNull(candidatePolicy, "candidatePolicy must not be null");
        this.candidate = candidate;
        this.refusal = refusal;
        this.transitions = candidate == null ? List.of() : transitions(served, candidate);
        this.kind = refusal != null ? Kind.REFUSED
                : differ(served, candidate, transitions) ? Kind.DISAGREED : Kind.AGREED;
    }

    /**
     * Returns the result of a case the candidate decided.
     *
     * @param sequence the case's number among the cases the shadow was given, from 1, in the order they were served
     * @param customerCase the case
     * @param servingPolicy the serving policy (the revision serving, for a live one)
     * @param served the decision the serving policy returned
     * @param candidatePolicy the candidate (the revision deciding, for a live one)
     * @param candidate the candidate's decision
     * @return the result
     * @throws NullPointerException if the case, a policy or a decision is null
     */
    public static ShadowResult decided(long sequence, CustomerCase customerCase, Policy servingPolicy, Decision served,
                                       Policy candidatePolicy, Decision candidate) {
        Objects.requireNonNull(candidate, "candidate must not be null");
        return new ShadowResult(sequence, customerCase, servingPolicy, served, candidatePolicy, candidate, null);
    }

    /**
     * Returns the result of a case the candidate refused.
     *
     * @param sequence the case's number among the cases the shadow was given, from 1
     * @param customerCase the case
     * @param servingPolicy the serving policy (the revision serving, for a live one)
     * @param served the decision the serving policy returned
     * @param candidatePolicy the candidate that refused it (the revision deciding, for a live one)
     * @param refusal why the candidate refused it
     * @return the result
     * @throws NullPointerException if the case, a policy, the served decision or the refusal is null
     */
    public static ShadowResult refused(long sequence, CustomerCase customerCase, Policy servingPolicy, Decision served,
                                       Policy candidatePolicy, InvalidCaseException refusal) {
        Objects.requireNonNull(refusal, "refusal must not be null");
        return new ShadowResult(sequence, customerCase, servingPolicy, served, candidatePolicy, null, refusal);
    }

    /** Returns the case's number among the cases the shadow was given, from 1, in the order they were served. */
    public long sequence() {
        return sequence;
    }

    /** Returns the case. */
    public CustomerCase customerCase() {
        return customerCase;
    }

    /** Returns the decision the serving policy returned to the caller. */
    public Decision served() {
        return served;
    }

    /** Returns the candidate's decision, or null when it refused the case. */
    public Decision candidate() {
        return candidate;
    }

    /** Returns the serving policy that decided the case: for a live policy, the revision serving at the time. */
    public Policy servingPolicy() {
        return servingPolicy;
    }

    /** Returns the candidate that decided or refused the case: for a live candidate, the revision deciding. */
    public Policy candidatePolicy() {
        return candidatePolicy;
    }

    /** Returns why the candidate refused the case, or null when it decided it. */
    public InvalidCaseException refusal() {
        return refusal;
    }

    /** Returns whether the candidate agreed, disagreed or refused. */
    public Kind kind() {
        return kind;
    }

    /** Returns the proposals whose outcome moves, in the case's order; empty when none does or the case was refused. */
    public List<Transition> transitions() {
        return transitions;
    }

    private static List<Transition> transitions(Decision served, Decision candidate) {
        // most cases agree: nothing is allocated for them
        List<Transition> moved = null;
        int n = Math.min(served.proposals().size(), candidate.proposals().size());
        for (int i = 0; i < n; i++) {
            ProposalDecision was = served.proposals().get(i);
            ProposalDecision is = candidate.proposals().get(i);
            if (!was.outcome().equals(is.outcome())) {
                if (moved == null) {
                    moved = new ArrayList<>();
                }
                moved.add(new Transition(is.remedy(), is.amount(), was.outcome(), is.outcome()));
            }
        }
        return moved == null ? List.of() : List.copyOf(moved);
    }

    private static boolean differ(Decision served, Decision candidate, List<Transition> transitions) {
        return !transitions.isEmpty() || !sameFollowUps(served.followUps(), candidate.followUps())
                || !served.latitude().equals(candidate.latitude());
    }

    /** Compares follow-ups as {@link #owed} counts them, without counting when both lists owe the same in order. */
    private static boolean sameFollowUps(List<FollowUp> a, List<FollowUp> b) {
        if (a.size() != b.size()) {
            return false;
        }
        boolean inOrder = true;
        for (int i = 0; i < a.size() && inOrder; i++) {
            FollowUp x = a.get(i);
            FollowUp y = b.get(i);
            inOrder = Objects.equals(x.action(), y.action()) && Objects.equals(x.owner(), y.owner())
                    && (Objects.equals(x.within(), y.within()) || x.within() != null && y.within() != null
                    && x.within().toString().equals(y.within().toString()));
        }
        return inOrder || owed(a).equals(owed(b));
    }

    /** Counts the follow-ups by what a customer or an owner sees of them; which rule asked is not part of it. */
    private static Map<List<String>, Integer> owed(List<FollowUp> followUps) {
        Map<List<String>, Integer> counts = new HashMap<>();
        for (FollowUp f : followUps) {
            counts.merge(java.util.Arrays.asList(f.action(), f.owner(), f.within() == null ? null
                    : f.within().toString()), 1, Integer::sum);
        }
        return counts;
    }

    @Override
    public String toString() {
        return "ShadowResult[" + sequence + " " + customerCase.id() + " " + kind + "]";
    }
}
