package org.resolutionpolicy.drools.internal;

import java.math.BigDecimal;
import java.time.temporal.TemporalAmount;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.drools.core.common.InternalFactHandle;
import org.drools.core.reteoo.TupleImpl;
import org.drools.core.rule.consequence.InternalMatch;
import org.kie.api.runtime.rule.RuleContext;
import org.resolutionpolicy.api.Limit;
import org.resolutionpolicy.api.PolicyException;
import org.resolutionpolicy.drools.Effects;
import org.resolutionpolicy.drools.ProposalFact;
import org.resolutionpolicy.model.ComputedAmount;
import org.resolutionpolicy.model.Effect;
import org.resolutionpolicy.model.ExternalRules;
import org.resolutionpolicy.model.FollowUpSpec;
import org.resolutionpolicy.model.PolicyModel;
import org.resolutionpolicy.model.Rule;
import org.resolutionpolicy.model.value.Values;

/**
 * Collects the effects DRL consequences ask for, as rules the decider understands: during one decision step
 * (a session fired for one proposal, or for the case alone), or, when a case's proposals share a session, for
 * the whole case, telling the rules that matched a proposal from those that matched the case alone, and, when the
 * proposals were inserted together, which proposal each matched. One per pooled session, reset for each use; not
 * thread-safe.
 */
final class EffectCollector implements Effects {

    /** {@link #proposalOf}: the match holds no proposal. */
    private static final int NO_PROPOSAL = -2;

    private final PolicyModel model;
    private final Map<org.kie.api.definition.rule.Rule, RuleInfo> infos;
    private boolean perProposal;
    private boolean sharedByProposals;
    private List<Rule> matched = new ArrayList<>();
    /** With a shared session: effects of rules that matched the case alone, as each proposal sees them. */
    private List<Rule> caseWide = new ArrayList<>();
    /** With a shared session: the same effects, as the case alone sees them. */
    private List<Rule> caseAlone = new ArrayList<>();
    /** With proposals inserted together: the effects of the rules that matched each, by its index; else null. */
    private List<Rule>[] together;
    /** How many proposals' lists {@link #owned} keeps at most. */
    private static final int KEPT = 64;
    /** The lists {@link #together} uses, kept from case to case (a list per proposal index, made at its first match). */
    @SuppressWarnings("unchecked")
    private List<Rule>[] owned = new List[0];
    /** A proposal's own effects after the case's, made again for each proposal that has both. */
    private final List<Rule> both = new ArrayList<>();

    /**
     * Makes a collector, to be reset by {@link #step} or {@link #sharedByProposals()} before each use.
     *
     * @param infos what is known of each rule of the knowledge base
     */
    EffectCollector(PolicyModel model, Map<org.kie.api.definition.rule.Rule, RuleInfo> infos) {
        this.model = model;
        this.infos = infos;
    }

    /** Starts collecting the effects of one step; {@code perProposal} says whether the step decides a proposal. */
    void step(boolean perProposal) {
        this.perProposal = perProposal;
        this.sharedByProposals = false;
        this.matched = new ArrayList<>();
        this.together = null;
    }

    /**
     * Starts collecting the effects of a session the proposals of one case share. The lists of a shared session are
     * the collector's own, cleared for each case: what {@link #proposalMatches} and {@link #caseMatches} return is read
     * before the next call and before the session is given back (see {@link ExternalRules.CaseRun}).
     */
    void sharedByProposals() {
        this.perProposal = true;
        this.sharedByProposals = true;
        this.matched = new ArrayList<>();
        this.caseWide.clear();
        this.caseAlone.clear();
        this.together = null;
    }

    /** With a shared session: the next {@code count} proposals are inserted together, with indexes from 0. */
    @SuppressWarnings("unchecked")
    void together(int count) {
        if (count > KEPT) {
            // a case of many proposals: lists of its own, so that a pooled session does not keep thousands
            together = new List[count];
            return;
        }
        if (owned.length < count) {
            owned = new List[KEPT];
        }
        for (int i = 0; i < count; i++) {
            if (owned[i] != null) {
                owned[i].clear();
            }
        }
        together = owned;
    }

