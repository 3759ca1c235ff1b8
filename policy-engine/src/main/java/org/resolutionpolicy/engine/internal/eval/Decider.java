package org.resolutionpolicy.engine.internal.eval;

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
 * <p>Nothing here depends on rule order: effects are combined by the outcome lattice, and reasons and
 * follow-ups are sorted. Immutable and thread-safe.
 */
final class Decider {

    /** Orders reasons by rule id, with {@code authority} last. */
    static final Comparator<Reason> REASON_ORDER = Comparator.comparing((Reason r) -> r.isAuthority())
            .thenComparing(Reason::rule);
    /** Orders follow-ups by action, then rule id. */
    static final Comparator<FollowUp> FOLLOW_UP_ORDER = Comparator.comparing(FollowUp::action)
            .thenComparing(FollowUp::rule);

    private static final BigDecimal CENT = new BigDecimal("0.01");
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    /** Above every amount and limit the loader accepts (at most 20 integer digits): still ALONE there means unlimited. */
    private static final BigDecimal HUGE = new BigDecimal("1E+21");

    private final PolicyModel policy;
    private final Map<String, Rule[]> rulesByRemedy = new HashMap<>();
    private final Map<String, RuleIndex> indexByRemedy = new HashMap<>();
    private final Rule[] caseLevelFollowUps;
    private final Outcome[] escalations;

    Decider(PolicyModel policy) {
        this.policy = policy;
        this.escalations = policy.roles().stream().map(Outcome::escalate).toArray(Outcome[]::new);
        for (String remedy : policy.remedies().keySet()) {
            Rule[] rules = policy.rules().stream()
                    .filter(Rule::enabled).filter(r -> r.appliesTo(remedy)).toArray(Rule[]::new);
            rulesByRemedy.put(remedy, rules);
            indexByRemedy.put(remedy, new RuleIndex(rules));
        }
        this.caseLevelFollowUps = policy.rules().stream()
                .filter(Rule::enabled).filter(r -> r.followUp() != null && !r.perProposal()).toArray(Rule[]::new);
    }

    /** The outcome of one proposal, with the rules it matched. */
    record Evaluation(Outcome outcome, List<Reason> reasons, List<Rule> matched) {
    }

    /** Decides each proposal and collects the follow-ups. */
    List<ProposalDecision> decide(Facts facts, List<Proposal> proposals, TreeSet<FollowUp> followUps) {
        List<ProposalDecision> decisions = new ArrayList<>(proposals.size());
        for (Proposal p : proposals) {
            Evaluation e = evaluate(facts.withProposal(p.remedy(), p.amount()));
            decisions.add(new ProposalDecision(p, e.outcome(), e.reasons()));
            for (Rule r : e.matched()) {
                if (r.followUp() != null && r.perProposal()) {
                    followUps.add(followUp(r));
                }
            }
        }
        return decisions;
    }

    /** Adds the follow-ups of rules that do not depend on a proposal. */
    void caseFollowUps(Facts facts, TreeSet<FollowUp> followUps) {
        for (Rule r : caseLevelFollowUps) {
            if (r.when().test(facts)) {
                followUps.add(followUp(r));
            }
        }
        if (policy.external() != null) {
            for (Rule r : policy.external().matches(facts)) {
                if (r.followUp() != null) {
                    followUps.add(followUp(r));
                }
            }
        }
    }

    static TreeSet<FollowUp> newFollowUpSet() {
        return new TreeSet<>(FOLLOW_UP_ORDER);
    }

    private static FollowUp followUp(Rule r) {
        FollowUpSpec f = r.followUp();
        return new FollowUp(f.action(), f.within(), f.owner(), r.id());
    }

