package org.resolutionpolicy.analysis.internal;

import org.resolutionpolicy.api.Decision;
import org.resolutionpolicy.api.Outcome;
import org.resolutionpolicy.api.Policy;
import org.resolutionpolicy.api.ProposalDecision;
import org.resolutionpolicy.model.Condition;
import org.resolutionpolicy.model.PolicyModel;

/**
 * Asks the real engine about a witness: every claim of the solver is decided again before it is shown.
 *
 * @param policy the compiled policy
 * @param model its model
 */
public record Engine(Policy policy, PolicyModel model) {

    /** Returns the engine's decision of the witness's one proposal. */
    public ProposalDecision decide(Witness w) {
        Decision d = policy.decide(w.customerCase());
        return d.proposals().get(0);
    }

    /** Returns the outcome code ({@link PolicyEncoder}) the engine gives the witness's proposal. */
    public int code(Witness w) {
        return code(decide(w).outcome());
    }

    /** Returns the code of an outcome. */
    public int code(Outcome o) {
        return switch (o.kind()) {
            case ALONE -> PolicyEncoder.ALONE;
            case ESCALATE -> model.roles().indexOf(o.approver());
            case SWAT -> model.roles().size();
            case DENIED -> model.roles().size() + 1;
        };
    }

    /** Returns true if a condition holds for the witness, as the engine tests it. */
    public boolean holds(Condition c, Witness w) {
        org.resolutionpolicy.model.Facts facts = w.facts(model.severities(), model.roles());
        if (!model.severityScale().isEmpty()) {
            // at the severity the case is decided at, as the engine reads its conditions
            facts = facts.withSeverityRank(model.severityRank(model.severityScale().apply(facts, model.severities())
                    .used()));
        }
        return c.test(facts);
    }

    /** Returns an outcome code in words: {@code ALONE}, {@code ESCALATE to manager}, {@code SWAT}, {@code DENIED}. */
    public String words(int code) {
        if (code == PolicyEncoder.ALONE) {
            return "ALONE";
        }
        if (code < model.roles().size()) {
            return "ESCALATE to " + model.roles().get(code);
        }
        return code == model.roles().size() ? "SWAT" : "DENIED";
    }
}
