package org.resolutionpolicy.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.resolutionpolicy.api.Customer;
import org.resolutionpolicy.api.CustomerCase;
import org.resolutionpolicy.api.Decision;
import org.resolutionpolicy.api.FollowUp;
import org.resolutionpolicy.api.Impact;
import org.resolutionpolicy.api.Outcome;
import org.resolutionpolicy.api.Policies;
import org.resolutionpolicy.api.Policy;

/** Each matcher kind, on each type of fact, through a rule that escalates to [boss] when it matches. */
class MatcherTests {

    static Policy withCondition(String when) {
        return Policies.parse("""
                policy: matchers
                version: "1"
                roles: [agent, lead, boss]
                attributes: { delayHours: number, store: string, vip: boolean, deliveredAt: date }
                remedies: { refund: { unit: money } }
                authority: { agent: { refund: unlimited } }
                rules:
                  - id: under-test
                    when: %s
                    require: boss
                    because: the condition under test matched
                """.formatted(when));
    }

    static CustomerCase.Builder aCase() {
        return CustomerCase.builder().severity("MEDIUM").employee("agent").propose("refund", 30);
    }

    static boolean matches(String when, CustomerCase c) {
        Outcome o = withCondition(when).decide(c).proposal("refund").outcome();
        return o.equals(Outcome.escalate("boss"));
    }

    static boolean matches(String when, CustomerCase.Builder c) {
        return matches(when, c.build());
    }

    @Nested
    @DisplayName("a scalar means equals")
    class Equals {
        @Test
        void matches_an_equal_string_only() {
            assertThat(matches("{ category: late-order }", aCase().category("late-order"))).isTrue();
            assertThat(matches("{ category: late-order }", aCase().category("spill"))).isFalse();
        }

        @Test
        void compares_numbers_by_value_not_by_scale() {
            assertThat(matches("{ amount: 30.00 }", aCase())).isTrue();
            assertThat(matches("{ attributes.delayHours: 2 }", aCase().attribute("delayHours", 2.0))).isTrue();
        }

        @Test
        void matches_booleans() {
            assertThat(matches("{ impact.legalThreat: true }", aCase().impact(Impact.builder().legalThreat(true).build()))).isTrue();
            assertThat(matches("{ impact.legalThreat: true }", aCase().impact(Impact.builder().legalThreat(false).build()))).isFalse();
            assertThat(matches("{ attributes.vip: false }", aCase().attribute("vip", false))).isTrue();
        }

        @Test
        void matches_severity_and_role_by_name() {
            assertThat(matches("{ severity: MEDIUM }", aCase())).isTrue();
            assertThat(matches("{ employee.role: agent }", aCase())).isTrue();
            assertThat(matches("{ employee.role: lead }", aCase())).isFalse();
        }
    }

    @Nested
    @DisplayName("a list means one of")
    class OneOf {
        @Test
        void matches_any_listed_value() {
            String when = "{ customer.tier: [GOLD, PLATINUM] }";
            assertThat(matches(when, aCase().customer(Customer.builder().tier("GOLD").build()))).isTrue();
            assertThat(matches(when, aCase().customer(Customer.builder().tier("PLATINUM").build()))).isTrue();
            assertThat(matches(when, aCase().customer(Customer.builder().tier("SILVER").build()))).isFalse();
        }

        @Test
        void works_for_severities() {
            assertThat(matches("{ severity: [HIGH, CRITICAL] }", aCase().severity("CRITICAL"))).isTrue();
            assertThat(matches("{ severity: [HIGH, CRITICAL] }", aCase().severity("LOW"))).isFalse();
        }
    }

    @Nested
    @DisplayName("comparisons")
    class Comparisons {
        @Test
        void at_least_at_most_above_below_on_numbers_respect_the_boundary() {
            assertThat(matches("{ amount: { atLeast: 30 } }", aCase())).isTrue();
            assertThat(matches("{ amount: { above: 30 } }", aCase())).isFalse();
            assertThat(matches("{ amount: { atMost: 30 } }", aCase())).isTrue();
            assertThat(matches("{ amount: { below: 30 } }", aCase())).isFalse();
            assertThat(matches("{ amount: { below: 30.01 } }", aCase())).isTrue();
        }

