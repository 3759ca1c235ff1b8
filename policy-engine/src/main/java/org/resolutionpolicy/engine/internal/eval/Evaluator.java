package org.resolutionpolicy.engine.internal.eval;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.resolutionpolicy.api.Outcome;
import org.resolutionpolicy.api.Proposal;
import org.resolutionpolicy.api.ProposalDecision;
import org.resolutionpolicy.api.Reason;
import org.resolutionpolicy.api.Beyond;
import org.resolutionpolicy.model.Effect;
import org.resolutionpolicy.model.ExternalRules;
import org.resolutionpolicy.model.Facts;
import org.resolutionpolicy.model.PolicyModel;
import org.resolutionpolicy.model.Rule;

/**
 * Applies the decision semantics to a checked case, once: deny overrides, SWAT next, then the highest of the
 * authority-derived role and every required role; follow-ups are the union of every matching rule's.
 *
 * <p>The case's facts are looked up in the {@link RuleIndex} once; each proposal (or, without proposals, each
 * latitude probe) then tests only the rules about its remedy. Nothing depends on rule order: effects are combined
 * by the outcome lattice, reasons are sorted by rule id ({@code authority} last) and follow-ups by action and rule.
 * Proposals of the same remedy count together ({@link Siblings}): each one's authority is held to the case's running
 * total of its remedy, so the case's order of proposals matters, and only that.
 * Immutable and thread-safe; each evaluation works in a {@link Scratch} of its own.
 */
final class Evaluator {

    /** The authority table's reason without its sentence, for {@link Reasons#RULES}. */
    private static final Reason UNSAID = new Reason(Reason.AUTHORITY, "");

    private final PolicyModel policy;
    private final Map<String, RemedyPlan> plans;
    private final RuleIndex index;
    private final Outcome[] escalations;
    private final Outcome swat;
    /** Each rule id's place in id order, YAML and external alike: reasons are sorted by it without comparing strings. */
    private final Map<String, Integer> idOrder = new HashMap<>();
    private final Map<Rule, IndexedRule> indexed = new IdentityHashMap<>();
    private final Authority authority;
    private final LatitudeSearch latitude;
    /**
     * How long a scratch's array of a proposal's matched rules starts: the longest a decision of this policy needed
     * so far, so that a large policy (a proposal of a generated 10,000-rule policy matches ~120 rules) does not grow
     * the array from 8 in every decision. Only a size: racy reads and writes of it are harmless.
     */
    private int matchedHint = Scratch.MATCHED;
    /** How long a scratch's array of the rules the case matched alone starts, likewise. */
    private int caseHint = Scratch.CASE_MATCHED;
    /** True if the policy has calendars chosen by a fact of the case ({@link org.resolutionpolicy.model.PolicyTime#regional()}). */
    private final boolean regional;
    /** True if a rule states an entitlement ({@code entitled:}), so that decisions look for one. */
    private final boolean entitlements;

    /**
     * Prepares the evaluation of a policy.
     *
     * @param plans the plan of every remedy of the policy, as the case checker resolved them
     */
    Evaluator(PolicyModel policy, Map<String, RemedyPlan> plans) {
        this.policy = policy;
        this.plans = plans;
        this.escalations = policy.roles().stream().map(Outcome::escalate).toArray(Outcome[]::new);
        this.swat = policy.swatTeam() == null ? null : Outcome.swat(policy.swatTeam());
        this.authority = new Authority(policy);
        List<String> ids = new ArrayList<>();
        policy.rules().forEach(r -> ids.add(r.id()));
        if (policy.external() != null) {
            ids.addAll(policy.external().ruleIds());
        }
        Collections.sort(ids);
        ids.forEach(id -> idOrder.putIfAbsent(id, idOrder.size()));
        String[] remedies = policy.remedies().keySet().toArray(new String[0]);
        for (int position = 0; position < policy.rules().size(); position++) {
            Rule r = policy.rules().get(position);
            IndexedRule e = new IndexedRule(r, idOrder.get(r.id()), position);
            e.about = new boolean[remedies.length];
            for (int i = 0; i < remedies.length; i++) {
                e.about[i] = r.appliesTo(remedies[i]);
            }
            indexed.put(r, e);
        }
        IndexedRule[] enabled = policy.rules().stream().filter(Rule::enabled).map(indexed::get)
                .toArray(IndexedRule[]::new);
        this.index = RuleIndex.of(enabled, remedies);
        this.latitude = new LatitudeSearch(policy, this);
        this.regional = policy.time().regional();
        this.entitlements = policy.rules().stream().anyMatch(r -> r.effect().entitlement())
                || policy.external() != null;
    }

