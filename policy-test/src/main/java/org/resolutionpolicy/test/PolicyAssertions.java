package org.resolutionpolicy.test;

import org.resolutionpolicy.api.Decision;

/**
 * Entry point of the AssertJ assertions on decisions, in the words of the domain.
 *
 * <pre>{@code
 * assertThat(decision).proposal("refund").isEscalatedTo("store-manager").because("high-severity-refunds-need-a-manager");
 * assertThat(decision).hasFollowUp("senior-management-call");
 * assertThat(decision).latitude("voucher").allowsAloneUpTo(20).escalatesBeyondTo("shift-lead");
 * }</pre>
 *
 * Failure messages show the whole decision with its reasons.
 */
public final class PolicyAssertions {

    private PolicyAssertions() {
    }

    /** Starts assertions on a decision. */
    public static DecisionAssert assertThat(Decision actual) {
        return new DecisionAssert(actual);
    }
}
