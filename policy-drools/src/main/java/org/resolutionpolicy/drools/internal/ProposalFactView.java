package org.resolutionpolicy.drools.internal;

import java.math.BigDecimal;
import org.resolutionpolicy.drools.ProposalFact;

/**
 * The proposal being decided, as DRL rules see it.
 *
 * @param total the case's running total of the remedy, this proposal's amount included; null without an amount
 * @param count how many proposals of the remedy the case has made so far, this one included
 * @param index the proposal's place among those of its case inserted together, or -1 when it is decided alone
 */
record ProposalFactView(String remedy, BigDecimal amount, BigDecimal total, BigDecimal count, int index)
        implements ProposalFact {

    /** A proposal decided alone, with the case's total and count of its remedy so far. */
    ProposalFactView(org.resolutionpolicy.model.Facts facts) {
        this(facts.remedy(), facts.amount(), facts.total(), facts.count(), -1);
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
    public BigDecimal getTotal() {
        return total;
    }

    @Override
    public BigDecimal getCount() {
        return count;
    }

    @Override
    public String toString() {
        return "ProposalFactView[remedy=" + remedy + ", amount=" + amount + "]";
    }
}
