package org.resolutionpolicy.engine.internal.model;

import java.time.temporal.TemporalAmount;

/**
 * Holds a rule's follow-up as declared.
 *
 * @param action what must happen
 * @param within the time it must happen within, parsed at load: a {@link java.time.Period} or a
 *               {@link java.time.Duration}; or null
 * @param owner the owning role, or null
 */
public record FollowUpSpec(String action, TemporalAmount within, String owner) {
}
