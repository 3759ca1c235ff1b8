package org.resolutionpolicy.analysis.internal;

import de.uni_freiburg.informatik.ultimate.logic.Term;
import java.util.ArrayList;
import java.util.List;
import org.resolutionpolicy.api.CaseProblem;
import org.resolutionpolicy.api.InvalidCaseException;

/**
 * The facts a witness lacks that the engine refuses it for: a computed limit or entitlement needs them (the encoding
 * counts such a limit as 0, a superset of what the engine decides, so a proof still holds).
 */
final class MissingFacts {

    private MissingFacts() {
    }

    /**
     * Returns the formula that the case states every fact the engine refused the witness for, or null when the
     * engine decides it or refuses it for a fact the solver has no variable of.
     */
    static Term present(Checker checker, Witness w) {
        List<Term> present = new ArrayList<>();
        try {
            checker.engine().decide(w);
            return null;
        } catch (InvalidCaseException e) {
            for (CaseProblem p : e.problems()) {
                FactSpace.Var v = checker.space().fact(p.field());
                if (v == null) {
                    return null;
                }
                present.add(v.present());
            }
        }
        return present.isEmpty() ? null : checker.smt().and(present);
    }
}
