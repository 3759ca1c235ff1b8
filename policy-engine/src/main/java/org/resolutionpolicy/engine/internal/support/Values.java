package org.resolutionpolicy.engine.internal.support;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAmount;
import java.util.Locale;

/**
 * Parses and normalises the values every source and every reader shares: amounts, date-times and ISO-8601
 * periods. One place, so that YAML, expressions, cases and DRL read a date or a window the same way.
 */
public final class Values {

    private Values() {
    }

    /** Strips trailing zeros so that 15 and 15.00 print and compare alike, keeping integers unscaled. */
    public static BigDecimal normalize(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    /** Returns true if the number has a fractional part (2.5), false for a whole number (2, 2.00). */
    public static boolean hasFraction(BigDecimal value) {
        return value.stripTrailingZeros().scale() > 0;
    }

    /** Parses an ISO-8601 date-time or date (UTC midnight), or returns null. */
    public static Instant parseInstant(String text) {
        String v = text.trim();
        try {
            return OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeParseException e) {
            // fall through: a date alone, or a date-time in UTC without offset
        }
        try {
            return Instant.parse(v);
        } catch (DateTimeParseException e) {
            // fall through
        }
        try {
            return LocalDate.parse(v).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /**
     * Parses a positive ISO-8601 period ({@code P30D}, {@code P6M}) or duration ({@code PT48H}), or returns null.
     * A period comes back as {@link Period}, a duration as {@link Duration}.
     */
    public static TemporalAmount parsePeriod(String text) {
        String v = text.trim().toUpperCase(Locale.ROOT);
        try {
            if (v.contains("T")) {
                Duration d = Duration.parse(v);
                return d.isNegative() || d.isZero() ? null : d;
            }
            Period p = Period.parse(v);
            return p.isNegative() || p.isZero() ? null : p;
        } catch (DateTimeParseException | ArithmeticException e) {
            return null;
        }
    }
}
