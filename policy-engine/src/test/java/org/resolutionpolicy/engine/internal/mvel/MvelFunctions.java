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
}