    /**
     * Returns the entitlement among the rules a proposal (or a latitude probe) just matched: the largest amount of
     * those that state one, as grants combine, the first by rule id among equals; null without one that computes.
     */
    org.resolutionpolicy.api.Entitlement entitlement(Scratch s, Facts facts) {
        IndexedRule best = null;
        BigDecimal most = null;
        for (int i = 0; i < s.n; i++) {
            IndexedRule e = s.matched[i];
            if (!e.entitlement) {
                continue;
            }
            BigDecimal v = e.computed.value(facts);
            if (v == null) {
                org.resolutionpolicy.model.MissingFact.check(e.computed, facts, "entitlement");
                continue;
            }
            v = v.max(BigDecimal.ZERO);
            int c = most == null ? 1 : v.compareTo(most);
            if (c > 0 || c == 0 && e.before(best)) {
                best = e;
                most = v;
            }
        }
        return best == null ? null
                : new org.resolutionpolicy.api.Entitlement(most, best.rule.id(), best.computed.working(facts));
    }

    /** Returns what deciding a remedy needs, or null if the policy does not know the remedy. */
    RemedyPlan plan(String remedy) {
        return plans.get(remedy);
    }

    /** Returns a rule of the policy as evaluation sees it. */
    IndexedRule indexed(Rule rule) {
        return indexed.get(rule);
    }

    Authority authority() {
        return authority;
    }

    /** How much of a proposal's reasons a run makes: none (a probe), the rules alone, or with the authority sentence. */
    enum Reasons {
        /** No reasons: the latitude search only wants the outcome. */
        NONE,
        /** The rules that decided, the authority table's reason without its sentence (an empty {@code because}). */
        RULES,
        /** Every reason with its sentence, as a decision shows them. */
        SENTENCES
    }

    /**
     * Checks a case and evaluates it: its proposals, or its latitude when it has none.
     *
     * @param clock gives where windows end when the case has no {@code openedAt}
     * @param keep whether to keep what each proposal matched, for an explanation
     * @param reasons how much of each proposal's reasons to make: {@link Reasons#RULES} or {@link Reasons#SENTENCES}
     * @throws org.resolutionpolicy.api.InvalidCaseException if the case does not fit the policy
     */
    Evaluation evaluate(CaseChecker checker, org.resolutionpolicy.api.CustomerCase customerCase, java.time.Clock clock,
                        boolean keep, Reasons reasons) {
        Scratch s = decide(checker, customerCase, clock, keep, reasons);
        return new Evaluation(s.facts, s.decided, s.latitudes, s.caseFollowUps, s.swat, s.matches, s.caseMatches,
                s.severity);
    }

    /**
     * Checks a case and evaluates it as {@link #evaluate} does, into the scratch it returns (its {@code facts},
     * {@code decided}, {@code latitudes}, {@code caseFollowUps}, {@code swat}, {@code severity}, and when kept
     * {@code matches} and {@code caseMatches}): what a decision reads of it, without an {@link Evaluation} made.
     */
    Scratch decide(CaseChecker checker, org.resolutionpolicy.api.CustomerCase customerCase, java.time.Clock clock,
                   boolean keep, Reasons reasons) {
        // a scratch per evaluation: one reused by each thread was old when it held each case's new objects, and the
        // collector's barrier for old-to-young references made two threads slower than one (measured, 2026-12-07)
        Scratch s = new Scratch(matchedHint, caseHint);
        checker.check(customerCase, clock, s);
        evaluate(keep, reasons, s);
        // plain writes read by any thread: a stale hint costs an array's growth, nothing else
        if (s.mostMatched > matchedHint) {
            matchedHint = Math.min(Scratch.hint(s.mostMatched), Scratch.MOST_HINTED);
        }
        if (s.caseCount > caseHint) {
            caseHint = Math.min(Scratch.hint(s.caseCount), Scratch.MOST_HINTED);
        }
        return s;
    }

