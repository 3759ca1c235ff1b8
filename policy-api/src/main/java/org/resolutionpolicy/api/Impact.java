package org.resolutionpolicy.api;

import java.math.BigDecimal;

/**
 * Describes how hard the problem hit: money out of pocket, how many customers, how public, how dangerous.
 *
 * <p>Every component may be {@code null}, meaning unknown: a comparison on an unknown fact is false.
 *
 * @param outOfPocket what the customer paid out of pocket
 * @param affectedCustomers how many customers the problem hit
 * @param socialReach how many people saw it in public (followers, views)
 * @param legalThreat whether the customer threatened legal action
 * @param safetyIssue whether someone's safety was at risk
 * @param regulatorInvolved whether a regulator is involved
 */
public record Impact(BigDecimal outOfPocket, Long affectedCustomers, Long socialReach,
                     Boolean legalThreat, Boolean safetyIssue, Boolean regulatorInvolved) {

    private static final Impact UNKNOWN = new Impact(null, null, null, null, null, null);

    /** Creates an impact, normalising the money amount. */
    public Impact {
        outOfPocket = outOfPocket == null ? null : Amounts.normalize(outOfPocket);
    }

    /** Returns an impact about which nothing is known. */
    public static Impact unknown() {
        return UNKNOWN;
    }

    /** Returns a builder for an impact. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds an {@link Impact}; not thread-safe. */
    public static final class Builder {
        private BigDecimal outOfPocket;
        private Long affectedCustomers;
        private Long socialReach;
        private Boolean legalThreat;
        private Boolean safetyIssue;
        private Boolean regulatorInvolved;

        private Builder() {
        }

        /**
         * Sets what the customer paid out of pocket.
         *
         * @throws IllegalArgumentException if the amount is not finite
         */
        public Builder outOfPocket(double amount) {
            this.outOfPocket = Amounts.of(amount);
            return this;
        }

        /** Sets what the customer paid out of pocket. */
        public Builder outOfPocket(BigDecimal amount) {
            this.outOfPocket = amount;
            return this;
        }

        /** Sets how many customers were affected. */
        public Builder affectedCustomers(long count) {
            this.affectedCustomers = count;
            return this;
        }

        /** Sets how many people saw the problem in public. */
        public Builder socialReach(long reach) {
            this.socialReach = reach;
            return this;
        }

        /** Sets whether the customer threatened legal action. */
        public Builder legalThreat(boolean legalThreat) {
            this.legalThreat = legalThreat;
            return this;
        }

        /** Sets whether someone's safety was at risk. */
        public Builder safetyIssue(boolean safetyIssue) {
            this.safetyIssue = safetyIssue;
            return this;
        }

        /** Sets whether a regulator is involved. */
        public Builder regulatorInvolved(boolean regulatorInvolved) {
            this.regulatorInvolved = regulatorInvolved;
            return this;
        }

        /** Returns the impact. */
        public Impact build() {
            return new Impact(outOfPocket, affectedCustomers, socialReach, legalThreat, safetyIssue, regulatorInvolved);
        }
    }
}
