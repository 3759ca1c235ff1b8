package org.resolutionpolicy.api;

import java.util.Objects;

/**
 * States the severity a policy with a severity scale decided a case at: the highest of the severity the case gave
 * (if any) and every entry of the scale the case matched. The scale only raises, as rules only tighten.
 *
 * <p>A decision carries one only when its policy has a severity scale ({@link Decision#severity()}); a policy
 * without one decides at the severity the case gives.
 *
 * @param used the severity the decision was made at, a name on the policy's scale
 * @param given the severity the case gave, or {@code null} when it left it out
 * @param raisedBy the id of the scale entry that raised the case to {@code used}, or {@code null} when the case was
 *                 decided at the severity it gave (or, without one and with no entry matching, at the lowest)
 */
public record CaseSeverity(String used, String given, String raisedBy) {

    /**
     * Creates a case severity.
     *
     * @throws NullPointerException if used is null
     */
    public CaseSeverity {
        Objects.requireNonNull(used, "used must not be null");
    }

    /** Returns true if a scale entry raised the case above the severity it gave (or set it, when it gave none). */
    public boolean raised() {
        return raisedBy != null;
    }

    /** Returns e.g. {@code CRITICAL (raised from LOW by safety-is-critical)} or {@code HIGH (as given)}. */
    public String text() {
        if (raisedBy == null) {
            return used + (given == null ? " (no entry of the scale matched)" : " (as given)");
        }
        return used + " (raised " + (given == null ? "" : "from " + given + " ") + "by " + raisedBy + ")";
    }

    @Override
    public String toString() {
        return text();
    }
}