    private void evaluate(boolean keep, Reasons reasons, Scratch s) {
        Facts facts = s.facts;
        index.collect(facts, s);
        ownCaseFollowUps(s);
        if (s.proposals.isEmpty()) {
            latitudeOf(facts, s, keep);
            return;
        }
        List<Proposal> proposals = s.proposals;
        ProposalDecision[] decisions = s.decisions(proposals.size());
        List<Evaluation.Matched> matches = keep ? new ArrayList<>(proposals.size()) : null;
        boolean anySwat = false;
        // which outcomes the case's proposals had, by kind: the follow-ups that depend on the outcome read them
        int outcomes = 0;
        ExternalRules.CaseRun external = policy.external() == null ? null : policy.external().open(facts);
        // the earlier proposals of each proposal's remedy (the checker found them, only if a remedy repeats), and by
        // the remedy's ordinal the total of them so far
        List<List<Integer>> counted = s.counted;
        BigDecimal[] totals = counted == null ? null : new BigDecimal[plans.size()];
        try {
            s.external = external;
            for (int i = 0; i < proposals.size(); i++) {
                Proposal p = proposals.get(i);
                RemedyPlan plan = s.plans()[i];
                Siblings prior = counted == null ? Siblings.NONE : siblings(proposals, counted.get(i), plan, totals);
                Facts proposalFacts = prior.none() ? facts.withProposal(p.remedy(), p.amount())
                        : facts.withProposal(p.remedy(), p.amount(),
                                new Facts.Earlier(prior.count(), prior.total(), prior.proposals()));
                s.siblings = prior;
                run(plan, proposalFacts, s, reasons);
                decisions[i] = new ProposalDecision(p, s.outcome, s.reasons, prior.proposals(),
                        entitlements ? entitlement(s, proposalFacts) : null);
                anySwat |= s.outcome.kind() == Outcome.Kind.SWAT;
                outcomes |= 1 << s.outcome.kind().ordinal();
                for (int j = 0; j < s.n; j++) {
                    if (s.matched[j].perProposalFollowUp && s.matched[j].followUpApplies(s.outcome.kind())) {
                        s.addFollowUp(s.matched[j].followUp);
                    }
                }
                if (keep) {
                    matches.add(new Evaluation.Matched(proposalFacts, plan, s.matchedCopy(), prior));
                }
            }
            s.siblings = Siblings.NONE;
            outcomeCaseFollowUps(s, outcomes);
            if (external != null) {
                externalFollowUps(external.caseMatches(), s, outcomes);
            }
        } finally {
            if (external != null) {
                external.close();
            }
        }
        s.decided = Scratch.listOf(decisions, proposals.size());
        s.latitudes = List.of();
        s.caseFollowUps = followUps(s, facts);
        s.swat = anySwat;
        s.matches = keep ? List.copyOf(matches) : null;
    }

    /** Returns the case's follow-ups, sorted, on the calendar a fact of the case chose when the policy has several. */
    private List<org.resolutionpolicy.api.FollowUp> followUps(Scratch s, Facts facts) {
        // only a policy with calendars chosen by a fact (regional) names a case's calendar; asking the facts for their
        // time would make one
        return regional ? CaseDates.onCalendar(s.sortedFollowUps(), facts) : s.sortedFollowUps();
    }

    /** Returns a proposal's earlier proposals of its remedy and their running total, which it adds to. */
    private static Siblings siblings(List<Proposal> proposals, List<Integer> places, RemedyPlan plan,
                                     BigDecimal[] totals) {
        if (places.isEmpty()) {
            return Siblings.NONE;
        }
        BigDecimal before = proposals.get(places.get(places.size() - 1)).amount();
        BigDecimal total = totals[plan.ordinal] == null ? BigDecimal.ZERO : totals[plan.ordinal];
        totals[plan.ordinal] = before == null ? total : total.add(before);
        return new Siblings(places.size(), totals[plan.ordinal], places);
    }

