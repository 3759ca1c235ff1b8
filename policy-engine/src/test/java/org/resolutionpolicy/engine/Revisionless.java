package org.resolutionpolicy.engine;

import java.util.List;
import org.resolutionpolicy.api.Decision;

/**
 * Compares decisions of policies whose sources differ only in order: every part of the decision must agree, but the
 * revision names the sources and so differs by design.
 */
final class Revisionless {

    private Revisionless() {
    }

    /** Returns the decision without its revision. */
    static Decision of(Decision d) {
        return new Decision(d.policyId(), d.policyVersion(), d.caseId(), d.employeeRole(), d.swat(), d.proposals(),
                d.latitude(), d.followUps());
    }

    /** Returns the decisions without their revisions. */
    static List<Decision> of(List<Decision> decisions) {
        return decisions.stream().map(Revisionless::of).toList();
    }
}
