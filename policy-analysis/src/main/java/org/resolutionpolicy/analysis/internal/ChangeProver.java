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

    /** Runs the comparison. */
    public ChangeProof run() {
        Vocabulary v = new Vocabulary(oldModel).add(newModel);
        try (Smt smt = new Smt(limit)) {
            FactSpace space = new FactSpace(smt, v);
            PolicyEncoder older = new PolicyEncoder(space, oldModel, "old");
            PolicyEncoder newer = new PolicyEncoder(space, newModel, "new");
            Engine oldEngine = new Engine(oldPolicy, oldModel);
            Engine newEngine = new Engine(newPolicy, newModel);
            Term shared = sharedAttributes(space);
            boolean exact = older.allEncoded() && newer.allEncoded()
                    && older.externalRules().isEmpty() && newer.externalRules().isEmpty() && space.windowsNested();
            List<Change> changes = new ArrayList<>();
            List<String> notCompared = new ArrayList<>();
            for (String remedy : newModel.remedies().keySet()) {
                if (!oldModel.remedies().containsKey(remedy)) {
                    notCompared.add("remedy [" + remedy + "] is new");
                    continue;
                }
                if (oldModel.remedies().get(remedy) != newModel.remedies().get(remedy)) {
                    notCompared.add("remedy [" + remedy + "] changed its unit");
                    continue;
                }
                List<String> drl = new ArrayList<>(older.externalRules());
                drl.addAll(newer.externalRules());
                Side side = new Side(space, remedy, older.remedy(remedy).outcome(), newer.remedy(remedy).outcome(),
                        shared, oldEngine, newEngine, exact, drl);
                for (int role = 0; role < newModel.roles().size(); role++) {
                    changes.add(side.compare(role, newModel.roles().get(role)));
                }
            }
            oldModel.remedies().keySet().stream().filter(r -> !newModel.remedies().containsKey(r))
                    .forEach(r -> notCompared.add("remedy [" + r + "] was removed"));
            List<String> leftOut = new ArrayList<>();
            older.externalRules().forEach(id -> leftOut.add("old DRL rule [" + id + "] was not included"));
            newer.externalRules().forEach(id -> leftOut.add("new DRL rule [" + id + "] was not included"));
            older.notEncoded().forEach((id, why) -> leftOut.add("old rule [" + id + "] has no formula: " + why));
            newer.notEncoded().forEach((id, why) -> leftOut.add("new rule [" + id + "] has no formula: " + why));
            older.scaleNotEncoded().forEach((id, why) -> leftOut.add("old severityScale entry [" + id
                    + "] has no formula: " + why));
            newer.scaleNotEncoded().forEach((id, why) -> leftOut.add("new severityScale entry [" + id
                    + "] has no formula: " + why));
            older.authorityNotEncoded().forEach((at, why) -> leftOut.add("old authority of " + at
                    + " has no formula: " + why));
            newer.authorityNotEncoded().forEach((at, why) -> leftOut.add("new authority of " + at
                    + " has no formula: " + why));
            return new ChangeProof(oldModel.id() + " " + oldModel.version(), newModel.id() + " "
                    + newModel.version(), changes, notCompared, leftOut);
        }
    }

    /** Keeps attributes only one version declares out of the cases, which the other version would refuse. */
    private Term sharedAttributes(FactSpace space) {
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
    private record Side(FactSpace space, String remedy, Term oldOutcome, Term newOutcome, Term shared,
                        Engine oldEngine, Engine newEngine, boolean exact, List<String> drl) {

        Change compare(int role, String roleName) {
            Smt smt = space.smt();
            Term employee = smt.eq(space.fact("employee.role").raw(), smt.num(role));
            Found stricter = find(employee, smt.lt(oldOutcome, newOutcome), "stricter", roleName);
            Found looser = find(employee, smt.lt(newOutcome, oldOutcome), "looser", roleName);
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
                    looser.witness == null ? null : looser.witness.tree(), detail.isEmpty() ? "decided the same" : detail);
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
            int claimedOld = smt.intValue(oldOutcome).intValue();
            int claimedNew = smt.intValue(newOutcome).intValue();
            Witness w;
            try {
                w = Witness.read(space, remedy, word + "-" + remedy + "-" + roleName);
            } catch (Witness.TooLarge e) {
                return new Found(null, true, word + ": " + e.getMessage());
            }
            int decidedOld = oldEngine.code(w);
            int decidedNew = newEngine.code(w);
            if (decidedOld == claimedOld && decidedNew == claimedNew) {
                return new Found(w, false, word + ": " + describe(w) + " was " + oldEngine.words(decidedOld)
                        + ", is " + newEngine.words(decidedNew));
            }
            String why = "the solver claimed [" + oldEngine.words(claimedOld) + " -> " + newEngine.words(claimedNew)
                    + "], the engines decided [" + oldEngine.words(decidedOld) + " -> " + newEngine.words(decidedNew)
                    + "] for " + w.line();
            return new Found(null, true, word + ": " + (exact ? "internal error of the analysis, please report it: "
                    : "a case depends on rules left out: ") + why);
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
