package org.resolutionpolicy.drools;

import java.math.BigDecimal;

/** The proposal being decided, as a DRL rule sees it; absent when the case has no proposals (latitude). */
public interface ProposalFact {

    /** Returns the remedy id. */
    String getRemedy();

    /** Returns the amount as decided (a count without amount is 1), or null for a {@code none} remedy. */
    BigDecimal getAmount();
}
