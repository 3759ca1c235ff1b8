package org.resolutionpolicy.analysis.internal;

import de.uni_freiburg.informatik.ultimate.logic.Term;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.resolutionpolicy.analysis.Guarantee;
import org.resolutionpolicy.analysis.GuaranteeException;
import org.resolutionpolicy.analysis.GuaranteeResult;
import org.resolutionpolicy.analysis.GuaranteeResult.Status;
import org.resolutionpolicy.api.Outcome;
import org.resolutionpolicy.api.Policy;
import org.resolutionpolicy.api.ProposalDecision;
import org.resolutionpolicy.model.Condition;
import org.resolutionpolicy.model.ModelledPolicy;
import org.resolutionpolicy.model.PolicyModel;

/**
 * Proves guarantees: for each remedy, asks the solver for a case that satisfies the guarantee's condition and
 * violates its expectation; none for any remedy proves it. A case found is decided by the engine before it is shown.
 */
public final class GuaranteeProver {

    private final Policy policy;
    private final PolicyModel model;
    private final List<Guarantee> guarantees;
    private final List<Condition> conditions;
    private final Duration limit;

    /**
     * Prepares the proofs.
     *
     * @throws GuaranteeException if a guarantee's condition does not fit the policy
     */
    public GuaranteeProver(Policy policy, List<Guarantee> guarantees, Duration limit) {
        this.policy = policy;
        this.model = Checker.model(policy);
        this.guarantees = List.copyOf(guarantees);
        this.conditions = GuaranteeConditions.compile(ModelledPolicy.of(policy), this.guarantees);
        this.limit = limit;
        for (Guarantee g : guarantees) {
            String role = g.expect().approverAtLeast();
            if (role != null && !model.roles().contains(role)) {
                throw new GuaranteeException(g.place() + ": unknown role [" + role + "] in guarantee [" + g.name()
                        + "]; the ladder is " + model.roles());
            }
        }
    }

    /**
     * Proves every guarantee in one solver context per dated version, each over the cases that version decides: a
     * guarantee is proven when it holds in every version, violated when a case of some version breaks it.
     */
    public List<GuaranteeResult> run() {
        List<Scope> scopes = Scope.of(policy);
        List<List<GuaranteeResult>> byVersion = new ArrayList<>();
        for (Scope scope : scopes) {
            List<GuaranteeResult> results = new ArrayList<>();
            try (Checker checker = new Checker(policy, scope, conditions, limit)) {
                for (int i = 0; i < guarantees.size(); i++) {
                    results.add(prove(checker, scope.model(), guarantees.get(i), conditions.get(i)));
                }
            }
            byVersion.add(results);
        }
        if (scopes.size() == 1) {
            return byVersion.get(0);
        }
        List<GuaranteeResult> results = new ArrayList<>();
        for (int i = 0; i < guarantees.size(); i++) {
            results.add(combine(guarantees.get(i), scopes, byVersion, i));
        }
        return results;
    }

    /**
     * Returns one result of a guarantee proven per version: the first version's violation (or internal error), else
     * UNKNOWN if any version's is, else PROVEN in every version; the detail names the version of each part.
     */
    private static GuaranteeResult combine(Guarantee g, List<Scope> scopes, List<List<GuaranteeResult>> byVersion,
                                           int i) {
        for (Status worst : List.of(Status.INTERNAL, Status.VIOLATED, Status.UNKNOWN)) {
            for (int v = 0; v < scopes.size(); v++) {
                GuaranteeResult r = byVersion.get(v).get(i);
                if (r.status() == worst) {
                    return new GuaranteeResult(g, worst, r.counterexample(), "in " + scopes.get(v).label() + ": "
                            + r.detail());
                }
            }
        }
        List<String> labels = scopes.stream().map(Scope::label).toList();
        return new GuaranteeResult(g, Status.PROVEN, null, byVersion.get(0).get(i).detail() + ", in every version: "
                + String.join(", ", labels));
    }

