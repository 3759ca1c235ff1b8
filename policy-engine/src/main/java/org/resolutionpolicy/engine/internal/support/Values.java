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

    /** The earliest date-time any source or case may hold: the start of year 0000, UTC. */
    public static final Instant MIN_INSTANT = Instant.parse("0000-01-01T00:00:00Z");
    /** The latest date-time any source or case may hold: the end of year 9999, UTC. */
    public static final Instant MAX_INSTANT = Instant.parse("9999-12-31T23:59:59.999999999Z");
    /** The supported dates, as messages name them. */
    public static final String DATE_RANGE = "[0000-01-01] to [9999-12-31] UTC";

    private Values() {
    }

    /** Strips trailing zeros so that 15 and 15.00 print and compare alike, keeping integers unscaled. */
    public static BigDecimal normalize(BigDecimal value) {
        if (value.scale() == 0) {
            return value; // a whole number written without a point: already as it should be
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    /**
     * Parses the literal of a number as YAML and JSON write it ({@code 12.5}, {@code +3}, {@code 1e3}, with YAML's
     * {@code _} separators), normalised, or returns null when it is no number or one no amount or limit can be: over
     * 40 characters, or more than 20 digits before or after the point (an exponent such as {@code 1e999999} would
     * expand to a million digits).
     */
    public static BigDecimal numberOrNull(String literal) {
        String value = literal.replace("_", "");
        if (value.length() > 40) {
            return null;
        }
        try {
            BigDecimal n = new BigDecimal(value.startsWith("+") ? value.substring(1) : value);
            if (n.signum() != 0 && (n.precision() - n.scale() > 20 || n.scale() > 20)) {
                return null;
            }
            return normalize(n);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Returns true if the number has a fractional part (2.5), false for a whole number (2, 2.00). */
    public static boolean hasFraction(BigDecimal value) {
        return value.stripTrailingZeros().scale() > 0;
    }

    /**
     * Parses an ISO-8601 date-time or date (UTC midnight) within {@link #MIN_INSTANT} and {@link #MAX_INSTANT}, or
     * returns null. Dates outside (years of nine digits parse as ISO-8601) would overflow epoch milliseconds, which
     * expressions compare; {@link #isOutsideDateRange} tells the two reasons for null apart.
     */
    public static Instant parseInstant(String text) {
        Instant instant = parseAnyInstant(text);
        return instant == null || isOutsideDateRange(instant) ? null : instant;
    }

    /** Returns true if the text is an ISO-8601 date-time or date, but outside the supported dates. */
    public static boolean isOutsideDateRange(String text) {
        Instant instant = parseAnyInstant(text);
        return instant != null && isOutsideDateRange(instant);
    }

    /** Returns true if the instant is before {@link #MIN_INSTANT} or after {@link #MAX_INSTANT}. */
    public static boolean isOutsideDateRange(Instant instant) {
        return instant.isBefore(MIN_INSTANT) || instant.isAfter(MAX_INSTANT);
    }

    /**
     * Returns the instant as epoch milliseconds in a double, as expressions compare dates; never overflows (an
     * instant given through the API may lie outside the supported dates): beyond the range of a long, the
     * milliseconds are computed from the seconds in floating point.
     */
    public static double epochMillis(Instant instant) {
        long seconds = instant.getEpochSecond();
        if (Math.abs(seconds) < Long.MAX_VALUE / 1000 - 1) {
            return (double) instant.toEpochMilli();
        }
        return seconds * 1000.0;
    }

    private static Instant parseAnyInstant(String text) {
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
        return parsePeriod(text, null);
    }

    /**
     * Parses a positive ISO-8601 period or duration, or a number of business days on a calendar ({@code P7BD},
     * a {@link org.resolutionpolicy.api.BusinessDays}); returns null for anything else, and for business days
     * without a calendar.
     */
    public static TemporalAmount parsePeriod(String text, WorkCalendar calendar) {
        String v = text.trim().toUpperCase(Locale.ROOT);
        if (v.matches("P[0-9]{1,5}BD")) {
            int days = Integer.parseInt(v.substring(1, v.length() - 2));
            return calendar == null || days == 0 ? null : calendar.days(days);
        }
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

    /** Returns true if a text is an ISO 4217 currency code as written: three capital letters, such as {@code EUR}. */
    public static boolean isCurrencyCode(String text) {
        if (text == null || text.length() != 3) {
            return false;
        }
        for (int i = 0; i < 3; i++) {
            char c = text.charAt(i);
            if (c < 'A' || c > 'Z') {
                return false;
            }
        }
        return true;
    }
}
