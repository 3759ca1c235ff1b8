package org.resolutionpolicy.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.resolutionpolicy.api.Customer;
import org.resolutionpolicy.api.CustomerCase;
import org.resolutionpolicy.api.Decision;
import org.resolutionpolicy.api.Impact;
import org.resolutionpolicy.api.Latitude;
import org.resolutionpolicy.api.Limit;
import org.resolutionpolicy.api.Policies;
import org.resolutionpolicy.api.Policy;

/** A case without proposals answers, per remedy, the most the employee may grant alone and who approves more. */
class LatitudeTests {

    static final Policy POLICY = Policies.parse("""
            policy: latitude
            version: "1"
            roles: [agent, supervisor, manager]
            swat: { team: incident-team }
            remedies:
              refund: { unit: money }
              voucher: { unit: money }
              discount: { unit: percent }
              free-item: { unit: count }
              apology: { unit: none }
              callback: { unit: none }
            authority:
              agent: { refund: 50, voucher: { perGrant: 20, perCustomer: { max: 30, window: P30D } }, discount: 10,
                       free-item: 2, apology: unlimited }
              supervisor: { refund: 200, discount: 100, callback: unlimited }
              manager: { refund: unlimited, voucher: 100 }
            rules:
              - id: gold-vouchers
                when: { customer.tier: GOLD }
                remedies: [voucher]
                grant: { role: agent, upTo: 25 }
                because: Gold members may get more
              - id: no-refunds-on-gift-cards
                when: { category: gift-card }
                remedies: [refund]
                deny: true
                because: Gift cards are not refunded
              - id: large-refunds-need-a-manager
                when: { amount: { above: 120 } }
                remedies: [refund]
                require: manager
                because: Large refunds need a manager
              - id: safety
                when: { impact.safetyIssue: true }
                route: swat
                because: Safety goes to the incident team
            """);

    static Decision latitude(CustomerCase.Builder c) {
        return POLICY.decide(c.severity("LOW").openedAt(Instant.parse("2026-11-20T00:00:00Z")).build());
    }

    @Test
    void gives_each_remedy_the_employees_limit_and_the_next_approver() {
        Decision d = latitude(CustomerCase.builder().employee("agent"));

        assertThat(d.isLatitude()).isTrue();
        assertThat(d.latitude()).containsExactly(
                new Latitude("refund", Limit.of(50), "supervisor", null),
                new Latitude("voucher", Limit.of(20), "manager", null),
                new Latitude("discount", Limit.of(10), "supervisor", null),
                new Latitude("free-item", Limit.of(2), null, null),
                new Latitude("apology", Limit.unlimited(), null, null),
                new Latitude("callback", Limit.zero(), "supervisor", null));
        assertThat(d.swat()).isFalse();
    }

    @Test
    void stops_where_a_require_rule_starts() {
        // a supervisor may refund 200, but above 120 a manager must approve
        assertThat(latitude(CustomerCase.builder().employee("supervisor")).latitude("refund"))
                .contains(new Latitude("refund", Limit.of(120), "manager", null));
        assertThat(latitude(CustomerCase.builder().employee("manager")).latitude("refund"))
                .contains(new Latitude("refund", Limit.unlimited(), null, null));
    }

    @Test
    void includes_matching_grants_and_the_rest_of_a_used_window() {
        Customer gold = Customer.builder().tier("GOLD").history("voucher", 12, Instant.parse("2026-11-10T00:00:00Z")).build();

        // grant raises the per-grant limit to 25, but 30 - 12 = 18 remain in the window
        assertThat(latitude(CustomerCase.builder().employee("agent").customer(gold)).latitude("voucher"))
                .contains(new Latitude("voucher", Limit.of(18), "manager", null));
    }

    @Test
    void is_zero_when_a_rule_denies_and_names_no_approver() {
        assertThat(latitude(CustomerCase.builder().employee("manager").category("gift-card")).latitude("refund"))
                .contains(new Latitude("refund", Limit.zero(), null, null));
    }

    @Test
    void is_zero_with_the_team_when_the_case_goes_to_swat() {
        Decision d = latitude(CustomerCase.builder().employee("manager").impact(Impact.builder().safetyIssue(true).build()));

        assertThat(d.latitude("refund")).contains(new Latitude("refund", Limit.zero(), null, "incident-team"));
        assertThat(d.swat()).isTrue();
    }

