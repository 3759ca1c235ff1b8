package org.resolutionpolicy.model;

import java.time.temporal.TemporalAmount;
import org.resolutionpolicy.api.Limit;

/**
 * One role's authority for one remedy: a per-grant limit and optional per-customer totals over a window.
 *
 * @param perGrant the most one grant may be
 * @param maxTotal the most the customer may get in the window, proposal included; null for no total
 * @param maxCount how many grants the customer may get in the window, proposal included; null for no count
 * @param window the window ending at the case's openedAt; null without per-customer limits
 * @param windowText the window as written, for messages
 * @param computed the per-grant limit computed from the case's facts, or null when {@code perGrant} is a constant
 *                 ({@code perGrant} is then zero, the strict bound where nothing can be computed)
 */
public record AuthorityEntry(Limit perGrant, Limit maxTotal, Integer maxCount, TemporalAmount window, String windowText,
                             ComputedAmount computed) {

    /** Creates an entry whose per-grant limit is a constant. */
    public AuthorityEntry(Limit perGrant, Limit maxTotal, Integer maxCount, TemporalAmount window, String windowText) {
        this(perGrant, maxTotal, maxCount, window, windowText, null);
    }

    /** Returns the per-grant limit in a case: the constant, or the computed amount. */
    public Limit perGrant(Facts facts) {
        return computed == null ? perGrant : computed.limit(facts);
    }

    /** Returns the per-grant limit as written: a number, {@code unlimited} or the expression. */
    public String perGrantText() {
        return computed == null ? perGrant.toString() : computed.text();
    }

    /** Returns true if the entry has per-customer limits. */
    public boolean hasWindow() {
        return window != null;
    }
}