    List<Rule> matched() {
        return matched;
    }

    /** With a shared session: starts the next proposal decided alone. */
    void nextProposal() {
        matched = new ArrayList<>();
    }

    /** With a shared session: the effects for the proposal just fired alone, the case's own included. */
    List<Rule> proposalMatches() {
        return withCaseWide(matched);
    }

    /** With proposals inserted together: the effects for the one of this index, the case's own included. */
    List<Rule> proposalMatches(int index) {
        List<Rule> own = together[index];
        return withCaseWide(own == null ? List.of() : own);
    }

    private List<Rule> withCaseWide(List<Rule> own) {
        if (caseWide.isEmpty()) {
            return own;
        }
        if (own.isEmpty()) {
            return caseWide;
        }
        List<Rule> all = both;
        all.clear();
        for (int i = 0, n = caseWide.size(); i < n; i++) {
            all.add(caseWide.get(i));
        }
        for (int i = 0, n = own.size(); i < n; i++) {
            all.add(own.get(i));
        }
        return all;
    }

    /** With a shared session: the effects of the rules that matched the case alone. */
    List<Rule> caseMatches() {
        return caseAlone;
    }

    /** The effects methods, as {@link RuleInfo} remembers their calls. */
    private static final int DENY = 0;
    private static final int SWAT = 1;
    private static final int REQUIRE = 2;
    private static final int REQUIRE_ALL = 3;
    private static final int GRANT = 4;
    private static final int ENTITLED = 5;
    private static final int FOLLOW_UP = 6;
    private static final int FOLLOW_UP_WHEN = 7;

    @Override
    public void deny(RuleContext rule, String because) {
        RuleInfo info = info(rule);
        RuleInfo.Made m = info.find(DENY, null, null, null, null, because);
        add(rule, info, m != null ? m : info.make(DENY, null, null, null, null, because, Effect.DENY, null));
    }

    @Override
    public void routeToSwat(RuleContext rule, String because) {
        if (model.swatTeam() == null) {
            throw new PolicyException("DRL rule [" + name(rule) + "] routes to swat, but the policy has no swat team");
        }
        RuleInfo info = info(rule);
        RuleInfo.Made m = info.find(SWAT, null, null, null, null, because);
        add(rule, info, m != null ? m : info.make(SWAT, null, null, null, null, because, Effect.SWAT, null));
    }

    @Override
    public void require(RuleContext rule, String role, String because) {
        RuleInfo info = info(rule);
        RuleInfo.Made m = info.find(REQUIRE, role, null, null, null, because);
        add(rule, info, m != null ? m
                : info.make(REQUIRE, role, null, null, null, because, Effect.require(rank(rule, role)), null));
    }

    @Override
    public void requireAll(RuleContext rule, String roles, String because) {
        RuleInfo info = info(rule);
        RuleInfo.Made m = info.find(REQUIRE_ALL, roles, null, null, null, because);
        if (m != null) {
            add(rule, info, m);
            return;
        }
        List<Integer> ranks = new ArrayList<>();
        for (String role : roles == null ? new String[0] : roles.split(",", -1)) {
            ranks.add(rank(rule, role.trim()));
        }
        if (ranks.isEmpty() || ranks.stream().distinct().count() < ranks.size()) {
            throw new PolicyException("DRL rule [" + name(rule) + "] requires [" + roles
                    + "]: name each role once, separated by commas");
        }
        add(rule, info, info.make(REQUIRE_ALL, roles, null, null, null, because, Effect.require(ranks), null));
    }

    @Override
    public void grant(RuleContext rule, String role, Object upTo, String because) {
        RuleInfo info = info(rule);
        RuleInfo.Made m = info.find(GRANT, role, upTo, null, null, because);
        if (m != null) {
            add(rule, info, m);
            return;
        }
        Limit limit;
        if ("unlimited".equals(upTo)) {
            limit = Limit.unlimited();
        } else if (upTo instanceof Number) {
            limit = Limit.of(new BigDecimal(upTo.toString()));
        } else {
            throw new PolicyException("DRL rule [" + name(rule) + "] grants up to [" + upTo + "]: a number or \"unlimited\"");
        }
        add(rule, info, info.make(GRANT, role, upTo, null, null, because, Effect.grant(rank(rule, role), limit), null));
    }

