package org.resolutionpolicy.analysis.internal;

import de.uni_freiburg.informatik.ultimate.logic.Term;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.resolutionpolicy.analysis.ChangeProof;
import org.resolutionpolicy.analysis.ChangeProof.Change;
import org.resolutionpolicy.analysis.ChangeProof.Verdict;
import org.resolutionpolicy.api.Policy;
import org.resolutionpolicy.model.PolicyModel;
import org.resolutionpolicy.model.Validity;

/**
 * Compares two versions of a policy in one solver context: both encoded over the same case variables, and for each
 * remedy and employee role the solver asked for a case the newer version decides more strictly, and one it decides
 * more loosely. Each case found is decided by both engines before it is shown.
 */
public final class ChangeProver {

    private final Policy oldPolicy;
    private final Policy newPolicy;
    private final PolicyModel oldModel;
    private final PolicyModel newModel;
    private final Duration limit;

    /**
     * Prepares the comparison.
     *
     * @throws IllegalArgumentException if the versions have different severities or roles
     */
    public ChangeProver(Policy oldPolicy, Policy newPolicy, Duration limit) {
        this.oldPolicy = oldPolicy;
        this.newPolicy = newPolicy;
        this.oldModel = Checker.model(oldPolicy);
        this.newModel = Checker.model(newPolicy);
        this.limit = limit;
    }

    /**
     * Runs the comparison: for a policy with dated versions, each version of the newer against each version of the
     * older over the period both are in force, every change naming its period.
     */
    public ChangeProof run() {
        List<Scope> olds = Scope.of(oldPolicy);
        List<Scope> news = Scope.of(newPolicy);
        List<Change> changes = new ArrayList<>();
        List<String> notCompared = new ArrayList<>();
        List<String> leftOut = new ArrayList<>();
        boolean dated = olds.get(0).dated() || news.get(0).dated();
        for (Scope n : news) {
            for (Scope o : olds) {
                Validity period = o.overlap(n);
                if (dated && period == null) {
                    continue;
                }
                compare(o, n, period, o.inForceNow() && n.inForceNow(), changes, notCompared, leftOut);
            }
        }
        if (dated && changes.isEmpty() && notCompared.isEmpty()) {
            notCompared.add("no version of the newer policy is in force at a time a version of the older one is ("
                    + olds.stream().map(Scope::label).toList() + ", " + news.stream().map(Scope::label).toList()
                    + "): a case is decided by one of them only, so none is compared");
        }
        return new ChangeProof(oldModel.id() + " " + versions(olds), newModel.id() + " " + versions(news), changes,
                notCompared, leftOut);
    }

    private static String versions(List<Scope> scopes) {
        return String.join(", ", scopes.stream().map(s -> s.model().version()).toList());
    }

    private void compare(Scope oldScope, Scope newScope, Validity period, boolean inForceNow, List<Change> changes,
                         List<String> notCompared, List<String> leftOut) {
        PolicyModel oldVersion = oldScope.model();
        PolicyModel newVersion = newScope.model();
        String in = period == null ? "" : "from version " + oldVersion.version() + " to " + newVersion.version()
                + (period.text().isEmpty() ? "" : " " + period.text()) + ": ";
        Vocabulary v = new Vocabulary(oldVersion).add(newVersion);
        if (period != null) {
            v.dated();
        }
        try (Smt smt = new Smt(limit)) {
            FactSpace space = new FactSpace(smt, v);
            if (period != null) {
                smt.assertAlways(space.inForce(period, inForceNow));
            }
            PolicyEncoder older = new PolicyEncoder(space, oldVersion, "old");
            PolicyEncoder newer = new PolicyEncoder(space, newVersion, "new");
            Engine oldEngine = new Engine(oldPolicy, oldVersion);
            Engine newEngine = new Engine(newPolicy, newVersion);
            Term shared = sharedAttributes(space, oldVersion, newVersion);
            boolean exact = older.allEncoded() && newer.allEncoded()
                    && older.externalRules().isEmpty() && newer.externalRules().isEmpty() && space.windowsNested();
            for (String remedy : newVersion.remedies().keySet()) {
                if (!oldVersion.remedies().containsKey(remedy)) {
                    notCompared.add(in + "remedy [" + remedy + "] is new");
                    continue;
                }
                if (oldVersion.remedies().get(remedy) != newVersion.remedies().get(remedy)) {
                    notCompared.add(in + "remedy [" + remedy + "] changed its unit");
                    continue;
                }
                List<String> drl = new ArrayList<>(older.externalRules());
                drl.addAll(newer.externalRules());
                Side side = new Side(space, remedy, older.remedy(remedy), newer.remedy(remedy), shared,
                        oldEngine, newEngine, exact, drl, period == null ? null : period.text());
                for (int role = 0; role < newVersion.roles().size(); role++) {
                    changes.add(side.compare(role, newVersion.roles().get(role)));
                }
            }
            oldVersion.remedies().keySet().stream().filter(r -> !newVersion.remedies().containsKey(r))
                    .forEach(r -> notCompared.add(in + "remedy [" + r + "] was removed"));
            older.externalRules().forEach(id -> add(leftOut, in + "old DRL rule [" + id + "] was not included"));
            newer.externalRules().forEach(id -> add(leftOut, in + "new DRL rule [" + id + "] was not included"));
            older.notEncoded().forEach((id, why) -> add(leftOut, in + "old rule [" + id + "] has no formula: " + why));
            newer.notEncoded().forEach((id, why) -> add(leftOut, in + "new rule [" + id + "] has no formula: " + why));
            older.scaleNotEncoded().forEach((id, why) -> add(leftOut, in + "old severityScale entry [" + id
                    + "] has no formula: " + why));
            newer.scaleNotEncoded().forEach((id, why) -> add(leftOut, in + "new severityScale entry [" + id
                    + "] has no formula: " + why));
            older.authorityNotEncoded().forEach((at, why) -> add(leftOut, in + "old authority of " + at
                    + " has no formula: " + why));
            newer.authorityNotEncoded().forEach((at, why) -> add(leftOut, in + "new authority of " + at
                    + " has no formula: " + why));
        }
    }

