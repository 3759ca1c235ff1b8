package org.resolutionpolicy.drools.internal;

import java.math.BigDecimal;
import java.time.temporal.TemporalAmount;
import java.util.ArrayList;
import java.util.List;
import org.kie.api.runtime.rule.RuleContext;
import org.resolutionpolicy.api.Limit;
import org.resolutionpolicy.api.PolicyException;
import org.resolutionpolicy.drools.Effects;
import org.resolutionpolicy.drools.ProposalFact;
import org.resolutionpolicy.model.source.Place;
import org.resolutionpolicy.model.Condition;
import org.resolutionpolicy.model.ComputedAmount;
import org.resolutionpolicy.model.Effect;
import org.resolutionpolicy.model.FollowUpSpec;
import org.resolutionpolicy.model.PolicyModel;
import org.resolutionpolicy.model.Rule;
import org.resolutionpolicy.model.value.Values;

/**
 * Collects the effects DRL consequences ask for, as rules the decider understands: during one decision step
 * (a session fired for one proposal, or for the case alone), or, when a case's proposals share a session, for
 * the whole case, telling the rules that matched a proposal from those that matched the case alone.
 */
final class EffectCollector implements Effects {

    private final PolicyModel model;
    private final boolean perProposal;
    private final boolean sharedByProposals;
    private List<Rule> matched = new ArrayList<>();
    /** With a shared session: effects of rules that matched the case alone, as each proposal sees them. */
    private final List<Rule> caseWide = new ArrayList<>();
    /** With a shared session: the same effects, as the case alone sees them. */
    private final List<Rule> caseAlone = new ArrayList<>();

    /** Collects the effects of one step; {@code perProposal} says whether the step decides a proposal. */
    EffectCollector(PolicyModel model, boolean perProposal) {
        this(model, perProposal, false);
    }

    private EffectCollector(PolicyModel model, boolean perProposal, boolean sharedByProposals) {
        this.model = model;
        this.perProposal = perProposal;
        this.sharedByProposals = sharedByProposals;
    }

    /** Collects the effects of a session the proposals of one case share. */
    static EffectCollector sharedByProposals(PolicyModel model) {
        return new EffectCollector(model, true, true);
    }

    List<Rule> matched() {
        return matched;
    }

    /** With a shared session: starts the next proposal. */
    void nextProposal() {
        matched = new ArrayList<>();
    }

    /** With a shared session: the effects for the proposal just fired, the case's own included. */
    List<Rule> proposalMatches() {
        if (caseWide.isEmpty()) {
            return matched;
        }
        List<Rule> all = new ArrayList<>(caseWide.size() + matched.size());
        all.addAll(caseWide);
        all.addAll(matched);
        return all;
    }

    /** With a shared session: the effects of the rules that matched the case alone. */
    List<Rule> caseMatches() {
        return caseAlone;
    }

    @Override
    public void deny(RuleContext rule, String because) {
        add(rule, Effect.DENY, null, because);
    }

    @Override
    public void routeToSwat(RuleContext rule, String because) {
        if (model.swatTeam() == null) {
            throw new PolicyException("DRL rule [" + name(rule) + "] routes to swat, but the policy has no swat team");
        }
        add(rule, Effect.SWAT, null, because);
    }

    @Override
    public void require(RuleContext rule, String role, String because) {
        add(rule, Effect.require(rank(rule, role)), null, because);
    }

    @Override
    public void requireAll(RuleContext rule, String roles, String because) {
        List<Integer> ranks = new ArrayList<>();
        for (String role : roles == null ? new String[0] : roles.split(",", -1)) {
            ranks.add(rank(rule, role.trim()));
        }
        if (ranks.isEmpty() || ranks.stream().distinct().count() < ranks.size()) {
            throw new PolicyException("DRL rule [" + name(rule) + "] requires [" + roles
                    + "]: name each role once, separated by commas");
        }
        add(rule, Effect.require(ranks), null, because);
    }

