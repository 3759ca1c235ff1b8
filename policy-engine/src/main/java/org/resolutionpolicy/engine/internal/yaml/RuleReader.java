package org.resolutionpolicy.engine.internal.yaml;
import org.resolutionpolicy.format.yaml.NodeReader;

import java.math.BigDecimal;
import java.time.temporal.TemporalAmount;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.resolutionpolicy.api.Limit;
import org.resolutionpolicy.api.Outcome;
import org.resolutionpolicy.api.Reason;
import org.resolutionpolicy.model.Condition;
import org.resolutionpolicy.model.Effect;
import org.resolutionpolicy.model.FollowUpSpec;
import org.resolutionpolicy.model.Rule;
import org.resolutionpolicy.engine.internal.support.LoadBudget;
import org.resolutionpolicy.model.source.Problems;
import org.resolutionpolicy.model.source.Hints;
import org.resolutionpolicy.model.source.Place;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads the {@code rules:} of policy sources into {@link Rule rules}: ids, remedies, effects, follow-ups and
 * sentences, with each {@code when:} read by a {@link ConditionReader}. Every problem is recorded with its place;
 * a rule with an error is left out. Not thread-safe: one reader serves one load.
 */
final class RuleReader {

    static final List<String> RULE_KEYS = List.of("id", "when", "remedies", "deny", "route", "require", "grant",
            "entitled", "followUp", "because", "enabled", "validFrom", "validUntil");
    static final List<String> EFFECT_KEYS = List.of("deny", "route", "require", "grant", "entitled");
    static final List<String> GRANT_KEYS = List.of("role", "upTo");
    static final List<String> FOLLOW_UP_KEYS = List.of("action", "within", "owner", "when");

    private final ConditionReader conditions;
    /** Reads computed amounts ({@code upTo}, {@code entitled}); null reads only numbers. */
    private AmountReader amounts;
    private final List<String> roles;
    private final Set<String> remedies;
    private final boolean rolesBroken;
    private final boolean remediesBroken;
    private final List<Rule> rules = new ArrayList<>();
    private final Map<String, Place> ruleIds = new HashMap<>();
    private LoadBudget budget = LoadBudget.unlimited();
    private Problems budgetProblems;

    /**
     * Creates a reader for the rules of one policy.
     *
     * @param conditions reads each rule's {@code when}
     * @param roles the ladder of roles, lowest first
     * @param remedies the remedy ids
     * @param rolesBroken true if the ladder could not be read, so unknown roles are not reported
     * @param remediesBroken true if the remedies could not be read, so unknown remedies are not reported
     */
    RuleReader(ConditionReader conditions, List<String> roles, Set<String> remedies, boolean rolesBroken,
               boolean remediesBroken) {
        this.conditions = conditions;
        this.roles = roles;
        this.remedies = remedies;
        this.rolesBroken = rolesBroken;
        this.remediesBroken = remediesBroken;
    }

    /** Lets {@code upTo} and {@code entitled} be expressions over the case's facts, read by this reader. */
    RuleReader withAmounts(AmountReader amounts) {
        this.amounts = amounts;
        return this;
    }

    /**
     * Checks the load's time budget after each rule read from now on.
     *
     * @param budget the time the load may still take
     * @param problems the problems of the load, thrown with the budget's when it runs out
     */
    void budget(LoadBudget budget, Problems problems) {
        this.budget = budget;
        this.budgetProblems = problems;
    }

    /** Returns the rules read so far, in the order read. */
    List<Rule> rules() {
        return List.copyOf(rules);
    }

    /** Reads a {@code rules:} list, adding the rules read without error. */
    void read(NodeReader r, Node node) {
        List<Node> items = r.list(node, "rules", false);
        if (items == null) {
            return;
        }
        for (Node item : items) {
            Rule rule = rule(r, item);
            if (rule != null) {
                rules.add(rule);
            }
            if (budgetProblems != null) {
                budget.check(budgetProblems);
            }
        }
    }