    @Test
    void finds_a_threshold_that_an_expression_takes_from_a_fact() {
        // found by LatitudeConsistencyProperties: the threshold is the order value, not a number in the policy
        Policy p = Policies.parse("""
                policy: fact-threshold
                version: "1"
                roles: [agent, supervisor]
                attributes: { orderValue: number }
                remedies: { refund: { unit: money } }
                authority: { agent: { refund: 50 }, supervisor: { refund: 500 } }
                rules:
                  - id: above-the-order-value
                    when: "amount > attributes.orderValue"
                    remedies: [refund]
                    require: supervisor
                    because: Refunds above what was paid are approved by a supervisor
                """);
        Decision d = p.decide(CustomerCase.builder().severity("LOW").employee("agent").attribute("orderValue", 12.34).build());

        assertThat(d.latitude("refund")).contains(new Latitude("refund", Limit.of(12.34), "supervisor", null));
    }

    @Test
    void a_percentage_is_capped_at_100() {
        assertThat(latitude(CustomerCase.builder().employee("supervisor")).latitude("discount"))
                .contains(new Latitude("discount", Limit.of(100), null, null));
    }

    @Nested
    @DisplayName("per remedy, for an employee anywhere on the ladder")
    class PerRemedy {
        final Policy policy = Policies.parse("""
                policy: ladder-latitude
                version: "1"
                roles: [agent, supervisor, manager, director]
                swat: { team: incident-team }
                remedies:
                  refund: { unit: money }
                  voucher: { unit: money }
                  free-item: { unit: count }
                  callback: { unit: none }
                authority:
                  agent: { refund: 50, voucher: 20, free-item: { perGrant: 3, perCustomer: { count: 2, window: P1D } } }
                  supervisor: { refund: 30, free-item: 5, callback: { perGrant: unlimited, perCustomer: { count: 1, window: P30D } } }
                  manager: { refund: 500, voucher: unlimited, callback: unlimited }
                rules:
                  - id: gold-refunds
                    when: { customer.tier: GOLD }
                    remedies: [refund]
                    grant: { role: agent, upTo: 80 }
                    because: Gold members may get more
                  - id: phone-vouchers-need-a-supervisor
                    when: { channel: phone }
                    remedies: [voucher]
                    require: supervisor
                    because: Vouchers promised by phone are checked
                  - id: huge-refunds-go-to-swat
                    when: { amount: { above: 400 } }
                    remedies: [refund]
                    route: swat
                    because: Huge refunds are an incident
                """);

        Latitude of(String remedy, CustomerCase.Builder c) {
            return policy.decide(c.severity("LOW").openedAt(Instant.parse("2026-11-20T00:00:00Z")).build())
                    .latitude(remedy).orElseThrow();
        }

        @Test
        void a_money_remedy_goes_up_to_the_employees_limit_and_the_next_role_approves_beyond() {
            assertThat(of("refund", CustomerCase.builder().employee("agent")))
                    .isEqualTo(new Latitude("refund", Limit.of(50), "manager", null));
        }

        @Test
        void a_role_whose_own_limit_is_smaller_keeps_what_it_inherits_from_below() {
            // the supervisor's own 30 is below the agent's 50: authority is inherited up the ladder
            assertThat(of("refund", CustomerCase.builder().employee("supervisor")))
                    .isEqualTo(new Latitude("refund", Limit.of(50), "manager", null));
        }

        @Test
        void a_role_without_an_entry_inherits_the_limit_below() {
            assertThat(of("voucher", CustomerCase.builder().employee("supervisor")))
                    .isEqualTo(new Latitude("voucher", Limit.of(20), "manager", null));
        }

        @Test
        void a_matching_grant_raises_the_latitude_and_a_missing_one_does_not() {
            assertThat(of("refund", CustomerCase.builder().employee("agent").customer(Customer.builder().tier("GOLD").build())))
                    .isEqualTo(new Latitude("refund", Limit.of(80), "manager", null));
            assertThat(of("refund", CustomerCase.builder().employee("agent").customer(Customer.builder().tier("SILVER").build())))
                    .isEqualTo(new Latitude("refund", Limit.of(50), "manager", null));
        }

        @Test
        void a_swat_rule_above_an_amount_caps_the_latitude_and_names_the_team() {
            assertThat(of("refund", CustomerCase.builder().employee("manager")))
                    .isEqualTo(new Latitude("refund", Limit.of(400), null, "incident-team"));
        }

        @Test
        void an_unlimited_authority_gives_unlimited_latitude() {
            assertThat(of("voucher", CustomerCase.builder().employee("director")))
                    .isEqualTo(new Latitude("voucher", Limit.unlimited(), null, null));
        }

        @Test
        void a_require_for_every_amount_leaves_nothing_alone_and_names_the_role() {
            assertThat(of("voucher", CustomerCase.builder().employee("agent").channel("phone")))
                    .isEqualTo(new Latitude("voucher", Limit.zero(), "supervisor", null));
        }

