package org.resolutionpolicy.analysis.internal;

import de.uni_freiburg.informatik.ultimate.logic.Term;
import de.uni_freiburg.informatik.ultimate.logic.TermTransformer;
import java.util.LinkedHashMap;
import java.util.Map;
import org.resolutionpolicy.model.PolicyModel;
import org.resolutionpolicy.model.SeverityScale;

/**
 * The formula of the severity a policy decides a case at: the case's own rank raised by each entry of the severity
 * scale whose condition holds, {@code max(given, every matching entry)}, as the engine's {@link SeverityScale} does.
 * An entry whose condition has no formula matches "maybe" (a free variable), so that a proof holds whatever it does.
 *
 * @param used the rank term
 * @param notEncoded the entries without a formula, with why, by id
 */
record SeverityTerm(Term used, Map<String, String> notEncoded, Term given) {

    static SeverityTerm of(FactSpace space, PolicyModel model, String label) {
        Smt smt = space.smt();
        Term given = space.fact("severity").raw();
        Term used = given;
        Map<String, String> notEncoded = new LinkedHashMap<>();
        if (model.severityScale().isEmpty()) {
            return new SeverityTerm(used, notEncoded, given);
        }
        // entries read the case alone, never the remedy: any remedy's encoder gives the same formula
        ConditionEncoder conditions = new ConditionEncoder(space, model.remedies().keySet().iterator().next(),
                model.rounding(), model.time());
        for (SeverityScale.Entry e : model.severityScale().entries()) {
            Term holds;
            try {
                holds = conditions.encode(e.when());
            } catch (NotEncoded x) {
                notEncoded.putIfAbsent(e.id(), x.getMessage());
                holds = smt.boolVar(label + ".scale.maybe." + e.id());
            }
            Term rank = smt.num(e.rank());
            used = smt.ite(smt.and(holds, smt.lt(used, rank)), rank, used);
        }
        return new SeverityTerm(used, notEncoded, given);
    }

    /**
     * Returns a formula the condition encoder made of the case's own severity, read instead at the severity used:
     * every occurrence of the case's severity variable replaced by {@link #used()}. Terms are shared by the solver,
     * so the variable is one term wherever it occurs.
     */
    Term atUsed(Term formula) {
        if (used == given) {
            return formula;
        }
        return new TermTransformer() {
            @Override
            protected void convert(Term term) {
                if (term == given) {
                    setResult(used);
                } else {
                    super.convert(term);
                }
            }
        }.transform(formula);
    }
}
