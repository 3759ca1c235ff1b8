package org.resolutionpolicy.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.resolutionpolicy.api.Outcome;
import org.resolutionpolicy.api.Policies;
import org.resolutionpolicy.api.Policy;

/** What the analysis cannot decide is said, never guessed: no formula, no time. */
class LimitsTests {

    static final Policy NONLINEAR = Policies.parse(nonlinear());

    static final Guarantee AGENT_NEVER_DENIED_SMALL = new Guarantee("an agent is never denied a refund of 10",
            "test", Map.of("employee.role", "agent", "remedy", "refund", "amount", Map.of("atMost", 10)),
            new Guarantee.Expectation(false, Set.of(Outcome.Kind.DENIED), null));

    @Test
    void a_condition_without_a_formula_is_left_out_and_said_so() {
        Report r = Analysis.of(NONLINEAR).findings();
        assertThat(r.leftOut()).singleElement().asString().contains("rule [rate-times-amount] has no formula")
                .contains("not linear");
        assertThat(r.findings()).noneMatch(f -> "rate-times-amount".equals(f.subject()));
        assertThat(r.hasInternalErrors()).isFalse();
    }

    @Test
    void a_guarantee_a_left_out_rule_could_violate_is_unknown_not_proven() {
        GuaranteeResult result = Analysis.of(NONLINEAR).prove(List.of(AGENT_NEVER_DENIED_SMALL)).get(0);
        // the deny may match (rate 20 and amount 10 make 200): the solver takes it as matching, the engine
        // decides the case it found, and unless the engine agrees the result is unknown, never proven
        assertThat(result.status()).isIn(GuaranteeResult.Status.UNKNOWN, GuaranteeResult.Status.VIOLATED);
        if (result.status() == GuaranteeResult.Status.VIOLATED) {
            assertThat(NONLINEAR.decide(org.resolutionpolicy.api.Cases.parse(
                    result.counterexampleJson())).proposals().get(0).outcome()).isEqualTo(Outcome.denied());
        }
    }

    @Test
    void out_of_time_is_not_decided_never_holds() {
        Analysis hurried = Analysis.of(PlantedDefectsTests.PLANTED).withTimeLimit(Duration.ofNanos(1));
        assertThat(hurried.prove(List.of(AGENT_NEVER_DENIED_SMALL))).extracting(GuaranteeResult::status)
                .containsOnly(GuaranteeResult.Status.UNKNOWN);
        Report r = hurried.findings();
        // what the solver refutes before it looks at the clock (above 100 and below 50) may still be found
        assertThat(r.of(Finding.Kind.NOT_DECIDED)).isNotEmpty();
        assertThat(r.hasInternalErrors()).isFalse();
    }

    static String nonlinear() {
        return """
                policy: nonlinear
                version: "1"
                roles: [agent, manager]
                attributes: { rate: number }
                remedies: { refund: { unit: money } }
                authority: { agent: { refund: 50 }, manager: { refund: 500 } }
                rules:
                  - id: rate-times-amount
                    when: "amount * attributes.rate > 100"
                    deny: true
                    because: A product of two facts is not linear
                """;
    }
}
