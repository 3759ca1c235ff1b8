package org.resolutionpolicy.engine.internal.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.resolutionpolicy.api.AuthorityTable;
import org.resolutionpolicy.api.Beyond;
import org.resolutionpolicy.api.Window;
import org.resolutionpolicy.api.FollowUp;
import org.resolutionpolicy.api.Limit;
import org.resolutionpolicy.api.RemedyUnit;
import org.resolutionpolicy.model.AuthorityEntry;
import org.resolutionpolicy.model.Condition;
import org.resolutionpolicy.model.Effect;
import org.resolutionpolicy.model.Exists;
import org.resolutionpolicy.model.FactMatcher;
import org.resolutionpolicy.model.PolicyModel;
import org.resolutionpolicy.model.Rule;
import org.resolutionpolicy.model.ValueTest;

/**
 * Builds a policy's {@link AuthorityTable} from its model: the ladder's limits as {@link Authority} applies them
 * (a role covers what any role below it covers; at and above a {@code beyondAuthority} role everything is alone),
 * the rules in words, and, for sources beside YAML, what their {@link
 * org.resolutionpolicy.model.ExternalRules#describe()} tells.
 */
final class AuthorityTables {

    private static final Limit HUNDRED = Limit.of(100);

    private AuthorityTables() {
    }

    /** Returns the table of a model. */
    static AuthorityTable of(PolicyModel model) {
        List<AuthorityTable.Rule> rules = new ArrayList<>();
        model.rules().forEach(r -> rules.add(describe(r, model)));
        if (model.external() != null) {
            rules.addAll(model.external().describe());
        }
        List<AuthorityTable.Remedy> remedies = new ArrayList<>();
        model.remedies().forEach((remedy, unit) -> remedies.add(remedy(model, remedy, unit, rules)));
        return new AuthorityTable(model.roles(), model.severities(), model.beyond(), remedies, rules);
    }

    private static AuthorityTable.Remedy remedy(PolicyModel model, String remedy, RemedyUnit unit,
                                                List<AuthorityTable.Rule> rules) {
        AuthorityEntry[] entries = model.authority().get(remedy);
        int roles = model.roles().size();
        int beyondRole = model.beyondRank();
        Limit[] limits = new Limit[roles];
        int[] from = new int[roles];
        for (int role = 0; role < roles; role++) {
            from[role] = source(entries, role);
            limits[role] = beyondRole >= 0 && role >= beyondRole ? Limit.unlimited()
                    : from[role] < 0 ? Limit.zero() : entries[from[role]].perGrant();
            if (unit == RemedyUnit.PERCENT && limits[role].compareTo(HUNDRED) >= 0) {
                // a percentage stops at 100, as latitude answers it: a limit there leaves nothing beyond
                limits[role] = HUNDRED;
            }
        }
        List<AuthorityTable.Role> table = new ArrayList<>();
        for (int role = 0; role < roles; role++) {
            AuthorityEntry entry = from[role] < 0 ? null : entries[from[role]];
            boolean alwaysAlone = beyondRole >= 0 && role >= beyondRole;
            Window window = entry == null || alwaysAlone ? null : entry.perCustomer();
            table.add(new AuthorityTable.Role(model.roles().get(role), limits[role],
                    from[role] < 0 ? null : model.roles().get(from[role]), window,
                    beyondOf(model, limits, role, unit), grants(model, remedy, role, limits[role], rules),
                    alwaysAlone ? null : computed(entries, role)));
        }
        return new AuthorityTable.Remedy(remedy, unit, table);
    }

    /**
     * Returns the rank of the entry at or below a role that gives its fixed per-grant limit: the largest, and among
     * equal ones one without a window (which covers whatever the customer had), else the highest; -1 when none. A
     * computed entry has a value only in a case: {@link #computed} names it beside the fixed limit.
     */
    private static int source(AuthorityEntry[] entries, int role) {
        int best = -1;
        for (int r = 0; entries != null && r <= role; r++) {
            AuthorityEntry e = entries[r];
            if (e == null || e.isComputed()) {
                continue;
            }
            int cmp = best < 0 ? 1 : e.perGrant().compareTo(entries[best].perGrant());
            if (cmp > 0 || cmp == 0 && (!e.hasWindow() || entries[best].hasWindow())) {
                best = r;
            }
        }
        return best;
    }

