package org.resolutionpolicy.drools.internal;

import java.math.BigDecimal;
import org.resolutionpolicy.drools.ProposalFact;

/** The proposal being decided, as DRL rules see it. */
record ProposalFactView(String remedy, BigDecimal amount) implements ProposalFact {

    @Override
    public String getRemedy() {
        return remedy;
    }

    @Override
    public BigDecimal getAmount() {
        return amount;
    }
}
