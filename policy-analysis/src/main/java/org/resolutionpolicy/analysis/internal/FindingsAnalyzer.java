package org.resolutionpolicy.analysis.internal;

import de.uni_freiburg.informatik.ultimate.logic.Term;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.resolutionpolicy.analysis.Finding;
import org.resolutionpolicy.analysis.Finding.Kind;
import org.resolutionpolicy.analysis.Report;
import org.resolutionpolicy.api.Limit;
import org.resolutionpolicy.api.Policy;
import org.resolutionpolicy.api.ProposalDecision;
import org.resolutionpolicy.api.Reason;
import org.resolutionpolicy.model.AuthorityEntry;
import org.resolutionpolicy.model.Effect;
import org.resolutionpolicy.model.PolicyModel;
import org.resolutionpolicy.model.Rule;

/**
 * Finds what a policy owner would want fixed: rules that never match, rules that never change an outcome, grants that
 * raise nothing, severities and remedies nobody can approve, authority that shrinks up the ladder and roles nobody is
 * escalated to. Every case shown was decided by the engine as the sentence says.
 */
public final class FindingsAnalyzer {

    private final Policy policy;
    private final String fallback;
    private final Duration limit;
    private Checker checker;
    private PolicyModel model;
    private Places places;
    private List<Finding> findings;
    /** By rule, what the first pass found about a rule that changes no outcome (or could not tell); else null. */
    private Pending[] pending;
    /** By rule, where the solver found it to match (of its first remedy that can); null for one that never does. */
    private Point[] points;
    private String[] pointRemedies;

    /**
     * A rule that matches and changes no outcome (or the check ran out of time): the remedy it matched, the answer of
     * the check, a case it matches (null if none could be shown) and the findings showing that case made.
     */
    private record Pending(String matchedRemedy, Smt.Result changes, Checker.Answer witness, List<Finding> shown) {
    }

    /**
     * Prepares the analysis of a policy; a finding about its header names the line that declares the entry, or
     * {@code fallback} for a policy read from no file.
     */
    public FindingsAnalyzer(Policy policy, String fallback, Duration limit) {
        this.policy = policy;
        this.fallback = fallback;
        this.limit = limit;
    }

    /**
     * Runs every check on every dated version (each over the cases it decides) and returns the report; each solver
     * context is closed afterwards. With several versions, each finding names the version it is about.
     */
    public Report run() {
        long start = System.nanoTime();
        List<Scope> scopes = Scope.of(policy);
        List<Finding> all = new ArrayList<>();
        List<String> leftOut = new ArrayList<>();
        int checks = 0;
        for (Scope scope : scopes) {
            model = scope.model();
            places = Places.of(model, fallback);
            findings = new ArrayList<>();
            try (Checker opened = new Checker(policy, scope, List.of(), limit)) {
                checker = opened;
                List<Rule> rules = model.rules();
                List<Finding> scopeFindings = findings;
                // first whether each rule matches and changes anything, then, knowing every rule that changes
                // nothing and a case each matches, which of those are duplicates; findings stay in rule order
                pending = new Pending[rules.size()];
                points = new Point[rules.size()];
                pointRemedies = new String[rules.size()];
                List<List<Finding>> byRule = new ArrayList<>();
                for (int i = 0; i < rules.size(); i++) {
                    findings = new ArrayList<>();
                    byRule.add(findings);
                    Rule r = rules.get(i);
                    if (r.enabled() && !checker.encoder().notEncoded().containsKey(r.id())) {
                        pending[i] = rule(i, r);
                    }
                }
                for (int i = 0; i < rules.size(); i++) {
                    findings = byRule.get(i);
                    if (pending[i] != null) {
                        unchanging(i, rules.get(i), pending[i]);
                    }
                }
                findings = scopeFindings;
                byRule.forEach(findings::addAll);
                gaps();
                ladder();
                roles();
                checks += checker.smt().checks();
                String in = scopes.size() > 1 ? "in " + scope.label() + ": " : "";
                for (Finding f : findings) {
                    all.add(in.isEmpty() ? f : new Finding(f.kind(), f.place(), f.subject(), in + f.message(),
                            f.witness()));
                }
                for (String l : checker.leftOut()) {
                    if (!leftOut.contains(in + l)) {
                        leftOut.add(in + l);
                    }
                }
            }
        }
        PolicyModel latest = Checker.model(policy);
        String version = scopes.size() > 1 ? String.join(", ", scopes.stream().map(s -> s.model().version())
                .toList()) : scopes.get(0).model().version();
        return new Report(latest.id(), version, all, leftOut, checks, Duration.ofNanos(System.nanoTime() - start));
    }

