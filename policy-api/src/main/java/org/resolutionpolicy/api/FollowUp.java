package org.resolutionpolicy.api;

import java.util.Objects;

/**
 * States an obligation after the remedy, such as a call from senior management within two days.
 *
 * @param action what must happen, e.g. {@code senior-management-call}
 * @param within the ISO-8601 duration it must happen within, as written in the policy, or {@code null}
 * @param owner the role that owns it, or {@code null}
 * @param rule the id of the rule that asked for it
 */
public record FollowUp(String action, String within, String owner, String rule) {

    /**
     * Creates a follow-up.
     *
     * @throws NullPointerException if action or rule is null
     */
    public FollowUp {
        Objects.requireNonNull(action, "action must not be null");
        Objects.requireNonNull(rule, "rule must not be null");
    }
}
