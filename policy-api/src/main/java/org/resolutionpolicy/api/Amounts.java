package org.resolutionpolicy.api;

import java.math.BigDecimal;

/** Converts and prints amounts the same way everywhere. Not part of the public API. */
final class Amounts {

    private Amounts() {
    }

    static BigDecimal of(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("amount must be a finite number: [" + value + "]");
        }
        return normalize(BigDecimal.valueOf(value));
    }

    static BigDecimal of(Number value) {
        if (value instanceof BigDecimal) {
            return normalize((BigDecimal) value);
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return BigDecimal.valueOf(value.longValue());
        }
        if (value instanceof java.math.BigInteger) {
            return new BigDecimal((java.math.BigInteger) value);
        }
        return of(value.doubleValue());
    }

    /** Strips trailing zeros so that 15 and 15.00 print and compare alike, keeping integers unscaled. */
    static BigDecimal normalize(BigDecimal value) {
        if (value.scale() == 0) {
            return value; // a whole number written without a point: already as it should be
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
