package org.resolutionpolicy.engine.internal.eval;

import org.resolutionpolicy.engine.internal.support.Values;
import org.resolutionpolicy.engine.internal.model.Windows;
import org.resolutionpolicy.engine.internal.model.ExternalRules;
import org.resolutionpolicy.engine.internal.model.FactMatcher;
import org.resolutionpolicy.engine.internal.model.Condition;
import org.resolutionpolicy.engine.internal.model.Facts;
import org.resolutionpolicy.engine.internal.model.FactPath;
import org.resolutionpolicy.engine.internal.model.FactType;
import org.resolutionpolicy.engine.internal.model.FollowUpSpec;
import org.resolutionpolicy.engine.internal.model.Beyond;
import org.resolutionpolicy.engine.internal.model.AuthorityEntry;
import org.resolutionpolicy.engine.internal.model.Effect;
import org.resolutionpolicy.engine.internal.model.Rule;
import org.resolutionpolicy.engine.internal.model.PolicyModel;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.resolutionpolicy.api.Explanation;
import org.resolutionpolicy.api.FollowUp;
import org.resolutionpolicy.api.Latitude;
import org.resolutionpolicy.api.Limit;
import org.resolutionpolicy.api.Outcome;
import org.resolutionpolicy.api.Proposal;
import org.resolutionpolicy.api.ProposalDecision;
import org.resolutionpolicy.api.Reason;
import org.resolutionpolicy.api.RemedyUnit;

/**
 * Applies the decision semantics to checked facts: deny overrides, SWAT next, then the highest of the
 * authority-derived role and every required role; follow-ups are the union of every matching rule's.
 *
 * <p>Nothing here depends on rule order: effects are combined by the outcome lattice, reasons are sorted by rule
 * id ({@code authority} last) and follow-ups by action and rule. Immutable and thread-safe; each decision works
 * in a scratch of its own.
 */
final class Decider {

    /** Orders follow-ups by action, then rule id. */
    static final Comparator<FollowUp> FOLLOW_UP_ORDER = Comparator.comparing(FollowUp::action)
            .thenComparing(FollowUp::rule);

    private static final BigDecimal CENT = new BigDecimal("0.01");
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    /** Above every amount and limit the loader accepts (at most 20 integer digits): still ALONE there means unlimited. */
    private static final BigDecimal HUGE = new BigDecimal("1E+21");

    private final PolicyModel policy;
    private final Map<String, Plan> plans = new HashMap<>();
    /** Every enabled rule, filed by equality tests on case facts. */
    private final RuleIndex index;
    private final Outcome[] escalations;
    private final Outcome swat;
    /** Each rule id's place in id order, YAML and external alike: reasons are sorted by it without comparing strings. */
    private final Map<String, Integer> idOrder = new HashMap<>();

    Decider(PolicyModel policy) {
        this.policy = policy;
        this.escalations = policy.roles().stream().map(Outcome::escalate).toArray(Outcome[]::new);
        this.swat = policy.swatTeam() == null ? null : Outcome.swat(policy.swatTeam());
        List<String> ids = new ArrayList<>();
        policy.rules().forEach(r -> ids.add(r.id()));
        if (policy.external() != null) {
            ids.addAll(policy.external().ruleIds());
        }
        java.util.Collections.sort(ids);
        for (String id : ids) {
            idOrder.putIfAbsent(id, idOrder.size());
        }
        Map<Rule, Entry> entries = new java.util.IdentityHashMap<>();
        for (Rule r : policy.rules()) {
            entries.put(r, new Entry(r, idOrder.get(r.id())));
        }
        for (Map.Entry<String, RemedyUnit> remedy : policy.remedies().entrySet()) {
            Rule[] rules = policy.rules().stream()
                    .filter(Rule::enabled).filter(r -> r.appliesTo(remedy.getKey())).toArray(Rule[]::new);
            plans.put(remedy.getKey(), new Plan(remedy.getKey(), plans.size(), remedy.getValue(), rules));
        }
        Entry[] enabled = policy.rules().stream().filter(Rule::enabled).map(entries::get).toArray(Entry[]::new);
        String[] remedies = policy.remedies().keySet().toArray(new String[0]);
        for (Entry e : entries.values()) {
            e.about = new boolean[remedies.length];
            for (int i = 0; i < remedies.length; i++) {
                e.about[i] = e.rule.appliesTo(remedies[i]);
            }
        }
        this.index = new RuleIndex(enabled, remedies, java.util.Set.of(), 0);

    }

    /** The outcome of one proposal, with the rules it matched. */
    record Evaluation(Outcome outcome, List<Reason> reasons, List<Rule> matched) {
    }

    /**
     * A rule as the decider uses it: its effect unpacked, its reason and follow-up made once at load, and its place
     * in id order, so that a decision allocates neither.
     */
    private static final class Entry {
        final Rule rule;
        final Condition when;
        final Effect.Kind kind;
        final int role;
        final Limit upTo;
        final Reason reason;
        final FollowUp followUp;
        final boolean perProposalFollowUp;
        final int order;
        /** Whether the rule is about each remedy, by the remedy's ordinal; set for the policy's own rules. */
        boolean[] about;

