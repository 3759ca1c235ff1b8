package org.resolutionpolicy.drools.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.drools.base.rule.GroupElement;
import org.drools.base.rule.Pattern;
import org.drools.base.rule.RuleConditionElement;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.resolutionpolicy.model.Condition;
import org.resolutionpolicy.model.Effect;
import org.resolutionpolicy.model.FollowUpSpec;
import org.resolutionpolicy.model.source.Place;

/**
 * What the effects of a DRL rule need to know of it, found once when the policy loads rather than each time it
 * fires: its name, its place, and whether any of its patterns could match a proposal (a rule without one matched
 * the case alone, whatever facts its match holds). It also remembers the last few effects the rule's consequence
 * asked for, by the arguments of the call, as the rules the decider reads: a consequence usually passes constants,
 * so a rule that fires again gives the same rules without checking and parsing its arguments again. Thread-safe:
 * what it remembers is immutable, published through a volatile field, and losing an entry to a race only costs
 * making it again.
 */
final class RuleInfo {

    /** How many effects (calls with different arguments) a rule remembers. */
    private static final int REMEMBERED = 4;

    private final String name;
    private final Place place;
    private final boolean seesProposals;
    private volatile Made[] made = new Made[0];

    private RuleInfo(String name, Place place, boolean seesProposals) {
        this.name = name;
        this.place = place;
        this.seesProposals = seesProposals;
    }

    String name() {
        return name;
    }

    boolean seesProposals() {
        return seesProposals;
    }

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

    /** Returns the effect remembered for a call of this effects method with these arguments, or null. */
    Made find(int method, Object a, Object b, Object c, Object d, String because) {
        for (Made m : made) {
            if (m.method == method && same(m.a, a) && same(m.b, b) && same(m.c, c) && same(m.d, d)
                    && (m.because == null ? because == null : m.because.equals(because))) {
                return m;
            }
        }
        return null;
    }

    /**
     * {@code Objects.equals}, kept apart from it on purpose: the JIT keeps one type profile of the {@code equals} call
     * inside {@code Objects.equals} for the whole JVM, and the strings, integers and decimals of these arguments help
     * make it megamorphic wherever it is inlined, in Drools' alpha-node hash lookups of a fact's strings too (up to
     * 5.7% of a reference decision in JFR profiles of issue 28 item 4; how much depends on what else fed the profile).
     */
    private static boolean same(Object a, Object b) {
        return a == b || a != null && a.equals(b);
    }

    /**
     * Makes the rules for an effect this call asked for (already checked), and remembers them when every argument is
     * a value that cannot change (a string or a number of the JDK's own).
     */
    Made make(int method, Object a, Object b, Object c, Object d, String because, Effect effect,
              FollowUpSpec followUp) {
        Made m = new Made(method, a, b, c, d, because, rule(effect, followUp, because, true),
                rule(effect, followUp, because, false));
        if (constant(a) && constant(b) && constant(c) && constant(d)) {
            Made[] old = made;
            Made[] now;
            if (old.length < REMEMBERED) {
                now = java.util.Arrays.copyOf(old, old.length + 1);
                now[old.length] = m;
            } else {
                // full: the newest replaces the oldest
                now = new Made[REMEMBERED];
                System.arraycopy(old, 1, now, 0, REMEMBERED - 1);
                now[REMEMBERED - 1] = m;
            }
            made = now;
        }
        return m;
    }

    private static boolean constant(Object o) {
        return o == null || o instanceof String || o instanceof Integer || o instanceof Long || o instanceof Double
                || o instanceof BigDecimal || o instanceof BigInteger || o instanceof Float || o instanceof Short
                || o instanceof Byte;
    }

    private org.resolutionpolicy.model.Rule rule(Effect effect, FollowUpSpec followUp, String because,
                                                boolean perProposal) {
        return new org.resolutionpolicy.model.Rule(name, place, Condition.ALWAYS, null, effect, followUp,
                because == null ? "" : because, true, perProposal, List.of());
    }

    /**
     * An effect one call of an effects method asked for, as the rules the decider reads.
     *
     * @param method which effects method, one of {@link EffectCollector}'s method numbers
     * @param perProposal the rule as a proposal sees it
     * @param caseAlone the rule as the case alone sees it (when it matched no proposal)
     */
    record Made(int method, Object a, Object b, Object c, Object d, String because,
                org.resolutionpolicy.model.Rule perProposal, org.resolutionpolicy.model.Rule caseAlone) {
    }
}
