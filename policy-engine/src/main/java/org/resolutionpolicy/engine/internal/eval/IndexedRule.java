package org.resolutionpolicy.engine.internal.eval;

import org.resolutionpolicy.api.FollowUp;
import org.resolutionpolicy.api.Limit;
import org.resolutionpolicy.api.Outcome;
import org.resolutionpolicy.api.Reason;
import org.resolutionpolicy.model.Condition;
import org.resolutionpolicy.model.Effect;
import org.resolutionpolicy.model.FollowUpSpec;
import org.resolutionpolicy.model.Rule;

/**
 * A rule as evaluation uses it: its effect unpacked, its reason and follow-up made once at load, and its place in
 * id order, so that a decision allocates neither. Immutable once {@link #about} is set at load.
 */
final class IndexedRule {

    final Rule rule;
    final Condition when;
    final Effect.Kind kind;
    final int role;
    /** The constant limit of a grant; null when {@link #computed} gives it. */
    final Limit upTo;
    /** The computed limit of a grant or entitlement, or null. */
    final org.resolutionpolicy.model.ComputedAmount computed;
    /** True for {@code entitled:}, whose amount the decision reports. */
    final boolean entitlement;
    /** For a dual approval, every role its require names, by rank; otherwise null. */
    final int[] approvers;
    final Reason reason;
    /** {@link #reason} alone, the reasons of most proposals: made once rather than per decision. */
    final java.util.List<Reason> reasonAlone;
    final FollowUp followUp;
    final boolean perProposalFollowUp;
    /** {@link #followUpOn} of a rule whose follow-up applies whatever the outcome, and to latitude questions. */
    static final int EVERY_OUTCOME = -1;
    /**
     * The outcomes its follow-up applies to, a bit per {@link Outcome.Kind} ordinal; {@link #EVERY_OUTCOME} when the
     * follow-up does not depend on the outcome.
     */
    final int followUpOn;
    /** The rule's place in id order: reasons are sorted by it without comparing strings. */
    final int order;
    /** The rule's place in the policy's rules, in file order; -1 for a rule of another source (DRL). */
    final int position;
    /** Whether the rule is about each remedy, by the remedy's ordinal; set for the policy's own rules. */
    boolean[] about;

    IndexedRule(Rule rule, int order, int position) {
        this.rule = rule;
        this.when = rule.when();
        this.kind = rule.effect().kind();
        this.role = rule.effect().role();
        this.upTo = rule.effect().upTo();
        this.computed = rule.effect().computed();
        this.entitlement = rule.effect().entitlement();
        this.approvers = rule.effect().dualApproval()
                ? rule.effect().approvers().stream().mapToInt(Integer::intValue).toArray() : null;
        this.reason = new Reason(rule.id(), rule.because());
        this.reasonAlone = java.util.List.of(reason);
        FollowUpSpec f = rule.followUp();
        this.followUp = f == null ? null : new FollowUp(f.action(), f.within(), f.owner(), rule.id());
        this.perProposalFollowUp = f != null && rule.perProposal();
        int on = EVERY_OUTCOME;
        if (f != null && f.onOutcome()) {
            on = 0;
            for (Outcome.Kind k : f.outcomes()) {
                on |= 1 << k.ordinal();
            }
        }
        this.followUpOn = on;
        this.order = order;
        this.position = position;
    }

    /** Returns the limit of a grant in a case: the constant, or the amount computed from the case's facts. */
    Limit upTo(org.resolutionpolicy.model.Facts facts) {
        return computed == null ? upTo : computed.limit(facts, entitlement ? "entitlement" : "limit");
    }

    /** Returns true if the rule's follow-up applies to a proposal with this outcome. */
    boolean followUpApplies(Outcome.Kind outcome) {
        return followUpApplies(1 << outcome.ordinal());
    }

    /**
     * Returns true if the rule's follow-up applies to a case whose proposals had these outcomes (a bit per kind
     * ordinal): a follow-up that depends on the outcome needs one proposal with an outcome it names; 0 means no
     * proposals (a latitude question).
     */
    boolean followUpApplies(int outcomes) {
        return followUpOn == EVERY_OUTCOME || (followUpOn & outcomes) != 0;
    }

    /** Returns true if this rule is a dual approval naming a role that is still to sign off. */
    boolean signs(boolean[] signing) {
        if (approvers != null) {
            for (int role : approvers) {
                if (signing[role]) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Returns true if this rule sorts before the other in reasons: by id order, then id. */
    boolean before(IndexedRule other) {
        if (order != other.order) {
            return order < other.order;
        }
        return rule.id().compareTo(other.rule.id()) < 0;
    }
}
