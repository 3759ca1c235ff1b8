package org.resolutionpolicy.model;

import java.math.BigDecimal;
import org.resolutionpolicy.model.expr.Expr;
import org.resolutionpolicy.api.Limit;

/**
 * An amount computed from a case's facts ({@code upTo: "12 * attributes.daysLate"}), checked and compiled at load by
 * a compiler outside the model, which keeps the checked tree it compiled ({@link #tree()}). It reads case-level facts
 * only, never {@code remedy} or {@code amount}, so one case has one value. Implementations are immutable.
 */
public interface ComputedAmount {

    /**
     * Returns the amount for a case, exact (rounded to 15 significant digits), or null when a fact it reads is absent
     * or it divides by zero.
     */
    BigDecimal value(Facts facts);

    /** Returns the arithmetic with its values, e.g. {@code 12 * attributes.daysLate = 12 * 8 = 96}. */
    String working(Facts facts);

    /** Returns the expression as written. */
    String text();

    /**
     * Returns the checked syntax tree the amount was compiled from, for analyses that read its arithmetic; null for
     * an amount computed some other way (the default: a constant, or one a DRL consequence computed).
     */
    default Expr tree() {
        return null;
    }

    /** Returns the amount when it is the same for every case (a number written in a policy), else null. */
    default BigDecimal fixedValue() {
        return null;
    }

    /**
     * Returns the first fact of the case that the amount needs and the case lacks, by its name ({@code
     * attributes.paid}); null when none is missing (the amount has a value, or has none for another reason: a
     * division by zero, a table no row of which matches). A fact read only under a comparison, or in the branch of
     * {@code c ? a : b} not taken, is not needed.
     */
    default String missingFact(Facts facts) {
        return null;
    }

    /**
     * Returns the amount as a limit: the value, 0 when it is negative or cannot be computed for a reason other than a
     * missing fact (the strict reading: a computed limit never loosens a decision it cannot compute).
     *
     * @throws org.resolutionpolicy.api.InvalidCaseException naming the fact when the case lacks one the amount needs
     */
    default Limit limit(Facts facts) {
        return limit(facts, "limit");
    }

    /**
     * Returns the amount as a limit, as {@link #limit(Facts)} does, saying what it is when a fact is missing.
     *
     * @param what what the amount is, for the message: {@code limit} or {@code entitlement}
     * @throws org.resolutionpolicy.api.InvalidCaseException naming the fact when the case lacks one the amount needs
     */
    default Limit limit(Facts facts, String what) {
        BigDecimal v = value(facts);
        if (v == null) {
            MissingFact.check(this, facts, what);
        }
        return v == null || v.signum() <= 0 ? Limit.zero() : Limit.of(v);
    }

    /**
     * Returns an amount that is the same for every case: a number written in a policy, or one a DRL consequence
     * computed for the case it runs on.
     *
     * @param amount the amount
     * @param working how it was computed, or null to show the number alone
     */
    static ComputedAmount constant(BigDecimal amount, String working) {
        String text = amount.toPlainString();
        String shown = working == null || working.isBlank() ? text : working + " = " + text;
        return new ComputedAmount() {
            @Override
            public BigDecimal value(Facts facts) {
                return amount;
            }

            @Override
            public String working(Facts facts) {
                return shown;
            }

            @Override
            public String text() {
                return text;
            }

            @Override
            public BigDecimal fixedValue() {
                return amount;
            }
        };
    }
}
