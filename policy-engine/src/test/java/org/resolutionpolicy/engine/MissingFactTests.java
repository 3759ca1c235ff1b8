package org.resolutionpolicy.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.resolutionpolicy.api.CustomerCase;
import org.resolutionpolicy.api.InvalidCaseException;
import org.resolutionpolicy.api.Outcome;
import org.resolutionpolicy.api.Policies;
import org.resolutionpolicy.api.Policy;

/**
 * A computed limit or entitlement that needs a fact the case lacks makes the case invalid, naming the fact, unless
 * the policy says what absence means (issue 33); it used to count as 0 and send every grant up the ladder.
 */
class MissingFactTests {

    static Policy policy(String agentRefund, String entitled) {
        return Policies.parse("""
                policy: missing
                version: "1"
                roles: [agent, supervisor]
                attributes: { paid: number, daysLate: number, distanceKm: number }
                remedies: { refund: { unit: money }, compensation: { unit: money } }
                authority:
                  agent: { refund: "%s", compensation: 10 }
                  supervisor: { refund: unlimited, compensation: 1000 }
                tables:
                  band:
                    inputs: [attributes.distanceKm]
                    rows:
                      - [{ atMost: 1500 }, 250]
                      - [{ above: 1500 }, 400]
                rules:
                  - id: scheme
                    remedies: [compensation]
                    entitled: "%s"
                    because: The scheme amount
                """.formatted(agentRefund, entitled));
    }

    static CustomerCase.Builder agent() {
        return CustomerCase.builder().id("C-7").severity("LOW").employee("agent");
    }

    @Test
    void a_limit_that_needs_an_absent_fact_names_it() {
        Policy p = policy("attributes.paid / 2", "12");

        assertThatThrownBy(() -> p.decide(agent().propose("refund", 10).build()))
                .isInstanceOf(InvalidCaseException.class)
                .hasMessageContaining("invalid case [C-7]")
                .hasMessageContaining("attributes.paid: missing: the limit [attributes.paid / 2] needs it")
                .hasMessageContaining("[attributes.paid != null ? attributes.paid : 0]");
        assertThat(p.decide(agent().attribute("paid", 40).propose("refund", 10).build()).proposal("refund").outcome())
                .isEqualTo(Outcome.alone());
    }

    @Test
    void the_policy_says_what_absence_means_with_a_conditional() {
        Policy p = policy("attributes.paid != null ? attributes.paid / 2 : 0", "12");

        assertThat(p.decide(agent().propose("refund", 10).build()).proposal("refund").outcome())
                .isEqualTo(Outcome.escalate("supervisor"));
        assertThat(p.decide(agent().attribute("paid", 40).propose("refund", 10).build()).proposal("refund").outcome())
                .isEqualTo(Outcome.alone());
    }

    @Test
    void an_entitlement_that_needs_an_absent_fact_names_it_through_tables() {
        Policy perDay = policy("100", "12 * attributes.daysLate");
        Policy band = policy("100", "tables.band");

        assertThatThrownBy(() -> perDay.decide(agent().propose("compensation", 5).build()))
                .isInstanceOf(InvalidCaseException.class)
                .hasMessageContaining("attributes.daysLate: missing: the entitlement [12 * attributes.daysLate]");
        assertThatThrownBy(() -> band.decide(agent().propose("compensation", 5).build()))
                .hasMessageContaining("attributes.distanceKm: missing: the entitlement [tables.band]");
        assertThat(band.decide(agent().attribute("distanceKm", 2000).propose("compensation", 300).build())
                .proposal("compensation").outcome()).isEqualTo(Outcome.alone());
    }

    @Test
    void a_limit_without_a_value_for_another_reason_still_counts_as_zero() {
        Policy p = policy("attributes.paid / (attributes.paid - attributes.paid)", "12");

        assertThat(p.decide(agent().attribute("paid", 40).propose("refund", 10).build()).proposal("refund").outcome())
                .isEqualTo(Outcome.escalate("supervisor"));
    }

    @Test
    void a_fact_read_only_under_a_comparison_or_in_the_branch_not_taken_is_not_needed() {
        Policy p = policy("attributes.daysLate > 3 ? attributes.paid : 20", "12");

        assertThat(p.decide(agent().propose("refund", 10).build()).proposal("refund").outcome())
                .isEqualTo(Outcome.alone());
        assertThatThrownBy(() -> p.decide(agent().attribute("daysLate", 5).propose("refund", 10).build()))
                .hasMessageContaining("attributes.paid: missing");
    }
}
