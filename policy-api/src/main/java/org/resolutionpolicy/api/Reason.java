package org.resolutionpolicy.api;

import java.util.Objects;

/**
 * Names a rule that contributed to an outcome, with the sentence to tell the employee.
 *
 * @param rule the rule id, or {@value #AUTHORITY} when a role's authority limits decided it
 * @param because the human-readable reason
 */
public record Reason(String rule, String because) {

    /** The rule id used for reasons that come from the authority table rather than a rule. */
    public static final String AUTHORITY = "authority";

    /**
     * Creates a reason.
     *
     * @throws NullPointerException if rule is null
     */
    public Reason {
        Objects.requireNonNull(rule, "rule must not be null");
        because = because == null ? "" : because;
    }

    /** Returns true if the authority table, not a rule, gave this reason. */
    public boolean isAuthority() {
        return AUTHORITY.equals(rule);
    }

    /** Returns {@code rule: because}. */
    @Override
    public String toString() {
        return because.isEmpty() ? rule : rule + ": " + because;
    }
}