        @Test
        void combine_in_one_map_and_all_must_hold() {
            String between = "{ attributes.delayHours: { atLeast: 3, below: 6 } }";
            assertThat(matches(between, aCase().attribute("delayHours", 3))).isTrue();
            assertThat(matches(between, aCase().attribute("delayHours", 5.9))).isTrue();
            assertThat(matches(between, aCase().attribute("delayHours", 6))).isFalse();
            assertThat(matches(between, aCase().attribute("delayHours", 2.5))).isFalse();
        }

        @Test
        void order_severities_by_the_policy_scale_not_alphabetically() {
            assertThat(matches("{ severity: { atLeast: HIGH } }", aCase().severity("CRITICAL"))).isTrue();
            assertThat(matches("{ severity: { atLeast: HIGH } }", aCase().severity("HIGH"))).isTrue();
            assertThat(matches("{ severity: { atLeast: HIGH } }", aCase().severity("MEDIUM"))).isFalse();
            assertThat(matches("{ severity: { below: MEDIUM } }", aCase().severity("LOW"))).isTrue();
        }

        @Test
        void order_roles_by_the_ladder() {
            assertThat(matches("{ employee.role: { atLeast: lead } }", aCase().employee("lead"))).isTrue();
            assertThat(matches("{ employee.role: { atLeast: lead } }", aCase().employee("agent"))).isFalse();
        }

        @Test
        void order_dates_chronologically() {
            CustomerCase.Builder november = aCase().openedAt(Instant.parse("2026-11-20T09:30:00Z"));
            assertThat(matches("{ openedAt: { above: 2026-11-01T00:00:00Z } }", november)).isTrue();
            assertThat(matches("{ openedAt: { below: 2026-11-01 } }", november)).isFalse();
            assertThat(matches("{ attributes.deliveredAt: { atMost: 2026-06-30 } }",
                    aCase().attribute("deliveredAt", Instant.parse("2026-06-01T00:00:00Z")))).isTrue();
        }
    }

    @Nested
    @DisplayName("not")
    class Not {
        @Test
        void negates_a_value_a_list_and_a_comparison() {
            assertThat(matches("{ channel: { not: phone } }", aCase().channel("email"))).isTrue();
            assertThat(matches("{ channel: { not: phone } }", aCase().channel("phone"))).isFalse();
            assertThat(matches("{ channel: { not: [phone, chat] } }", aCase().channel("chat"))).isFalse();
            assertThat(matches("{ amount: { not: { above: 50 } } }", aCase())).isTrue();
            assertThat(matches("{ amount: { not: { atLeast: 3, below: 6 } } }", aCase())).isTrue();
        }

        @Test
        void does_not_match_an_absent_fact() {
            assertThat(matches("{ channel: { not: phone } }", aCase())).isFalse();
        }
    }

    @Nested
    @DisplayName("exists")
    class Exists {
        @Test
        void tests_presence_and_absence() {
            assertThat(matches("{ attributes.store: { exists: true } }", aCase().attribute("store", "Main St"))).isTrue();
            assertThat(matches("{ attributes.store: { exists: true } }", aCase())).isFalse();
            assertThat(matches("{ attributes.store: { exists: false } }", aCase())).isTrue();
            assertThat(matches("{ customer.history: { exists: true } }",
                    aCase().customer(Customer.builder().history("refund", 5, Instant.parse("2026-01-01T00:00:00Z")).build())))
                    .isTrue();
        }
    }

    @Nested
    @DisplayName("absent facts")
    class AbsentFacts {
        @Test
        void make_every_comparison_false() {
            assertThat(matches("{ customer.tier: GOLD }", aCase())).isFalse();
            assertThat(matches("{ impact.outOfPocket: { atLeast: 0 } }", aCase())).isFalse();
            assertThat(matches("{ attributes.delayHours: { below: 100 } }", aCase())).isFalse();
            assertThat(matches("\"impact.outOfPocket >= 0\"", aCase())).isFalse();
            assertThat(matches("\"customer.tier != 'GOLD'\"", aCase())).isFalse();
        }
    }

