package org.resolutionpolicy.api;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * Represents a remedy an employee wants to offer, with its amount.
 *
 * <p>Whether an amount is needed depends on the remedy's unit in the policy, which checks it when
 * deciding: {@code money} and {@code percent} need one, {@code count} defaults to 1, {@code none}
 * takes none.
 *
 * @param remedy the remedy id as declared in the policy, e.g. {@code refund}
 * @param amount the amount, or {@code null} when the proposal has none
 */
public record Proposal(String remedy, BigDecimal amount) {

    /**
     * Creates a proposal.
     *
     * @throws NullPointerException if remedy is null
     */
    public Proposal {
        Objects.requireNonNull(remedy, "remedy must not be null");
        amount = amount == null ? null : Amounts.normalize(amount);
    }

    /** Returns a proposal without an amount, for {@code none} and {@code count} remedies. */
    public static Proposal of(String remedy) {
        return new Proposal(remedy, null);
    }

    /**
     * Returns a proposal with an amount.
     *
     * @throws IllegalArgumentException if the amount is not finite
     */
    public static Proposal of(String remedy, double amount) {
        return new Proposal(remedy, Amounts.of(amount));
    }

    /** Returns a proposal with an amount. */
    public static Proposal of(String remedy, BigDecimal amount) {
        return new Proposal(remedy, amount);
    }

    /** Returns true if the proposal carries an amount. */
    public boolean hasAmount() {
        return amount != null;
    }

    /** Returns {@code remedy amount}, or the remedy alone. */
    @Override
    public String toString() {
        return amount == null ? remedy : remedy + " " + amount.toPlainString();
    }
}
