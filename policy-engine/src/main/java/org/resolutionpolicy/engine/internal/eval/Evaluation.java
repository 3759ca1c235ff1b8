package org.resolutionpolicy.engine.internal.eval;

import java.util.List;
import org.resolutionpolicy.api.CaseSeverity;
import org.resolutionpolicy.api.FollowUp;
import org.resolutionpolicy.api.Latitude;
import org.resolutionpolicy.api.ProposalDecision;
import org.resolutionpolicy.model.Facts;

/**
 * One case evaluated once: each proposal's outcome and reasons, the case's follow-ups and SWAT flag, or, for a case
 * without proposals, the latitude per remedy. {@code decide} reads the decision from it; {@code explain} renders it,
 * with the rules each proposal matched, which an evaluation keeps only when asked to.
 *
 * @param facts the case-level facts
 * @param proposals each proposal's decision, in case order; empty for a latitude question
 * @param latitude for a case without proposals, the latitude per remedy; otherwise empty
 * @param followUps the follow-ups of the case and its proposals, sorted by action, then rule
 * @param swat whether any proposal (or, without proposals, the smallest of any remedy) goes to SWAT
 * @param matches when kept, what each proposal matched, in case order; otherwise null
 * @param caseMatches when kept, the rules that matched the case alone; otherwise null
 * @param severity the severity the case was decided at, when the policy has a severity scale; otherwise null
 */
record Evaluation(Facts facts, List<ProposalDecision> proposals, List<Latitude> latitude, List<FollowUp> followUps,
                  boolean swat, List<Matched> matches, IndexedRule[] caseMatches, CaseSeverity severity) {

    /**
     * What one proposal matched, kept for its explanation.
     *
     * @param facts the proposal's facts
     * @param plan its remedy's plan
     * @param rules every rule it matched, the policy's and other sources' alike
     * @param siblings the case's earlier proposals of its remedy, which its authority counted too
     */
    record Matched(Facts facts, RemedyPlan plan, IndexedRule[] rules, Siblings siblings) {
    }
}