        Entry(Rule rule, int order) {
            this.rule = rule;
            this.when = rule.when();
            this.kind = rule.effect().kind();
            this.role = rule.effect().role();
            this.upTo = rule.effect().upTo();
            this.reason = new Reason(rule.id(), rule.because());
            FollowUpSpec f = rule.followUp();
            this.followUp = f == null ? null : new FollowUp(f.action(), f.within(), f.owner(), rule.id());
            this.perProposalFollowUp = f != null && rule.perProposal();
            this.order = order;
        }
    }

    /** Returns what deciding a remedy needs, or null if the policy does not know the remedy. */
    Plan plan(String remedy) {
        return plans.get(remedy);
    }

    /** What one remedy needs at decision time, resolved once at load. */
    final class Plan {
        final String remedy;
        /** The remedy's place in the policy's declaration order. */
        final int ordinal;
        final RemedyUnit unit;
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

        Plan(String remedy, int ordinal, RemedyUnit unit, Rule[] rules) {
            this.remedy = remedy;
            this.ordinal = ordinal;
            this.unit = unit;
            this.rules = rules;
            this.authority = policy.authority().get(remedy);
            this.of = remedy + " of ";
            int roles = policy.roles().size();
            this.nearest = new int[roles];
            this.shortfall = new String[roles][roles];
            for (int employee = 0; employee < roles; employee++) {
                int found = -1;
                for (int role = employee; role >= 0 && found < 0; role--) {
                    if (authority != null && authority[role] != null) {
                        found = role;
                    }
                }
                nearest[employee] = found;
                String limit = found < 0 ? "none for " + remedy : "up to " + authority[found].perGrant() + " per grant";
                for (int level = 0; level < roles; level++) {
                    shortfall[employee][level] = " is beyond the authority of " + policy.roles().get(employee) + " ("
                            + limit + "); " + policy.roles().get(level) + " may grant it";
                }
            }
        }

        AuthorityEntry entry(int role) {
            return authority == null ? null : authority[role];
        }
    }

    /**
     * The working memory of one decision: the rules a proposal matched, its outcome and reasons, and the follow-ups
     * so far. One per decision, reused for each proposal; never shared between threads.
     */
    private static final class Scratch {
        Entry[] matched = new Entry[8];
        int n;
        /** The index nodes whose keys the case matched: found once per case, then walked for each proposal. */
        RuleIndex[] nodes = new RuleIndex[4];
        int nodeCount;
        /** The rules whose conditions read the case alone and hold for it: found once, shared by every proposal. */
        Entry[] caseMatched = new Entry[4];
        int caseCount;

        void addCaseMatch(Entry e) {
            if (caseCount == caseMatched.length) {
                caseMatched = java.util.Arrays.copyOf(caseMatched, caseCount * 2);
            }
            caseMatched[caseCount++] = e;
        }

        void addNode(RuleIndex node) {
            if (nodeCount == nodes.length) {
                nodes = java.util.Arrays.copyOf(nodes, nodeCount * 2);
            }
            nodes[nodeCount++] = node;
        }
        Outcome outcome;
        List<Reason> reasons;
        /** The rules whose reasons a proposal gives, sorted as they are picked. */
        Entry[] picked = new Entry[4];
        FollowUp[] followUps;
        int followUpCount;
        /** The external rules' run for this decision's case, or null when deciding one proposal alone. */
        ExternalRules.CaseRun external;

        void add(Entry e) {
            if (n == matched.length) {
                matched = java.util.Arrays.copyOf(matched, n * 2);
            }
            matched[n++] = e;
        }

        void addFollowUp(FollowUp f) {
            if (followUps == null) {
                followUps = new FollowUp[4];
            }
            for (int i = 0; i < followUpCount; i++) {
                if (followUps[i] == f || FOLLOW_UP_ORDER.compare(followUps[i], f) == 0) {
                    return;
                }
            }
            if (followUpCount == followUps.length) {
                followUps = java.util.Arrays.copyOf(followUps, followUpCount * 2);
            }
            followUps[followUpCount++] = f;
        }

