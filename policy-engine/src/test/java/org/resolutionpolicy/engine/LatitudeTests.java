package org.resolutionpolicy.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
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
}