        @Test
        void a_count_remedy_counts_items_and_stops_when_the_window_count_is_used() {
            Customer twoToday = Customer.builder()
                    .history("free-item", 1, Instant.parse("2026-11-19T10:00:00Z"))
                    .history("free-item", 1, Instant.parse("2026-11-19T11:00:00Z")).build();

            assertThat(of("free-item", CustomerCase.builder().employee("agent")))
                    .isEqualTo(new Latitude("free-item", Limit.of(3), "supervisor", null));
            assertThat(of("free-item", CustomerCase.builder().employee("agent").customer(twoToday)))
                    .isEqualTo(new Latitude("free-item", Limit.zero(), "supervisor", null));
        }

        @Test
        void a_remedy_without_unit_is_unlimited_or_zero() {
            Customer calledBack = Customer.builder().history(new org.resolutionpolicy.api.HistoryEntry("callback", null,
                    Instant.parse("2026-11-10T00:00:00Z"))).build();

            assertThat(of("callback", CustomerCase.builder().employee("agent")))
                    .isEqualTo(new Latitude("callback", Limit.zero(), "supervisor", null));
            assertThat(of("callback", CustomerCase.builder().employee("supervisor")))
                    .isEqualTo(new Latitude("callback", Limit.unlimited(), null, null));
            assertThat(of("callback", CustomerCase.builder().employee("supervisor").customer(calledBack)))
                    .isEqualTo(new Latitude("callback", Limit.zero(), "manager", null));
        }

        @Test
        void every_remedy_of_the_policy_is_answered_in_declaration_order() {
            Decision d = policy.decide(CustomerCase.builder().severity("LOW").employee("agent").build());

            assertThat(d.latitude()).extracting(Latitude::remedy).containsExactly("refund", "voucher", "free-item", "callback");
            assertThat(d.proposals()).isEmpty();
        }
    }

    @Nested
    @DisplayName("beyond every role's authority")
    class BeyondAuthority {
        Policy withBeyond(String beyond) {
            return Policies.parse("""
                    policy: beyond-latitude
                    version: "1"
                    roles: [agent, supervisor, manager]
                    swat: { team: incident-team }
                    beyondAuthority: %s
                    remedies: { refund: { unit: money } }
                    authority: { agent: { refund: 50 }, supervisor: { refund: 200 } }
                    """.formatted(beyond));
        }

        Latitude refundFor(Policy p, String role) {
            return p.decide(CustomerCase.builder().severity("LOW").employee(role).build()).latitude("refund").orElseThrow();
        }

        @Test
        void deny_names_nobody_beyond_the_top_limit() {
            assertThat(refundFor(withBeyond("deny"), "supervisor")).isEqualTo(new Latitude("refund", Limit.of(200), null, null));
        }

        @Test
        void swat_names_the_team_beyond_the_top_limit() {
            assertThat(refundFor(withBeyond("swat"), "supervisor"))
                    .isEqualTo(new Latitude("refund", Limit.of(200), null, "incident-team"));
        }

        @Test
        void a_role_approves_beyond_the_top_limit_and_has_no_limit_itself() {
            assertThat(refundFor(withBeyond("manager"), "supervisor"))
                    .isEqualTo(new Latitude("refund", Limit.of(200), "manager", null));
            assertThat(refundFor(withBeyond("manager"), "manager"))
                    .isEqualTo(new Latitude("refund", Limit.unlimited(), null, null));
        }
    }

    @Test
    void a_limit_above_a_trillion_is_a_number_not_unlimited() {
        // POLICY-FORMAT: aloneUpTo is "the largest amount for which the outcome would be ALONE"
        Policy rial = Policies.parse("""
                policy: big-currency
                version: "1"
                currency: IRR
                roles: [agent]
                remedies: { refund: { unit: money } }
                authority: { agent: { refund: 2000000000000 } }
                """);

        Decision d = rial.decide(CustomerCase.builder().severity("LOW").employee("agent").build());

        assertThat(rial.decide(CustomerCase.builder().severity("LOW").employee("agent").propose("refund", 2_000_000_000_001.0)
                .build()).proposal("refund").outcome()).isEqualTo(org.resolutionpolicy.api.Outcome.denied());
        assertThat(d.latitude("refund")).contains(new Latitude("refund", Limit.of(2_000_000_000_000.0), null, null));
    }

    @Test
    void the_largest_limit_the_loader_accepts_is_a_number_not_unlimited() {
        // the loader accepts at most 20 integer digits; the latitude search probes above that to mean unlimited
        Policy huge = Policies.parse("""
                policy: big-currency
                version: "1"
                roles: [agent]
                remedies: { refund: { unit: money } }
                authority: { agent: { refund: 99999999999999999999 } }
                """);

        Decision d = huge.decide(CustomerCase.builder().severity("LOW").employee("agent").build());

        assertThat(d.latitude("refund")).contains(
                new Latitude("refund", Limit.of(new BigDecimal("99999999999999999999")), null, null));
    }
}
