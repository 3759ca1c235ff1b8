package org.resolutionpolicy.drools.internal;

import java.util.IdentityHashMap;
import java.util.Map;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.drools.base.rule.GroupElement;
import org.drools.base.rule.Pattern;
import org.drools.base.rule.RuleConditionElement;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.resolutionpolicy.model.source.Place;

/**
 * What the effects of a DRL rule need to know of it, found once when the policy loads rather than each time it
 * fires: its name, its place, and whether any of its patterns could match a proposal (a rule without one matched
 * the case alone, whatever facts its match holds). Immutable.
 */
record RuleInfo(String name, Place place, boolean seesProposals) {

    /** Returns the rule's info, found from the rule itself. */
    static RuleInfo of(Rule rule) {
        boolean sees = !(rule instanceof RuleImpl) || seesProposals(((RuleImpl) rule).getLhs());
        return new RuleInfo(rule.getName(), Place.of(rule.getPackageName()), sees);
    }

    /** Returns every rule's info, by the rule (identity), for reading from any thread once built. */
    static Map<Rule, RuleInfo> of(KieBase kieBase) {
        Map<Rule, RuleInfo> infos = new IdentityHashMap<>();
        for (KiePackage p : kieBase.getKiePackages()) {
            for (Rule r : p.getRules()) {
                infos.put(r, of(r));
            }
        }
        return infos;
    }

    private static boolean seesProposals(GroupElement group) {
        for (RuleConditionElement child : group.getChildren()) {
            if (child instanceof GroupElement ? seesProposals((GroupElement) child)
                    : child instanceof Pattern && CaseSessions.seesProposals((Pattern) child)) {
                return true;
            }
        }
        return false;
    }
}
