package org.resolutionpolicy.api;

import java.util.List;
import java.util.Objects;

/**
 * Holds one entry of a policy's severity scale checked against a case, for {@link Explanation#severityScale()}:
 * whether it matched and, when it did not, which condition failed with what values.
 *
 * @param entry the entry's id
 * @param severity the severity it puts a matching case at
 * @param status {@link Explanation.Status#MATCHED} or {@link Explanation.Status#NOT_MATCHED}
 * @param failures for {@link Explanation.Status#NOT_MATCHED}, each failing condition with the values it saw;
 *                 otherwise empty
 */
public record SeverityScaleCheck(String entry, String severity, Explanation.Status status,
                                 List<Explanation.Failure> failures) {

    /**
     * Creates a scale check.
     *
     * @throws NullPointerException if entry, severity or status is null
     */
    public SeverityScaleCheck {
        Objects.requireNonNull(entry, "entry must not be null");
        Objects.requireNonNull(severity, "severity must not be null");
        Objects.requireNonNull(status, "status must not be null");
        failures = failures == null ? List.of() : List.copyOf(failures);
    }

    /** Returns true if the entry's condition held. */
    public boolean matched() {
        return status == Explanation.Status.MATCHED;
    }
}
