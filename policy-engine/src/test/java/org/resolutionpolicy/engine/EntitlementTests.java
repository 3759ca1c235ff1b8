package org.resolutionpolicy.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.resolutionpolicy.api.CustomerCase;
import org.resolutionpolicy.api.Decision;
import org.resolutionpolicy.api.Entitlement;
import org.resolutionpolicy.api.Latitude;
import org.resolutionpolicy.api.Limit;
import org.resolutionpolicy.api.Outcome;
import org.resolutionpolicy.api.Policies;
import org.resolutionpolicy.api.Policy;
import org.resolutionpolicy.api.Problem;
import org.resolutionpolicy.api.ProposalDecision;

/** Amounts computed from a case's facts: {@code entitled:}, a grant's {@code upTo} and authority limits. */
class EntitlementTests {

    static final String HEADER = """
            policy: repairs
            version: "1"
            roles: [agent, supervisor]
            attributes: { daysLate: number, paid: number }
            remedies:
              compensation: { unit: money }
              refund: { unit: money }
            authority:
              supervisor: { compensation: 1000, refund: "attributes.paid" }
            rules:
            """;

    static Policy withRules(String rules) {
        return Policies.parse(HEADER + rules.indent(2));
    }

    static CustomerCase.Builder aCase() {
        return CustomerCase.builder().id("C-1").severity("LOW").employee("agent")
                .openedAt(Instant.parse("2026-11-20T12:00:00Z"));
    }

    @Nested
    @DisplayName("entitled: <amount>")
    class Entitled {
        final Policy policy = withRules("""
                - id: per-day-late
                  when: { attributes.daysLate: { above: 2 } }
                  remedies: [compensation]
                  entitled: "12 * attributes.daysLate"
                  because: The scheme pays 12 for each day late
                """);

        @Test
        void lets_every_employee_grant_the_entitlement_and_reports_its_arithmetic() {
            ProposalDecision d = policy.decide(aCase().attribute("daysLate", 8).propose("compensation", 96).build())
                    .proposal("compensation");

            assertThat(d.outcome()).isEqualTo(Outcome.alone());
            assertThat(d.entitlement()).isEqualTo(new Entitlement(new BigDecimal("96"), "per-day-late",
                    "12 * attributes.daysLate = 12 * 8 = 96"));
            assertThat(d.entitlement()).hasToString("entitled to 96 = 12 * attributes.daysLate = 12 * 8");
        }

        @Test
        void escalates_more_than_the_entitlement_and_says_what_the_scheme_amount_is() {
            ProposalDecision d = policy.decide(aCase().attribute("daysLate", 8).propose("compensation", 100).build())
                    .proposal("compensation");

            assertThat(d.outcome()).isEqualTo(Outcome.escalate("supervisor"));
            assertThat(d.entitled()).map(Entitlement::amount).contains(new BigDecimal("96"));
            assertThat(d.reasons().get(d.reasons().size() - 1).because()).contains("up to 96 per grant");
        }

        @Test
        void is_absent_when_the_rule_does_not_match() {
            ProposalDecision d = policy.decide(aCase().attribute("daysLate", 1).propose("compensation", 10).build())
                    .proposal("compensation");

            assertThat(d.entitlement()).isNull();
            assertThat(d.outcome()).isEqualTo(Outcome.escalate("supervisor"));
        }

        @Test
        void is_the_latitude_of_the_lowest_role_and_is_reported_there() {
            Decision d = policy.decide(aCase().attribute("daysLate", 8).build());
            Latitude compensation = d.latitude().stream().filter(l -> l.remedy().equals("compensation")).findFirst()
                    .orElseThrow();

            assertThat(compensation.aloneUpTo()).isEqualTo(Limit.of(96));
            assertThat(compensation.entitlement().amount()).isEqualByComparingTo("96");
            assertThat(compensation.approverBeyond()).isEqualTo("supervisor");
        }

        @Test
        void computes_exact_decimals_where_doubles_would_not() {
            Policy exact = withRules("""
                    - id: tenth
                      remedies: [compensation]
                      entitled: "attributes.paid * 0.1 + 0.2"
                      because: a tenth, plus a fee
                    """);
            ProposalDecision d = exact.decide(aCase().attribute("paid", 1).propose("compensation", 0.3).build())
                    .proposal("compensation");

            assertThat(d.entitlement().amount()).isEqualTo(new BigDecimal("0.3"));
            assertThat(d.outcome()).isEqualTo(Outcome.alone());
        }

        @Test
        void takes_the_larger_of_two_matching_entitlements_as_grants_combine() {
            Policy two = withRules("""
                    - id: base
                      remedies: [compensation]
                      entitled: 20
                      because: base
                    - id: capped
                      remedies: [compensation]
                      entitled: "min(12 * attributes.daysLate, 50)"
                      because: capped per day
                    """);
            ProposalDecision d = two.decide(aCase().attribute("daysLate", 8).propose("compensation", 50).build())
                    .proposal("compensation");

            assertThat(d.entitlement()).isEqualTo(new Entitlement(new BigDecimal("50"), "capped",
                    "min(12 * attributes.daysLate, 50) = min(12 * 8, 50) = 50"));
            assertThat(d.outcome()).isEqualTo(Outcome.alone());
        }
    }

