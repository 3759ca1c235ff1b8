package org.resolutionpolicy.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.resolutionpolicy.api.CustomerCase;
import org.resolutionpolicy.api.Decision;
import org.resolutionpolicy.api.Outcome;
import org.resolutionpolicy.api.Policies;
import org.resolutionpolicy.api.Policy;
import org.resolutionpolicy.api.PolicyLoadException;

/** Money is computed as a finance team checks it by hand: exact sums, and quotients rounded by a stated rule. */
class ExactMoneyTests {

    static final String SHOP = """
            policy: shop
            version: "1"
            currency: %s
            %s
            roles: [agent, supervisor]
            attributes: { itemPrice: number, shippingFee: number, paid: number }
            remedies:
              refund: { unit: money }
            authority:
              agent: { refund: "attributes.paid / 3" }
              supervisor: { refund: unlimited }
            rules:
              - id: refund-above-what-they-paid
                when: "amount > attributes.itemPrice + attributes.shippingFee"
                require: supervisor
                because: A refund above what the customer paid is reviewed
            """;

    static Policy shop(String currency, String rounding) {
        return Policies.parse(SHOP.formatted(currency, rounding));
    }

    static Decision refund(Policy policy, String amount, String itemPrice, String shippingFee, String paid) {
        return policy.decide(CustomerCase.builder().id("C-1").severity("LOW").employee("agent")
                .attribute("itemPrice", new BigDecimal(itemPrice)).attribute("shippingFee", new BigDecimal(shippingFee))
                .attribute("paid", new BigDecimal(paid)).propose("refund", new BigDecimal(amount)).build());
    }

    @Nested
    class Sums {

        @Test
        void a_refund_of_exactly_the_item_plus_shipping_is_not_above_what_the_customer_paid() {
            // 10.1 + 20.2 is 30.299999999999997 in doubles: the refund of 30.30 used to go to a supervisor
            Decision d = refund(shop("EUR", ""), "30.30", "10.10", "20.20", "1000");

            assertThat(d.proposal("refund").outcome().kind()).isEqualTo(Outcome.Kind.ALONE);
        }

        @Test
        void a_cent_more_is_above_it() {
            Decision d = refund(shop("EUR", ""), "30.31", "10.10", "20.20", "1000");

            assertThat(d.proposal("refund").outcome().kind()).isEqualTo(Outcome.Kind.ESCALATE);
        }
    }

    @Nested
    class Quotients {

        @Test
        void an_agent_may_refund_a_third_of_200_which_is_66_67() {
            Policy p = shop("EUR", "");

            assertThat(refund(p, "66.67", "500", "0", "200").proposal("refund").outcome().kind())
                    .isEqualTo(Outcome.Kind.ALONE);
            assertThat(refund(p, "66.68", "500", "0", "200").proposal("refund").outcome().kind())
                    .isEqualTo(Outcome.Kind.ESCALATE);
        }

        @Test
        void the_explanation_shows_the_rounded_limit_and_the_value_before_rounding() {
            Decision d = refund(shop("EUR", ""), "66.68", "500", "0", "200");

            assertThat(d.proposal("refund").reasons()).extracting(org.resolutionpolicy.api.Reason::because)
                    .anySatisfy(because -> assertThat(because).contains("(up to 66.67 per grant: attributes.paid / 3 "
                            + "= 200 / 3 = 66.67 (66.6666666666..., rounded HALF_EVEN to 2 places))"));
        }

        @Test
        void a_currency_without_minor_unit_rounds_to_whole_numbers() {
            Policy yen = shop("JPY", "");

            assertThat(refund(yen, "67", "5000", "0", "200").proposal("refund").outcome().kind())
                    .isEqualTo(Outcome.Kind.ALONE);
            assertThat(refund(yen, "67.5", "5000", "0", "200").proposal("refund").outcome().kind())
                    .isEqualTo(Outcome.Kind.ESCALATE);
        }

        @Test
        void a_policy_may_state_its_rounding() {
            Policy down = shop("EUR", "rounding: { places: 2, mode: DOWN }");

            assertThat(refund(down, "66.66", "500", "0", "200").proposal("refund").outcome().kind())
                    .isEqualTo(Outcome.Kind.ALONE);
            assertThat(refund(down, "66.67", "500", "0", "200").proposal("refund").outcome().kind())
                    .isEqualTo(Outcome.Kind.ESCALATE);
        }

        @Test
        void a_ratio_keeps_the_places_the_policy_asks_for() {
            String ratio = SHOP.formatted("EUR", "rounding: { places: 4 }")
                    .replace("amount > attributes.itemPrice + attributes.shippingFee", "amount / attributes.paid > 0.5");
            Policy p = Policies.parse(ratio);

            assertThat(refund(p, "100.01", "0", "0", "200").proposal("refund").outcome().kind())
                    .isEqualTo(Outcome.Kind.ESCALATE);
        }
    }

    @Nested
    class BadRounding {

        @Test
        void an_unknown_mode_is_a_located_load_error_with_a_suggestion() {
            assertThatThrownBy(() -> shop("EUR", "rounding: { mode: half_even }"))
                    .isInstanceOf(PolicyLoadException.class)
                    .hasMessageContaining(":4:19: error: unknown rounding mode [half_even]")
                    .hasMessageContaining("did you mean [HALF_EVEN]?");
        }

        @Test
        void places_beyond_eighteen_are_a_load_error() {
            assertThatThrownBy(() -> shop("EUR", "rounding: { places: 19 }"))
                    .isInstanceOf(PolicyLoadException.class)
                    .hasMessageContaining(":4:21: error: rounding.places must be a whole number from 0 to 18, not [19]");
        }

        @Test
        void an_unknown_key_is_a_load_error() {
            assertThatThrownBy(() -> shop("EUR", "rounding: { scale: 2 }"))
                    .isInstanceOf(PolicyLoadException.class)
                    .hasMessageContaining("scale");
        }
    }
}