    private Rule rule(NodeReader r, Node node) {
        Map<String, NodeReader.Entry> spec = r.mapping(node, "a rule");
        if (spec == null) {
            return null;
        }
        String ruleId = r.require(spec, node, "id", "a rule") ? ruleId(r, spec.get("id").value()) : null;
        String name = ruleId == null ? "a rule" : "rule [" + ruleId + "]";
        r.onlyKeys(spec, RULE_KEYS, name);
        Set<String> ruleRemedies = null;
        if (spec.containsKey("remedies")) {
            List<String> named = r.names(spec.get("remedies").value(), "remedies of " + name,
                    remediesBroken ? null : remedies, "remedy");
            ruleRemedies = named == null ? null : Set.copyOf(named);
        }
        ConditionReader.When when = ConditionReader.When.ALWAYS;
        if (spec.containsKey("when")) {
            when = conditions.read(r, spec.get("when").value(), name);
        }
        Effect effect = effect(r, spec, name);
        FollowUpSpec followUp = null;
        if (spec.containsKey("followUp")) {
            followUp = followUp(r, spec.get("followUp").value(), name);
        }
        if (EFFECT_KEYS.stream().noneMatch(spec::containsKey) && !spec.containsKey("followUp")) {
            r.error(node, name + " has no effect", "give it one of deny: true, route: swat, require: <role>, "
                    + "grant: {role, upTo}, entitled: <amount>, or a followUp");
        }
        if (followUp != null) {
            unreachableFollowUp(r, spec.get("followUp").value(), effect, followUp, name);
        }
        String because = because(r, spec, node, name);
        boolean enabled = enabled(r, spec, name);
        if (effect != null && effect.kind() == Effect.Kind.REQUIRE && effect.role() == 0) {
            r.warning(spec.get("require").value(), name + " requires the lowest role [" + roles.get(0)
                    + "], which every employee has: it never changes an outcome", "require a higher role, or remove it");
        }
        org.resolutionpolicy.model.Validity validity = TimeReader.validity(r, spec, node, name);
        if (ruleId == null || effect == null || when.condition() == null
                || validity == null && (spec.containsKey("validFrom") || spec.containsKey("validUntil"))) {
            return null;
        }
        boolean perProposal = ruleRemedies != null || when.perProposal();
        Condition condition = validity == null ? when.condition()
                : Condition.allOf(List.of(validity.asCondition(), when.condition()));
        return new Rule(ruleId, r.place(node), condition, ruleRemedies, effect, followUp, because, enabled,
                perProposal, when.amountThresholds());
    }

    /** Returns the rule's id, or null if it is unusable (reserved, a duplicate, not a name). */
    private String ruleId(NodeReader r, Node idNode) {
        String ruleId = r.name(idNode, "rule id");
        if (ruleId == null) {
            return null;
        }
        if (ruleId.equals(Reason.AUTHORITY)) {
            r.error(idNode, "rule id [authority] is reserved for reasons that come from the authority table");
            return null;
        }
        if (ruleIds.containsKey(ruleId)) {
            r.error(idNode, "duplicate rule id [" + ruleId + "]", "first defined at " + ruleIds.get(ruleId));
            return null;
        }
        ruleIds.put(ruleId, r.place(idNode));
        return ruleId;
    }

    /** Returns the rule's one effect, {@link Effect#NONE} without one, or null after a problem. */
    private Effect effect(NodeReader r, Map<String, NodeReader.Entry> spec, String name) {
        List<NodeReader.Entry> effects = new ArrayList<>();
        for (String key : EFFECT_KEYS) {
            if (spec.containsKey(key)) {
                effects.add(spec.get(key));
            }
        }
        if (effects.size() > 1) {
            r.error(effects.get(1).key(), name + " has more than one effect: " + effectNames(effects),
                    "a rule has exactly one of deny, route, require, grant, entitled; write two rules");
            return Effect.NONE;
        }
        return effects.size() == 1 ? effect(r, effects.get(0), name) : Effect.NONE;
    }

