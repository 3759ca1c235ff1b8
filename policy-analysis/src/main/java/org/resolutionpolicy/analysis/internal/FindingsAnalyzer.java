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

    private final Checker checker;
    private final PolicyModel model;
    private final Places places;
    private final List<Finding> findings = new ArrayList<>();

    /** Prepares the analysis of a policy whose header entries are at the given places. */
    public FindingsAnalyzer(Policy policy, Places places, Duration limit) {
        this.checker = new Checker(policy, List.of(), limit);
        this.model = checker.encoder().model();
        this.places = places;
    }

    /** Runs every check and returns the report; the solver context is closed afterwards. */
    public Report run() {
        long start = System.nanoTime();
        try (checker) {
            List<Rule> rules = model.rules();
            for (int i = 0; i < rules.size(); i++) {
                Rule r = rules.get(i);
                if (r.enabled() && !checker.encoder().notEncoded().containsKey(r.id())) {
                    rule(i, r);
                }
            }
            gaps();
            ladder();
            roles();
            return new Report(model.id(), model.version(), findings, checker.leftOut(), checker.smt().checks(),
                    Duration.ofNanos(System.nanoTime() - start));
        }
    }

    private List<String> remediesOf(Rule r) {
        return model.remedies().keySet().stream().filter(r::appliesTo).toList();
    }

    /** Checks that a rule can match and, when it can, that it changes some outcome. */
    private void rule(int i, Rule r) {
        String matchedRemedy = null;
        boolean unknown = false;
        for (String remedy : remediesOf(r)) {
            Smt.Result a = checker.exists(remedy, checker.encoder().remedy(remedy).match(i));
            unknown |= a == Smt.Result.UNKNOWN;
            if (a == Smt.Result.SAT) {
                matchedRemedy = remedy;
                break;
            }
        }
        String place = r.place().toString();
        if (matchedRemedy == null) {
            findings.add(unknown ? undecided(place, r.id(), "whether rule [" + r.id() + "] can match")
                    : new Finding(Kind.NEVER_MATCHES, place, r.id(), "rule [" + r.id() + "] can never match: no case"
                    + " satisfies its condition" + (r.remedies() == null ? "" : " for " + r.remedies()), null));
            return;
        }
        Effect.Kind kind = r.effect().kind();
        if (kind == Effect.Kind.DENY || kind == Effect.Kind.SWAT || kind == Effect.Kind.REQUIRE
                || kind == Effect.Kind.GRANT) {
            masked(i, r, matchedRemedy);
        }
    }

    /** Returns a case the rule matches, shown with a finding about it; null (and a finding) if the engine disagrees. */
    private Checker.Answer matching(int i, Rule r, String remedy) {
        Term match = checker.encoder().remedy(remedy).match(i);
        // the lowest role shows best what the rule would have changed: its outcome is not ALONE by rank alone
        Smt smt = checker.smt();
        Checker.Answer matched = checker.find(remedy, match,
                smt.eq(checker.space().fact("employee.role").raw(), smt.num(0)));
        if (!matched.found()) {
            matched = checker.find(remedy, match);
        }
        String place = r.place().toString();
        if (!matched.found()) {
            findings.add(undecided(place, r.id(), "a case that rule [" + r.id() + "] matches"));
            return null;
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

    private void masked(int i, Rule r, String matchedRemedy) {
        boolean unknown = false;
        for (String remedy : remediesOf(r)) {
            PolicyEncoder.RemedyTerms t = checker.encoder().remedy(remedy);
            Smt smt = checker.smt();
            Smt.Result a = checker.exists(remedy, t.match(i), smt.not(smt.eq(t.outcome(), t.outcomeWithout(i))));
            if (a == Smt.Result.SAT) {
                return;
            }
            unknown |= a == Smt.Result.UNKNOWN;
        }
        String place = r.place().toString();
        if (unknown) {
            findings.add(undecided(place, r.id(), "whether rule [" + r.id() + "] changes any outcome"));
            return;
        }
        Checker.Answer matched = matching(i, r, matchedRemedy);
        if (matched == null) {
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
                Smt.Result a = checker.exists(remedy, smt.eq(checker.encoder().remedy(remedy).outcome(), smt.num(k)));
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
        if (checker.exact()) {
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