    @Nested
    @DisplayName("expr and expression strings")
    class Expressions {
        @Test
        void an_expr_key_is_anded_with_the_matchers() {
            String when = "{ severity: MEDIUM, expr: \"amount > impact.outOfPocket * 2\" }";
            assertThat(matches(when, aCase().impact(Impact.builder().outOfPocket(10).build()))).isTrue();
            assertThat(matches(when, aCase().impact(Impact.builder().outOfPocket(20).build()))).isFalse();
            assertThat(matches(when, aCase().severity("HIGH").impact(Impact.builder().outOfPocket(10).build()))).isFalse();
        }

        @Test
        void support_arithmetic_logic_and_the_helpers() {
            Instant opened = Instant.parse("2026-11-20T00:00:00Z");
            CustomerCase c = aCase().openedAt(opened).category("late-delivery")
                    .customer(Customer.builder()
                            .history("refund", 40, Instant.parse("2026-11-10T00:00:00Z"))
                            .history("refund", 100, Instant.parse("2026-09-01T00:00:00Z"))
                            .build())
                    .impact(Impact.builder().legalThreat(false).socialReach(20_000).build()).build();

            assertThat(matches("\"(amount + 10) * 2 == 80 && !(amount % 7 == 0)\"", c)).isTrue();
            assertThat(matches("\"severity.atLeast('MEDIUM') && severity.rank == 1\"", c)).isTrue();
            assertThat(matches("\"history.count('refund', 'P30D') == 1 && history.count('refund') == 2\"", c)).isTrue();
            assertThat(matches("\"history.total('refund', 'P30D') + amount > 69\"", c)).isTrue();
            assertThat(matches("\"history.total('refund', 'P30D') + amount > 70\"", c)).isFalse();
            assertThat(matches("\"category.startsWith('late') && category.contains('deliv')\"", c)).isTrue();
            assertThat(matches("\"impact.socialReach >= 10000 || impact.legalThreat\"", c)).isTrue();
            assertThat(matches("\"employee.role.atMost('lead') && customer.tier == null\"", c)).isTrue();
        }

        @Test
        void division_by_zero_is_no_error_and_no_value() {
            assertThat(matches("\"amount / 0 > 1\"", aCase())).isFalse();
            assertThat(matches("\"!(amount / 0 > 1)\"", aCase())).isTrue();
        }
    }

    @Nested
    @DisplayName("every fact kind, matched and not")
    class EveryFact {
        @Test
        void numbers_of_the_case_model_compare_by_value() {
            CustomerCase.Builder c = aCase().customer(Customer.builder().lifetimeValue(5400).build())
                    .impact(Impact.builder().outOfPocket(12.5).affectedCustomers(3).socialReach(20_000).build());

            assertThat(matches("{ customer.lifetimeValue: 5400.00 }", c)).isTrue();
            assertThat(matches("{ impact.outOfPocket: { above: 12.49, atMost: 12.5 } }", c)).isTrue();
            assertThat(matches("{ impact.affectedCustomers: [1, 2, 3] }", c)).isTrue();
            assertThat(matches("{ impact.socialReach: { below: 20000 } }", c)).isFalse();
        }

        @Test
        void ids_and_channel_are_text() {
            CustomerCase.Builder c = aCase().channel("phone").customer(Customer.builder().id("K-7").build())
                    .employee("E-17", "agent");

            assertThat(matches("{ customer.id: K-7, employee.id: E-17, channel: phone }", c)).isTrue();
            assertThat(matches("{ customer.id: K-8 }", c)).isFalse();
        }

        @Test
        void remedy_and_amount_are_the_proposal_being_decided() {
            assertThat(matches("{ remedy: refund, amount: [10, 30] }", aCase())).isTrue();
            assertThat(matches("{ amount: [10, 20] }", aCase())).isFalse();
        }

        @Test
        void opened_at_is_inclusive_at_its_boundaries_for_at_least_and_at_most() {
            CustomerCase.Builder c = aCase().openedAt(Instant.parse("2026-11-20T09:30:00Z"));

            assertThat(matches("{ openedAt: { atLeast: 2026-11-20T09:30:00Z } }", c)).isTrue();
            assertThat(matches("{ openedAt: { atMost: 2026-11-20T09:30:00Z } }", c)).isTrue();
            assertThat(matches("{ openedAt: { above: 2026-11-20T09:30:00Z } }", c)).isFalse();
            assertThat(matches("{ openedAt: 2026-11-20T10:30:00+01:00 }", c)).isTrue();
        }
    }

