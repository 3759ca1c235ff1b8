package org.resolutionpolicy.engine.internal.model;

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
 */
public record AuthorityEntry(Limit perGrant, Limit maxTotal, Integer maxCount, TemporalAmount window, String windowText) {

    /** Returns true if the entry has per-customer limits. */
    public boolean hasWindow() {
        return window != null;
    }
}
