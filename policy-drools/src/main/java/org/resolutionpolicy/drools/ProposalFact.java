package org.resolutionpolicy.drools;

import java.math.BigDecimal;

/** The proposal being decided, as a DRL rule sees it; absent when the case has no proposals (latitude). */
public interface ProposalFact {

    /** Returns the remedy id. */
    String getRemedy();

    /** Returns the amount as decided (a count without amount is 1), or null for a {@code none} remedy. */
    BigDecimal getAmount();

    /**
     * Returns the case's running total of the remedy: this amount plus those of the case's earlier proposals of the
     * remedy, as its authority counts them ({@code total} in YAML); null for a {@code none} remedy.
     */
    BigDecimal getTotal();

    /** Returns how many proposals of the remedy the case has made so far, this one included ({@code count} in YAML). */
    BigDecimal getCount();
}