    /** Decides one proposal: facts must carry the remedy and the amount as decided. */
    Evaluation evaluate(Facts facts) {
        String remedy = facts.remedy();
        // one list of matched rules, classified in place: deciding runs for every proposal, so it allocates little
        List<Rule> matched = new ArrayList<>(8);
        indexByRemedy.get(remedy).matching(facts, matched);
        if (policy.external() != null) {
            matched.addAll(policy.external().matches(facts));
        }
        int n = matched.size();
        boolean deny = false;
        boolean swat = false;
        boolean grant = false;
        int required = -1;
        for (int i = 0; i < n; i++) {
            Effect effect = matched.get(i).effect();
            switch (effect.kind()) {
                case DENY:
                    deny = true;
                    break;
                case SWAT:
                    swat = true;
                    break;
                case REQUIRE:
                    required = Math.max(required, effect.role());
                    break;
                case GRANT:
                    grant = true;
                    break;
                default:
                    break;
            }
        }
        if (deny) {
            return new Evaluation(Outcome.denied(), reasons(matched, Effect.Kind.DENY), matched);
        }
        if (swat) {
            return new Evaluation(Outcome.swat(policy.swatTeam()), reasons(matched, Effect.Kind.SWAT), matched);
        }
        List<Rule> grants = List.of();
        if (grant) {
            grants = new ArrayList<>(2);
            for (int i = 0; i < n; i++) {
                if (matched.get(i).effect().kind() == Effect.Kind.GRANT) {
                    grants.add(matched.get(i));
                }
            }
        }
        Coverage coverage = cover(remedy, facts.amount(), grants, facts);
        int authorityLevel = coverage.role();
        if (authorityLevel < 0) {
            Beyond beyond = policy.beyond();
            if (beyond.kind() == Beyond.Kind.DENY) {
                return new Evaluation(Outcome.denied(), List.of(authorityReason(remedy, facts.amount(), beyond)), matched);
            }
            if (beyond.kind() == Beyond.Kind.SWAT) {
                return new Evaluation(Outcome.swat(policy.swatTeam()), List.of(authorityReason(remedy, facts.amount(), beyond)),
                        matched);
            }
            authorityLevel = beyond.role();
        }
        int level = Math.max(authorityLevel, required);
        int employee = facts.employeeRank();
        List<Reason> reasons = null;
        boolean requireNamesLevel = false;
        for (int i = 0; i < n; i++) {
            Rule r = matched.get(i);
            if (r.effect().kind() == Effect.Kind.REQUIRE && r.effect().role() == level) {
                reasons = add(reasons, reason(r));
                requireNamesLevel = true;
            }
        }
        if (authorityLevel == level) {
            for (Rule g : coverage.usedGrants()) {
                reasons = add(reasons, reason(g));
            }
            if (level > employee && !requireNamesLevel) {
                String because = coverage.role() < 0
                        ? beyondText(remedy, facts.amount(), policy.beyond())
                        : shortfallText(remedy, facts.amount(), grants, facts, level);
                reasons = add(reasons, new Reason(Reason.AUTHORITY, because));
            }
        }
        if (reasons == null) {
            reasons = List.of();
        } else if (reasons.size() > 1) {
            reasons.sort(REASON_ORDER);
        }
        Outcome outcome = level <= employee ? Outcome.alone() : escalations[level];
        return new Evaluation(outcome, reasons, matched);
    }

    private static List<Reason> add(List<Reason> reasons, Reason reason) {
        List<Reason> out = reasons == null ? new ArrayList<>(2) : reasons;
        out.add(reason);
        return out;
    }

    private Reason authorityReason(String remedy, BigDecimal amount, Beyond beyond) {
        return new Reason(Reason.AUTHORITY, beyondText(remedy, amount, beyond));
    }

    private static List<Reason> reasons(List<Rule> matched, Effect.Kind kind) {
        List<Reason> reasons = new ArrayList<>(2);
        for (int i = 0; i < matched.size(); i++) {
            if (matched.get(i).effect().kind() == kind) {
                reasons.add(reason(matched.get(i)));
            }
        }
        if (reasons.size() > 1) {
            reasons.sort(REASON_ORDER);
        }
        return reasons;
    }