    private List<String> remediesOf(Rule r) {
        return model.remedies().keySet().stream().filter(r::appliesTo).toList();
    }

    /**
     * Checks that a rule can match and, when it can, that it changes some outcome; returns what the second pass needs
     * about a rule that changes nothing, else null.
     */
    private Pending rule(int i, Rule r) {
        String matchedRemedy = null;
        boolean unknown = false;
        for (String remedy : remediesOf(r)) {
            PolicyEncoder.RemedyTerms t = checker.encoder().remedy(remedy);
            Smt.Result a = checker.exists(remedy, t.match(i));
            unknown |= a == Smt.Result.UNKNOWN;
            if (a == Smt.Result.SAT) {
                matchedRemedy = remedy;
                // where the rule matches, by the solver's values: tells apart rules that are no duplicates of it
                points[i] = checker.smt().point(t.variables());
                pointRemedies[i] = remedy;
                break;
            }
        }
        String place = r.place().toString();
        if (matchedRemedy == null) {
            findings.add(unknown ? undecided(place, r.id(), "whether rule [" + r.id() + "] can match")
                    : new Finding(Kind.NEVER_MATCHES, place, r.id(), "rule [" + r.id() + "] can never match: no case"
                    + " satisfies its condition" + (r.remedies() == null ? "" : " for " + r.remedies()), null));
            return null;
        }
        Effect.Kind kind = r.effect().kind();
        if (kind != Effect.Kind.DENY && kind != Effect.Kind.SWAT && kind != Effect.Kind.REQUIRE
                && kind != Effect.Kind.GRANT) {
            return null;
        }
        Smt.Result changes = changes(i, r, java.util.Set.of(i));
        if (changes == Smt.Result.SAT) {
            return null;
        }
        if (changes == Smt.Result.UNKNOWN) {
            return new Pending(matchedRemedy, changes, null, List.of());
        }
        // the case shown if the rule is masked, and a point that tells duplicates apart: findings about it wait
        List<Finding> rest = findings;
        findings = new ArrayList<>();
        Checker.Answer witness = matching(i, r, matchedRemedy);
        Pending p = new Pending(matchedRemedy, changes, witness, findings);
        findings = rest;
        return p;
    }

    /** Reports a rule that changes no outcome: as a duplicate of another, or as masked (or undecided). */
    private void unchanging(int i, Rule r, Pending p) {
        String place = r.place().toString();
        String matchedRemedy = p.matchedRemedy();
        Smt.Result changes = p.changes();
        // a rule that changes nothing may have a twin: said once, as a duplicate, rather than twice as masked
        List<Integer> same = changes == Smt.Result.UNSAT ? duplicates(i, r, matchedRemedy) : List.of();
        if (!same.isEmpty() && same.get(0) < i) {
            Rule first = model.rules().get(same.get(0));
            findings.add(new Finding(Kind.DUPLICATE, place, r.id(), "rule [" + r.id() + "] duplicates rule ["
                    + first.id() + "] (" + first.place() + "): the same effect on the same remedies, and it matches"
                    + " exactly the cases that rule matches; delete one", null));
            return;
        }
        if (!same.isEmpty()) {
            java.util.Set<Integer> twins = new java.util.HashSet<>(same);
            twins.add(i);
            changes = changes(i, r, twins);
            if (changes == Smt.Result.SAT) {
                return;
            }
        }
        masked(r, p);
    }

    /**
     * Returns SAT if some proposal the rule matches is decided otherwise without the given rules (it and its
     * twins), UNSAT if none is, UNKNOWN if a check ran out of time.
     */
    private Smt.Result changes(int i, Rule r, java.util.Set<Integer> without) {
        boolean unknown = false;
        for (String remedy : remediesOf(r)) {
            PolicyEncoder.RemedyTerms t = checker.encoder().remedy(remedy);
            Term alone = t.aloneInEffect(i, without, remedy.equals(pointRemedies[i]) ? points[i] : null);
            if (alone != null && checker.exists(remedy, alone) == Smt.Result.UNSAT) {
                continue; // a rule of the same effect matches wherever this one does
            }
            Smt.Result a = checker.exists(remedy, t.match(i), t.changedWithout(i, without));
            if (a == Smt.Result.SAT) {
                return a;
            }
            unknown |= a == Smt.Result.UNKNOWN;
        }
        return unknown ? Smt.Result.UNKNOWN : Smt.Result.UNSAT;
    }

    /**
     * The most rules of one effect (that can match beside a rule) compared with it for duplicates; a larger group
     * is not searched.
     */
    static final int MOST_COMPARED = 64;