    @Nested
    @DisplayName("computed upTo and authority limits")
    class ComputedLimits {

        @Test
        void an_authority_limit_may_be_what_the_customer_paid() {
            Policy policy = withRules("""
                    - id: none
                      remedies: [compensation]
                      followUp: { action: check }
                      because: nothing
                    """);
            Decision d = policy.decide(aCase().employee("supervisor").attribute("paid", 80)
                    .propose("refund", 80).propose("compensation", 5).build());

            assertThat(d.proposal("refund").outcome()).isEqualTo(Outcome.alone());
            assertThat(policy.decide(aCase().employee("supervisor").attribute("paid", 80).propose("refund", 81).build())
                    .proposal("refund").kind()).isEqualTo(Outcome.Kind.DENIED);
        }

        @Test
        void a_computed_limit_without_its_fact_is_a_missing_fact_of_the_case() {
            Policy policy = withRules("""
                    - id: none
                      remedies: [compensation]
                      followUp: { action: check }
                      because: nothing
                    """);

            // issue 33: it was a limit of 0 (DENIED: no role above the supervisor); now the case names the fact
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> policy.decide(aCase().employee("supervisor")
                            .propose("refund", 1).build()))
                    .isInstanceOf(org.resolutionpolicy.api.InvalidCaseException.class)
                    .hasMessageContaining("attributes.paid: missing: the limit [attributes.paid] needs it");
        }

        @Test
        void a_grant_may_raise_a_limit_to_a_computed_amount() {
            Policy policy = withRules("""
                    - id: half-of-paid
                      remedies: [refund]
                      grant: { role: agent, upTo: "attributes.paid / 2" }
                      because: agents refund half of what was paid
                    """);

            assertThat(policy.decide(aCase().attribute("paid", 90).propose("refund", 45).build()).proposal("refund")
                    .outcome()).isEqualTo(Outcome.alone());
            assertThat(policy.decide(aCase().attribute("paid", 90).propose("refund", 45.01).build()).proposal("refund")
                    .outcome()).isEqualTo(Outcome.escalate("supervisor"));
        }

        @Test
        void a_computed_limit_applies_to_the_case_running_total_of_the_remedy() {
            Policy policy = withRules("""
                    - id: half-of-paid
                      remedies: [refund]
                      grant: { role: agent, upTo: "attributes.paid / 2" }
                      because: agents refund half of what was paid
                    """);
            Decision d = policy.decide(aCase().attribute("paid", 90).propose("refund", 30).propose("refund", 30)
                    .build());

            assertThat(d.proposals()).extracting(ProposalDecision::outcome)
                    .containsExactly(Outcome.alone(), Outcome.escalate("supervisor"));
            assertThat(d.proposals().get(1).countedWith()).containsExactly(0);
            assertThat(d.proposals().get(1).reasons()).extracting(org.resolutionpolicy.api.Reason::because)
                    .anySatisfy(text -> assertThat(text).startsWith(
                            "refund of 30 (60 with this case's earlier proposals [0]) is beyond the authority of agent"
                                    + " (up to 45 per grant)"));
        }
    }

    @Nested
    @DisplayName("load errors")
    class LoadErrors {

        @Test
        void an_amount_that_is_not_a_number_is_located_at_its_column_with_a_hint() {
            Problem p = PolicyLoadErrorTests.theError(HEADER + """
                      - id: wrong
                        remedies: [compensation]
                        entitled: "attributes.daysLate > 2"
                        because: x
                    """);

            assertThat(p.message()).contains("an amount must be a number, but this is a boolean")
                    .contains("entitled of rule [wrong]");
            assertThat(p.line()).isEqualTo(13);
            assertThat(p.column()).isEqualTo(16);
            assertThat(p.hint()).contains("12 * attributes.daysLate");
        }

        @Test
        void an_amount_may_not_read_the_proposal() {
            Problem p = PolicyLoadErrorTests.theError(HEADER + """
                      - id: wrong
                        remedies: [refund]
                        grant: { role: agent, upTo: "amount * 2" }
                        because: x
                    """);

            assertThat(p.message()).contains("may not read [remedy] or [amount]").contains("upTo of rule [wrong]");
            assertThat(p.hint()).isNotBlank();
        }

        @Test
        void an_unknown_fact_in_an_authority_limit_is_located_with_did_you_mean() {
            List<Problem> errors = PolicyLoadErrorTests.errors(HEADER.replace("attributes.paid", "attributes.payd"));

            assertThat(errors).singleElement().satisfies(p -> {
                assertThat(p.message()).contains("unknown fact [attributes.payd]").contains("the limit of [supervisor.refund]");
                assertThat(p.line()).isEqualTo(9);
                assertThat(p.hint()).contains("attributes.paid");
            });
        }

        @Test
        void an_entitlement_may_not_be_unlimited() {
            Problem p = PolicyLoadErrorTests.theError(HEADER + """
                      - id: wrong
                        remedies: [compensation]
                        entitled: unlimited
                        because: x
                    """);

            assertThat(p.message()).contains("entitled of rule [wrong] must be a number or an expression");
        }
    }
}
