package org.resolutionpolicy.engine.internal.eval;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.resolutionpolicy.api.CaseSeverity;
import org.resolutionpolicy.api.FollowUp;
import org.resolutionpolicy.api.Proposal;
import org.resolutionpolicy.api.Outcome;
import org.resolutionpolicy.api.ProposalDecision;
import org.resolutionpolicy.api.Reason;
import org.resolutionpolicy.model.ExternalRules;
import org.resolutionpolicy.model.Facts;

/**
 * The working memory of one case's evaluation: the index nodes and case-level rules the case matched (found once),
 * the rules the current proposal matched, its outcome and reasons, and the follow-ups so far. One per evaluation,
 * reused for each proposal and each latitude probe, and by the next evaluation on the same thread once
 * {@link #release released}; never shared between threads.
 */
final class Scratch {

    /** Orders follow-ups by action, then rule id. */
    static final Comparator<FollowUp> FOLLOW_UP_ORDER = Comparator.comparing(FollowUp::action)
            .thenComparing(FollowUp::rule);

    /** How long {@link #matched} and {@link #caseMatched} start, unless the policy asks for more; the most it may. */
    static final int MATCHED = 8;
    static final int CASE_MATCHED = 4;
    static final int MOST_HINTED = 4096;

    /** The checked case: its facts, its proposals as decided, and when a remedy repeats the earlier ones of each. */
    Facts facts;
    List<Proposal> proposals;
    /** Null when no remedy repeats, the usual case ({@link ProposalDecision#countedWith(List)}). */
    List<List<Integer>> counted;
    /** The severity the policy's scale put the case at; null without a scale. */
    CaseSeverity severity;

    /** What the evaluation found: as {@link Evaluation}'s components of the same meaning. */
    List<ProposalDecision> decided;
    List<org.resolutionpolicy.api.Latitude> latitudes;
    List<FollowUp> caseFollowUps;
    boolean swat;
    List<Evaluation.Matched> matches;
    IndexedRule[] caseMatches;

    /** The rules the current proposal matched. */
    IndexedRule[] matched;
    int n;
    /** The most rules a proposal of this evaluation matched so far: the next evaluation's array starts this long. */
    int mostMatched;
    /** The index nodes whose keys the case matched: found once per case, then walked for each proposal. */
    RuleIndex[] nodes = new RuleIndex[4];
    int nodeCount;
    /** The rules whose conditions read the case alone and hold for it: found once, shared by every proposal. */
    IndexedRule[] caseMatched;
    int caseCount;
    /** The current proposal's outcome and reasons. */
    Outcome outcome;
    List<Reason> reasons;
    /** The rules whose reasons a proposal gives, sorted as they are picked; made when a proposal has two. */
    IndexedRule[] picked;
    FollowUp[] followUps;
    int followUpCount;
    /** The earlier proposals of the current proposal's remedy in the case; none for latitude probes. */
    Siblings siblings = Siblings.NONE;
    /** The external rules' run for this case, or null when the policy has none or probes amounts alone. */
    ExternalRules.CaseRun external;
    /** The decisions of the case's proposals so far, copied into the decision's list at the end. */
    private ProposalDecision[] decisions;
    private int decisionCount;
    /** The plans of the case's proposals, as the checker resolved them; longer than the proposals when reused. */
    private RemedyPlan[] plans;
    /** The problems the checker found in the case: none, almost always. */
    private final java.util.ArrayList<org.resolutionpolicy.api.CaseProblem> problems = new java.util.ArrayList<>();

    /** Creates the scratch of one evaluation, its array of matched rules this long to start with. */
    Scratch(int matchedLength, int caseMatchedLength) {
        matched = new IndexedRule[matchedLength];
        caseMatched = new IndexedRule[caseMatchedLength];
    }

    /** Returns the plans of the checked case's proposals, by place (the array may be longer than the proposals). */
    RemedyPlan[] plans() {
        return plans;
    }

    /** Returns an array for the plans of a case's proposals, at least this long. */
    RemedyPlan[] plans(int count) {
        if (plans == null || plans.length < count) {
            plans = new RemedyPlan[Math.max(count, 1)];
        }
        return plans;
    }

    /** Returns the list for the problems of the case being checked, empty. */
    List<org.resolutionpolicy.api.CaseProblem> problems() {
        problems.clear();
        return problems;
    }

    /** Returns an array for the decisions of a case's proposals, at least this long. */
    ProposalDecision[] decisions(int count) {
        if (decisions == null || decisions.length < count) {
            decisions = new ProposalDecision[count];
        }
        decisionCount = count;
        return decisions;
    }

    /** Returns the first {@code count} elements as an immutable list, copying them once. */
    static <T> List<T> listOf(T[] elements, int count) {
        return switch (count) {
            case 0 -> List.of();
            case 1 -> List.of(elements[0]);
            case 2 -> List.of(elements[0], elements[1]);
            case 3 -> List.of(elements[0], elements[1], elements[2]);
            default -> List.of(Arrays.copyOf(elements, count));
        };
    }

    void addCaseMatch(IndexedRule e) {
        if (caseCount == caseMatched.length) {
            caseMatched = Arrays.copyOf(caseMatched, caseCount * 2);
        }
        caseMatched[caseCount++] = e;
    }

    void addNode(RuleIndex node) {
        if (nodeCount == nodes.length) {
            nodes = Arrays.copyOf(nodes, nodeCount * 2);
        }
        nodes[nodeCount++] = node;
    }

    void add(IndexedRule e) {
        if (n == matched.length) {
            matched = Arrays.copyOf(matched, n * 2);
        }
        matched[n++] = e;
    }

    /**
     * Returns how long the arrays of the next evaluations start, given the most entries one needed: that many and a
     * few more, not the doubled length the array grew to (a proposal of the generated 10,000-rule policy matches up to
     * ~210 rules: 216 entries, not 256, to clear in every decision).
     */
    static int hint(int most) {
        return most + 8 & ~7;
    }

    /** Returns a copy of the rules the current proposal matched, for an explanation. */
    IndexedRule[] matchedCopy() {
        return Arrays.copyOf(matched, n);
    }

    void addFollowUp(FollowUp f) {
        if (followUps == null) {
            followUps = new FollowUp[4];
        }
        for (int i = 0; i < followUpCount; i++) {
            // the same as FOLLOW_UP_ORDER's 0, without its comparator chain: this runs for every matching follow-up
            if (followUps[i] == f || followUps[i].action().equals(f.action()) && followUps[i].rule().equals(f.rule())) {
                return;
            }
        }
        if (followUpCount == followUps.length) {
            followUps = Arrays.copyOf(followUps, followUpCount * 2);
        }
        followUps[followUpCount++] = f;
    }

    /** Returns the follow-ups so far, sorted by action, then rule (sorting them here, in place). */
    List<FollowUp> sortedFollowUps() {
        if (followUpCount == 2) {
            // the usual pair (a callback and a survey) without the comparator chain and TimSort's set-up
            int c = followUps[0].action().compareTo(followUps[1].action());
            if (c > 0 || c == 0 && followUps[0].rule().compareTo(followUps[1].rule()) > 0) {
                FollowUp first = followUps[0];
                followUps[0] = followUps[1];
                followUps[1] = first;
            }
        } else if (followUpCount > 2) {
            Arrays.sort(followUps, 0, followUpCount, FOLLOW_UP_ORDER);
        }
        return listOf(followUps, followUpCount);
    }
}
