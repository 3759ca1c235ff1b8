package org.resolutionpolicy.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.resolutionpolicy.api.CustomerCase;
import org.resolutionpolicy.api.InvalidCaseException;
import org.resolutionpolicy.api.Outcome;
import org.resolutionpolicy.api.Policies;
import org.resolutionpolicy.api.Policy;

/**
 * For every amount the engine accepts and every threshold the loader accepts, a comparison matcher and the same
 * comparison in an expression decide alike, though expressions compare doubles and matchers exact decimals.
 */
class ExactAmountProperties {

    /** A matcher, and the expression operator that means the same. */
    enum Comparison {
        ABOVE("above", ">"), AT_LEAST("atLeast", ">="), BELOW("below", "<"), AT_MOST("atMost", "<="), EQUALS(null, "==");

        final String matcher;
        final String operator;

        Comparison(String matcher, String operator) {
            this.matcher = matcher;
            this.operator = operator;
        }

        String when(BigDecimal t) {
            return matcher == null ? "{ amount: " + t.toPlainString() + " }" : "{ amount: { " + matcher + ": " + t.toPlainString() + " } }";
        }
    }

    @Property(tries = 300, edgeCases = EdgeCasesMode.MIXIN)
    void a_matcher_and_its_expression_decide_every_accepted_amount_alike(
            @ForAll("thresholds") BigDecimal threshold, @ForAll("nearby") BigDecimal offset, @ForAll Comparison comparison) {
        // amounts next to the threshold are where doubles and decimals part; beyond 15 digits the case is refused
        BigDecimal amount = threshold.add(offset).abs();
        Policy matcher = Policies.parse(ExactAmountTests.policy(comparison.when(threshold)));
        Policy expression = Policies.parse(ExactAmountTests.policy("\"amount " + comparison.operator + " " + threshold.toPlainString() + "\""));
        CustomerCase c = ExactAmountTests.refund(amount.toPlainString()).build();

        Object byMatcher = outcome(matcher, c);
        Object byExpression = outcome(expression, c);

        assertThat(byExpression).as("amount %s %s %s", amount.toPlainString(), comparison.operator, threshold.toPlainString())
                .isEqualTo(byMatcher);
        int exact = amount.compareTo(threshold);
        boolean holds = switch (comparison) {
            case ABOVE -> exact > 0;
            case AT_LEAST -> exact >= 0;
            case BELOW -> exact < 0;
            case AT_MOST -> exact <= 0;
            case EQUALS -> exact == 0;
        };
        if (!(byMatcher instanceof String)) {
            assertThat(byMatcher == Outcome.Kind.DENIED).as("the exact comparison").isEqualTo(holds);
        }
    }

    /** Returns the outcome's kind, or the refusal's message. */
    static Object outcome(Policy policy, CustomerCase c) {
        try {
            return policy.decide(c).proposal("refund").outcome().kind();
        } catch (InvalidCaseException e) {
            return e.getMessage();
        }
    }

    @Provide
    Arbitrary<BigDecimal> thresholds() {
        // up to 15 significant digits at scales from whole numbers to 10^-8
        return Combinators.combine(Arbitraries.longs().between(0, 999_999_999_999_999L), Arbitraries.integers().between(0, 8))
                .as((unscaled, scale) -> BigDecimal.valueOf(unscaled, scale));
    }

    @Provide
    Arbitrary<BigDecimal> nearby() {
        return Arbitraries.oneOf(
                Arbitraries.just(BigDecimal.ZERO),
                Combinators.combine(Arbitraries.integers().between(-9, 9), Arbitraries.integers().between(0, 25))
                        .as((digit, scale) -> BigDecimal.valueOf(digit, scale)),
                Arbitraries.bigDecimals().between(new BigDecimal("-1000"), new BigDecimal("1000")).ofScale(6)
                        .map(d -> d.round(new MathContext(15, RoundingMode.HALF_EVEN))));
    }
}
