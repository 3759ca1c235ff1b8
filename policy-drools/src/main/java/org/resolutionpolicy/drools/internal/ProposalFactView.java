package org.resolutionpolicy.drools.internal;

import java.math.BigDecimal;
import org.resolutionpolicy.drools.ProposalFact;

/**
 * The proposal being decided, as DRL rules see it.
 *
 * @param index the proposal's place among those of its case inserted together, or -1 when it is decided alone
 */
record ProposalFactView(String remedy, BigDecimal amount, int index) implements ProposalFact {

    /** A proposal decided alone. */
    ProposalFactView(String remedy, BigDecimal amount) {
        this(remedy, amount, -1);
    }

    @Override
    public String getRemedy() {
        return remedy;
    }

    @Override
    public BigDecimal getAmount() {
        return amount;
    }

    @Override
    public String toString() {
        return "ProposalFactView[remedy=" + remedy + ", amount=" + amount + "]";
    }
}
