package org.resolutionpolicy.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.resolutionpolicy.api.Cases;
import org.resolutionpolicy.api.Outcome;
import org.resolutionpolicy.api.Policies;
import org.resolutionpolicy.api.Policy;

/**
 * The analysis models {@code floor}, {@code ceil}, {@code round} and {@code c ? a : b} as the engine computes them,
 * and leaves date arithmetic ({@code plusMonths}) out, saying so: never a proof beyond what it encodes (issue 33).
 */
class ExpressionFunctionsTests {

    static final String POLICY = """
            policy: shaped
            version: "1"
            currency: EUR
            roles: [agent, supervisor]
            attributes: { paid: number, vip: boolean, reportedAt: date }
            remedies:
              refund: { unit: money }
            authority:
              agent: { refund: "%s" }
              supervisor: { refund: unlimited }
            """;

    static Guarantee neverAloneAbove(String above, Map<String, Object> facts) {
        Map<String, Object> when = new LinkedHashMap<>(facts);
        when.put("employee.role", "agent");
        when.put("remedy", "refund");
        when.put("amount", Map.of("above", new BigDecimal(above)));
        return new Guarantee("agents never refund more than " + above + " alone", "test", when,
                new Guarantee.Expectation(false, Set.of(Outcome.Kind.ALONE), null));
    }

    static GuaranteeResult prove(Policy policy, Guarantee g) {
        GuaranteeResult result = Analysis.of(policy).prove(List.of(g)).get(0);
        if (result.status() == GuaranteeResult.Status.VIOLATED) {
            assertThat(policy.decide(Cases.parse(result.counterexampleJson())).proposals().get(0).outcome())
                    .isEqualTo(Outcome.alone());
        }
        return result;
    }

    @Test
    void floor_and_ceil_of_a_third_are_modelled_to_the_cent() {
        Policy floor = Policies.parse(POLICY.formatted("floor(attributes.paid / 3)"));
        Policy ceil = Policies.parse(POLICY.formatted("ceil(attributes.paid / 3, 1)"));
        Map<String, Object> paid = Map.of("attributes.paid", 200);

        assertThat(prove(floor, neverAloneAbove("66", paid)).status()).isEqualTo(GuaranteeResult.Status.PROVEN);
        assertThat(prove(floor, neverAloneAbove("65.99", paid)).status()).isEqualTo(GuaranteeResult.Status.VIOLATED);
        assertThat(prove(ceil, neverAloneAbove("66.7", paid)).status()).isEqualTo(GuaranteeResult.Status.PROVEN);
        assertThat(prove(ceil, neverAloneAbove("66.69", paid)).status()).isEqualTo(GuaranteeResult.Status.VIOLATED);
    }

    @Test
    void round_follows_the_policy_mode() {
        Policy round = Policies.parse(POLICY.formatted("round(attributes.paid / 8, 1)"));
        Map<String, Object> paid = Map.of("attributes.paid", 2);

        // 2 / 8 is 0.25, rounded half to even to one place: 0.2
        assertThat(prove(round, neverAloneAbove("0.2", paid)).status()).isEqualTo(GuaranteeResult.Status.PROVEN);
        assertThat(prove(round, neverAloneAbove("0.19", paid)).status()).isEqualTo(GuaranteeResult.Status.VIOLATED);
    }

    @Test
    void a_conditional_limit_is_the_branch_the_case_takes() {
        Policy vip = Policies.parse(POLICY.formatted("attributes.vip ? 100 : 50"));

        assertThat(prove(vip, neverAloneAbove("50", Map.of("attributes.vip", false))).status())
                .isEqualTo(GuaranteeResult.Status.PROVEN);
        assertThat(prove(vip, neverAloneAbove("50", Map.of())).status()).isEqualTo(GuaranteeResult.Status.VIOLATED);
        assertThat(prove(vip, neverAloneAbove("100", Map.of())).status()).isEqualTo(GuaranteeResult.Status.PROVEN);
    }

    @Test
    void month_arithmetic_is_left_out_and_never_proven() {
        Policy months = Policies.parse(POLICY.formatted("attributes.paid") + """
                rules:
                  - id: late-report
                    when: "openedAt > plusMonths(attributes.reportedAt, 2)"
                    remedies: [refund]
                    require: supervisor
                    because: Reports after two months are reviewed
                """);

        Report report = Analysis.of(months).findings();
        assertThat(report.leftOut()).singleElement().asString().contains("late-report").contains("plusMonths");
        assertThat(prove(months, neverAloneAbove("1000", Map.of("attributes.paid", 2000))).status())
                .isNotEqualTo(GuaranteeResult.Status.PROVEN);
    }
}