        List<Rule> matchedRules() {
            List<Rule> rules = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                rules.add(matched[i].rule);
            }
            return rules;
        }
    }

    /** A decision's proposals and follow-ups. */
    record Decided(List<ProposalDecision> proposals, List<FollowUp> followUps, boolean swat) {
    }

    /** Decides each proposal and collects the follow-ups, of the case and of the proposals, sorted. */
    Decided decide(Facts facts, List<Proposal> proposals, Plan[] proposalPlans) {
        Scratch s = new Scratch();
        index.collect(facts, s);
        ownCaseFollowUps(s);
        ProposalDecision[] decisions = new ProposalDecision[proposals.size()];
        boolean anySwat = false;
        ExternalRules.CaseRun external = policy.external() == null ? null : policy.external().open(facts);
        try {
            s.external = external;
            for (int i = 0; i < decisions.length; i++) {
                Proposal p = proposals.get(i);
                Plan plan = proposalPlans[i];
                run(plan, facts.withProposal(p.remedy(), p.amount()), s, true);
                decisions[i] = new ProposalDecision(p, s.outcome, s.reasons);
                anySwat |= s.outcome.kind() == Outcome.Kind.SWAT;
                for (int j = 0; j < s.n; j++) {
                    if (s.matched[j].perProposalFollowUp) {
                        s.addFollowUp(s.matched[j].followUp);
                    }
                }
            }
            if (external != null) {
                externalFollowUps(external.caseMatches(), s);
            }
        } finally {
            if (external != null) {
                external.close();
            }
        }
        return new Decided(List.of(decisions), followUps(s), anySwat);
    }

    /** Returns the follow-ups of a case without proposals: those of the rules that do not depend on a proposal. */
    List<FollowUp> caseFollowUps(Facts facts) {
        Scratch s = new Scratch();
        index.collect(facts, s);
        ownCaseFollowUps(s);
        if (policy.external() != null) {
            externalFollowUps(policy.external().matches(facts), s);
        }
        return followUps(s);
    }

    /** Adds the follow-ups of the rules that do not depend on a proposal, from the case's matches in the index. */
    private static void ownCaseFollowUps(Scratch s) {
        for (int i = 0; i < s.caseCount; i++) {
            Entry e = s.caseMatched[i];
            if (e.followUp != null && !e.rule.perProposal()) {
                s.addFollowUp(e.followUp);
            }
        }
    }

    private void externalFollowUps(List<Rule> matches, Scratch s) {
        for (Rule r : matches) {
            if (r.followUp() != null) {
                s.addFollowUp(external(r).followUp);
            }
        }
    }

    private static List<FollowUp> followUps(Scratch s) {
        switch (s.followUpCount) {
            case 0:
                return List.of();
            case 1:
                return List.of(s.followUps[0]);
            default:
                FollowUp[] sorted = java.util.Arrays.copyOf(s.followUps, s.followUpCount);
                java.util.Arrays.sort(sorted, FOLLOW_UP_ORDER);
                return List.of(sorted);
        }
    }

    private Entry external(Rule r) {
        return new Entry(r, idOrder.getOrDefault(r.id(), Integer.MAX_VALUE));
    }

    /** Decides one proposal: facts must carry the remedy and the amount as decided. */
    Evaluation evaluate(Facts facts) {
        Scratch s = new Scratch();
        index.collect(facts, s);
        run(plans.get(facts.remedy()), facts, s, true);
        return new Evaluation(s.outcome, s.reasons, s.matchedRules());
    }

    private Outcome outcome(Facts facts) {
        Scratch s = new Scratch();
        index.collect(facts, s);
        run(plans.get(facts.remedy()), facts, s, false);
        return s.outcome;
    }

    /**
     * Decides one proposal into the scratch: the rules it matched, its outcome, and (when asked) its reasons, sorted
     * by rule id with {@code authority} last.
     */
    private void run(Plan plan, Facts facts, Scratch s, boolean withReasons) {
        s.n = 0;
        int remedy = plan.ordinal;
        for (int k = 0; k < s.caseCount; k++) {
            Entry e = s.caseMatched[k];
            if (e.about[remedy]) {
                s.add(e);
            }
        }
        for (int k = 0; k < s.nodeCount; k++) {
            s.nodes[k].matching(remedy, facts, s);
        }
        if (policy.external() != null) {
            List<Rule> matches = s.external != null ? s.external.matches(facts) : policy.external().matches(facts);
            for (Rule r : matches) {
                s.add(external(r));
            }
        }
        int n = s.n;
        Entry[] matched = s.matched;
        boolean deny = false;
        boolean swatted = false;
        boolean grant = false;
        int required = -1;
        for (int i = 0; i < n; i++) {
            Entry e = matched[i];
            switch (e.kind) {
                case DENY:
                    deny = true;
                    break;
                case SWAT:
                    swatted = true;
                    break;
                case REQUIRE:
                    required = Math.max(required, e.role);
                    break;
                case GRANT:
                    grant = true;
                    break;
                default:
                    break;
            }
        }
        s.reasons = List.of();
        if (deny || swatted) {
            s.outcome = deny ? Outcome.denied() : swat;
            if (withReasons) {
                s.reasons = reasons(s, deny ? Effect.Kind.DENY : Effect.Kind.SWAT, -1, null);
            }
            return;
        }
        BigDecimal amount = facts.amount();
        int covering = grant ? coverWithGrants(plan, amount, s, facts) : cover(plan, amount, facts);
        int authorityLevel = covering;
        if (covering < 0) {
            Beyond beyond = policy.beyond();
            if (beyond.kind() != Beyond.Kind.ROLE) {
                s.outcome = beyond.kind() == Beyond.Kind.DENY ? Outcome.denied() : swat;
                if (withReasons) {
                    s.reasons = List.of(new Reason(Reason.AUTHORITY, beyondText(plan.remedy, amount, beyond)));
                }
                return;
            }
            authorityLevel = beyond.role();
        }
        int level = Math.max(authorityLevel, required);
        int employee = facts.employeeRank();
        s.outcome = level <= employee ? Outcome.alone() : escalations[level];
        if (!withReasons) {
            return;
        }
        Reason authority = null;
        boolean usedGrants = false;
        if (authorityLevel == level) {
            usedGrants = grant && covering >= 0 && !perGrantCovers(baseLimit(plan.entry(covering)), amount);
            if (level > employee && !requiresLevel(s, level)) {
                String because = covering < 0 ? beyondText(plan.remedy, amount, policy.beyond())
                        : shortfallText(plan, amount, grant ? grants(s) : List.of(), facts, level);
                authority = new Reason(Reason.AUTHORITY, because);
            }
        }
        s.reasons = reasons(s, Effect.Kind.REQUIRE, level, usedGrants ? amount : null, covering, authority);
    }

    private static boolean requiresLevel(Scratch s, int level) {
        for (int i = 0; i < s.n; i++) {
            if (s.matched[i].kind == Effect.Kind.REQUIRE && s.matched[i].role == level) {
                return true;
            }
        }
        return false;
    }

    private static List<Reason> reasons(Scratch s, Effect.Kind kind, int role, Reason last) {
        return reasons(s, kind, role, null, -1, last);
    }

    /**
     * Returns the reasons of the matched rules of one kind (and, for REQUIRE, naming one role), plus the grants for
     * one role that cover the amount when {@code grantAmount} is set, sorted by rule id; then {@code last}.
     */
    private static List<Reason> reasons(Scratch s, Effect.Kind kind, int role, BigDecimal grantAmount, int grantRole,
                                        Reason last) {
        Entry[] picked = s.picked;
        int k = 0;
        for (int i = 0; i < s.n; i++) {
            Entry e = s.matched[i];
            boolean wanted = e.kind == kind && (role < 0 || e.role == role)
                    || grantAmount != null && e.kind == Effect.Kind.GRANT && e.role == grantRole
                    && perGrantCovers(e.upTo, grantAmount);
            if (!wanted) {
                continue;
            }
            if (k == picked.length) {
                picked = java.util.Arrays.copyOf(picked, k * 2);
                s.picked = picked;
            }
            // insertion sort: a proposal has a handful of reasons
            int j = k++;
            while (j > 0 && before(e, picked[j - 1])) {
                picked[j] = picked[j - 1];
                j--;
            }
            picked[j] = e;
        }
        if (k == 0) {
            return last == null ? List.of() : List.of(last);
        }
        if (k == 1) {
            return last == null ? List.of(picked[0].reason) : List.of(picked[0].reason, last);
        }
        Reason[] out = new Reason[k + (last == null ? 0 : 1)];
        for (int i = 0; i < k; i++) {
            out[i] = picked[i].reason;
        }
        if (last != null) {
            out[k] = last;
        }
        return List.of(out);
    }

    private static boolean before(Entry a, Entry b) {
        if (a.order != b.order) {
            return a.order < b.order;
        }
        return a.rule.id().compareTo(b.rule.id()) < 0;
    }

    private static List<Rule> grants(Scratch s) {
        List<Rule> grants = new ArrayList<>(2);
        for (int i = 0; i < s.n; i++) {
            if (s.matched[i].kind == Effect.Kind.GRANT) {
                grants.add(s.matched[i].rule);
            }
        }
        return grants;
    }

    private static Limit baseLimit(AuthorityEntry entry) {
        return entry == null ? Limit.zero() : entry.perGrant();
    }

    /**
     * The rules, filed by one equality test on a case fact each (severity, tier, category...), so that a decision
     * only tests the rules whose filed value is the case's; rules without such a test are always tested. The case
     * facts are looked up once per case ({@link #collect}); each proposal then tests, in the nodes found, the rules
     * about its remedy, and of each only the conditions its place in the index has not already settled.
     * Order does not matter: the lattice and sorted reasons make the outcome independent of it.
     */
    private static final class RuleIndex {
        /** Buckets larger than this are indexed again by another equality test, up to {@link #MAX_DEPTH} levels. */
        private static final int NEST_ABOVE = 16;
        private static final int MAX_DEPTH = 3;

        /** The rules filed here (not deeper) whose unsettled conditions read the case alone, and those conditions. */
        private final Entry[] caseEntries;
        private final Condition[] caseRest;
        /** Per remedy ordinal, the other rules filed here about that remedy. */
        private final Entry[][] byRemedy;
        /** Per remedy ordinal, what is left of each of those rules' conditions once this node is reached. */
        private final Condition[][] restByRemedy;
        private final boolean hasRules;
        private final FactPath[] paths;
        private final Map<Object, RuleIndex>[] byValue;

        @SuppressWarnings("unchecked")
        RuleIndex(Entry[] rules, String[] remedies, java.util.Set<FactPath> used, int depth) {
            List<Entry> rest = new ArrayList<>();
            Map<FactPath, Map<Object, List<Entry>>> filed = new java.util.LinkedHashMap<>();
            for (Entry r : rules) {
                FactMatcher key = depth >= MAX_DEPTH ? null : key(r.rule, used);
                if (key == null) {
                    rest.add(r);
                    continue;
                }
                Map<Object, List<Entry>> values = filed.computeIfAbsent(key.path(), p -> new HashMap<>());
                for (Object v : key.equalsAny()) {
                    values.computeIfAbsent(v, x -> new ArrayList<>()).add(r);
                }
            }
            List<Entry> caseLevel = new ArrayList<>();
            List<Condition> caseConditions = new ArrayList<>();
            List<Entry> proposalLevel = new ArrayList<>();
            for (Entry e : rest) {
                Condition left = unsettled(e.rule, used);
                // a rule that does not depend on a proposal reads the case alone, whatever its condition says
                if (e.rule.perProposal() && left.perProposal()) {
                    proposalLevel.add(e);
                } else {
                    caseLevel.add(e);
                    caseConditions.add(left);
                }
            }
            this.caseEntries = caseLevel.toArray(new Entry[0]);
            this.caseRest = caseConditions.toArray(new Condition[0]);
            this.byRemedy = new Entry[remedies.length][];
            this.restByRemedy = new Condition[remedies.length][];
            for (int i = 0; i < remedies.length; i++) {
                String remedy = remedies[i];
                byRemedy[i] = proposalLevel.stream().filter(e -> e.rule.appliesTo(remedy)).toArray(Entry[]::new);
                restByRemedy[i] = java.util.Arrays.stream(byRemedy[i]).map(e -> unsettled(e.rule, used))
                        .toArray(Condition[]::new);
            }
            this.hasRules = !proposalLevel.isEmpty();
            this.paths = filed.keySet().toArray(new FactPath[0]);
            this.byValue = new Map[paths.length];
            int i = 0;
            for (Map.Entry<FactPath, Map<Object, List<Entry>>> e : filed.entrySet()) {
                java.util.Set<FactPath> deeper = new java.util.HashSet<>(used);
                deeper.add(e.getKey());
                Map<Object, RuleIndex> frozen = new HashMap<>();
                e.getValue().forEach((v, list) -> {
                    Entry[] bucket = list.toArray(new Entry[0]);
                    frozen.put(v, new RuleIndex(bucket, remedies, deeper, bucket.length > NEST_ABOVE ? depth + 1 : MAX_DEPTH));
                });
                byValue[i++] = frozen;
            }
        }

        /** The first equality test on a case-level fact, not yet used above, whose values compare by equals. */
        private static FactMatcher key(Rule r, java.util.Set<FactPath> used) {
            for (Condition c : r.when().parts()) {
                if (isKey(c) && !used.contains(((FactMatcher) c).path())) {
                    return (FactMatcher) c;
                }
            }
            return null;
        }

        private static boolean isKey(Condition c) {
            if (!(c instanceof FactMatcher)) {
                return false;
            }
            FactMatcher m = (FactMatcher) c;
            FactType type = m.path().type();
            boolean byEquals = type == FactType.STRING || type == FactType.SEVERITY || type == FactType.ROLE
                    || type == FactType.BOOLEAN;
            return m.equalsAny() != null && !m.path().perProposal() && byEquals;
        }

        /**
         * Returns a rule's condition without the equality tests on the paths above this node: reaching the node
         * means the case's value of each such path is one the rule was filed under, so those tests hold.
         */
        private static Condition unsettled(Rule r, java.util.Set<FactPath> used) {
            // the key chosen for a path is the rule's first equality test on it (see key); any other test on the
            // same path (a rule may test a fact twice) stays
            List<Condition> left = new ArrayList<>();
            java.util.Set<FactPath> settled = new java.util.HashSet<>();
            for (Condition c : r.when().parts()) {
                boolean key = isKey(c) && used.contains(((FactMatcher) c).path()) && settled.add(((FactMatcher) c).path());
                if (!key) {
                    left.add(c);
                }
            }
            return Condition.allOf(left);
        }

        /**
         * Adds the case-level rules filed here that hold for the case, and this node if it files rules that read
         * the proposal; then does the same in every node below whose key the case's facts match.
         */
        void collect(Facts facts, Scratch out) {
            for (int i = 0; i < caseEntries.length; i++) {
                if (caseRest[i] == Condition.ALWAYS || caseRest[i].test(facts)) {
                    out.addCaseMatch(caseEntries[i]);
                }
            }
            if (hasRules) {
                out.addNode(this);
            }
            for (int i = 0; i < paths.length; i++) {
                Object value = paths[i].read(facts);
                RuleIndex bucket = value == null ? null : byValue[i].get(value);
                if (bucket != null) {
                    bucket.collect(facts, out);
                }
            }
        }

        /** Adds the rules filed here about the remedy whose unsettled conditions hold. */
        void matching(int remedy, Facts facts, Scratch out) {
            Entry[] entries = byRemedy[remedy];
            Condition[] rest = restByRemedy[remedy];
            for (int i = 0; i < entries.length; i++) {
                if (rest[i] == Condition.ALWAYS || rest[i].test(facts)) {
                    out.add(entries[i]);
                }
            }
        }
    }

    // ---------------------------------------------------------------- authority

    /** Returns the lowest role whose own authority covers a proposal when no grant rule matched, or -1. */
    private int cover(Plan plan, BigDecimal amount, Facts facts) {
        AuthorityEntry[] entries = plan.authority;
        if (entries == null) {
            return -1;
        }
        for (int role = 0; role < entries.length; role++) {
            AuthorityEntry entry = entries[role];
            if (entry != null && perGrantCovers(entry.perGrant(), amount)
                    && (!entry.hasWindow() || windowShortfall(entry, plan.remedy, amount, facts) == null)) {
                return role;
            }
        }
        return -1;
    }

    /** Returns the lowest role whose authority, raised by the matched grant rules, covers a proposal, or -1. */
    private int coverWithGrants(Plan plan, BigDecimal amount, Scratch s, Facts facts) {
        for (int role = 0; role < policy.roles().size(); role++) {
            AuthorityEntry entry = plan.entry(role);
            Limit perGrant = entry == null ? null : entry.perGrant();
            for (int i = 0; i < s.n; i++) {
                Entry g = s.matched[i];
                if (g.kind == Effect.Kind.GRANT && g.role == role) {
                    perGrant = perGrant == null ? g.upTo : perGrant.max(g.upTo);
                }
            }
            if (perGrant == null || !perGrantCovers(perGrant, amount)) {
                continue;
            }
            if (entry != null && entry.hasWindow() && windowShortfall(entry, plan.remedy, amount, facts) != null) {
                continue;
            }
            return role;
        }
        return -1;
    }

    /** Returns a role's per-grant limit raised by matching grants, or null when it has neither entry nor grant. */
    private static Limit perGrant(AuthorityEntry entry, List<Rule> grants, int role) {
        Limit granted = grantedLimit(grants, role);
        if (entry == null) {
            return granted;
        }
        return granted == null ? entry.perGrant() : entry.perGrant().max(granted);
    }

    private static Limit grantedLimit(List<Rule> grants, int role) {
        Limit granted = null;
        for (Rule g : grants) {
            if (g.effect().role() == role) {
                granted = granted == null ? g.effect().upTo() : granted.max(g.effect().upTo());
            }
        }
        return granted;
    }

    private static boolean perGrantCovers(Limit limit, BigDecimal amount) {
        if (amount == null) {
            return limit.isUnlimited() || limit.amount().orElseThrow().signum() > 0;
        }
        return limit.covers(amount);
    }

    /** Returns why the entry's per-customer window does not cover the proposal, or null when it does. */
    private String windowShortfall(AuthorityEntry entry, String remedy, BigDecimal amount, Facts facts) {
        boolean counted = policy.remedies().get(remedy) == RemedyUnit.COUNT;
        Windows.Use used = Windows.use(facts, remedy, entry.window(), counted ? BigDecimal.ONE : BigDecimal.ZERO);
        if (entry.maxCount() != null && used.count() + 1 > entry.maxCount()) {
            return "at most " + entry.maxCount() + " per customer in " + entry.windowText()
                    + ", and the customer already had " + used.count();
        }
        if (entry.maxTotal() != null && amount != null && !entry.maxTotal().covers(used.total().add(amount))) {
            return "at most " + entry.maxTotal() + " per customer in " + entry.windowText()
                    + ", and the customer already had " + used.total().toPlainString();
        }
        return null;
    }

    private String shortfallText(Plan plan, BigDecimal amount, List<Rule> grants, Facts facts, int level) {
        int employee = facts.employeeRank();
        if (grants.isEmpty()) {
            // the common case, from sentences made at load: the employee's nearest own limit, or none, falls short
            int nearest = plan.nearest[employee];
            if (nearest < 0 || !perGrantCovers(plan.authority[nearest].perGrant(), amount)) {
                return amount == null ? plan.remedy + plan.shortfall[employee][level]
                        : plan.of + amount.toPlainString() + plan.shortfall[employee][level];
            }
        }
        String what = describe(plan.remedy, amount);
        String employeeRole = policy.roles().get(employee);
        String approver = policy.roles().get(level);
        for (int role = employee; role >= 0; role--) {
            AuthorityEntry entry = plan.entry(role);
            Limit perGrant = perGrant(entry, grants, role);
            if (perGrant == null) {
                continue;
            }
            String limit;
            if (!perGrantCovers(perGrant, amount)) {
                limit = "up to " + perGrant + " per grant";
            } else {
                limit = windowShortfall(entry, plan.remedy, amount, facts);
            }
            return what + " is beyond the authority of " + employeeRole + " (" + limit + "); " + approver + " may grant it";
        }
        return what + " is beyond the authority of " + employeeRole + " (none for " + plan.remedy + "); "
                + approver + " may grant it";
    }

    private String beyondText(String remedy, BigDecimal amount, Beyond beyond) {
        String what = describe(remedy, amount);
        switch (beyond.kind()) {
            case SWAT:
                return "no role may grant " + what + "; beyond authority the policy routes to " + policy.swatTeam();
            case ROLE:
                return "no role may grant " + what + "; beyond authority the policy needs "
                        + policy.roles().get(beyond.role());
            default:
                return "no role may grant " + what;
        }
    }

    private static String describe(String remedy, BigDecimal amount) {
        return amount == null ? remedy : remedy + " of " + amount.toPlainString();
    }

    // ---------------------------------------------------------------- explanations

    /** Explains one proposal: every rule of the policy checked against it, and the authority it met. */
    Explanation.ProposalExplanation explain(Facts facts, Proposal proposal, Evaluation e) {
        List<Explanation.RuleCheck> checks = new ArrayList<>();
        List<Rule> grants = new ArrayList<>();
        for (Rule r : policy.rules()) {
            if (!r.enabled()) {
                checks.add(check(r, Explanation.Status.DISABLED, List.of()));
            } else if (!r.appliesTo(proposal.remedy())) {
                checks.add(check(r, Explanation.Status.OTHER_REMEDY, List.of()));
            } else if (e.matched().contains(r) || r.when().test(facts)) {
                checks.add(check(r, Explanation.Status.MATCHED, List.of()));
                if (r.effect().kind() == Effect.Kind.GRANT) {
                    grants.add(r);
                }
            } else {
                List<Explanation.Failure> failures = new ArrayList<>();
                r.when().explain(facts, failures);
                checks.add(check(r, Explanation.Status.NOT_MATCHED, failures));
            }
        }
        externalChecks(e.matched(), checks);
        for (Rule r : e.matched()) {
            if (r.effect().kind() == Effect.Kind.GRANT && !grants.contains(r)) {
                grants.add(r);
            }
        }
        boolean ruleDecided = (e.outcome().kind() == Outcome.Kind.DENIED || e.outcome().kind() == Outcome.Kind.SWAT)
                && e.reasons().stream().noneMatch(Reason::isAuthority);
        Explanation.AuthorityTrace authority = ruleDecided ? null
                : authorityTrace(proposal.remedy(), proposal.amount(), grants, facts);
        return new Explanation.ProposalExplanation(proposal, e.outcome(), checks, authority);
    }

    /** Explains a case without proposals: every rule checked against the case alone. */
    List<Explanation.RuleCheck> explainCase(Facts facts) {
        List<Explanation.RuleCheck> checks = new ArrayList<>();
        for (Rule r : policy.rules()) {
            if (!r.enabled()) {
                checks.add(check(r, Explanation.Status.DISABLED, List.of()));
            } else if (r.perProposal()) {
                checks.add(check(r, Explanation.Status.NEEDS_PROPOSAL, List.of()));
            } else if (r.when().test(facts)) {
                checks.add(check(r, Explanation.Status.MATCHED, List.of()));
            } else {
                List<Explanation.Failure> failures = new ArrayList<>();
                r.when().explain(facts, failures);
                checks.add(check(r, Explanation.Status.NOT_MATCHED, failures));
            }
        }
        if (policy.external() != null) {
            externalChecks(policy.external().matches(facts), checks);
        }
        return checks;
    }

    /** Adds a check per rule of another source (DRL): matched, or not, without the detail of which condition. */
    private void externalChecks(List<Rule> matched, List<Explanation.RuleCheck> checks) {
        if (policy.external() == null) {
            return;
        }
        for (String id : policy.external().ruleIds()) {
            List<String> effects = new ArrayList<>();
            for (Rule r : matched) {
                // ids are unique across YAML and DRL (a load error otherwise), so the id alone finds the DRL rule
                if (r.id().equals(id)) {
                    effects.add(effect(r));
                }
            }
            if (effects.isEmpty()) {
                checks.add(new Explanation.RuleCheck(id, "drl", Explanation.Status.NOT_MATCHED,
                        List.of(Explanation.Failure.unexplained(id))));
            } else {
                checks.add(new Explanation.RuleCheck(id, String.join(", ", effects), Explanation.Status.MATCHED, List.of()));
            }
        }
    }

    private Explanation.RuleCheck check(Rule r, Explanation.Status status, List<Explanation.Failure> failures) {
        return new Explanation.RuleCheck(r.id(), effect(r), status, failures);
    }

    private String effect(Rule r) {
        Effect e = r.effect();
        String effect;
        switch (e.kind()) {
            case DENY:
                effect = "deny";
                break;
            case SWAT:
                effect = "route to swat";
                break;
            case REQUIRE:
                effect = "require " + policy.roles().get(e.role());
                break;
            case GRANT:
                effect = "grant " + policy.roles().get(e.role()) + " up to " + e.upTo();
                break;
            default:
                effect = "";
        }
        if (r.followUp() != null) {
            effect = effect + (effect.isEmpty() ? "" : ", ") + "follow-up " + r.followUp().action();
        }
        return effect;
    }

    private Explanation.AuthorityTrace authorityTrace(String remedy, BigDecimal amount, List<Rule> grants, Facts facts) {
        AuthorityEntry[] entries = policy.authority().get(remedy);
        List<Explanation.RoleLimit> roles = new ArrayList<>();
        String covering = null;
        for (int role = 0; role < policy.roles().size(); role++) {
            AuthorityEntry entry = entries == null ? null : entries[role];
            Limit perGrant = perGrant(entry, grants, role);
            if (perGrant == null) {
                continue;
            }
            List<String> raisedBy = new ArrayList<>();
            for (Rule g : grants) {
                if (g.effect().role() == role) {
                    raisedBy.add(g.id());
                }
            }
            String window = null;
            boolean covers = perGrantCovers(perGrant, amount);
            if (entry != null && entry.hasWindow()) {
                boolean counted = policy.remedies().get(remedy) == RemedyUnit.COUNT;
                Windows.Use used = Windows.use(facts, remedy, entry.window(), counted ? BigDecimal.ONE : BigDecimal.ZERO);
                List<String> caps = new ArrayList<>();
                if (entry.maxTotal() != null) {
                    caps.add(entry.maxTotal() + " in total");
                }
                if (entry.maxCount() != null) {
                    caps.add(entry.maxCount() + " grants");
                }
                window = "at most " + String.join(" and ", caps) + " per customer in " + entry.windowText()
                        + "; before this the customer had " + used.count() + (used.count() == 1 ? " grant" : " grants")
                        + " totalling " + used.total().toPlainString();
                covers &= windowShortfall(entry, remedy, amount, facts) == null;
            }
            String name = policy.roles().get(role);
            roles.add(new Explanation.RoleLimit(name, perGrant, raisedBy, window, covers));
            if (covers && covering == null) {
                covering = name;
            }
        }
        String beyond = null;
        if (covering == null) {
            Beyond b = policy.beyond();
            beyond = b.kind() == Beyond.Kind.ROLE ? policy.roles().get(b.role()) : b.kind().name().toLowerCase(java.util.Locale.ROOT);
        }
        return new Explanation.AuthorityTrace(roles, covering, beyond);
    }

    // ---------------------------------------------------------------- latitude

    /** Answers, per remedy, the largest amount the employee may grant alone and who approves beyond it. */
    List<Latitude> latitude(Facts facts) {
        List<Latitude> latitude = new ArrayList<>();
        for (Map.Entry<String, RemedyUnit> remedy : policy.remedies().entrySet()) {
            latitude.add(latitude(facts, remedy.getKey(), remedy.getValue()));
        }
        return latitude;
    }

    /** Returns true if the smallest proposal of any remedy would go to SWAT. */
    boolean swatAtAnyAmount(Facts facts) {
        for (Map.Entry<String, RemedyUnit> remedy : policy.remedies().entrySet()) {
            BigDecimal smallest = smallestAmount(remedy.getValue());
            if (outcome(facts.withProposal(remedy.getKey(), smallest)).kind() == Outcome.Kind.SWAT) {
                return true;
            }
        }
        return false;
    }

    private static BigDecimal smallestAmount(RemedyUnit unit) {
        switch (unit) {
            case NONE:
                return null;
            case COUNT:
                return BigDecimal.ONE;
            default:
                return CENT;
        }
    }

    private Latitude latitude(Facts facts, String remedy, RemedyUnit unit) {
        if (unit == RemedyUnit.NONE) {
            Outcome o = outcome(facts.withProposal(remedy, null));
            if (o.kind() == Outcome.Kind.ALONE) {
                return new Latitude(remedy, Limit.unlimited(), null, null);
            }
            return new Latitude(remedy, Limit.zero(), o.approver(), o.team());
        }
        BigDecimal step = unit == RemedyUnit.COUNT ? BigDecimal.ONE : CENT;
        List<BigDecimal> points = new ArrayList<>(candidates(facts, remedy, unit));
        List<Outcome> outcomes = new ArrayList<>(points.size());
        for (BigDecimal amount : points) {
            outcomes.add(outcome(facts.withProposal(remedy, amount)));
        }
        BigDecimal bestAlone = null;
        Outcome beyond = null;
        for (int i = 0; i < points.size(); i++) {
            if (outcomes.get(i).kind() != Outcome.Kind.ALONE) {
                if (beyond == null) {
                    beyond = outcomes.get(i);
                }
                continue;
            }
            bestAlone = points.get(i);
            beyond = null;
            if (i + 1 < points.size() && outcomes.get(i + 1).kind() != Outcome.Kind.ALONE) {
                // a threshold the candidates do not show (a fact compared with amount, say) lies in between:
                // bisect on the amount grid, assuming the outcome flips once inside the interval
                BigDecimal lo = points.get(i);
                BigDecimal hi = points.get(i + 1);
                Outcome hiOutcome = outcomes.get(i + 1);
                while (hi.subtract(lo).compareTo(step) > 0) {
                    BigDecimal mid = lo.add(hi).divide(BigDecimal.valueOf(2), step.scale(), java.math.RoundingMode.FLOOR);
                    if (mid.compareTo(lo) <= 0) {
                        mid = lo.add(step);
                    }
                    Outcome o = outcome(facts.withProposal(remedy, Values.normalize(mid)));
                    if (o.kind() == Outcome.Kind.ALONE) {
                        lo = mid;
                    } else {
                        hi = mid;
                        hiOutcome = o;
                    }
                }
                bestAlone = Values.normalize(lo);
                beyond = hiOutcome;
                i++;
            }
        }
        Limit alone;
        if (bestAlone == null) {
            alone = Limit.zero();
        } else if (unit != RemedyUnit.PERCENT && bestAlone.compareTo(HUGE) >= 0) {
            alone = Limit.unlimited();
        } else {
            alone = Limit.of(bestAlone);
        }
        if (beyond == null) {
            return new Latitude(remedy, alone, null, null);
        }
        return new Latitude(remedy, alone, beyond.approver(), beyond.team());
    }

    /**
     * Returns the amounts at which the outcome can change: every limit, grant and compared number, and the
     * smallest step on either side of each, so that the largest ALONE amount among them is exact.
     */
    private TreeSet<BigDecimal> candidates(Facts facts, String remedy, RemedyUnit unit) {
        BigDecimal step = unit == RemedyUnit.COUNT ? BigDecimal.ONE : CENT;
        List<BigDecimal> thresholds = new ArrayList<>();
        AuthorityEntry[] entries = policy.authority().get(remedy);
        if (entries != null) {
            for (AuthorityEntry e : entries) {
                if (e == null) {
                    continue;
                }
                e.perGrant().amount().ifPresent(thresholds::add);
                if (e.maxTotal() != null && e.maxTotal().amount().isPresent()) {
                    BigDecimal used = Windows.use(facts, remedy, e.window(), BigDecimal.ZERO).total();
                    thresholds.add(e.maxTotal().amount().get().subtract(used));
                }
            }
        }
        for (Rule r : plans.get(remedy).rules) {
            thresholds.addAll(r.amountThresholds());
            if (r.effect().kind() == Effect.Kind.GRANT) {
                r.effect().upTo().amount().ifPresent(thresholds::add);
            }
        }
        TreeSet<BigDecimal> candidates = new TreeSet<>();
        candidates.add(step);
        for (BigDecimal t : thresholds) {
            for (BigDecimal c : new BigDecimal[] {t.subtract(step), t, t.add(step)}) {
                BigDecimal amount = unit == RemedyUnit.COUNT
                        ? c.setScale(0, java.math.RoundingMode.FLOOR) : c.setScale(2, java.math.RoundingMode.FLOOR);
                if (amount.compareTo(step) >= 0) {
                    candidates.add(Values.normalize(amount));
                }
            }
        }
        if (unit == RemedyUnit.PERCENT) {
            candidates.removeIf(c -> c.compareTo(HUNDRED) > 0);
            candidates.add(HUNDRED);
        } else {
            candidates.add(HUGE);
        }
        return candidates;
    }

}
