package org.resolutionpolicy.model.value;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.List;
import java.util.Objects;

/**
 * How a policy rounds money: to a number of decimal places with a rounding mode ({@code rounding: {places: 2, mode:
 * HALF_EVEN}}). Every quotient an expression computes ({@code attributes.paid / 3}) is rounded so, and so is every
 * computed amount (a limit, an {@code upTo}, an entitlement); {@code + - *}, {@code %}, {@code min} and {@code max}
 * are exact and never round.
 *
 * <p>The default is the policy currency's minor unit (2 places for EUR and USD, 0 for JPY, 3 for BHD; 2 for a policy
 * without a currency) and {@link RoundingMode#HALF_EVEN}, the rounding of bookkeeping: a third of 200 is 66.67.
 *
 * @param places the decimal places, 0 to {@value #MAX_PLACES}
 * @param mode how a value between two such decimals is rounded; never {@link RoundingMode#UNNECESSARY}
 */
public record Rounding(int places, RoundingMode mode) {

    /** The most decimal places a rounding may keep: as many as a number may have. */
    public static final int MAX_PLACES = 18;
    /** The rounding of a policy that names no currency and no rounding: 2 places, half to even. */
    public static final Rounding DEFAULT = new Rounding(2, RoundingMode.HALF_EVEN);
    /** The modes a policy may name, as it names them. */
    public static final List<String> MODES = List.of("HALF_EVEN", "HALF_UP", "HALF_DOWN", "UP", "DOWN", "CEILING",
            "FLOOR");

    /** Checks the places and the mode. */
    public Rounding {
        Objects.requireNonNull(mode, "mode");
        if (places < 0 || places > MAX_PLACES) {
            throw new IllegalArgumentException("places must be 0 to " + MAX_PLACES + ", was " + places);
        }
        if (mode == RoundingMode.UNNECESSARY) {
            throw new IllegalArgumentException("a rounding must round: UNNECESSARY is no rounding mode here");
        }
    }

    /**
     * Returns the default rounding of a currency: its minor unit, half to even.
     *
     * @param currency an ISO 4217 code, or null for a policy without a currency
     * @return the currency's rounding; {@link #DEFAULT} for null, or for a code Java does not know or that has no
     *         minor unit (gold, XAU)
     */
    public static Rounding of(String currency) {
        return new Rounding(minorUnit(currency), RoundingMode.HALF_EVEN);
    }

    /** Returns the places of a currency's minor unit: 2 for EUR, 0 for JPY, 3 for BHD; 2 when it has none or is null. */
    public static int minorUnit(String currency) {
        if (currency == null) {
            return DEFAULT.places;
        }
        try {
            int digits = Currency.getInstance(currency).getDefaultFractionDigits();
            return digits < 0 ? DEFAULT.places : digits;
        } catch (IllegalArgumentException unknown) {
            return DEFAULT.places;
        }
    }

    /** Returns the value rounded to this rounding's places, normalised (no trailing zeros: 66.70 is 66.7). */
    public BigDecimal round(BigDecimal value) {
        if (value.scale() <= places) {
            return value;
        }
        return Values.normalize(value.setScale(places, mode));
    }

    /**
     * Divides, rounding the quotient; null when the divisor is zero (a quotient that does not exist, which the
     * expression language treats as an absent value).
     */
    public BigDecimal divide(BigDecimal dividend, BigDecimal divisor) {
        if (divisor.signum() == 0) {
            return null;
        }
        return Values.normalize(dividend.divide(divisor, places, mode));
    }

    /** Says the rule in words, as explanations show it: {@code HALF_EVEN to 2 places}. */
    @Override
    public String toString() {
        return mode + " to " + places + (places == 1 ? " place" : " places");
    }
}
