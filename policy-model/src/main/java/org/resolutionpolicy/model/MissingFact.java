package org.resolutionpolicy.model;

import java.util.List;
import org.resolutionpolicy.api.CaseProblem;
import org.resolutionpolicy.api.InvalidCaseException;

/**
 * Says that a case lacks a fact a computed limit or entitlement needs: an invalid case naming the fact, rather than
 * an amount of 0 that would send every grant to the top of the ladder. A policy says what absence means in the
 * expression itself: {@code attributes.paid != null ? attributes.paid : 0}.
 */
public final class MissingFact {

    private MissingFact() {
    }

    /**
     * Throws when the case lacks a fact the amount needs; returns when none is missing, and for a case without
     * proposals (the latitude question, which answers for every remedy and counts such a limit as 0).
     *
     * @param amount the amount that had no value
     * @param facts the case's facts
     * @param what what the amount is, for the message: {@code limit} or {@code entitlement}
     * @throws InvalidCaseException naming the missing fact, the amount and how the policy may give a default
     */
    public static void check(ComputedAmount amount, Facts facts, String what) {
        if (facts.customerCase().proposals().isEmpty()) {
            // the latitude question answers for every remedy: a fact one remedy's limit needs leaves it at 0 there
            return;
        }
        String fact = amount.missingFact(facts);
        if (fact == null) {
            return;
        }
        throw new InvalidCaseException(facts.customerCase().id(), List.of(new CaseProblem(fact, "missing: the "
                + what + " [" + amount.text() + "] needs it (give the case [" + fact + "], or say in the policy what "
                + "its absence means, e.g. [" + fact + " != null ? " + fact + " : 0])")));
    }

    /**
     * Returns the first case fact a fact the policy defines needs and the case lacks: what its computed value needs,
     * or for a table, what the row that matched needs, or an absent input of its rows when none matched; null when
     * none is missing or the fact is not defined so.
     */
    public static String ofDerived(FactPath path, Facts facts) {
        Derivation d = path.derivation();
        if (d instanceof Derivation.Computed c) {
            return c.amount().missingFact(facts);
        }
        if (d instanceof Derivation.Table t) {
            for (Derivation.Row row : t.rows()) {
                if (row.condition().test(facts)) {
                    return row.value().value(facts) == null ? row.value().missingFact(facts) : null;
                }
            }
            for (Derivation.Row row : t.rows()) {
                String missing = absentInput(row.condition(), facts);
                if (missing != null) {
                    return missing;
                }
            }
        }
        return null;
    }

    private static String absentInput(Condition c, Facts facts) {
        if (c instanceof FactMatcher m) {
            FactPath input = m.path();
            if (input.derivation() == null) {
                return input.read(facts) == null ? input.name() : null;
            }
            return input.read(facts) == null ? ofDerived(input, facts) : null;
        }
        for (Condition part : c.parts()) {
            if (part != c) {
                String missing = absentInput(part, facts);
                if (missing != null) {
                    return missing;
                }
            }
        }
        return null;
    }
}