    @Nested
    @DisplayName("severity and role compare by their scales")
    class Scales {
        @Test
        void every_comparison_on_severity_follows_the_scale() {
            assertThat(matches("{ severity: { atMost: MEDIUM } }", aCase().severity("LOW"))).isTrue();
            assertThat(matches("{ severity: { atMost: MEDIUM } }", aCase().severity("HIGH"))).isFalse();
            assertThat(matches("{ severity: { above: MEDIUM } }", aCase().severity("HIGH"))).isTrue();
            assertThat(matches("{ severity: { above: MEDIUM } }", aCase().severity("MEDIUM"))).isFalse();
            assertThat(matches("{ severity: { below: CRITICAL } }", aCase().severity("HIGH"))).isTrue();
        }

        @Test
        void a_declared_scale_replaces_the_default_one() {
            Policy p = Policies.parse("""
                    policy: custom-scale
                    version: "1"
                    severities: [minor, major, disaster]
                    roles: [agent, boss]
                    remedies: { refund: { unit: money } }
                    authority: { agent: { refund: unlimited } }
                    rules:
                      - id: big
                        when: { severity: { atLeast: major } }
                        require: boss
                        because: major and above
                    """);

            assertThat(p.decide(CustomerCase.builder().severity("disaster").employee("agent").propose("refund", 1).build())
                    .proposal("refund").outcome()).isEqualTo(Outcome.escalate("boss"));
            assertThat(p.decide(CustomerCase.builder().severity("minor").employee("agent").propose("refund", 1).build())
                    .proposal("refund").outcome()).isEqualTo(Outcome.alone());
        }

        @Test
        void every_comparison_on_the_role_follows_the_ladder() {
            assertThat(matches("{ employee.role: { atMost: lead } }", aCase().employee("agent"))).isTrue();
            assertThat(matches("{ employee.role: { above: agent } }", aCase().employee("agent"))).isFalse();
            assertThat(matches("{ employee.role: { below: lead } }", aCase().employee("agent"))).isTrue();
            assertThat(matches("{ employee.role: [lead, boss] }", aCase().employee("agent"))).isFalse();
        }

        @Test
        void combined_comparisons_bracket_a_range() {
            String middle = "{ severity: { atLeast: MEDIUM, below: CRITICAL } }";
            assertThat(matches(middle, aCase().severity("MEDIUM"))).isTrue();
            assertThat(matches(middle, aCase().severity("HIGH"))).isTrue();
            assertThat(matches(middle, aCase().severity("CRITICAL"))).isFalse();
            assertThat(matches(middle, aCase().severity("LOW"))).isFalse();
        }
    }

    @Nested
    @DisplayName("not, on each kind of value")
    class NotOnEachKind {
        @Test
        void negates_a_scalar() {
            assertThat(matches("{ severity: { not: LOW } }", aCase().severity("HIGH"))).isTrue();
            assertThat(matches("{ severity: { not: LOW } }", aCase().severity("LOW"))).isFalse();
        }

        @Test
        void negates_a_list() {
            assertThat(matches("{ customer.tier: { not: [GOLD, PLATINUM] } }",
                    aCase().customer(Customer.builder().tier("SILVER").build()))).isTrue();
            assertThat(matches("{ customer.tier: { not: [GOLD, PLATINUM] } }",
                    aCase().customer(Customer.builder().tier("GOLD").build()))).isFalse();
        }

        @Test
        void negates_a_comparison() {
            assertThat(matches("{ amount: { not: { above: 30 } } }", aCase())).isTrue();
            assertThat(matches("{ amount: { not: { above: 29.99 } } }", aCase())).isFalse();
            assertThat(matches("{ employee.role: { not: { atLeast: lead } } }", aCase())).isTrue();
        }
    }

    @Nested
    @DisplayName("absent facts make every matcher false, not included")
    class AbsentMakesEveryMatcherFalse {
        @Test
        void not_a_list_and_not_a_comparison_are_false_on_an_absent_fact() {
            assertThat(matches("{ customer.tier: { not: [GOLD] } }", aCase())).isFalse();
            assertThat(matches("{ impact.outOfPocket: { not: { above: 100 } } }", aCase())).isFalse();
            assertThat(matches("{ attributes.vip: { not: true } }", aCase())).isFalse();
        }

