package org.resolutionpolicy.model;

import java.util.List;
import org.resolutionpolicy.api.Explanation.Failure;

/**
 * Tests whether a rule's {@code when} holds for some facts, and says why not: a node of a rule's condition tree.
 *
 * <p>The tree is a closed set of immutable types, so that analysis (an SMT encoder, a matrix renderer) can walk it
 * without knowing which source it came from: {@link Always}, {@link AllOf} (a conjunction), {@link FactMatcher} (a
 * {@link ValueTest} on one fact), {@link Exists} (a presence test) and {@link Expression} (an MVEL-syntax expression,
 * checked and compiled elsewhere). Every source (YAML, a DRL header) builds the same tree.
 */
public sealed interface Condition permits Condition.Always, Condition.AllOf, FactMatcher, Exists, Expression {

    /** The condition of a rule without {@code when}. */
    Condition ALWAYS = Always.INSTANCE;

    /** Returns true if the condition holds. */
    boolean test(Facts facts);

    /**
     * Adds, for each part of this condition that does not hold, what it saw and what it wanted, e.g. the failure
     * whose text is {@code customer.tier was [SILVER], wanted one of [GOLD, PLATINUM]}. Adds nothing when it holds.
     * Only explanations call this: it may be slower than {@link #test}.
     */
    void explain(Facts facts, List<Failure> failures);

    /** Returns a condition that holds when all of the given ones do. */
    static Condition allOf(List<Condition> conditions) {
        if (conditions.isEmpty()) {
            return ALWAYS;
        }
        if (conditions.size() == 1) {
            return conditions.get(0);
        }
        return new AllOf(conditions.toArray(new Condition[0]));
    }

    /**
     * Returns true if the condition may read the proposal ({@code remedy} or {@code amount}); false only if it
     * certainly depends on the case alone, so that one answer serves every proposal of a case.
     */
    default boolean perProposal() {
        return true;
    }

    /** Returns the conditions that must all hold for this one to hold: itself, unless it is a conjunction. */
    default List<Condition> parts() {
        return List.of(this);
    }

    /** The condition that always holds: {@link #ALWAYS}, the only instance. */
    enum Always implements Condition {
        /** The one instance. */
        INSTANCE;

        @Override
        public boolean test(Facts facts) {
            return true;
        }

        @Override
        public void explain(Facts facts, List<Failure> failures) {
            // always holds
        }

        @Override
        public boolean perProposal() {
            return false;
        }
    }

    /**
     * A conjunction of two or more conditions, none of them itself a conjunction or {@link #ALWAYS} when built by
     * {@link Condition#allOf} from a reader. Holds an array rather than a list: every rule is tested through here.
     */
    final class AllOf implements Condition {
        private final Condition[] all;
        private final boolean perProposal;

        private AllOf(Condition[] all) {
            this.all = all;
            boolean any = false;
            for (Condition c : all) {
                any |= c.perProposal();
            }
            this.perProposal = any;
        }

        @Override
        public boolean test(Facts facts) {
            for (Condition c : all) {
                if (!c.test(facts)) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public void explain(Facts facts, List<Failure> failures) {
            for (Condition c : all) {
                c.explain(facts, failures);
            }
        }

        /** Returns the conjuncts, in the order written. */
        @Override
        public List<Condition> parts() {
            return List.of(all);
        }

        @Override
        public boolean perProposal() {
            return perProposal;
        }

        @Override
        public String toString() {
            return "AllOf" + parts();
        }
    }
}
