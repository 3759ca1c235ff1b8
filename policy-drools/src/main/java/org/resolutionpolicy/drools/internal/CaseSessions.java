package org.resolutionpolicy.drools.internal;

import org.drools.base.base.ClassObjectType;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.drools.base.rule.EntryPointId;
import org.drools.base.rule.EvalCondition;
import org.drools.base.rule.GroupElement;
import org.drools.base.rule.Pattern;
import org.drools.base.rule.RuleConditionElement;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;

/**
 * Decides whether the proposals of a case may share one session: the case fact inserted once, each proposal
 * inserted, fired and deleted in turn, so that a rule about the case alone fires once per case instead of once
 * per proposal. That gives the same effects as a session per proposal only if every rule sees proposals through
 * plain positive patterns: a rule that tests for the absence or the number of proposals ({@code not},
 * {@code exists}, {@code forall}, {@code accumulate}, {@code collect}, {@code from}), or that depends on agenda
 * control (activation, agenda and rule-flow groups, lock-on-active, timers), could fire differently, so any such
 * rule keeps the session-per-proposal strategy for the whole policy.
 */
final class CaseSessions {

    private CaseSessions() {
    }

    /** Returns why the rules cannot share a session per case, or null when they can. */
    static String whyNot(KieBase kieBase) {
        for (KiePackage p : kieBase.getKiePackages()) {
            for (Rule r : p.getRules()) {
                if (!(r instanceof RuleImpl)) {
                    return "rule [" + r.getName() + "] is not a classic DRL rule";
                }
                String why = whyNot((RuleImpl) r);
                if (why != null) {
                    return "rule [" + r.getName() + "] " + why;
                }
            }
        }
        return null;
    }

    private static String whyNot(RuleImpl rule) {
        if (present(rule.getActivationGroup()) || present(rule.getRuleFlowGroup()) || rule.isLockOnActive()
                || rule.getTimer() != null || !"MAIN".equals(rule.getAgendaGroup())) {
            return "uses agenda control";
        }
        return whyNot(rule.getLhs(), false);
    }

    private static boolean present(String s) {
        return s != null && !s.isEmpty();
    }

    private static String whyNot(GroupElement group, boolean negated) {
        for (RuleConditionElement child : group.getChildren()) {
            if (child instanceof GroupElement) {
                GroupElement g = (GroupElement) child;
                String why = whyNot(g, negated || g.isNot() || g.isExists());
                if (why != null) {
                    return why;
                }
            } else if (child instanceof Pattern) {
                Pattern pattern = (Pattern) child;
                if (pattern.getSource() != null && !(pattern.getSource() instanceof EntryPointId)) {
                    return "reads facts through from, accumulate or collect";
                }
                if (seesProposals(pattern) && negated) {
                    return "tests proposals under not or exists";
                }
            } else if (!(child instanceof EvalCondition)) {
                return "uses " + child.getClass().getSimpleName();
            }
        }
        return null;
    }

    /**
     * Returns why the proposals of a case cannot all be inserted together and fired once, or null when they can.
     * They can when the case may share a session (see {@link #whyNot(KieBase)}) and no rule has two patterns that
     * could match a proposal: then each match holds at most one proposal, and the matches of all proposals at once
     * are those of each proposal in turn, told apart by the proposal each holds. A rule with two such patterns
     * ({@code ProposalFact() ProposalFact()}, or {@code Object()} beside {@code ProposalFact()}) would join the
     * proposals with one another, which one at a time it never sees.
     */
    static String whyNotTogether(KieBase kieBase) {
        String why = whyNot(kieBase);
        if (why != null) {
            return why;
        }
        for (KiePackage p : kieBase.getKiePackages()) {
            for (Rule r : p.getRules()) {
                if (proposalPatterns(((RuleImpl) r).getLhs()) > 1) {
                    return "rule [" + r.getName() + "] has more than one pattern that can match a proposal";
                }
            }
        }
        return null;
    }

    /** Counts the patterns anywhere under the group (every branch of an {@code or} added up) that could match a proposal. */
    private static int proposalPatterns(GroupElement group) {
        int n = 0;
        for (RuleConditionElement child : group.getChildren()) {
            if (child instanceof GroupElement) {
                n += proposalPatterns((GroupElement) child);
            } else if (child instanceof Pattern && seesProposals((Pattern) child)) {
                n++;
            }
        }
        return n;
    }

    /** Returns true if the pattern could match a proposal fact (ProposalFact itself, or a supertype such as Object). */
    static boolean seesProposals(Pattern pattern) {
        if (!(pattern.getObjectType() instanceof ClassObjectType)) {
            return true;
        }
        Class<?> type = ((ClassObjectType) pattern.getObjectType()).getClassType();
        return type.isAssignableFrom(ProposalFactView.class);
    }
}