    private static String because(NodeReader r, Map<String, NodeReader.Entry> spec, Node node, String name) {
        if (!spec.containsKey("because")) {
            r.warning(node, name + " has no because", "add the sentence the employee can tell the customer");
            return "";
        }
        String b = r.text(spec.get("because").value(), "because of " + name);
        return b == null ? "" : b.trim();
    }

    private static boolean enabled(NodeReader r, Map<String, NodeReader.Entry> spec, String name) {
        if (!spec.containsKey("enabled")) {
            return true;
        }
        Boolean e = r.bool(spec.get("enabled").value(), "enabled of " + name);
        boolean enabled = e == null || e;
        if (!enabled) {
            r.warning(spec.get("enabled").value(), name + " is disabled and never applies",
                    "delete it when it is no longer needed");
        }
        return enabled;
    }

    private static String effectNames(List<NodeReader.Entry> effects) {
        List<String> names = new ArrayList<>();
        effects.forEach(e -> names.add(e.name()));
        return Hints.bracketed(names);
    }

    private Effect effect(NodeReader r, NodeReader.Entry e, String name) {
        Node v = e.value();
        switch (e.name()) {
            case "deny": {
                Boolean b = r.bool(v, "deny of " + name);
                if (b != null && !b) {
                    r.error(v, "deny of " + name + " can only be true", "remove the rule or set enabled: false");
                    return null;
                }
                return b == null ? null : Effect.DENY;
            }
            case "route": {
                String route = r.name(v, "route of " + name);
                if (route != null && !route.equals("swat")) {
                    r.error(v, "route of " + name + " can only be swat, not [" + route + "]", null);
                    return null;
                }
                return route == null ? null : Effect.SWAT;
            }
            case "require":
                return require(r, v, name);
            case "entitled":
                return entitled(r, v, name);
            default: {
                Map<String, NodeReader.Entry> grant = r.mapping(v, "grant of " + name);
                if (grant == null) {
                    return null;
                }
                r.onlyKeys(grant, GRANT_KEYS, "grant of " + name);
                boolean complete = r.require(grant, v, "role", "grant of " + name)
                        & r.require(grant, v, "upTo", "grant of " + name);
                if (!complete) {
                    return null;
                }
                int role = role(r, grant.get("role").value(), "grant of " + name);
                if (amounts != null) {
                    AmountReader.Amount upTo = amounts.read(r, grant.get("upTo").value(), "upTo of " + name, true);
                    return role < 0 || upTo == null ? null : upTo.computed() != null
                            ? Effect.grant(role, upTo.computed()) : Effect.grant(role, upTo.constant());
                }
                Limit upTo = PolicyReader.limit(r, grant.get("upTo").value(), "upTo of " + name);
                return role < 0 || upTo == null ? null : Effect.grant(role, upTo);
            }
        }
    }

    /** Reads {@code entitled: <amount>}: a number or an expression over the case's facts. */
    private Effect entitled(NodeReader r, Node v, String name) {
        AmountReader.Amount amount = amounts == null ? null : amounts.read(r, v, "entitled of " + name, false);
        if (amount == null) {
            return null;
        }
        if (amount.computed() != null) {
            return Effect.entitled(amount.computed());
        }
        BigDecimal constant = amount.constant().amount().orElseThrow();
        return Effect.entitled(org.resolutionpolicy.model.ComputedAmount.constant(constant, null));
    }

    /**
     * Reads {@code require: <role>}, or {@code require: [<role>, ...]}: a dual approval, where every role named
     * signs off apart.
     */
    private Effect require(NodeReader r, Node v, String name) {
        if (!(v instanceof SequenceNode list)) {
            int role = role(r, v, "require of " + name);
            return role < 0 ? null : Effect.require(role);
        }
        if (list.getValue().isEmpty()) {
            r.error(v, "require of " + name + " names no role",
                    "name one role, or several that must each sign off: require: [director, finance]");
            return null;
        }
        List<String> named = r.names(v, "require of " + name, rolesBroken ? null : Set.copyOf(roles), "role");
        // each entry left out was reported (unknown, twice, not a name)
        if (named == null || named.size() < list.getValue().size() || !roles.containsAll(named)) {
            return null;
        }
        List<Integer> ranks = new ArrayList<>();
        named.forEach(role -> ranks.add(roles.indexOf(role)));
        return Effect.require(ranks);
    }