    /** Answers the latitude question of a case without proposals from the case's one lookup in the index. */
    private void latitudeOf(Facts facts, Scratch s, boolean keep) {
        List<Rule> external = policy.external() == null ? List.of() : policy.external().matches(facts);
        externalFollowUps(external, s, 0);
        IndexedRule[] caseMatches = null;
        if (keep) {
            caseMatches = Arrays.copyOf(s.caseMatched, s.caseCount + external.size());
            for (int i = 0; i < external.size(); i++) {
                caseMatches[s.caseCount + i] = external(external.get(i));
            }
        }
        s.decided = List.of();
        s.latitudes = latitude.latitude(facts, s);
        s.caseFollowUps = followUps(s, facts);
        s.swat = latitude.swatAtAnyAmount(facts, s);
        s.caseMatches = caseMatches;
    }

    /**
     * Adds the follow-ups of the rules that do not depend on a proposal, from the case's matches in the index; those
     * that depend on the outcome wait for the proposals' outcomes ({@link #outcomeCaseFollowUps}).
     */
    private static void ownCaseFollowUps(Scratch s) {
        for (int i = 0; i < s.caseCount; i++) {
            IndexedRule e = s.caseMatched[i];
            if (e.followUp != null && !e.rule.perProposal() && e.followUpOn == IndexedRule.EVERY_OUTCOME) {
                s.addFollowUp(e.followUp);
            }
        }
    }

    /**
     * Adds, after the lattice decided every proposal, the follow-ups of the case's rules that depend on the outcome:
     * each applies when a proposal of the case had an outcome it names.
     */
    private static void outcomeCaseFollowUps(Scratch s, int outcomes) {
        for (int i = 0; i < s.caseCount; i++) {
            IndexedRule e = s.caseMatched[i];
            if (e.followUp != null && !e.rule.perProposal() && e.followUpOn != IndexedRule.EVERY_OUTCOME
                    && e.followUpApplies(outcomes)) {
                s.addFollowUp(e.followUp);
            }
        }
    }

    /**
     * Adds the follow-ups of other sources' rules that matched the case alone.
     *
     * @param outcomes the outcomes of the case's proposals, a bit per kind ordinal; 0 for a latitude question, which
     *                 has none (so a follow-up that depends on the outcome does not apply)
     */
    private void externalFollowUps(List<Rule> matches, Scratch s, int outcomes) {
        for (Rule r : matches) {
            if (r.followUp() != null) {
                IndexedRule e = external(r);
                if (e.followUpApplies(outcomes)) {
                    s.addFollowUp(e.followUp);
                }
            }
        }
    }

    /**
     * Returns a rule of another source (DRL), matched just now, as evaluation sees it. A source usually hands back the
     * same rule objects for the same effects (DRL remembers them per rule), so each is unpacked once and found again by
     * identity; the cache is copied on write, so readers take no lock, and stops growing at {@link #EXTERNAL_CACHED}
     * rules (a source that makes new rules per match then gets new ones, as before).
     */
    IndexedRule external(Rule r) {
        IdentityHashMap<Rule, IndexedRule> known = externals;
        IndexedRule e = known.get(r);
        if (e != null) {
            return e;
        }
        Integer order = idOrder.get(r.id());
        e = new IndexedRule(r, order == null ? Integer.MAX_VALUE : order, -1);
        if (known.size() < EXTERNAL_CACHED) {
            IdentityHashMap<Rule, IndexedRule> more = new IdentityHashMap<>(known);
            more.put(r, e);
            externals = more;
        }
        return e;
    }

    /** How many rules of other sources {@link #external} keeps. */
    private static final int EXTERNAL_CACHED = 1024;

    /** Rules of other sources as evaluation saw them, by identity; replaced whole, never changed once published. */
    private volatile IdentityHashMap<Rule, IndexedRule> externals = new IdentityHashMap<>();

    /**
     * Returns the outcome of one hypothetical proposal of a case whose index lookup is in the scratch: the latitude
     * search probes amounts with it.
     */
    Outcome probe(RemedyPlan plan, Facts proposalFacts, Scratch s) {
        run(plan, proposalFacts, s, Reasons.NONE);
        return s.outcome;
    }