    /**
     * The most checks that compare one rule with its candidate duplicates; a rule written the same as another (the
     * same formula) is its duplicate without a check.
     */
    static final int MOST_CHECKS = 3;

    /**
     * Returns the other rules that duplicate rule {@code i}, in policy order: the same effect, remedies and
     * follow-up, and a condition that holds for exactly the same proposals (the solver finds no case one matches
     * and the other does not). A rule that pins a fact to other values than this one (tier GOLD against SILVER) is
     * not compared: this one matches a proposal of {@code matched}, which that one cannot.
     */
    private List<Integer> duplicates(int i, Rule r, String matched) {
        List<Integer> candidates = new ArrayList<>();
        List<Rule> rules = model.rules();
        PolicyEncoder.RemedyTerms m = checker.encoder().remedy(matched);
        for (int j : m.beside(i)) {
            Rule o = rules.get(j);
            if (j != i && pending[j] != null && o.effect().equals(r.effect())
                    && java.util.Objects.equals(o.remedies(), r.remedies())
                    && java.util.Objects.equals(o.followUp(), r.followUp())
                    && holdsAt(j, o, pending[i]) && holdsAt(i, r, pending[j])
                    && !checker.encoder().notEncoded().containsKey(o.id())) {
                candidates.add(j);
            }
        }
        // where the solver found the rules around this one to match, by its values: a candidate that holds otherwise
        // than this rule at one of those points is no duplicate, without a check
        Term mine = m.match(i);
        List<Point> pool = new ArrayList<>();
        List<Boolean> truths = new ArrayList<>();
        for (int k : m.beside(i)) {
            if (points[k] != null && matched.equals(pointRemedies[k])) {
                Boolean truth = points[k].truth(mine);
                if (truth != null) {
                    pool.add(points[k]);
                    truths.add(truth);
                }
            }
        }
        candidates.removeIf(j -> {
            for (int k = 0; k < pool.size(); k++) {
                Boolean theirs = pool.get(k).truth(m.match(j));
                if (theirs != null && !theirs.equals(truths.get(k))) {
                    return true;
                }
            }
            return false;
        });
        if (candidates.size() > MOST_COMPARED) {
            return List.of();
        }
        // one check asks whether any candidate left differs from this rule; the case it finds rules out every
        // candidate that differs on it, so few checks settle many candidates (a check per pair cost thousands)
        Smt smt = checker.smt();
        java.util.Set<Integer> left = new java.util.TreeSet<>(candidates);
        int budget = MOST_CHECKS;
        for (String remedy : remediesOf(r)) {
            PolicyEncoder.RemedyTerms t = checker.encoder().remedy(remedy);
            while (!left.isEmpty()) {
                java.util.Map<Integer, Term> differ = new java.util.LinkedHashMap<>();
                for (int j : left) {
                    if (t.match(i) != t.match(j)) {
                        // the same formula is one object (the solver's terms are shared): equal without a check
                        differ.put(j, smt.not(smt.eq(t.match(i), t.match(j))));
                    }
                }
                if (differ.isEmpty()) {
                    break;
                }
                if (budget-- == 0) {
                    // out of checks: a candidate not settled is not called a duplicate (the rule is then reported
                    // as masked, which holds: leaving it out alone changes nothing)
                    left.removeAll(differ.keySet());
                    break;
                }
                Smt.Result a = checker.exists(remedy, smt.or(new ArrayList<>(differ.values())));
                if (a == Smt.Result.UNSAT) {
                    break;
                }
                if (a == Smt.Result.UNKNOWN) {
                    left.removeAll(differ.keySet());
                    break;
                }
                int before = left.size();
                differ.forEach((j, d) -> {
                    if (smt.boolValue(d)) {
                        left.remove(j);
                    }
                });
                if (left.size() == before) {
                    throw new IllegalStateException("the solver found a case where rule [" + r.id() + "] differs"
                            + " from another, and no rule it was compared with differs on it");
                }
            }
        }
        return new ArrayList<>(left);
    }

    /**
     * Returns false if the engine says rule {@code i} does not match the case shown for another rule, so their
     * conditions differ; true when it matches, or without such a case.
     */
    private boolean holdsAt(int i, Rule r, Pending other) {
        return other.witness() == null || checker.engine().holds(r.when(), other.witness().witness());
    }

