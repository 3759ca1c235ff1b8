package org.resolutionpolicy.model;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import org.resolutionpolicy.model.expr.Expr;
import org.resolutionpolicy.api.Explanation.Failure;

/**
 * An expression in MVEL syntax ({@code when: "amount > 50 && customer.tier == 'GOLD'"}): its text, and the body
 * that a compiler outside the model checked and compiled from it.
 *
 * <p>The model does not know the compiler; analysis that needs more than the text reads the body's checked tree
 * ({@link Body#tree()}).
 *
 * @param text the expression as written in the policy
 * @param body the checked, compiled expression
 */
public record Expression(String text, Body body) implements Condition {

    /** A checked and compiled expression: how it is tested and explained. Implementations are immutable. */
    public interface Body {

        /** Returns true if the expression holds. */
        boolean test(Facts facts);

        /** Adds why the expression does not hold, one failure per failing top-level conjunct; nothing when it holds. */
        void explain(Facts facts, List<Failure> failures);

        /** Returns true if the expression reads {@code remedy} or {@code amount}. */
        boolean perProposal();

        /** Returns the numbers the expression compares {@code amount} with, for latitude boundaries. */
        List<BigDecimal> amountThresholds();

        /**
         * Returns the checked syntax tree the body was compiled from, for analyses that read an expression's
         * structure; null for a body compiled some other way (the default), which such analyses cannot read.
         */
        default Expr tree() {
            return null;
        }
    }

    /** Creates an expression condition. */
    public Expression {
        Objects.requireNonNull(text, "text must not be null");
        Objects.requireNonNull(body, "body must not be null");
    }

    @Override
    public boolean test(Facts facts) {
        return body.test(facts);
    }

    @Override
    public void explain(Facts facts, List<Failure> failures) {
        body.explain(facts, failures);
    }

    @Override
    public boolean perProposal() {
        return body.perProposal();
    }

    /** Returns the numbers the expression compares {@code amount} with, for latitude boundaries. */
    public List<BigDecimal> amountThresholds() {
        return body.amountThresholds();
    }

    @Override
    public String toString() {
        return text;
    }
}
