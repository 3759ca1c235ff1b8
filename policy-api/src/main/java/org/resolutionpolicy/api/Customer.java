package org.resolutionpolicy.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Describes the customer of a case: who they are, what they are worth and what they were given before.
 *
 * @param id the customer id, or {@code null}
 * @param tier the loyalty tier, e.g. {@code GOLD}, or {@code null}
 * @param lifetimeValue the customer's lifetime value, or {@code null}
 * @param history earlier remedies, used by cumulative limits and {@code history.count/total}; never null
 */
public record Customer(String id, String tier, BigDecimal lifetimeValue, List<HistoryEntry> history) {

    private static final Customer UNKNOWN = new Customer(null, null, null, List.of());

    /** Creates a customer, copying the history. */
    public Customer {
        lifetimeValue = lifetimeValue == null ? null : Amounts.normalize(lifetimeValue);
        history = history == null ? List.of() : List.copyOf(history);
    }

    /** Returns a customer about whom nothing is known. */
    public static Customer unknown() {
        return UNKNOWN;
    }

    /** Returns a builder for a customer. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link Customer}; not thread-safe. */
    public static final class Builder {
        private String id;
        private String tier;
        private BigDecimal lifetimeValue;
        private final List<HistoryEntry> history = new ArrayList<>();

        private Builder() {
        }

        /** Sets the customer id. */
        public Builder id(String id) {
            this.id = id;
            return this;
        }

        /** Sets the loyalty tier. */
        public Builder tier(String tier) {
            this.tier = tier;
            return this;
        }

        /**
         * Sets the lifetime value.
         *
         * @throws IllegalArgumentException if the value is not finite
         */
        public Builder lifetimeValue(double lifetimeValue) {
            this.lifetimeValue = Amounts.of(lifetimeValue);
            return this;
        }

        /** Sets the lifetime value. */
        public Builder lifetimeValue(BigDecimal lifetimeValue) {
            this.lifetimeValue = lifetimeValue;
            return this;
        }

        /**
         * Adds an earlier remedy with an amount.
         *
         * @throws IllegalArgumentException if the amount is not finite
         */
        public Builder history(String remedy, double amount, Instant at) {
            history.add(HistoryEntry.of(remedy, amount, at));
            return this;
        }

        /** Adds an earlier remedy. */
        public Builder history(HistoryEntry entry) {
            history.add(entry);
            return this;
        }

        /** Returns the customer. */
        public Customer build() {
            return new Customer(id, tier, lifetimeValue, history);
        }
    }
}
