package org.resolutionpolicy.engine.internal.model;

/**
 * Holds a rule's follow-up as declared.
 *
 * @param action what must happen
 * @param within the ISO-8601 duration as written, or null
 * @param owner the owning role, or null
 */
public record FollowUpSpec(String action, String within, String owner) {
}
