package org.resolutionpolicy.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.resolutionpolicy.api.CaseProblem;
import org.resolutionpolicy.api.Customer;
import org.resolutionpolicy.api.CustomerCase;
import org.resolutionpolicy.api.HistoryEntry;
import org.resolutionpolicy.api.Impact;
import org.resolutionpolicy.api.InvalidCaseException;
import org.resolutionpolicy.api.Outcome;
import org.resolutionpolicy.api.Policies;
import org.resolutionpolicy.api.Policy;
import org.resolutionpolicy.api.PolicyLoadException;

/**
 * Expressions and matchers compute with the same exact decimals, so both forms decide alike for every amount the
 * engine accepts; a number is bounded at 18 digits before and 18 after the point, and one beyond is refused as too
 * large or too precise, naming its field (issues 19 and 28).
 */
class ExactAmountTests {

    static String policy(String when) {
        return """
                policy: exact
                version: "1"
                roles: [agent, manager]
                attributes: { delayHours: number }
                remedies:
                  refund: { unit: money }
                authority:
                  agent: { refund: 1000 }
                  manager: { refund: unlimited }
                rules:
                  - id: big
                    when: %s
                    deny: true
                    because: too big
                """.formatted(when);
    }

    static final Policy EXPRESSION = Policies.parse(policy("\"amount > 100\""));
    static final Policy MATCHER = Policies.parse(policy("{ amount: { above: 100 } }"));

    static CustomerCase.Builder refund(String amount) {
        return CustomerCase.builder().id("C").severity("LOW").employee("agent").propose("refund", new BigDecimal(amount));
    }

    @Test
    void an_amount_a_double_cannot_tell_from_a_threshold_is_decided_exactly_by_both_forms() {
        CustomerCase c = refund("100.000000000000000001").build();

        assertThat(EXPRESSION.decide(c).proposal("refund").outcome().kind()).isEqualTo(Outcome.Kind.DENIED);
        assertThat(MATCHER.decide(c).proposal("refund").outcome().kind()).isEqualTo(Outcome.Kind.DENIED);
    }

    @Test
    void an_amount_of_more_than_eighteen_places_is_refused_as_too_precise_by_both_forms() {
        CustomerCase c = refund("100.0000000000000000001").build();

        for (Policy p : new Policy[] {EXPRESSION, MATCHER}) {
            assertThatThrownBy(() -> p.decide(c)).isInstanceOf(InvalidCaseException.class)
                    .satisfies(e -> assertThat(((InvalidCaseException) e).problems()).extracting(CaseProblem::field)
                            .containsExactly("proposals[0].amount"))
                    .hasMessageContaining("is too precise: [19] digits after the point, at most [18]");
        }
    }

    @Test
    void fifteen_significant_digits_are_accepted_and_decided_alike() {
        CustomerCase c = refund("100.000000000001").build();

        assertThat(EXPRESSION.decide(c).proposal("refund").outcome().kind()).isEqualTo(Outcome.Kind.DENIED);
        assertThat(MATCHER.decide(c).proposal("refund").outcome().kind()).isEqualTo(Outcome.Kind.DENIED);
    }

    @Test
    void trailing_zeros_are_not_significant() {
        CustomerCase c = refund("100.00000000000000000000").build();

        assertThat(EXPRESSION.decide(c).proposal("refund").outcome().kind()).isNotEqualTo(Outcome.Kind.DENIED);
        assertThat(MATCHER.decide(c).proposal("refund").outcome().kind()).isNotEqualTo(Outcome.Kind.DENIED);
    }

    @Test
    void an_amount_beyond_eighteen_places_is_refused() {
        assertThatThrownBy(() -> EXPRESSION.decide(refund("1E+30").build()))
                .isInstanceOf(InvalidCaseException.class)
                .hasMessageContaining("proposals[0].amount: is too large: [31] digits before the point, at most [18]");
        assertThatThrownBy(() -> EXPRESSION.decide(refund("1E-400").build()))
                .isInstanceOf(InvalidCaseException.class)
                .hasMessageContaining("proposals[0].amount: is too precise: [400] digits after the point, at most [18]");
    }

    @Test
    void number_attributes_history_and_out_of_pocket_amounts_follow_the_same_rule() {
        BigDecimal long20 = new BigDecimal("1.0000000000000000001");
        CustomerCase c = refund("5")
                .attribute("delayHours", long20)
                .customer(Customer.builder().history(new HistoryEntry("refund", long20, Instant.parse("2026-01-01T00:00:00Z"))).build())
                .impact(Impact.builder().outOfPocket(long20).build())
                .build();

        assertThatThrownBy(() -> EXPRESSION.decide(c)).isInstanceOf(InvalidCaseException.class)
                .satisfies(e -> assertThat(((InvalidCaseException) e).problems()).extracting(CaseProblem::field)
                        .containsExactly("attributes.delayHours", "customer.history[0].amount", "impact.outOfPocket"));
    }

    @Test
    void an_expression_number_of_more_than_eighteen_places_is_a_located_load_error() {
        assertThatThrownBy(() -> Policies.parse(policy("\"amount > 100.0000000000000000001\"")))
                .isInstanceOf(PolicyLoadException.class)
                .hasMessageContaining("number [100.0000000000000000001] is too precise: [19] digits after the point, "
                        + "at most [18]")
                .hasMessageContaining(":12:21:");
    }

    @Test
    void an_expression_number_of_eighteen_places_is_exact() {
        Policy p = Policies.parse(policy("\"amount > 100.000000000000000001\""));

        assertThat(p.decide(refund("100.000000000000000001").build()).proposal("refund").outcome().kind())
                .isNotEqualTo(Outcome.Kind.DENIED);
        assertThat(p.decide(refund("100.000000000000000002").build()).proposal("refund").outcome().kind())
                .isEqualTo(Outcome.Kind.DENIED);
    }

    @Test
    void leading_and_trailing_zeros_of_an_expression_number_are_not_significant() {
        Policy p = Policies.parse(policy("\"amount > 0.0001000000000\""));

        assertThat(p.decide(refund("0.0001000000000001").build()).proposal("refund").outcome().kind()).isEqualTo(Outcome.Kind.DENIED);
        assertThat(p.decide(refund("0.0001").build()).proposal("refund").outcome().kind()).isNotEqualTo(Outcome.Kind.DENIED);
    }
}
