package org.resolutionpolicy.api;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * Represents an upper bound on an amount: a number, unlimited, or computed from a case's facts.
 *
 * <p>A number and unlimited are fixed: they are ordered ({@link #compareTo}), and {@link #covers} tells whether an
 * amount is within. A computed limit is a limit as a policy writes it ({@code perGrant: "attributes.paid / 3"}): it
 * has a value only in a case, so it is never ordered and covers nothing by itself; {@link #expression()} says how it
 * is computed, and each decision or explanation shows the value it had (never a zero standing for "computed").
 *
 * <p>Immutable; equal limits are {@link #equals(Object) equal}.
 */
public final class Limit implements Comparable<Limit> {

    private static final Limit UNLIMITED = new Limit(null, null);
    private static final Limit ZERO = new Limit(BigDecimal.ZERO, null);

    private final BigDecimal amount;
    /** For a computed limit, the expression as written; otherwise null. */
    private final String expression;

    private Limit(BigDecimal amount, String expression) {
        this.amount = amount;
        this.expression = expression;
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
        return new Limit(Amounts.normalize(amount), null);
    }

    /**
     * Returns a limit computed from a case's facts, as a policy writes it.
     *
     * @param expression the expression, e.g. {@code attributes.paid / 3}
     * @return the computed limit
     * @throws NullPointerException if expression is null
     * @throws IllegalArgumentException if expression is blank
     */
    public static Limit computed(String expression) {
        Objects.requireNonNull(expression, "expression must not be null");
        if (expression.isBlank()) {
            throw new IllegalArgumentException("a computed limit needs an expression");
        }
        return new Limit(null, expression.strip());
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
        return amount == null && expression == null;
    }

    /** Returns true if this limit is computed from a case's facts: it has a value only in a case. */
    public boolean isComputed() {
        return expression != null;
    }

    /** Returns the expression of a computed limit, as written; empty for a fixed one. */
    public Optional<String> expression() {
        return Optional.ofNullable(expression);
    }

    /** Returns the bound, or empty when unlimited or computed. */
    public Optional<BigDecimal> amount() {
        return Optional.ofNullable(amount);
    }

    /**
     * Returns true if {@code value} is at or below this limit.
     *
     * @throws IllegalStateException if this limit is computed: only its value in a case covers anything
     */
    public boolean covers(BigDecimal value) {
        fixed(this);
        return amount == null || value.compareTo(amount) <= 0;
    }

    /**
     * Orders fixed limits by size; unlimited is the largest.
     *
     * @throws IllegalStateException if either limit is computed: it has a size only in a case
     */
    @Override
    public int compareTo(Limit other) {
        fixed(this);
        fixed(other);
        if (amount == null) {
            return other.amount == null ? 0 : 1;
        }
        return other.amount == null ? -1 : amount.compareTo(other.amount);
    }

    private static void fixed(Limit limit) {
        if (limit.expression != null) {
            throw new IllegalStateException("the computed limit [" + limit.expression
                    + "] has a value only in a case: it cannot be compared");
        }
    }

    /**
     * Returns the larger of two fixed limits.
     *
     * @throws IllegalStateException if either limit is computed
     */
    public Limit max(Limit other) {
        return compareTo(other) >= 0 ? this : other;
    }

    /** Returns true for the same number (15 equals 15.00), both unlimited, or the same computing expression. */
    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Limit other)) {
            return false;
        }
        if (expression != null || other.expression != null) {
            return Objects.equals(expression, other.expression);
        }
        return compareTo(other) == 0;
    }

    @Override
    public int hashCode() {
        return expression != null ? expression.hashCode() : amount == null ? 0 : amount.hashCode();
    }

    /** Returns {@code unlimited}, the plain number, or the expression of a computed limit, as written in policy files. */
    @Override
    public String toString() {
        return expression != null ? expression : amount == null ? "unlimited" : amount.toPlainString();
    }
}
