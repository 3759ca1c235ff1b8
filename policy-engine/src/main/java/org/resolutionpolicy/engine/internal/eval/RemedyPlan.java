package org.resolutionpolicy.engine.internal.eval;

import java.util.List;
import java.util.Map;
import org.resolutionpolicy.api.RemedyUnit;
import org.resolutionpolicy.model.AuthorityEntry;
import org.resolutionpolicy.model.PolicyModel;
import org.resolutionpolicy.model.Rule;

/**
 * What deciding one remedy needs, resolved once at load: its place, unit, authority entries by rank and the
 * authority sentences a decision would otherwise build. Immutable.
 */
final class RemedyPlan {

    final String remedy;
    /** The remedy's place in the policy's declaration order. */
    final int ordinal;
    final RemedyUnit unit;
    /** The enabled rules about this remedy, in file order. */
    final Rule[] rules;
    /** The entry of each role by rank, null where a role has none; null when no role has authority for it. */
    final AuthorityEntry[] authority;
    /** {@code remedy + " of "}, the start of every authority sentence about an amount. */
    final String of;
    /**
     * The end of the authority sentence for an employee (first index) whose proposal needs a higher role (second
     * index), when no grant rule matched and the per-grant limit (or the lack of any) is the shortfall.
     */
    final String[][] shortfall;
    /** For each employee rank, the highest role at or below it with an authority entry, or -1. */
    final int[] nearest;
    /** True when a role's limit for this remedy is computed from the case, so no sentence is made at load. */
    final boolean computed;
    /** The reasons of the common shortfall already made, by employee, approver and amount. */
    final ShortfallReasons shortfallReasons;

    RemedyPlan(PolicyModel policy, String remedy, int ordinal, RemedyUnit unit) {
        this.rules = policy.rules().stream().filter(Rule::enabled).filter(r -> r.appliesTo(remedy))
                .toArray(Rule[]::new);
        this.remedy = remedy;
        this.ordinal = ordinal;
        this.unit = unit;
        this.authority = policy.authority().get(remedy);
        this.of = remedy + " of ";
        this.computed = authority != null && java.util.Arrays.stream(authority).anyMatch(e -> e != null && e.computed() != null);
        List<String> roles = policy.roles();
        this.nearest = new int[roles.size()];
        this.shortfall = new String[roles.size()][roles.size()];
        this.shortfallReasons = new ShortfallReasons(this, roles.size());
        for (int employee = 0; employee < roles.size(); employee++) {
            int found = -1;
            for (int role = employee; role >= 0 && found < 0; role--) {
                if (authority != null && authority[role] != null) {
                    found = role;
                }
            }
            nearest[employee] = found;
            String limit = found < 0 ? "none for " + remedy : "up to " + authority[found].perGrant() + " per grant";
            for (int level = 0; level < roles.size(); level++) {
                shortfall[employee][level] = " is beyond the authority of " + roles.get(employee) + " (" + limit
                        + "); " + roles.get(level) + " may grant it";
            }
        }
    }

    /**
     * Returns the plan of every remedy of a policy, by name. A hash map rather than {@code Map.copyOf}: the checker
     * looks up every proposal's remedy, and the immutable map's probe (a {@code floorMod} per lookup) cost more.
     */
    static Map<String, RemedyPlan> all(PolicyModel policy) {
        Map<String, RemedyPlan> plans = new java.util.HashMap<>();
        policy.remedies().forEach((remedy, unit) -> plans.put(remedy, new RemedyPlan(policy, remedy, plans.size(), unit)));
        return java.util.Collections.unmodifiableMap(plans);
    }

    /** Returns a role's own authority entry for this remedy, or null. */
    AuthorityEntry entry(int role) {
        return authority == null ? null : authority[role];
    }
}