    /** Returns a case the rule matches, shown with a finding about it; null (and a finding) if the engine disagrees. */
    private Checker.Answer matching(int i, Rule r, String remedy) {
        PolicyEncoder.RemedyTerms t = checker.encoder().remedy(remedy);
        Term match = t.match(i);
        // every case found matches the rule, so the outcome of the rules that can match beside it is the outcome
        Term outcome = t.outcomeAround(i);
        // the lowest role shows best what the rule would have changed: its outcome is not ALONE by rank alone
        Smt smt = checker.smt();
        Checker.Answer matched = checker.findClaiming(remedy, outcome, match,
                smt.eq(checker.space().fact("employee.role").raw(), smt.num(0)));
        if (!matched.found()) {
            matched = checker.findClaiming(remedy, outcome, match);
        }
        String place = r.place().toString();
        if (!matched.found()) {
            findings.add(undecided(place, r.id(), "a case that rule [" + r.id() + "] matches"));
            return null;
        }
        if (checker.engine().refusal(matched.witness()) != null) {
            // the case lacks a fact a computed limit needs, which the engine refuses: show one that states it, or none
            Term present = MissingFacts.present(checker, matched.witness());
            matched = present == null ? null : checker.findClaiming(remedy, outcome, match, present);
            if (matched == null || !matched.found() || checker.engine().refusal(matched.witness()) != null) {
                return null;
            }
        }
        if (!confirmed(place, r.id(), matched) || !checker.engine().holds(r.when(), matched.witness())) {
            if (checker.exact()) {
                internal(place, r.id(), "the solver found a case for rule [" + r.id() + "] that the engine says it"
                        + " does not match: " + matched.witness().line());
            }
            return null;
        }
        return matched;
    }

    /** Reports a rule that changes no outcome (or, out of time, that this was not decided). */
    private void masked(Rule r, Pending p) {
        String place = r.place().toString();
        if (p.changes() == Smt.Result.UNKNOWN) {
            findings.add(undecided(place, r.id(), "whether rule [" + r.id() + "] changes any outcome"));
            return;
        }
        findings.addAll(p.shown());
        Checker.Answer matched = p.witness();
        if (matched == null) {
            return;
        }
        if (checker.engine().refusal(matched.witness()) != null) {
            // the case shown would be one the engine refuses (it lacks a fact a computed limit needs): no example
            return;
        }
        ProposalDecision d = checker.engine().decide(matched.witness());
        String because = reasons(d);
        if (r.effect().kind() == Effect.Kind.GRANT) {
            findings.add(new Finding(Kind.USELESS_GRANT, place, r.id(), "grant [" + r.id() + "] raises nothing:"
                    + " whenever it matches, the outcome is the same without it (in the case shown, "
                    + d.remedy() + " is " + d.outcome() + because + ")", matched.witness().tree()));
        } else {
            findings.add(new Finding(Kind.MASKED, place, r.id(), "rule [" + r.id() + "] never changes an outcome:"
                    + " whenever it matches, a deny, a SWAT route or a stricter authority already decides (in the case"
                    + " shown, " + d.remedy() + " is " + d.outcome() + because + ")", matched.witness().tree()));
        }
    }

    private static String reasons(ProposalDecision d) {
        List<String> ids = d.reasons().stream().map(Reason::rule).distinct().toList();
        return ids.isEmpty() ? "" : " because of " + ids;
    }

    /** Finds severities at which no role can approve any amount of a remedy. */
    private void gaps() {
        Smt smt = checker.smt();
        for (String remedy : model.remedies().keySet()) {
            PolicyEncoder.RemedyTerms t = checker.encoder().remedy(remedy);
            List<String> gaps = new ArrayList<>();
            List<String> undecided = new ArrayList<>();
            Checker.Answer example = null;
            for (int s = 0; s < model.severities().size(); s++) {
                Term severity = smt.eq(checker.encoder().severityUsed(), smt.num(s));
                Smt.Result approved = checker.exists(remedy, severity,
                        smt.lt(t.outcome(), smt.num(checker.encoder().swat())));
                if (approved == Smt.Result.UNKNOWN) {
                    undecided.add(model.severities().get(s));
                }
                if (approved == Smt.Result.UNSAT) {
                    gaps.add(model.severities().get(s));
                    if (example == null) {
                        example = checker.find(remedy, severity);
                    }
                }
            }
            if (!undecided.isEmpty()) {
                findings.add(undecided(places.remedy(remedy), remedy, "whether any role can approve [" + remedy
                        + "] at severity " + undecided));
            }
            if (gaps.isEmpty() || example == null || !example.found() || !confirmed(places.remedy(remedy), remedy, example)) {
                continue;
            }
            ProposalDecision d = checker.engine().decide(example.witness());
            String where = gaps.size() == model.severities().size() ? "at any severity" : "at severity " + gaps;
            findings.add(new Finding(Kind.GAP, places.remedy(remedy), remedy, "no role can approve any [" + remedy
                    + "] " + where + ": every such proposal is denied or sent to SWAT (in the case shown, it is "
                    + d.outcome() + reasons(d) + ")", example.witness().tree()));
        }
    }