    private static Reason reason(Rule r) {
        return new Reason(r.id(), r.because());
    }

    /**
     * The rules of one remedy, filed by one equality test on a case fact each (severity, tier, category...), so a
     * decision only tests the rules whose filed value is the case's; rules without such a test are always tested.
     * Order does not matter: the lattice and sorted reasons make the outcome independent of it.
     */
    private static final class RuleIndex {
        /** Buckets larger than this are indexed again by another equality test, up to {@link #MAX_DEPTH} levels. */
        private static final int NEST_ABOVE = 16;
        private static final int MAX_DEPTH = 3;

        private final Rule[] unindexed;
        private final FactPath[] paths;
        private final List<Map<Object, RuleIndex>> byValue = new ArrayList<>();

        RuleIndex(Rule[] rules) {
            this(rules, java.util.Set.of(), 0);
        }

        private RuleIndex(Rule[] rules, java.util.Set<FactPath> used, int depth) {
            List<Rule> rest = new ArrayList<>();
            Map<FactPath, Map<Object, List<Rule>>> filed = new java.util.LinkedHashMap<>();
            for (Rule r : rules) {
                FactMatcher key = depth >= MAX_DEPTH ? null : key(r, used);
                if (key == null) {
                    rest.add(r);
                    continue;
                }
                Map<Object, List<Rule>> values = filed.computeIfAbsent(key.path(), p -> new HashMap<>());
                for (Object v : key.equalsAny()) {
                    values.computeIfAbsent(v, x -> new ArrayList<>()).add(r);
                }
            }
            this.unindexed = rest.toArray(new Rule[0]);
            this.paths = filed.keySet().toArray(new FactPath[0]);
            for (Map.Entry<FactPath, Map<Object, List<Rule>>> e : filed.entrySet()) {
                java.util.Set<FactPath> deeper = new java.util.HashSet<>(used);
                deeper.add(e.getKey());
                Map<Object, RuleIndex> frozen = new HashMap<>();
                e.getValue().forEach((v, list) -> {
                    Rule[] bucket = list.toArray(new Rule[0]);
                    frozen.put(v, bucket.length > NEST_ABOVE ? new RuleIndex(bucket, deeper, depth + 1)
                            : new RuleIndex(bucket, deeper, MAX_DEPTH));
                });
                byValue.add(frozen);
            }
        }

        /** The first equality test on a case-level fact, not yet used above, whose values compare by equals. */
        private static FactMatcher key(Rule r, java.util.Set<FactPath> used) {
            for (Condition c : r.when().parts()) {
                if (c instanceof FactMatcher) {
                    FactMatcher m = (FactMatcher) c;
                    FactType type = m.path().type();
                    boolean byEquals = type == FactType.STRING || type == FactType.SEVERITY || type == FactType.ROLE
                            || type == FactType.BOOLEAN;
                    if (m.equalsAny() != null && !m.path().perProposal() && byEquals && !used.contains(m.path())) {
                        return m;
                    }
                }
            }
            return null;
        }

        void matching(Facts facts, List<Rule> out) {
            for (Rule r : unindexed) {
                if (r.when().test(facts)) {
                    out.add(r);
                }
            }
            for (int i = 0; i < paths.length; i++) {
                Object value = paths[i].read(facts);
                RuleIndex bucket = value == null ? null : byValue.get(i).get(value);
                if (bucket != null) {
                    bucket.matching(facts, out);
                }
            }
        }
    }

    // ---------------------------------------------------------------- authority

    /** The lowest role whose authority covers a proposal, and the grant rules that made it cover. */
    record Coverage(int role, List<Rule> usedGrants) {
        static final Coverage NONE = new Coverage(-1, List.of());
    }

