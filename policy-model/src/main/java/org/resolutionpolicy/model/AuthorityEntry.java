package org.resolutionpolicy.model;

import java.time.temporal.TemporalAmount;
import java.util.Objects;
import org.resolutionpolicy.api.Limit;
import org.resolutionpolicy.api.Window;
import org.resolutionpolicy.model.source.Place;

/**
 * One role's authority for one remedy, as the policy writes it: a per-grant limit and optional per-customer limits
 * over a window.
 *
 * @param perGrant the most one grant may be: a fixed limit, or a {@linkplain Limit#computed computed} one whose value
 *                 {@code computed} gives in each case
 * @param perCustomer the per-customer window ending at the case's {@code openedAt}, or null without one
 * @param windowText the window's period as written, for messages; null without a window
 * @param computed computes the per-grant limit from the case's facts when {@code perGrant} is computed; else null
 * @param place where the entry is written
 */
public record AuthorityEntry(Limit perGrant, Window perCustomer, String windowText, ComputedAmount computed,
                             Place place) {

    /**
     * Creates an entry.
     *
     * @throws NullPointerException if perGrant is null
     * @throws IllegalArgumentException if perGrant is computed without a computation, or the other way round
     */
    public AuthorityEntry {
        Objects.requireNonNull(perGrant, "perGrant must not be null");
        if (perGrant.isComputed() != (computed != null)) {
            throw new IllegalArgumentException("a computed per-grant limit comes with its computation, and only it: ["
                    + perGrant + "]");
        }
    }

    /** Returns an entry whose per-grant limit is computed from the case's facts. */
    public static AuthorityEntry computed(ComputedAmount amount, Window perCustomer, String windowText, Place place) {
        return new AuthorityEntry(Limit.computed(amount.text()), perCustomer, windowText, amount, place);
    }

    /** Returns the per-grant limit in a case: the fixed one, or the computed amount's value. */
    public Limit perGrant(Facts facts) {
        return computed == null ? perGrant : computed.limit(facts);
    }

    /** Returns the per-grant limit as written: a number, {@code unlimited} or the expression. */
    public String perGrantText() {
        return perGrant.toString();
    }

    /** Returns true if the per-grant limit is computed from the case's facts. */
    public boolean isComputed() {
        return computed != null;
    }

    /** Returns true if the entry has per-customer limits. */
    public boolean hasWindow() {
        return perCustomer != null;
    }

    /** Returns the most the customer may get in the window, proposal included; null without a total. */
    public Limit maxTotal() {
        return perCustomer == null ? null : perCustomer.maxTotal();
    }

    /** Returns how many grants the customer may get in the window, proposal included; null without a count. */
    public Integer maxCount() {
        return perCustomer == null ? null : perCustomer.maxCount();
    }

    /** Returns the window's period, ending at the case's {@code openedAt}; null without per-customer limits. */
    public TemporalAmount window() {
        return perCustomer == null ? null : perCustomer.period();
    }
}
