package org.resolutionpolicy.api;

import java.time.Duration;
import java.time.Period;
import java.time.temporal.TemporalAmount;
import java.util.Objects;

/**
 * States an obligation after the remedy, such as a call from senior management within two days.
 *
 * <p>{@code within} is parsed once, when the policy is loaded: an ISO-8601 period of days, months or years
 * ({@code P2D}, {@code P1W}, {@code P6M}) is a {@link Period}; one with a time part ({@code PT48H}) is a
 * {@link Duration}. Its {@code toString()} is the ISO-8601 text that the CLI and JSON print, normalised by
 * {@code java.time} ({@code P1W} prints as {@code P7D}). Business days on the policy's calendar ({@code P7BD}) are
 * {@link BusinessDays}.
 *
 * @param action what must happen, e.g. {@code senior-management-call}
 * @param within the time it must happen within, a {@link Period}, a {@link Duration} or {@link BusinessDays}, or {@code null} when the
 *               policy gives none
 * @param owner the role that owns it, or {@code null}
 * @param rule the id of the rule that asked for it
 */
public record FollowUp(String action, TemporalAmount within, String owner, String rule) {

    /**
     * Creates a follow-up.
     *
     * @throws NullPointerException if action or rule is null
     * @throws IllegalArgumentException if within is neither null, a {@link Period}, a {@link Duration} nor
     *         {@link BusinessDays}
     */
    public FollowUp {
        Objects.requireNonNull(action, "action must not be null");
        Objects.requireNonNull(rule, "rule must not be null");
        if (within != null && !(within instanceof Period) && !(within instanceof Duration)
                && !(within instanceof BusinessDays)) {
            throw new IllegalArgumentException("within must be a java.time.Period, Duration or BusinessDays, not ["
                    + within.getClass().getName() + "]");
        }
    }
}