        @Test
        void lists_and_combined_comparisons_are_false_on_an_absent_fact() {
            assertThat(matches("{ channel: [phone, email, chat] }", aCase())).isFalse();
            assertThat(matches("{ attributes.delayHours: { atLeast: -1000, below: 1000 } }", aCase())).isFalse();
            assertThat(matches("{ attributes.deliveredAt: { below: 2999-01-01 } }", aCase())).isFalse();
        }

        @Test
        void only_exists_false_matches_an_absent_fact() {
            assertThat(matches("{ channel: { exists: false } }", aCase())).isTrue();
            assertThat(matches("{ channel: { exists: false } }", aCase().channel("phone"))).isFalse();
            assertThat(matches("{ channel: { exists: true } }", aCase().channel("phone"))).isTrue();
        }

        @Test
        void the_amount_of_a_remedy_without_unit_is_absent() {
            Policy p = Policies.parse("""
                    policy: absent-amount
                    version: "1"
                    roles: [agent, boss]
                    remedies: { apology: { unit: none } }
                    authority: { agent: { apology: unlimited } }
                    rules:
                      - id: small
                        when: { amount: { not: { above: 100 } } }
                        require: boss
                        because: test
                      - id: no-amount
                        when: { amount: { exists: false } }
                        followUp: { action: note }
                        because: test
                    """);

            Decision d = p.decide(CustomerCase.builder().severity("LOW").employee("agent").propose("apology").build());

            assertThat(d.proposal("apology").outcome()).isEqualTo(Outcome.alone());
            assertThat(d.followUps()).extracting(FollowUp::rule).containsExactly("no-amount");
        }
    }

    @Nested
    @DisplayName("attributes of each declared type")
    class AttributesOfEachType {
        @Test
        void a_number_attribute_equals_and_compares_numerically() {
            assertThat(matches("{ attributes.delayHours: 1.50 }", aCase().attribute("delayHours", 1.5))).isTrue();
            assertThat(matches("{ attributes.delayHours: { above: 10 } }", aCase().attribute("delayHours", 9))).isFalse();
            assertThat(matches("{ attributes.delayHours: { above: 10 } }", aCase().attribute("delayHours", 100))).isTrue();
        }

        @Test
        void a_string_attribute_equals_or_is_one_of() {
            assertThat(matches("{ attributes.store: \"Main St\" }", aCase().attribute("store", "Main St"))).isTrue();
            assertThat(matches("{ attributes.store: [Airport, Station] }", aCase().attribute("store", "Main St"))).isFalse();
        }

        @Test
        void a_boolean_attribute_equals_true_or_false() {
            assertThat(matches("{ attributes.vip: true }", aCase().attribute("vip", true))).isTrue();
            assertThat(matches("{ attributes.vip: true }", aCase().attribute("vip", false))).isFalse();
        }

        @Test
        void a_date_attribute_compares_chronologically_also_when_given_as_text() {
            String afterJune = "{ attributes.deliveredAt: { above: 2026-06-30T23:59:59Z } }";
            assertThat(matches(afterJune, aCase().attribute("deliveredAt", Instant.parse("2026-07-01T00:00:00Z")))).isTrue();
            assertThat(matches(afterJune, aCase().attribute("deliveredAt", "2026-07-01T00:00:00Z"))).isTrue();
            assertThat(matches(afterJune, aCase().attribute("deliveredAt", "2026-06-30"))).isFalse();
        }
    }

    @Nested
    @DisplayName("expr is AND-ed with the matchers")
    class ExprAndMatchers {
        @Test
        void a_false_expr_vetoes_matchers_that_hold_and_a_failing_matcher_vetoes_a_true_expr() {
            String when = "{ customer.tier: GOLD, expr: \"amount >= 30\" }";
            CustomerCase.Builder gold = aCase().customer(Customer.builder().tier("GOLD").build());

            assertThat(matches(when, gold)).isTrue();
            assertThat(matches(when, gold.clearProposals().propose("refund", 29))).isFalse();
            assertThat(matches(when, aCase().customer(Customer.builder().tier("SILVER").build()))).isFalse();
        }
    }
}