    @Override
    public void entitled(RuleContext rule, Object amount, String working, String because) {
        RuleInfo info = info(rule);
        RuleInfo.Made m = info.find(ENTITLED, amount, working, null, null, because);
        if (m != null) {
            add(rule, info, m);
            return;
        }
        if (!(amount instanceof Number) || new BigDecimal(amount.toString()).signum() < 0) {
            throw new PolicyException("DRL rule [" + name(rule) + "] states an entitlement of [" + amount
                    + "]: a number of at least 0");
        }
        BigDecimal value = Values.normalize(new BigDecimal(amount.toString()));
        add(rule, info, info.make(ENTITLED, amount, working, null, null, because,
                Effect.entitled(ComputedAmount.constant(value, working)), null));
    }

    @Override
    public void followUp(RuleContext rule, String action, String within, String owner, String when, String because) {
        RuleInfo info = info(rule);
        RuleInfo.Made m = info.find(FOLLOW_UP_WHEN, action, within, owner, when, because);
        if (m != null) {
            add(rule, info, m);
            return;
        }
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
        add(rule, info, info.make(FOLLOW_UP_WHEN, action, within, owner, when, because, Effect.NONE,
                new FollowUpSpec(plain.action(), plain.within(), plain.owner(), outcomes)));
    }

    @Override
    public void followUp(RuleContext rule, String action, String within, String owner, String because) {
        RuleInfo info = info(rule);
        RuleInfo.Made m = info.find(FOLLOW_UP, action, within, owner, null, because);
        add(rule, info, m != null ? m : info.make(FOLLOW_UP, action, within, owner, null, because, Effect.NONE,
                followUpSpec(rule, action, within, owner)));
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

    private void add(RuleContext rule, RuleInfo info, RuleInfo.Made made) {
        if (!sharedByProposals) {
            matched.add(perProposal ? made.perProposal() : made.caseAlone());
            return;
        }
        int proposal = info.seesProposals() ? proposalOf(rule) : NO_PROPOSAL;
        if (proposal == NO_PROPOSAL) {
            caseWide.add(made.perProposal());
            caseAlone.add(made.caseAlone());
        } else if (proposal >= 0 && together != null) {
            List<Rule> own = together[proposal];
            if (own == null) {
                own = new ArrayList<>(4);
                together[proposal] = own;
            }
            own.add(made.perProposal());
        } else {
            matched.add(made.perProposal());
        }
    }

    private RuleInfo info(RuleContext rule) {
        RuleInfo info = infos.get(rule.getRule());
        return info != null ? info : RuleInfo.of(rule.getRule());
    }

    /**
     * Returns the index of the proposal the match holds among those inserted together, -1 for one decided alone (or
     * a proposal fact of the rules' own), or {@link #NO_PROPOSAL}. Walks the match's tuple, one fact per pattern,
     * rather than asking for a list of its objects.
     */
    private static int proposalOf(RuleContext rule) {
        if (!(rule.getMatch() instanceof InternalMatch)) {
            return proposalOf(rule.getMatch().getObjects());
        }
        for (TupleImpl t = ((InternalMatch) rule.getMatch()).getTuple(); t != null; t = t.getParent()) {
            InternalFactHandle handle = t.getFactHandle();
            Object fact = handle == null ? null : handle.getObject();
            if (fact instanceof ProposalFactView) {
                return ((ProposalFactView) fact).index();
            }
            if (fact instanceof ProposalFact) {
                return -1;
            }
        }
        return NO_PROPOSAL;
    }

    private static int proposalOf(List<?> facts) {
        for (Object fact : facts) {
            if (fact instanceof ProposalFactView) {
                return ((ProposalFactView) fact).index();
            }
            if (fact instanceof ProposalFact) {
                return -1;
            }
        }
        return NO_PROPOSAL;
    }

    private static String name(RuleContext rule) {
        return rule.getRule().getName();
    }
}