    private static void add(List<String> list, String line) {
        if (!list.contains(line)) {
            list.add(line);
        }
    }

    /** Keeps attributes only one version declares out of the cases, which the other version would refuse. */
    private static Term sharedAttributes(FactSpace space, PolicyModel oldModel, PolicyModel newModel) {
        List<Term> absent = new ArrayList<>();
        for (Map.Entry<String, FactSpace.Var> e : space.facts().entrySet()) {
            if (e.getKey().startsWith("attributes.")) {
                String name = e.getKey().substring("attributes.".length());
                boolean both = oldModel.attributes().get(name) != null
                        && oldModel.attributes().get(name) == newModel.attributes().get(name);
                if (!both) {
                    absent.add(space.smt().not(e.getValue().present()));
                }
            }
        }
        return space.smt().and(absent);
    }

    /** One remedy's comparison. */
    private record Side(FactSpace space, String remedy, PolicyEncoder.RemedyTerms older,
                        PolicyEncoder.RemedyTerms newer, Term shared,
                        Engine oldEngine, Engine newEngine, boolean exact, List<String> drl, String period) {

        Change compare(int role, String roleName) {
            Smt smt = space.smt();
            Term employee = smt.eq(space.fact("employee.role").raw(), smt.num(role));
            // stricter: a higher outcome, or the same escalation with a sign-off added (a co-signer)
            Found stricter = find(employee, older.stricterIn(newer), "stricter", roleName);
            Found looser = find(employee, newer.stricterIn(older), "looser", roleName);
            String detail = String.join("; ", List.of(stricter.detail, looser.detail).stream()
                    .filter(s -> !s.isEmpty()).toList());
            Verdict verdict;
            if (stricter.unknown || looser.unknown) {
                verdict = Verdict.UNKNOWN;
            } else if (stricter.witness != null) {
                verdict = looser.witness != null ? Verdict.BOTH : Verdict.ONLY_STRICTER;
            } else {
                verdict = looser.witness != null ? Verdict.ONLY_LOOSER : Verdict.EQUIVALENT;
            }
            if (verdict != Verdict.BOTH && verdict != Verdict.UNKNOWN && !drl.isEmpty()) {
                // a direction no YAML case shows may still come from DRL rules, which are code: not a proof
                verdict = Verdict.UNKNOWN;
                detail = (detail.isEmpty() ? "" : detail + "; ") + "DRL rules " + drl + " are not modelled: a change"
                        + " they make is not seen";
            }
            return new Change(remedy, roleName, verdict, stricter.witness == null ? null : stricter.witness.tree(),
                    looser.witness == null ? null : looser.witness.tree(), detail.isEmpty() ? "decided the same" : detail,
                    period);
        }

        private Found find(Term employee, Term direction, String word, String roleName) {
            Smt smt = space.smt();
            Smt.Result r = smt.check(space.preferred(), space.amountDomain(remedy), shared, employee, direction);
            if (r == Smt.Result.UNKNOWN) {
                return new Found(null, true, word + ": not decided within the time limit");
            }
            if (r == Smt.Result.UNSAT) {
                return new Found(null, false, "");
            }
            String claimedOld = claimed(older);
            String claimedNew = claimed(newer);
            Witness w;
            try {
                w = Witness.read(space, remedy, word + "-" + remedy + "-" + roleName);
                oldEngine.decide(w);
                newEngine.decide(w);
            } catch (Witness.TooLarge | org.resolutionpolicy.api.InvalidCaseException e) {
                return new Found(null, true, word + ": a case was found that cannot be shown: " + e.getMessage());
            }
            String decidedOld = oldEngine.words(oldEngine.decide(w).outcome());
            String decidedNew = newEngine.words(newEngine.decide(w).outcome());
            if (decidedOld.equals(claimedOld) && decidedNew.equals(claimedNew)) {
                return new Found(w, false, word + ": " + describe(w) + " was " + decidedOld + ", is " + decidedNew);
            }
            String why = "the solver claimed [" + claimedOld + " -> " + claimedNew + "], the engines decided ["
                    + decidedOld + " -> " + decidedNew + "] for " + w.line();
            return new Found(null, true, word + ": " + (exact ? "internal error of the analysis, please report it: "
                    : "a case depends on rules left out: ") + why);
        }

        /** Returns the outcome the solver's model gives one policy, approvers included, in the engine's words. */
        private String claimed(PolicyEncoder.RemedyTerms terms) {
            Smt smt = space.smt();
            int code = smt.intValue(terms.outcome()).intValue();
            List<Integer> signs = new ArrayList<>();
            for (int k = 0; k < space.roles().size(); k++) {
                if (smt.boolValue(terms.signs(k))) {
                    signs.add(k);
                }
            }
            return Engine.words(code, signs, space.roles());
        }

        private static String describe(Witness w) {
            return w.remedy() + (w.amount() == null ? "" : " of " + w.amount().toPlainString()) + " in case ["
                    + w.customerCase().id() + "]";
        }
    }

    /** A direction's result. */
    private record Found(Witness witness, boolean unknown, String detail) {
    }
}
