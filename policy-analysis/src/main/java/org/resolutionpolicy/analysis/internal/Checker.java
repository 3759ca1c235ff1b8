package org.resolutionpolicy.analysis.internal;

import de.uni_freiburg.informatik.ultimate.logic.Term;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.resolutionpolicy.api.Policy;
import org.resolutionpolicy.model.Condition;
import org.resolutionpolicy.model.ModelledPolicy;
import org.resolutionpolicy.model.PolicyModel;

/**
 * One analysis of one policy: its solver context, fact space and encoding, and the checks every kind of result
 * runs, each under the time limit and each witness decided by the engine.
 */
public final class Checker implements AutoCloseable {

    /** A check's answer with, when SAT, its witness and the outcome code the solver claims for it. */
    public record Answer(Smt.Result result, Witness witness, int claimed) {
        /** Returns true if the check found a case. */
        public boolean found() {
            return result == Smt.Result.SAT;
        }
    }

    private final Smt smt;
    private final FactSpace space;
    private final PolicyEncoder encoder;
    private final Engine engine;
    private int witnesses;

    /**
     * Prepares the analysis.
     *
     * @param extra conditions beyond the policy's own that checks will test (guarantees), for the vocabulary
     */
    public Checker(Policy policy, List<Condition> extra, Duration limit) {
        this(policy, Scope.of(policy).get(0), extra, limit);
    }

    /**
     * Prepares the analysis of one version of a policy: every case checked is one that version decides (its
     * {@code openedAt} within the version's period), and the engine decides each witness with the whole policy.
     */
    public Checker(Policy policy, Scope scope, List<Condition> extra, Duration limit) {
        PolicyModel model = scope.model();
        Vocabulary v = new Vocabulary(model);
        extra.forEach(v::condition);
        if (scope.period() != null) {
            v.dated();
        }
        this.smt = new Smt(limit);
        this.space = new FactSpace(smt, v);
        if (scope.period() != null) {
            smt.assertAlways(space.inForce(scope.period(), scope.inForceNow()));
        }
        this.encoder = new PolicyEncoder(space, model, "p");
        this.engine = new Engine(policy, model);
    }

    /**
     * Returns the model of a policy this engine compiled, of the version in force now (which decides a case without
     * {@code openedAt}); a live policy, a registry's policy or a wrapper gives the snapshot it decides with now.
     *
     * @throws IllegalArgumentException if another engine compiled it
     */
    public static PolicyModel model(Policy policy) {
        return ModelledPolicy.of(policy).model();
    }

    /** Returns the space. */
    public FactSpace space() {
        return space;
    }

    /** Returns the encoding. */
    public PolicyEncoder encoder() {
        return encoder;
    }

    /** Returns the engine. */
    public Engine engine() {
        return engine;
    }

    /** Returns the solver. */
    public Smt smt() {
        return smt;
    }

    /** Returns true if every rule of the policy is encoded exactly, so the engine must agree with every claim. */
    public boolean exact() {
        return encoder.allEncoded() && encoder.externalRules().isEmpty() && space.windowsNested();
    }

    /**
     * Checks whether some case with a proposal of the remedy (and any earlier ones of it) satisfies the constraints; reads the witness and the
     * outcome the solver claims for it when one does.
     */
    public Answer find(String remedy, Term... constraints) {
        return findClaiming(remedy, encoder.remedy(remedy).outcome(), constraints);
    }

    /**
     * Checks like {@link #find(String, Term...)}, reading the outcome the solver claims from a formula of it that
     * holds wherever the constraints do (a rule's outcome among the rules that can match beside it, which is smaller
     * to evaluate than the policy's).
     */
    public Answer findClaiming(String remedy, Term outcome, Term... constraints) {
        Smt.Result r = smt.check(space.preferred(), all(remedy, constraints));
        if (r != Smt.Result.SAT) {
            return new Answer(r, null, 0);
        }
        int claimed = smt.intValue(outcome).intValue();
        try {
            return new Answer(r, Witness.read(space, remedy, "witness-" + (++witnesses)), claimed);
        } catch (Witness.TooLarge e) {
            // a case found that cannot be written proves nothing either way (a case the engine refuses is read, and
            // each use asks Engine.refusal before it shows it): not decided
            // a case that exists but cannot be shown proves nothing either way: not decided
            return new Answer(Smt.Result.UNKNOWN, null, 0);
        }
    }

    /** Checks whether some case with a proposal of the remedy (and any earlier ones of it) satisfies the constraints, without a witness. */
    public Smt.Result exists(String remedy, Term... constraints) {
        return smt.check(all(remedy, constraints));
    }

    private Term[] all(String remedy, Term... constraints) {
        List<Term> all = new ArrayList<>();
        all.add(space.amountDomain(remedy));
        all.addAll(List.of(constraints));
        return all.toArray(new Term[0]);
    }

    /**
     * Returns null if the engine decides the witness as the solver claimed, else the disagreement in words.
     */
    public String disagreement(Answer a) {
        String refusal = engine.refusal(a.witness());
        if (refusal != null) {
            return "the engine refuses case " + a.witness().line() + ": " + refusal;
        }
        int decided = engine.code(a.witness());
        if (decided == a.claimed()) {
            return null;
        }
        return "the solver claimed [" + engine.words(a.claimed()) + "] for case " + a.witness().line()
                + ", the engine decided [" + engine.words(decided) + "]";
    }

    /** Returns the left-out rules in sentences, saying what that means for the results. */
    public List<String> leftOut() {
        List<String> out = new ArrayList<>();
        for (String id : encoder.externalRules()) {
            out.add("DRL rule [" + id + "] is code and was not included: a result about other rules holds for the"
                    + " YAML rules only, and no finding is made about it");
        }
        for (Map.Entry<String, String> e : encoder.notEncoded().entrySet()) {
            out.add("rule [" + e.getKey() + "] has no formula (" + e.getValue() + "): it was taken to match or not,"
                    + " whichever a check needs, so a proof still holds but a case found may not be confirmed");
        }
        for (Map.Entry<String, String> e : encoder.scaleNotEncoded().entrySet()) {
            out.add("severityScale entry [" + e.getKey() + "] has no formula (" + e.getValue() + "): it was taken to"
                    + " match or not, whichever a check needs, so a proof still holds but a case found may not be"
                    + " confirmed");
        }
        for (Map.Entry<String, String> e : encoder.authorityNotEncoded().entrySet()) {
            out.add("the authority of " + e.getKey() + " has no formula (" + e.getValue() + "): it was taken to cover"
                    + " an amount or not, whichever a check needs, so a proof still holds but a case found may not be"
                    + " confirmed");
        }
        return out;
    }

    @Override
    public void close() {
        smt.close();
    }
}
