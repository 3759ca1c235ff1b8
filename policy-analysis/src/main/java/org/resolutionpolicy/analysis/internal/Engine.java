package org.resolutionpolicy.analysis.internal;

import java.util.ArrayList;
import java.util.List;
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

    /** Returns the engine's decision of the witness's proposal: the last, after the earlier ones of its remedy. */
    public ProposalDecision decide(Witness w) {
        Decision d = policy.decide(w.customerCase());
        return d.proposals().get(w.decided());
    }

    /**
     * Returns why the engine refuses the witness as an invalid case, or null when it decides it: a case that lacks a
     * fact a computed limit or entitlement needs is refused, while the encoding counts such a limit as 0, so a case the
     * solver finds may be one the engine never decides (and that proves nothing either way).
     */
    public String refusal(Witness w) {
        try {
            policy.decide(w.customerCase());
            return null;
        } catch (org.resolutionpolicy.api.InvalidCaseException e) {
            return e.getMessage();
        }
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

    /**
     * Returns an outcome in words with every approver: {@code ESCALATE to director and finance} under a dual approval.
     */
    public String words(Outcome o) {
        List<Integer> signs = o.kind() == Outcome.Kind.ESCALATE
                ? o.approvers().stream().map(model.roles()::indexOf).sorted().toList() : List.of();
        return words(code(o), signs, model.roles());
    }

    /**
     * Returns an outcome code in words with the roles that sign it off by rank (the approver alone for an ordinary
     * escalation), highest first: {@code ESCALATE to director and finance}.
     */
    static String words(int code, List<Integer> signs, List<String> roles) {
        if (code < 0 || code >= roles.size() || signs.size() < 2) {
            String single = code == PolicyEncoder.ALONE ? "ALONE" : code < roles.size() ? "ESCALATE to "
                    + roles.get(code) : code == roles.size() ? "SWAT" : "DENIED";
            return signs.size() == 1 && signs.get(0) != code ? single + " (approvers " + signs + ")" : single;
        }
        List<String> names = new ArrayList<>();
        for (int i = signs.size() - 1; i >= 0; i--) {
            names.add(roles.get(signs.get(i)));
        }
        return "ESCALATE to " + String.join(" and ", names) + (signs.get(signs.size() - 1) == code ? ""
                : " (approver " + roles.get(code) + ")");
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
