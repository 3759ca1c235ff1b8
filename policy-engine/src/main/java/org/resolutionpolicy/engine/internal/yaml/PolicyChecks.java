package org.resolutionpolicy.engine.internal.yaml;

import java.util.List;
import java.util.Map;
import org.resolutionpolicy.api.Beyond;
import org.resolutionpolicy.api.Limit;
import org.resolutionpolicy.model.AuthorityEntry;
import org.resolutionpolicy.model.Declarations;
import org.resolutionpolicy.model.Effect;
import org.resolutionpolicy.model.Rule;
import org.resolutionpolicy.model.source.Problems;

/** Checks a policy read whole: what no single section can tell (the SWAT team that routes need, the ladder). */
final class PolicyChecks {

    private PolicyChecks() {
    }

    /** Reports every route to SWAT, by a rule or by {@code beyondAuthority}, in a policy without a SWAT team. */
    static void swatTeam(String swatTeam, Beyond beyond, List<Rule> rules, Declarations declared, Problems problems) {
        if (swatTeam != null) {
            return;
        }
        for (Rule rule : rules) {
            if (rule.effect().kind() == Effect.Kind.SWAT) {
                problems.error(rule.place(), "rule [" + rule.id() + "] routes to swat, but the policy has no swat team",
                        "add swat: { team: <name> }");
            }
        }
        if (beyond.kind() == Beyond.Kind.SWAT) {
            problems.error(declared.beyondAuthority(), "beyondAuthority is swat, but the policy has no swat team",
                    "add swat: { team: <name> }");
        }
    }

    /**
     * Warns where a role's own fixed per-grant limit is below one of a lower role: authority is inherited up the
     * ladder, so the smaller number has no effect and probably is not what the owner meant. A computed limit has a
     * value only in a case, so it is compared with nothing.
     */
    static void ladderOfAuthority(Map<String, AuthorityEntry[]> authority, List<String> roles, Problems problems) {
        for (Map.Entry<String, AuthorityEntry[]> e : authority.entrySet()) {
            AuthorityEntry[] entries = e.getValue();
            Limit highestBelow = null;
            String holder = null;
            for (int role = 0; role < entries.length; role++) {
                AuthorityEntry entry = entries[role];
                if (entry == null || entry.isComputed()) {
                    continue;
                }
                if (highestBelow != null && entry.perGrant().compareTo(highestBelow) < 0) {
                    problems.warning(entry.place(), "authority shrinks up the ladder: [" + roles.get(role)
                            + "] may grant [" + e.getKey() + "] up to [" + entry.perGrant() + "], less than [" + holder
                            + "] below it may (" + highestBelow + ")",
                            "a role inherits the authority of every role below it, so the smaller limit has no effect");
                }
                if (highestBelow == null || entry.perGrant().compareTo(highestBelow) > 0) {
                    highestBelow = entry.perGrant();
                    holder = roles.get(role);
                }
            }
        }
    }
}
