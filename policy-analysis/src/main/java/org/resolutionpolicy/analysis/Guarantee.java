package org.resolutionpolicy.analysis;

import java.util.Objects;
import java.util.Set;
import org.resolutionpolicy.api.Outcome;

/**
 * States what a policy owner wants to hold for every case: for the proposals whose case and proposal satisfy
 * {@code when}, the outcome is always (or never) one of some outcomes, or the approver is at least some role.
 *
 * @param name what the guarantee says, in the owner's words
 * @param place where it is written, {@code file:line:col}, or a label for guarantees made in code
 * @param when the condition, in the policy's own {@code when} language: a map of matchers or an expression
 *             string, as SnakeYAML reads them; null for every proposal
 * @param expect what must hold for those proposals
 */
public record Guarantee(String name, String place, Object when, Expectation expect) {

    /** Creates a guarantee. */
    public Guarantee {
        Objects.requireNonNull(name, "name must not be null");
        Objects.requireNonNull(place, "place must not be null");
        Objects.requireNonNull(expect, "expect must not be null");
    }

    /**
     * Says what the outcome of the proposals a guarantee is about must be.
     *
     * @param always true for {@code always:}, false for {@code never:}
     * @param outcomes the outcomes named (empty when an approver is named instead)
     * @param approverAtLeast the lowest role that must approve (for {@code ALONE} the employee approves; SWAT and
     *                        denial count as stricter than every role), or null
     */
    public record Expectation(boolean always, Set<Outcome.Kind> outcomes, String approverAtLeast) {

        /** Creates an expectation. */
        public Expectation {
            outcomes = Set.copyOf(outcomes);
            if (outcomes.isEmpty() == (approverAtLeast == null)) {
                throw new IllegalArgumentException("an expectation names outcomes or an approver, not both or neither");
            }
        }

        /** Returns {@code always SWAT}, {@code never [ALONE, ESCALATE]}, {@code always approver at least [manager]}. */
        @Override
        public String toString() {
            String what = approverAtLeast != null ? "approver at least [" + approverAtLeast + "]"
                    : outcomes.size() == 1 ? outcomes.iterator().next().name()
                    : java.util.EnumSet.copyOf(outcomes).toString();
            return (always ? "always " : "never ") + what;
        }
    }
}
