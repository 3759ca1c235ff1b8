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
 * <p>A money proposal may state its currency (an ISO 4217 code such as {@code EUR}); the policy refuses one in
 * another currency than its own, and never converts.
 *
 * @param remedy the remedy id as declared in the policy, e.g. {@code refund}
 * @param amount the amount, or {@code null} when the proposal has none
 * @param currency the currency of the amount, or {@code null} for the case's (and so the policy's)
 */
public record Proposal(String remedy, BigDecimal amount, String currency) {

    /**
     * Creates a proposal.
     *
     * @throws NullPointerException if remedy is null
     */
    public Proposal {
        Objects.requireNonNull(remedy, "remedy must not be null");
        amount = amount == null ? null : Amounts.normalize(amount);
    }

    /**
     * Creates a proposal in the case's currency.
     *
     * @throws NullPointerException if remedy is null
     */
    public Proposal(String remedy, BigDecimal amount) {
        this(remedy, amount, null);
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

    /** Returns a money proposal with an amount in a stated currency, e.g. {@code Proposal.of("refund", 40, "EUR")}. */
    public static Proposal of(String remedy, BigDecimal amount, String currency) {
        return new Proposal(remedy, amount, currency);
    }

    /**
     * Returns a money proposal with an amount in a stated currency.
     *
     * @throws IllegalArgumentException if the amount is not finite
     */
    public static Proposal of(String remedy, double amount, String currency) {
        return new Proposal(remedy, Amounts.of(amount), currency);
    }

    /** Returns true if the proposal carries an amount. */
    public boolean hasAmount() {
        return amount != null;
    }

    /** Returns {@code remedy amount}, {@code remedy amount currency} when it states one, or the remedy alone. */
    @Override
    public String toString() {
        if (amount == null) {
            return remedy;
        }
        return remedy + " " + amount.toPlainString() + (currency == null ? "" : " " + currency);
    }
}
