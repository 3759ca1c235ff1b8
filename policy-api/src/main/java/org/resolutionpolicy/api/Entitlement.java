package org.resolutionpolicy.api;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * States what a scheme entitles the customer to for one remedy in one case, and how the amount was computed.
 *
 * @param amount the amount, exact (at most 15 significant digits); never negative
 * @param rule the id of the rule that states the entitlement
 * @param working the arithmetic with its values, e.g. {@code 12 * attributes.daysLate = 12 * 8 = 96}
 */
public record Entitlement(BigDecimal amount, String rule, String working) {

    /**
     * Creates an entitlement.
     *
     * @throws NullPointerException if amount, rule or working is null
     * @throws IllegalArgumentException if amount is negative
     */
    public Entitlement {
        Objects.requireNonNull(amount, "amount must not be null");
        Objects.requireNonNull(rule, "rule must not be null");
        Objects.requireNonNull(working, "working must not be null");
        if (amount.signum() < 0) {
            throw new IllegalArgumentException("an entitlement must not be negative: [" + amount.toPlainString() + "]");
        }
        amount = Amounts.normalize(amount);
    }

    /** Returns {@code entitled to 96 = 12 * attributes.daysLate = 12 * 8}, the sentence shown to the employee. */
    @Override
    public String toString() {
        String value = amount.toPlainString();
        String shown = working.endsWith(" = " + value) ? working.substring(0, working.length() - value.length() - 3)
                : working;
        return shown.equals(value) ? "entitled to " + value : "entitled to " + value + " = " + shown;
    }
}
