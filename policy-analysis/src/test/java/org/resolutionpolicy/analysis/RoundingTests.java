package org.resolutionpolicy.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.resolutionpolicy.api.Cases;
import org.resolutionpolicy.api.Outcome;
import org.resolutionpolicy.api.Policies;
import org.resolutionpolicy.api.Policy;

/**
 * The analysis rounds money as the engine does: a limit of a third of 200 is 66.67, not 66.666..., so a guarantee
 * that an agent never refunds more than 66.669 alone is broken (by 66.67), never proven (issue 28, class 4 of issue 29).
 */
class RoundingTests {

    static final String POLICY = """
            policy: thirds
            version: "1"
            currency: EUR
            %s
            roles: [agent, supervisor]
            attributes: { paid: number }
            remedies:
              refund: { unit: money }
            authority:
              agent: { refund: "attributes.paid / 3" }
              supervisor: { refund: unlimited }
            """;

    static Guarantee neverAloneAbove(String above) {
        return new Guarantee("agents never refund more than " + above + " alone", "test",
                Map.of("employee.role", "agent", "remedy", "refund", "attributes.paid", 200,
                        "amount", Map.of("above", new java.math.BigDecimal(above))),
                new Guarantee.Expectation(false, Set.of(Outcome.Kind.ALONE), null));
    }

    @Test
    void a_limit_rounded_up_to_the_cent_breaks_a_guarantee_below_it_and_the_engine_agrees() {
        Policy policy = Policies.parse(POLICY.formatted(""));

        GuaranteeResult result = Analysis.of(policy).prove(List.of(neverAloneAbove("66.669"))).get(0);

        assertThat(result.status()).isEqualTo(GuaranteeResult.Status.VIOLATED);
        assertThat(policy.decide(Cases.parse(result.counterexampleJson())).proposals().get(0).outcome())
                .isEqualTo(Outcome.alone());
    }

    @Test
    void the_rounded_limit_itself_is_proven() {
        Policy policy = Policies.parse(POLICY.formatted(""));

        assertThat(Analysis.of(policy).prove(List.of(neverAloneAbove("66.67"))).get(0).status())
                .isEqualTo(GuaranteeResult.Status.PROVEN);
    }

    @Test
    void a_stated_rounding_down_is_modelled_too() {
        Policy policy = Policies.parse(POLICY.formatted("rounding: { mode: DOWN }"));

        assertThat(Analysis.of(policy).prove(List.of(neverAloneAbove("66.66"))).get(0).status())
                .isEqualTo(GuaranteeResult.Status.PROVEN);
        assertThat(Analysis.of(policy).prove(List.of(neverAloneAbove("66.659"))).get(0).status())
                .isEqualTo(GuaranteeResult.Status.VIOLATED);
    }
}