    /**
     * Finds roles whose own fixed per-grant limit is below that of a role beneath them. A computed limit has a value
     * only in a case, so it is compared with nothing here, as the loader's ladder check does.
     */
    private void ladder() {
        Smt smt = checker.smt();
        model.authority().forEach((remedy, entries) -> {
            for (int high = 1; high < entries.length; high++) {
                for (int low = 0; low < high; low++) {
                    if (entries[high] == null || entries[low] == null || entries[high].isComputed()
                            || entries[low].isComputed()
                            || entries[high].perGrant().compareTo(entries[low].perGrant()) >= 0) {
                        continue;
                    }
                    shrinks(remedy, low, high, entries);
                    break;
                }
            }
        });
    }

    private void shrinks(String remedy, int low, int high, AuthorityEntry[] entries) {
        Smt smt = checker.smt();
        Limit lower = entries[low].perGrant();
        String highRole = model.roles().get(high);
        String lowRole = model.roles().get(low);
        List<Term> constraints = new ArrayList<>();
        constraints.add(smt.eq(checker.space().fact("employee.role").raw(), smt.num(high)));
        constraints.add(smt.eq(checker.encoder().remedy(remedy).outcome(), smt.num(PolicyEncoder.ALONE)));
        Term amount = checker.space().amountGrid(remedy);
        if (amount != null && !lower.isUnlimited()) {
            constraints.add(smt.eq(amount, checker.space().grid(lower.amount().orElseThrow())));
        }
        Checker.Answer a = checker.find(remedy, constraints.toArray(new Term[0]));
        String place = places.authority(highRole, remedy);
        if (a.found() && !confirmed(place, remedy, a)) {
            return;
        }
        findings.add(new Finding(Kind.SHRINKING_AUTHORITY, place, highRole, "authority shrinks up the ladder: ["
                + highRole + "]'s own limit for [" + remedy + "] is [" + entries[high].perGrant() + "], below ["
                + lowRole + "]'s [" + lower + "]; authority is inherited, so " + highRole + " may still grant up to "
                + lower + " and the entry says less than it does", a.found() ? a.witness().tree() : null));
    }

    /** Finds roles above the lowest that no case of any remedy is escalated to. */
    private void roles() {
        Smt smt = checker.smt();
        for (int k = 1; k < model.roles().size(); k++) {
            boolean reached = false;
            boolean unknown = false;
            for (String remedy : model.remedies().keySet()) {
                // the approver, or a co-signer of a dual approval
                Smt.Result a = checker.exists(remedy, checker.encoder().remedy(remedy).signs(k));
                unknown |= a == Smt.Result.UNKNOWN;
                if (a == Smt.Result.SAT) {
                    reached = true;
                    break;
                }
            }
            String role = model.roles().get(k);
            if (!reached && !checker.encoder().externalRules().isEmpty()) {
                // a DRL rule may require any role: what the YAML rules never reach, code may
                findings.add(undecided(places.role(role), role, "whether any case escalates to [" + role + "], since"
                        + " DRL rules " + checker.encoder().externalRules() + " are not modelled and may require it"));
            } else if (!reached) {
                findings.add(unknown ? undecided(places.role(role), role, "whether any case escalates to [" + role + "]")
                        : new Finding(Kind.UNREACHABLE_ROLE, places.role(role), role, "no case is ever escalated to ["
                        + role + "]: no authority entry, grant, require rule or beyondAuthority makes it the approver"
                        + " of anything a lower role may not grant", null));
            }
        }
    }

    /** Returns true if the engine decides the witness as the solver claimed; records an internal finding if not. */
    private boolean confirmed(String place, String subject, Checker.Answer a) {
        String disagreement = checker.disagreement(a);
        if (disagreement == null) {
            return true;
        }
        if (checker.exact() && checker.engine().refusal(a.witness()) == null) {
            internal(place, subject, disagreement);
        }
        return false;
    }

    private void internal(String place, String subject, String message) {
        findings.add(new Finding(Kind.INTERNAL, place, subject, "internal error of the analysis, please report it: "
                + message, null));
    }

    private static Finding undecided(String place, String subject, String what) {
        return new Finding(Kind.NOT_DECIDED, place, subject, "the solver could not decide " + what
                + " within the time limit", null);
    }
}
