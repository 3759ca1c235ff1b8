package org.resolutionpolicy.engine.internal.mvel;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Functions the MVEL source of {@link MvelOracle} calls: public, in a package the tests export to MVEL (see the
 * surefire {@code argLine}), since MVEL calls them reflectively.
 */
public final class MvelFunctions {

    private MvelFunctions() {
    }

    /**
     * Divides as the engine's default rounding does (2 places, half to even): MVEL's own {@code /} is a double
     * division. The generated source guards every divisor, so a zero here is never compared.
     *
     * @param dividend the dividend, a double that holds the test's decimal exactly
     * @param divisor the divisor
     * @return the rounded quotient, NaN for a zero divisor
     */
    public static double div(double dividend, double divisor) {
        if (divisor == 0) {
            return Double.NaN;
        }
        return BigDecimal.valueOf(dividend).divide(BigDecimal.valueOf(divisor), 2, RoundingMode.HALF_EVEN).doubleValue();
    }

    /** Rounds down to a number of places, exactly, as the engine's {@code floor(x, places)}. */
    public static double floorTo(double value, int places) {
        return BigDecimal.valueOf(value).setScale(places, RoundingMode.FLOOR).doubleValue();
    }

    /** Rounds up to a number of places, exactly, as the engine's {@code ceil(x, places)}. */
    public static double ceilTo(double value, int places) {
        return BigDecimal.valueOf(value).setScale(places, RoundingMode.CEILING).doubleValue();
    }

    /** Rounds half to even to a number of places, as the engine's {@code round(x, places)} under the default rounding. */
    public static double roundTo(double value, int places) {
        return BigDecimal.valueOf(value).setScale(places, RoundingMode.HALF_EVEN).doubleValue();
    }

    /**
     * Adds whole months to a date given as epoch milliseconds, on the UTC calendar; NaN (no value) for a count that
     * is not whole, as the engine's {@code plusMonths}.
     */
    public static double plusMonths(double epochMillis, double months) {
        if (months != Math.rint(months)) {
            return Double.NaN;
        }
        return (double) java.time.Instant.ofEpochMilli((long) epochMillis).atZone(java.time.ZoneOffset.UTC)
                .plusMonths((long) months).toInstant().toEpochMilli();
    }
}
