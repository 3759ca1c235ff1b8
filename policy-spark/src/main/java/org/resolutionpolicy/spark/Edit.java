package org.resolutionpolicy.spark;

import java.io.Serializable;
import org.apache.spark.broadcast.Broadcast;
import org.resolutionpolicy.replay.DiffCounter;

/**
 * Carries a policy before and after an edit to the executors, as broadcast texts each executor compiles once.
 *
 * @param before the policy as it is
 * @param after the policy as it would be after the edit
 */
record Edit(Broadcast<PolicyText> before, Broadcast<PolicyText> after) implements Serializable {

    /** Returns a diff counter of both policies, compiled on this executor. */
    DiffCounter counter() {
        return DiffCounter.of(before.value().compiled(), after.value().compiled());
    }
}
