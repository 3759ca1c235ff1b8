package org.resolutionpolicy.engine.internal.model;

import java.util.List;

/** Tests whether a rule's {@code when} holds for some facts, and says why not. Implementations are immutable. */
public interface Condition {

    /** The condition of a rule without {@code when}. */
    Condition ALWAYS = new Condition() {
        @Override
        public boolean test(Facts facts) {
            return true;
        }

        @Override
        public void explain(Facts facts, List<String> failures) {
            // always holds
        }

        @Override
        public boolean perProposal() {
            return false;
        }
    };

    /** Returns true if the condition holds. */
    boolean test(Facts facts);

    /**
     * Adds, for each part of this condition that does not hold, what it saw and what it wanted, e.g.
     * {@code customer.tier was [SILVER], wanted one of [GOLD, PLATINUM]}. Adds nothing when it holds.
     * Only explanations call this: it may be slower than {@link #test}.
     */
    void explain(Facts facts, List<String> failures);

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

    /** A conjunction. */
    final class AllOf implements Condition {
        private final Condition[] all;

        private AllOf(Condition[] all) {
            this.all = all;
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
        public void explain(Facts facts, List<String> failures) {
            for (Condition c : all) {
                c.explain(facts, failures);
            }
        }

        @Override
        public List<Condition> parts() {
            return List.of(all);
        }

        @Override
        public boolean perProposal() {
            for (Condition c : all) {
                if (c.perProposal()) {
                    return true;
                }
            }
            return false;
        }
    }
}