    private GuaranteeResult prove(Checker checker, PolicyModel model, Guarantee g, Condition when) {
        boolean unknown = false;
        String caveat = checker.leftOut().isEmpty() ? "" : "; " + checker.leftOut().size()
                + " rule(s) were left out: " + String.join("; ", checker.leftOut());
        for (String remedy : model.remedies().keySet()) {
            Term condition;
            try {
                condition = checker.encoder().atSeverityUsed(
                        new ConditionEncoder(checker.space(), remedy, model.rounding(), model.time()).encode(when));
            } catch (NotEncoded e) {
                return new GuaranteeResult(g, Status.UNKNOWN, null, "its condition has no formula: " + e.getMessage());
            }
            Term outcome = checker.encoder().remedy(remedy).outcome();
            Term broken = checker.smt().not(expected(checker, g, outcome));
            List<Term> stated = new ArrayList<>(List.of(condition, broken));
            Checker.Answer a = checker.find(remedy, condition, broken);
            // a case lacking a fact a computed limit needs is refused by the engine (the encoding counts the limit as
            // 0): look for one that states the facts refused, which the engine may confirm; none found is no proof
            String refusal = null;
            while (a.found() && (refusal = checker.engine().refusal(a.witness())) != null) {
                Term present = MissingFacts.present(checker, a.witness());
                if (present == null || stated.size() >= 8) {
                    break;
                }
                stated.add(present);
                a = checker.find(remedy, stated.toArray(new Term[0]));
            }
            if (refusal != null) {
                return new GuaranteeResult(g, Status.UNKNOWN, null, "the cases found lack a fact a computed limit or"
                        + " entitlement needs, which the engine refuses as invalid (" + refusal + "): not decided");
            }
            if (a.result() == Smt.Result.UNKNOWN) {
                unknown = true;
            }
            if (!a.found()) {
                continue;
            }
            ProposalDecision d = checker.engine().decide(a.witness());
            int code = checker.engine().code(d.outcome());
            boolean confirmed = code == a.claimed() && checker.engine().holds(when, a.witness())
                    && !expected(model, g, code, a.witness().customerCase().employee().role());
            if (confirmed) {
                return new GuaranteeResult(g, Status.VIOLATED, a.witness().tree(), "the engine decides " + remedy
                        + (a.witness().amount() == null ? "" : " of " + a.witness().amount().toPlainString())
                        + " for [" + a.witness().customerCase().employee().role() + "] as " + d.outcome()
                        + (d.reasons().isEmpty() ? "" : " because of " + d.reasons().stream()
                        .map(org.resolutionpolicy.api.Reason::rule).distinct().toList()));
            }
            if (checker.exact()) {
                return new GuaranteeResult(g, Status.INTERNAL, a.witness().tree(), "internal error of the analysis,"
                        + " please report it: " + (code != a.claimed() ? checker.disagreement(a)
                        : "the engine does not confirm the case " + a.witness().line()));
            }
            return new GuaranteeResult(g, Status.UNKNOWN, null, "a case was found that the engine does not confirm,"
                    + " because of rules left out" + caveat);
        }
        if (unknown) {
            return new GuaranteeResult(g, Status.UNKNOWN, null, "the solver could not decide it within the time limit");
        }
        if (!checker.encoder().externalRules().isEmpty()) {
            // no case breaks it by the YAML rules, but a DRL rule is code the solver never saw: not a proof
            return new GuaranteeResult(g, Status.UNKNOWN, null, "no case breaks it by the YAML rules, but DRL rules "
                    + checker.encoder().externalRules() + " are not modelled and may break it" + caveat);
        }
        return new GuaranteeResult(g, Status.PROVEN, null, "holds for every case, with any earlier proposals of the remedy" + caveat);
    }

    /** Returns the formula of the expectation on an outcome code. */
    private static Term expected(Checker checker, Guarantee g, Term outcome) {
        Smt smt = checker.smt();
        PolicyModel model = checker.encoder().model();
        Guarantee.Expectation e = g.expect();
        Term holds;
        if (e.approverAtLeast() != null) {
            Term k = smt.num(model.roles().indexOf(e.approverAtLeast()));
            Term employee = checker.space().fact("employee.role").raw();
            holds = smt.or(smt.le(k, outcome), smt.and(smt.eq(outcome, smt.num(PolicyEncoder.ALONE)), smt.le(k, employee)));
        } else {
            List<Term> any = new ArrayList<>();
            int swat = model.roles().size();
            for (Outcome.Kind kind : e.outcomes()) {
                any.add(switch (kind) {
                    case ALONE -> smt.eq(outcome, smt.num(PolicyEncoder.ALONE));
                    case ESCALATE -> smt.and(smt.le(smt.num(0), outcome), smt.lt(outcome, smt.num(swat)));
                    case SWAT -> smt.eq(outcome, smt.num(swat));
                    case DENIED -> smt.eq(outcome, smt.num(swat + 1));
                });
            }
            holds = smt.or(any);
        }
        return e.always() ? holds : smt.not(holds);
    }

    /** Returns whether the expectation holds for an outcome code the engine decided, as {@link #expected} says. */
    private static boolean expected(PolicyModel model, Guarantee g, int code, String employeeRole) {
        Guarantee.Expectation e = g.expect();
        boolean holds;
        int swat = model.roles().size();
        if (e.approverAtLeast() != null) {
            int k = model.roles().indexOf(e.approverAtLeast());
            holds = code >= k || code == PolicyEncoder.ALONE && model.roles().indexOf(employeeRole) >= k;
        } else {
            Outcome.Kind kind = code == PolicyEncoder.ALONE ? Outcome.Kind.ALONE : code < swat ? Outcome.Kind.ESCALATE
                    : code == swat ? Outcome.Kind.SWAT : Outcome.Kind.DENIED;
            holds = e.outcomes().contains(kind);
        }
        return e.always() == holds;
    }
}
