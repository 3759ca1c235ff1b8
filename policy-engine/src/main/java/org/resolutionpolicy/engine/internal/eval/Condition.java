package org.resolutionpolicy.engine.internal.eval;

import java.util.List;

/** Tests whether a rule's {@code when} holds for some facts. Implementations are immutable. */
@FunctionalInterface
public interface Condition {

    /** The condition of a rule without {@code when}. */
    Condition ALWAYS = facts -> true;

    /** Returns true if the condition holds. */
    boolean test(Facts facts);

    /** Returns a condition that holds when all of the given ones do. */
    static Condition allOf(List<Condition> conditions) {
        if (conditions.isEmpty()) {
            return ALWAYS;
        }
        if (conditions.size() == 1) {
            return conditions.get(0);
        }
        Condition[] all = conditions.toArray(new Condition[0]);
        return facts -> {
            for (Condition c : all) {
                if (!c.test(facts)) {
                    return false;
                }
            }
            return true;
        };
    }
}