    /**
     * Decides one proposal into the scratch: the rules it matched, its outcome, and (when asked) its reasons, sorted
     * by rule id with {@code authority} last.
     */
    private void run(RemedyPlan plan, Facts facts, Scratch s, Reasons withReasons) {
        match(plan.ordinal, facts, s);
        int n = s.n;
        IndexedRule[] matched = s.matched;
        boolean deny = false;
        boolean swatted = false;
        boolean grant = false;
        boolean dual = false;
        int required = -1;
        for (int i = 0; i < n; i++) {
            IndexedRule e = matched[i];
            switch (e.kind) {
                case DENY -> deny = true;
                case SWAT -> swatted = true;
                case REQUIRE -> {
                    required = Math.max(required, e.role);
                    dual |= e.approvers != null;
                }
                case GRANT -> grant = true;
                default -> { }
            }
        }
        s.reasons = List.of();
        if (deny || swatted) {
            s.outcome = deny ? Outcome.denied() : swat;
            if (withReasons != Reasons.NONE) {
                s.reasons = reasons(s, deny ? Effect.Kind.DENY : Effect.Kind.SWAT, -1, null, -1, null, null, facts);
            }
            return;
        }
        BigDecimal amount = facts.amount();
        Siblings prior = s.siblings;
        int grants = grant ? n : 0;
        int covering = authority.covering(plan, prior.counted(amount), facts, matched, grants, prior);
        int authorityLevel = covering;
        if (covering < 0) {
            Beyond beyond = policy.beyond();
            if (beyond.kind() != Beyond.Kind.ESCALATE) {
                s.outcome = beyond.kind() == Beyond.Kind.DENY ? Outcome.denied() : swat;
                if (withReasons != Reasons.NONE) {
                    s.reasons = List.of(withReasons == Reasons.SENTENCES
                            ? new Reason(Reason.AUTHORITY, authority.beyond(plan.remedy, amount, prior)) : UNSAID);
                }
                return;
            }
            authorityLevel = policy.beyondRank();
        }
        int level = Math.max(authorityLevel, required);
        int employee = facts.employeeRank();
        boolean[] signing = dual ? signOffs(s, level, employee) : null;
        if (dual) {
            s.outcome = escalation(signing);
        } else {
            s.outcome = level <= employee ? Outcome.alone() : escalations[level];
        }
        if (withReasons != Reasons.NONE) {
            s.reasons = authorityReasons(plan, facts, s, covering, authorityLevel, level, grants, signing,
                    withReasons == Reasons.SENTENCES);
        }
    }

    /**
     * Returns, by rank, the roles that must still sign off a proposal under a dual approval: every role a matching
     * dual {@code require} names, its highest raised to the approver level (whoever signs at that level covers the
     * lower role too, as the ladder says), less the one sign-off the employee gives, the highest at or below them.
     * Each sign-off is a different person, so a dual approval always escalates.
     */
    private boolean[] signOffs(Scratch s, int level, int employee) {
        boolean[] signing = new boolean[escalations.length];
        int highest = -1;
        for (int i = 0; i < s.n; i++) {
            IndexedRule e = s.matched[i];
            if (e.kind == Effect.Kind.REQUIRE && e.approvers != null) {
                for (int role : e.approvers) {
                    signing[role] = true;
                    highest = Math.max(highest, role);
                }
            }
        }
        signing[highest] = false;
        signing[level] = true;
        for (int role = employee; role >= 0; role--) {
            if (signing[role]) {
                signing[role] = false;
                break;
            }
        }
        return signing;
    }

    /** Returns the outcome of the sign-offs still needed: ALONE without any, else an escalation to all of them. */
    private Outcome escalation(boolean[] signing) {
        List<String> approvers = new ArrayList<>(2);
        int first = -1;
        for (int role = signing.length - 1; role >= 0; role--) {
            if (signing[role]) {
                approvers.add(policy.roles().get(role));
                first = first < 0 ? role : first;
            }
        }
        return switch (approvers.size()) {
            case 0 -> Outcome.alone();
            case 1 -> escalations[first];
            default -> Outcome.escalate(approvers);
        };
    }

