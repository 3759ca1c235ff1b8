package org.resolutionpolicy.engine.internal.mvel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.resolutionpolicy.api.Customer;
import org.resolutionpolicy.api.CustomerCase;
import org.resolutionpolicy.model.FactCatalog;
import org.resolutionpolicy.model.FactType;
import org.resolutionpolicy.model.Facts;
import org.resolutionpolicy.model.value.Rounding;
import org.resolutionpolicy.model.value.WorkCalendar;

class ValueFunctionsTests {

    static final FactCatalog CATALOG = new FactCatalog(Map.of("paid", FactType.NUMBER, "vip", FactType.BOOLEAN,
            "reportedAt", FactType.DATETIME, "repairedAt", FactType.DATETIME));
    static final ExpressionContext CONTEXT = new ExpressionContext(CATALOG, List.of("LOW", "HIGH"), List.of("agent"),
            Set.of("refund"), Set.of(), WorkCalendar.DEFAULT, Rounding.DEFAULT);

    static Facts facts(Object... keyValues) {
        Map<String, Object> attributes = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            Object v = keyValues[i + 1];
            attributes.put(((String) keyValues[i]).substring("attributes.".length()), v instanceof String s && s.contains("T") ? Instant.parse(s)
                    : v instanceof String s ? new BigDecimal(s) : v);
        }
        CustomerCase c = CustomerCase.builder().severity("LOW").employee("agent")
                .openedAt(Instant.parse("2027-01-31T10:00:00Z")).customer(Customer.builder().build()).build();
        return new Facts(c, 0, 0, Instant.parse("2027-02-01T00:00:00Z"), attributes);
    }

    static BigDecimal amount(String text, Facts facts) throws ExpressionException {
        return SandboxedAmount.compile(text, CONTEXT, false).value(facts);
    }

    static boolean test(String text, Facts facts) throws ExpressionException {
        SandboxedExpression e = SandboxedExpression.compile(text, CONTEXT);
        assertThat(e.testWithTree(facts)).as("tree of " + text).isEqualTo(e.test(facts));
        return e.test(facts);
    }

    @Nested
    @DisplayName("floor, ceil and round are exact")
    class Rounding_ {

        @Test
        void floor_and_ceil_go_to_whole_units_or_to_the_places_asked() throws ExpressionException {
            Facts f = facts("attributes.paid", "200");

            assertThat(amount("floor(attributes.paid / 3)", f)).isEqualByComparingTo("66");
            assertThat(amount("ceil(attributes.paid / 3)", f)).isEqualByComparingTo("67");
            assertThat(amount("floor(-attributes.paid / 3)", f)).isEqualByComparingTo("-67");
            assertThat(amount("ceil(attributes.paid * 0.0125, 1)", f)).isEqualByComparingTo("2.5");
            assertThat(amount("floor(10.19, 1)", f)).isEqualByComparingTo("10.1");
        }

        @Test
        void round_uses_the_policy_mode_and_its_places_unless_told() throws ExpressionException {
            ExpressionContext halfUp = new ExpressionContext(CATALOG, List.of("LOW"), List.of("agent"), Set.of("refund"),
                    Set.of(), WorkCalendar.DEFAULT, new Rounding(2, RoundingMode.HALF_UP));
            Facts f = facts();

            assertThat(amount("round(2.345)", f)).isEqualByComparingTo("2.34");
            assertThat(amount("round(2.5, 0)", f)).isEqualByComparingTo("2");
            assertThat(SandboxedAmount.compile("round(2.345)", halfUp, false).value(f)).isEqualByComparingTo("2.35");
            assertThat(SandboxedAmount.compile("round(2.5, 0)", halfUp, false).value(f)).isEqualByComparingTo("3");
        }

        @Test
        void working_shows_the_rounded_call_with_its_values() throws ExpressionException {
            SandboxedAmount a = SandboxedAmount.compile("round(attributes.paid / 7, 0) * 10", CONTEXT);

            assertThat(a.working(facts("attributes.paid", "100")))
                    .isEqualTo("round(attributes.paid / 7, 0) * 10 = round(100 / 7, 0) * 10 = 140");
        }

        @Test
        void places_must_be_a_whole_number_written_as_one() {
            assertThatThrownBy(() -> amount("round(attributes.paid, attributes.paid)", facts()))
                    .isInstanceOf(ExpressionException.class)
                    .hasMessageContaining("the places of round(..) must be a whole number from 0 to [18]");
            assertThatThrownBy(() -> amount("floor(attributes.paid, 1.5)", facts()))
                    .hasMessageContaining("must be a whole number");
            assertThatThrownBy(() -> amount("ceil()", facts())).hasMessageContaining("takes a number");
            assertThatThrownBy(() -> amount("floor(attributes.vip)", facts())).hasMessageContaining("[floor] needs a number");
        }
    }

    @Nested
    @DisplayName("c ? a : b takes one branch")
    class Conditional {

        @Test
        void takes_the_branch_its_condition_says() throws ExpressionException {
            assertThat(amount("attributes.vip ? 50 : 20", facts("attributes.vip", true))).isEqualByComparingTo("50");
            assertThat(amount("attributes.vip ? 50 : 20", facts("attributes.vip", false))).isEqualByComparingTo("20");
            // an absent true/false fact reads as false, as everywhere
            assertThat(amount("attributes.vip ? 50 : 20", facts())).isEqualByComparingTo("20");
        }

        @Test
        void says_what_absence_means_for_a_fact() throws ExpressionException {
            String text = "attributes.paid != null ? attributes.paid : 0";

            assertThat(amount(text, facts())).isEqualByComparingTo("0");
            assertThat(amount(text, facts("attributes.paid", "12.5"))).isEqualByComparingTo("12.5");
            assertThat(amount("attributes.vip ? attributes.paid : 1", facts("attributes.vip", true))).isNull();
        }

        @Test
        void is_the_lowest_operator_and_groups_to_the_right() throws ExpressionException {
            Facts f = facts("attributes.paid", "150");

            assertThat(amount("attributes.paid > 100 ? 1 : attributes.paid > 50 ? 2 : 3", f)).isEqualByComparingTo("1");
            assertThat(amount("attributes.paid > 200 ? 1 : attributes.paid > 50 ? 2 : 3", f)).isEqualByComparingTo("2");
            assertThat(test("(attributes.paid > 100 ? attributes.paid : 0) >= 150", f)).isTrue();
            assertThat(test("(attributes.vip ? attributes.paid : 0) >= 0", f)).isTrue();
            assertThat(test("(attributes.vip ? 0 : attributes.paid) >= 0", facts())).isFalse();
        }

        @Test
        void refuses_a_condition_that_is_not_true_or_false_and_values_that_are_not_numbers() {
            assertThatThrownBy(() -> amount("attributes.paid ? 1 : 2", facts()))
                    .hasMessageContaining("[?] needs a boolean, but [attributes.paid] is a number");
            assertThatThrownBy(() -> test("attributes.vip ? true : false", facts()))
                    .hasMessageContaining("both values of [c ? a : b] must be numbers")
                    .extracting(t -> ((ExpressionException) t).hint()).asString().contains("(c && a) || (!c && b)");
            assertThatThrownBy(() -> amount("attributes.vip ? 1", facts())).hasMessageContaining("expected [:]");
            assertThatThrownBy(() -> amount("if (attributes.vip) 1 else 2", facts()))
                    .extracting(t -> ((ExpressionException) t).hint()).asString().contains("condition ? value : otherwise");
        }
    }

    @Nested
    @DisplayName("plusMonths and plusDays move a date on the calendar")
    class Dates {

        @Test
        void a_month_after_the_31st_of_january_is_the_last_day_of_february() throws ExpressionException {
            Facts f = facts("attributes.reportedAt", "2027-01-31T10:00:00Z", "attributes.repairedAt",
                    "2027-02-28T12:00:00Z");

            assertThat(test("attributes.repairedAt > plusMonths(attributes.reportedAt, 1)", f)).isTrue();
            assertThat(test("attributes.repairedAt > plusMonths(attributes.reportedAt, 1) && false", f)).isFalse();
            assertThat(amount("daysBetween(attributes.reportedAt, plusMonths(attributes.reportedAt, 1))", f))
                    .isEqualByComparingTo("28");
            assertThat(amount("daysBetween(plusDays(openedAt, -3), openedAt)", f)).isEqualByComparingTo("3");
            assertThat(test("plusMonths('2027-03-31T00:00:00Z', -1) == '2027-02-28T00:00:00Z'", f)).isTrue();
        }

        @Test
        void an_absent_date_or_a_count_that_is_not_whole_has_no_value() throws ExpressionException {
            assertThat(test("openedAt < plusMonths(attributes.reportedAt, 1)", facts())).isFalse();
            assertThat(test("openedAt >= plusMonths(attributes.reportedAt, 1)", facts())).isFalse();
            assertThat(test("openedAt < plusMonths(openedAt, 0.5)", facts())).isFalse();
            assertThat(test("openedAt >= plusMonths(openedAt, 0.5)", facts())).isFalse();
        }

        @Test
        void refuses_what_is_not_a_date_and_a_number() {
            assertThatThrownBy(() -> test("plusMonths(attributes.paid, 1) > openedAt", facts()))
                    .hasMessageContaining("[plusMonths] needs a date");
            assertThatThrownBy(() -> test("plusMonths(openedAt) > openedAt", facts()))
                    .hasMessageContaining("plusMonths(..) takes a date-time and a whole number");
            assertThatThrownBy(() -> test("plusMonths(openedAt, 1) > 3", facts())).hasMessageContaining("cannot compare");
        }
    }
}