    @Override
    public void grant(RuleContext rule, String role, Object upTo, String because) {
        Limit limit;
        if ("unlimited".equals(upTo)) {
            limit = Limit.unlimited();
        } else if (upTo instanceof Number) {
            limit = Limit.of(new BigDecimal(upTo.toString()));
        } else {
            throw new PolicyException("DRL rule [" + name(rule) + "] grants up to [" + upTo + "]: a number or \"unlimited\"");
        }
        add(rule, Effect.grant(rank(rule, role), limit), null, because);
    }

    @Override
    public void entitled(RuleContext rule, Object amount, String working, String because) {
        if (!(amount instanceof Number) || new BigDecimal(amount.toString()).signum() < 0) {
            throw new PolicyException("DRL rule [" + name(rule) + "] states an entitlement of [" + amount
                    + "]: a number of at least 0");
        }
        BigDecimal value = Values.normalize(new BigDecimal(amount.toString()));
        add(rule, Effect.entitled(ComputedAmount.constant(value, working)), null, because);
    }

    @Override
    public void followUp(RuleContext rule, String action, String within, String owner, String when, String because) {
        List<String> outcomes = new ArrayList<>();
        for (String part : when == null ? new String[0] : when.split(",", -1)) {
            String name = part.trim();
            if (!FollowUpSpec.OUTCOMES.containsKey(name) || outcomes.contains(name)) {
                throw new PolicyException("DRL rule [" + name(rule) + "] asks for a follow-up when [" + when
                        + "]: name each of " + FollowUpSpec.OUTCOMES.keySet() + " once, separated by commas");
            }
            outcomes.add(name);
        }
        if (outcomes.isEmpty()) {
            throw new PolicyException("DRL rule [" + name(rule) + "] asks for a follow-up when [null]: name one or "
                    + "more of " + FollowUpSpec.OUTCOMES.keySet() + ", or call followUp without when");
        }
        FollowUpSpec plain = followUpSpec(rule, action, within, owner);
        add(rule, Effect.NONE, new FollowUpSpec(plain.action(), plain.within(), plain.owner(), outcomes), because);
    }

    @Override
    public void followUp(RuleContext rule, String action, String within, String owner, String because) {
        add(rule, Effect.NONE, followUpSpec(rule, action, within, owner), because);
    }

    private FollowUpSpec followUpSpec(RuleContext rule, String action, String within, String owner) {
        TemporalAmount period = within == null ? null : Values.parsePeriod(within, model.calendar());
        if (within != null && period == null) {
            throw new PolicyException("DRL rule [" + name(rule) + "] asks for a follow-up within [" + within
                    + "], which is not an ISO-8601 duration such as P2D");
        }
        if (owner != null) {
            rank(rule, owner);
        }
        return new FollowUpSpec(action, period, owner);
    }

    private int rank(RuleContext rule, String role) {
        int rank = model.roleRank(role);
        if (rank < 0) {
            throw new PolicyException("DRL rule [" + name(rule) + "] names the role [" + role
                    + "], which is not on the ladder " + model.roles());
        }
        return rank;
    }

    private void add(RuleContext rule, Effect effect, FollowUpSpec followUp, String because) {
        if (sharedByProposals && !matchedProposal(rule)) {
            caseWide.add(rule(rule, effect, followUp, because, true));
            caseAlone.add(rule(rule, effect, followUp, because, false));
        } else {
            matched.add(rule(rule, effect, followUp, because, perProposal));
        }
    }

    private static Rule rule(RuleContext rule, Effect effect, FollowUpSpec followUp, String because, boolean perProposal) {
        return new Rule(name(rule), Place.of(rule.getRule().getPackageName()), Condition.ALWAYS, null, effect,
                followUp, because == null ? "" : because, true, perProposal, List.of());
    }

    private static boolean matchedProposal(RuleContext rule) {
        for (Object fact : rule.getMatch().getObjects()) {
            if (fact instanceof ProposalFact) {
                return true;
            }
        }
        return false;
    }

    private static String name(RuleContext rule) {
        return rule.getRule().getName();
    }
}