    /** Collects the rules about one remedy that hold for a proposal: the case's, the index's and other sources'. */
    private void match(int remedy, Facts facts, Scratch s) {
        s.n = 0;
        for (int k = 0; k < s.caseCount; k++) {
            IndexedRule e = s.caseMatched[k];
            if (e.about[remedy]) {
                s.add(e);
            }
        }
        for (int k = 0; k < s.nodeCount; k++) {
            s.nodes[k].matching(remedy, facts, s);
        }
        if (policy.external() != null) {
            List<Rule> matches = s.external != null ? s.external.matches(facts) : policy.external().matches(facts);
            for (int i = 0, n = matches.size(); i < n; i++) {
                s.add(external(matches.get(i)));
            }
        }
        if (s.n > s.mostMatched) {
            s.mostMatched = s.n;
        }
    }

    /** The reasons of an outcome that authority and require rules decided: the rules, then authority's sentence. */
    private List<Reason> authorityReasons(RemedyPlan plan, Facts facts, Scratch s, int covering, int authorityLevel,
                                          int level, int grants, boolean[] signing, boolean sentence) {
        BigDecimal amount = facts.amount();
        Siblings prior = s.siblings;
        BigDecimal counted = prior.counted(amount);
        Reason because = null;
        boolean usedGrants = false;
        if (authorityLevel == level) {
            usedGrants = grants > 0 && covering >= 0 && !Authority.covers(baseLimit(plan, covering, facts), counted);
            if (level > facts.employeeRank() && !requiresLevel(s, level)) {
                because = !sentence ? UNSAID : covering < 0
                        ? new Reason(Reason.AUTHORITY, authority.beyond(plan.remedy, amount, prior))
                        : authority.shortfallReason(plan, amount, facts, s.matched, grants, level, prior);
            }
        }
        return reasons(s, Effect.Kind.REQUIRE, level, usedGrants ? counted : null, covering, because, signing, facts);
    }

    private static org.resolutionpolicy.api.Limit baseLimit(RemedyPlan plan, int role, Facts facts) {
        var entry = plan.entry(role);
        return entry == null ? org.resolutionpolicy.api.Limit.zero() : entry.perGrant(facts);
    }

    private static boolean requiresLevel(Scratch s, int level) {
        for (int i = 0; i < s.n; i++) {
            if (s.matched[i].kind == Effect.Kind.REQUIRE && s.matched[i].role == level) {
                return true;
            }
        }
        return false;
    }

    /**
     * Returns the reasons of the matched rules of one kind (and, for REQUIRE, naming one role, or under a dual
     * approval any role still {@code signing}), plus the grants for one role that cover the amount when
     * {@code grantAmount} is set, sorted by rule id; then {@code last}.
     */
    private static List<Reason> reasons(Scratch s, Effect.Kind kind, int role, BigDecimal grantAmount, int grantRole,
                                        Reason last, boolean[] signing, Facts facts) {
        IndexedRule[] picked = s.picked;
        // the one rule picked while there is one: most proposals have a single reason, which needs no array
        IndexedRule only = null;
        int k = 0;
        for (int i = 0; i < s.n; i++) {
            IndexedRule e = s.matched[i];
            boolean wanted = e.kind == kind && (role < 0 || e.role == role || signing != null && e.signs(signing))
                    || grantAmount != null && e.kind == Effect.Kind.GRANT && e.role == grantRole
                    && Authority.covers(e.upTo(facts), grantAmount);
            if (!wanted) {
                continue;
            }
            if (k == 0) {
                only = e;
                k = 1;
                continue;
            }
            if (k == 1) {
                if (picked == null || picked.length < s.n) {
                    // as long as the matched rules, the most it can pick: it never grows (it grew from 4 to 64, in
                    // every decision, for the proposals of a large policy)
                    picked = new IndexedRule[Math.max(4, s.n)];
                    s.picked = picked;
                }
                picked[0] = only;
            }
            if (k == picked.length) {
                picked = Arrays.copyOf(picked, k * 2);
                s.picked = picked;
            }
            picked[k++] = e;
        }
        if (k == 0) {
            return last == null ? List.of() : List.of(last);
        }
        if (k == 1) {
            return last == null ? only.reasonAlone : List.of(only.reason, last);
        }
        return ReasonLists.sorted(picked, k, last);
    }

}
