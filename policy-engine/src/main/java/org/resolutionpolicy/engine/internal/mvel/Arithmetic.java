package org.resolutionpolicy.engine.internal.mvel;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import org.resolutionpolicy.model.value.Rounding;
import org.resolutionpolicy.model.value.Values;

/**
 * The arithmetic of expressions, one for deciding, explaining and computing amounts: numbers are exact decimals;
 * {@code + - *} and {@code %} are exact, a quotient rounds by the policy's {@link Rounding}, and a division by zero
 * has no value (null), which a comparison treats as it treats an absent fact. Ranks are their rank and dates their
 * epoch milliseconds, so that they compare as numbers. Immutable and thread-safe.
 */
final class Arithmetic {

    private final Rounding rounding;
    /** The policy's rounding, which an explicit {@code round(x)} applies even where quotients keep their digits. */
    private final Rounding policy;

    private Arithmetic(Rounding rounding, Rounding policy) {
        this.rounding = rounding;
        this.policy = policy;
    }

    /** Returns the arithmetic of a policy that rounds so. */
    static Arithmetic of(Rounding rounding) {
        return new Arithmetic(rounding, rounding);
    }

    /** Returns an arithmetic whose quotients keep 34 significant digits: what a rounded quotient was before. */
    static Arithmetic unrounded() {
        return new Arithmetic(null, Rounding.DEFAULT);
    }

    /**
     * Returns an arithmetic whose quotients keep 34 significant digits, while {@code round(x)} still rounds as the
     * policy does: what a computed amount was before it was rounded as money.
     */
    static Arithmetic unrounded(Rounding policy) {
        return new Arithmetic(null, policy);
    }

    /** Returns the policy's rounding, which {@code round(x)} applies; never null. */
    Rounding policy() {
        return policy;
    }

    /** Returns the rounding of quotients, or null for the unrounded arithmetic. */
    Rounding rounding() {
        return rounding;
    }

    /**
     * Returns a value as a number: a decimal itself, a rank or a count as a whole number, a date as its epoch
     * milliseconds (exact, fraction included); null for null.
     */
    static BigDecimal number(Object value) {
        if (value instanceof BigDecimal n) {
            return n;
        }
        if (value instanceof Integer || value instanceof Long) {
            return BigDecimal.valueOf(((Number) value).longValue());
        }
        if (value instanceof Instant instant) {
            return epochMillis(instant);
        }
        if (value == null) {
            return null;
        }
        throw new IllegalStateException("a numeric expression read a " + value.getClass().getName());
    }

    /** Returns an instant's epoch milliseconds, exact: the dates a case may hold are far inside a long's range. */
    static BigDecimal epochMillis(Instant instant) {
        long millis = Math.multiplyExact(instant.getEpochSecond(), 1_000L) + instant.getNano() / 1_000_000;
        int below = instant.getNano() % 1_000_000;
        BigDecimal whole = BigDecimal.valueOf(millis);
        return below == 0 ? whole : whole.add(BigDecimal.valueOf(below, 6));
    }

    /** Applies {@code + - * / %} to two present numbers; null for a division or remainder by zero. */
    BigDecimal apply(char op, BigDecimal l, BigDecimal r) {
        return switch (op) {
            case '+' -> l.add(r);
            case '-' -> l.subtract(r);
            case '*' -> l.multiply(r);
            case '/' -> divide(l, r);
            default -> r.signum() == 0 ? null : l.remainder(r);
        };
    }

    /** Divides, rounding by the policy's rule (34 significant digits for the unrounded arithmetic); null by zero. */
    BigDecimal divide(BigDecimal l, BigDecimal r) {
        if (rounding != null) {
            return rounding.divide(l, r);
        }
        return r.signum() == 0 ? null : Values.normalize(l.divide(r, MathContext.DECIMAL128));
    }
}