    /**
     * Returns the computed per-grant limit of the role's own entry or the nearest below it with one; null when none
     * is computed.
     */
    private static Limit computed(AuthorityEntry[] entries, int role) {
        for (int r = role; entries != null && r >= 0; r--) {
            if (entries[r] != null && entries[r].isComputed()) {
                return entries[r].perGrant();
            }
        }
        return null;
    }

    private static Beyond beyondOf(PolicyModel model, Limit[] limits, int role, RemedyUnit unit) {
        if (limits[role].isUnlimited() || unit == RemedyUnit.PERCENT && limits[role].equals(HUNDRED)) {
            return Beyond.nothing();
        }
        for (int higher = role + 1; higher < limits.length; higher++) {
            if (limits[higher].compareTo(limits[role]) > 0) {
                return Beyond.escalate(model.roles().get(higher));
            }
        }
        return model.beyond();
    }

    /**
     * Returns the enabled grants for a role at or below this one about the remedy that raise its limit; a computed
     * grant (or entitlement) may raise it in some case, so it is always listed.
     */
    private static List<AuthorityTable.Grant> grants(PolicyModel model, String remedy, int role, Limit limit,
                                                     List<AuthorityTable.Rule> rules) {
        List<AuthorityTable.Grant> grants = new ArrayList<>();
        for (AuthorityTable.Rule r : rules) {
            if (r.enabled() && r.effect() == AuthorityTable.Rule.Effect.GRANT && r.appliesTo(remedy)
                    && model.roleRank(r.role()) <= role
                    && (r.computed() != null || r.upTo() != null && r.upTo().compareTo(limit) > 0)) {
                grants.add(new AuthorityTable.Grant(r.id(), r.role(), r.upTo(), r.condition(), r.because(),
                        r.computed() == null ? null : (r.entitlement() ? "entitled to " : "") + r.computed()));
            }
        }
        return grants;
    }

    private static AuthorityTable.Rule describe(Rule rule, PolicyModel model) {
        Effect e = rule.effect();
        AuthorityTable.Rule.Effect effect = switch (e.kind()) {
            case NONE -> AuthorityTable.Rule.Effect.NONE;
            case DENY -> AuthorityTable.Rule.Effect.DENY;
            case SWAT -> AuthorityTable.Rule.Effect.SWAT;
            case REQUIRE -> AuthorityTable.Rule.Effect.REQUIRE;
            case GRANT -> AuthorityTable.Rule.Effect.GRANT;
        };
        String role = e.role() >= 0 ? model.roles().get(e.role()) : null;
        FollowUp followUp = rule.followUp() == null ? null
                : new FollowUp(rule.followUp().action(), rule.followUp().within(), rule.followUp().owner(), rule.id());
        List<String> remedies = rule.remedies() == null ? List.of()
                : model.remedies().keySet().stream().filter(rule.remedies()::contains).toList();
        return new AuthorityTable.Rule(rule.id(), effect, role, e.computed() == null ? e.upTo() : null, remedies,
                words(rule.when()), rule.because(),
                followUp, rule.enabled(), values(rule.when()), e.computed() == null ? null : e.computed().text(),
                e.entitlement());
    }

    /** Returns a condition in words: matchers as explanations show them, expressions as written. */
    static String words(Condition condition) {
        if (condition == Condition.ALWAYS) {
            return "always";
        }
        List<String> parts = new ArrayList<>();
        for (Condition c : condition.parts()) {
            if (c instanceof Exists x) {
                parts.add(x.path().name() + (x.present() ? " is present" : " is absent"));
            } else if (c instanceof FactMatcher m && m.valueTest() instanceof ValueTest.Equals) {
                parts.add(m.path().name() + " is " + m.wanted());
            } else {
                parts.add(c.toString());
            }
        }
        return String.join(" and ", parts);
    }

    /** Returns, for each fact a matcher compares for equality, the values it holds for, sorted. */
    private static Map<String, List<String>> values(Condition condition) {
        Map<String, TreeSet<String>> values = new TreeMap<>();
        for (Condition c : condition.parts()) {
            if (c instanceof FactMatcher m && m.equalsAny() != null) {
                TreeSet<String> shown = values.computeIfAbsent(m.path().name(), k -> new TreeSet<>());
                m.equalsAny().forEach(v -> shown.add(m.display().apply(v)));
            }
        }
        Map<String, List<String>> lists = new TreeMap<>();
        values.forEach((fact, shown) -> lists.put(fact, List.copyOf(shown)));
        return lists;
    }
}
