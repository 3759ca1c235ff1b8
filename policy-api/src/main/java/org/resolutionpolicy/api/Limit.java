package org.resolutionpolicy.api;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * Represents an upper bound on an amount that is either a number or unlimited.
 *
 * <p>Immutable; equal limits are {@link #equals(Object) equal}.
 */
public final class Limit implements Comparable<Limit> {

    private static final Limit UNLIMITED = new Limit(null);
    private static final Limit ZERO = new Limit(BigDecimal.ZERO);

    private final BigDecimal amount;

    private Limit(BigDecimal amount) {
        this.amount = amount;
    }

    /** Returns the limit that no amount exceeds. */
    public static Limit unlimited() {
        return UNLIMITED;
    }

    /** Returns the limit of zero: nothing may be granted. */
    public static Limit zero() {
        return ZERO;
    }

    /**
     * Returns a numeric limit.
     *
     * @throws NullPointerException if amount is null
     * @throws IllegalArgumentException if amount is negative
     */
    public static Limit of(BigDecimal amount) {
        Objects.requireNonNull(amount, "amount must not be null");
        if (amount.signum() < 0) {
            throw new IllegalArgumentException("a limit must not be negative: [" + amount.toPlainString() + "]");
        }
        return new Limit(Amounts.normalize(amount));
    }

    /**
     * Returns a numeric limit.
     *
     * @throws IllegalArgumentException if amount is negative or not finite
     */
    public static Limit of(double amount) {
        return of(Amounts.of(amount));
    }

    /** Returns true if this limit has no bound. */
    public boolean isUnlimited() {
        return amount == null;
    }

    /** Returns the bound, or empty when unlimited. */
    public Optional<BigDecimal> amount() {
        return Optional.ofNullable(amount);
    }

    /** Returns true if {@code value} is at or below this limit. */
    public boolean covers(BigDecimal value) {
        return amount == null || value.compareTo(amount) <= 0;
    }

    /** Orders limits by size; unlimited is the largest. */
    @Override
    public int compareTo(Limit other) {
        if (amount == null) {
            return other.amount == null ? 0 : 1;
        }
        return other.amount == null ? -1 : amount.compareTo(other.amount);
    }

    /** Returns the larger of two limits. */
    public Limit max(Limit other) {
        return compareTo(other) >= 0 ? this : other;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Limit && compareTo((Limit) o) == 0;
    }

    @Override
    public int hashCode() {
        return amount == null ? 0 : amount.hashCode();
    }

    /** Returns {@code unlimited} or the plain number, as written in policy files. */
    @Override
    public String toString() {
        return amount == null ? "unlimited" : amount.toPlainString();
    }
}
