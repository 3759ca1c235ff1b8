package org.resolutionpolicy.spring;

import org.resolutionpolicy.api.Decision;
import org.resolutionpolicy.api.Outcome;
import org.resolutionpolicy.api.ProposalDecision;

/** Names a decision by its strictest outcome, for the decisions counter and the decision's observation. */
final class Outcomes {

    /** A case without proposals, answered with the latitude. */
    static final String LATITUDE = "LATITUDE";
    /** A case that did not fit the policy. */
    static final String INVALID = "INVALID";

    private Outcomes() {
    }

    /**
     * Returns the strictest proposal outcome ({@code ALONE} &lt; {@code ESCALATE} &lt; {@code SWAT} &lt;
     * {@code DENIED}), or {@code LATITUDE} for a case without proposals.
     */
    static String strictest(Decision decision) {
        if (decision.isLatitude()) {
            return LATITUDE;
        }
        Outcome.Kind strictest = Outcome.Kind.ALONE;
        for (ProposalDecision p : decision.proposals()) {
            if (p.kind().compareTo(strictest) > 0) {
                strictest = p.kind();
            }
        }
        return strictest.name();
    }
}