    private Coverage cover(String remedy, BigDecimal amount, List<Rule> grants, Facts facts) {
        AuthorityEntry[] entries = policy.authority().get(remedy);
        for (int role = 0; role < policy.roles().size(); role++) {
            AuthorityEntry entry = entries == null ? null : entries[role];
            Limit perGrant = perGrant(entry, grants, role);
            if (perGrant == null || !perGrantCovers(perGrant, amount)) {
                continue;
            }
            Limit base = entry == null ? Limit.zero() : entry.perGrant();
            if (entry != null && entry.hasWindow() && windowShortfall(entry, remedy, amount, facts) != null) {
                continue;
            }
            if (perGrantCovers(base, amount)) {
                return new Coverage(role, List.of());
            }
            List<Rule> used = new ArrayList<>();
            for (Rule g : grants) {
                if (g.effect().role() == role && perGrantCovers(g.effect().upTo(), amount)) {
                    used.add(g);
                }
            }
            return new Coverage(role, used);
        }
        return Coverage.NONE;
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

    private String shortfallText(String remedy, BigDecimal amount, List<Rule> grants, Facts facts, int level) {
        String what = describe(remedy, amount);
        String employeeRole = policy.roles().get(facts.employeeRank());
        String approver = policy.roles().get(level);
        AuthorityEntry[] entries = policy.authority().get(remedy);
        for (int role = facts.employeeRank(); role >= 0; role--) {
            AuthorityEntry entry = entries == null ? null : entries[role];
            Limit perGrant = perGrant(entry, grants, role);
            if (perGrant == null) {
                continue;
            }
            String limit;
            if (!perGrantCovers(perGrant, amount)) {
                limit = "up to " + perGrant + " per grant";
            } else {
                limit = windowShortfall(entry, remedy, amount, facts);
            }
            return what + " is beyond the authority of " + employeeRole + " (" + limit + "); " + approver + " may grant it";
        }
        return what + " is beyond the authority of " + employeeRole + " (none for " + remedy + "); "
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
            } else if (e.matched().contains(r)) {
                checks.add(check(r, Explanation.Status.MATCHED, List.of()));
                if (r.effect().kind() == Effect.Kind.GRANT) {
                    grants.add(r);
                }
            } else {
                List<String> failures = new ArrayList<>();
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
                List<String> failures = new ArrayList<>();
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
                        List.of("its DRL conditions did not match (DRL rules are not explained condition by condition)")));
            } else {
                checks.add(new Explanation.RuleCheck(id, String.join(", ", effects), Explanation.Status.MATCHED, List.of()));
            }
        }
    }

    private Explanation.RuleCheck check(Rule r, Explanation.Status status, List<String> failures) {
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
            if (evaluate(facts.withProposal(remedy.getKey(), smallest)).outcome().kind() == Outcome.Kind.SWAT) {
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
            Outcome o = evaluate(facts.withProposal(remedy, null)).outcome();
            if (o.kind() == Outcome.Kind.ALONE) {
                return new Latitude(remedy, Limit.unlimited(), null, null);
            }
            return new Latitude(remedy, Limit.zero(), o.approver(), o.team());
        }
        BigDecimal step = unit == RemedyUnit.COUNT ? BigDecimal.ONE : CENT;
        List<BigDecimal> points = new ArrayList<>(candidates(facts, remedy, unit));
        List<Outcome> outcomes = new ArrayList<>(points.size());
        for (BigDecimal amount : points) {
            outcomes.add(evaluate(facts.withProposal(remedy, amount)).outcome());
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
                    Outcome o = evaluate(facts.withProposal(remedy, normalize(mid))).outcome();
                    if (o.kind() == Outcome.Kind.ALONE) {
                        lo = mid;
                    } else {
                        hi = mid;
                        hiOutcome = o;
                    }
                }
                bestAlone = normalize(lo);
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
        for (Rule r : rulesByRemedy.get(remedy)) {
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
                    candidates.add(normalize(amount));
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

    private static BigDecimal normalize(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