    private int role(NodeReader r, Node node, String what) {
        String role = r.name(node, what);
        if (role == null) {
            return -1;
        }
        int rank = roles.indexOf(role);
        if (rank < 0 && !rolesBroken) {
            r.error(node, "unknown role [" + role + "] in " + what, Hints.didYouMean(role, roles));
        }
        return rank;
    }

    private FollowUpSpec followUp(NodeReader r, Node node, String name) {
        Map<String, NodeReader.Entry> spec = r.mapping(node, "followUp of " + name);
        if (spec == null) {
            return null;
        }
        r.onlyKeys(spec, FOLLOW_UP_KEYS, "followUp of " + name);
        String action = null;
        if (r.require(spec, node, "action", "followUp of " + name)) {
            action = r.name(spec.get("action").value(), "followUp action of " + name);
        }
        TemporalAmount within = spec.containsKey("within")
                ? r.period(spec.get("within").value(), "followUp within of " + name) : null;
        if (within instanceof org.resolutionpolicy.api.CalendarPeriod) {
            r.error(spec.get("within").value(), "followUp within of " + name + " is a calendar period [" + within
                    + "], which windows count; a follow-up is due a length of time after the case opened",
                    "write a period such as [P30D], [P1M] or business days such as [P7BD]");
            within = null;
        }
        String owner = null;
        if (spec.containsKey("owner")) {
            int rank = role(r, spec.get("owner").value(), "followUp owner of " + name);
            owner = rank < 0 ? null : roles.get(rank);
        }
        List<String> when = List.of();
        if (spec.containsKey("when")) {
            when = followUpWhen(r, spec.get("when").value(), name);
            if (when == null) {
                return null;
            }
        }
        return action == null ? null : new FollowUpSpec(action, within, owner, when);
    }

    /**
     * Reads the outcomes a follow-up applies to: {@code granted}, {@code alone}, {@code escalated}, {@code swat},
     * {@code denied}, one or a list; null after a problem.
     */
    private static List<String> followUpWhen(NodeReader r, Node node, String name) {
        String what = "followUp when of " + name;
        if (node instanceof SequenceNode list && list.getValue().isEmpty()) {
            r.error(node, what + " names no outcome", "name one or more of "
                    + Hints.bracketed(FollowUpSpec.OUTCOMES.keySet()) + ", or leave when out to apply it always");
            return null;
        }
        List<String> named = r.names(node, what, FollowUpSpec.OUTCOMES.keySet(), "outcome");
        int given = node instanceof SequenceNode list ? list.getValue().size() : 1;
        return named == null || named.size() < given ? null : named;
    }

    /**
     * Warns about a follow-up that its own rule's effect keeps from ever applying: a rule that denies a proposal
     * (or sends it to SWAT) with a follow-up only for granted proposals.
     */
    private static void unreachableFollowUp(NodeReader r, Node node, Effect effect, FollowUpSpec followUp,
                                            String name) {
        if (effect == null || followUp == null || !followUp.onOutcome()) {
            return;
        }
        Set<Outcome.Kind> possible = switch (effect.kind()) {
            case DENY -> EnumSet.of(Outcome.Kind.DENIED);
            case SWAT -> EnumSet.of(Outcome.Kind.SWAT,
                    Outcome.Kind.DENIED);
            default -> null;
        };
        if (possible != null && Collections.disjoint(possible, followUp.outcomes())) {
            r.warning(node, "the followUp of " + name + " applies when " + followUp.when()
                    + ", but the rule's own effect makes every proposal it matches "
                    + (effect.kind() == Effect.Kind.DENY ? "denied" : "swat or denied") + ": it never applies",
                    "give the follow-up its own rule, or change its when");
        }
    }
}
