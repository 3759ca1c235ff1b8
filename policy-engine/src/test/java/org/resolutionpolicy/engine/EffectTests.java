package org.resolutionpolicy.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.Period;
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
import org.resolutionpolicy.api.ProposalDecision;
import org.resolutionpolicy.api.Reason;

/** What each effect a rule can carry does: deny, route to SWAT, require a role, grant authority, add a follow-up. */
class EffectTests {

    static final String HEADER = """
            policy: effects
            version: "1"
            roles: [agent, supervisor, manager, director]
            swat: { team: incident-team }
            remedies:
              refund: { unit: money }
              voucher: { unit: money }
              apology: { unit: none }
            authority:
              agent: { refund: 50, voucher: { perGrant: 20, perCustomer: { max: 40, window: P30D } }, apology: unlimited }
              supervisor: { refund: 200 }
              manager: { refund: 1000, voucher: 100 }
            rules:
            """;

    static final Instant OPENED = Instant.parse("2026-11-20T12:00:00Z");

    /** A policy of the header above with these rules, written at column 0 in the test. */
    static Policy withRules(String rules) {
        return Policies.parse(HEADER + rules.indent(2));
    }

    static CustomerCase.Builder aCaseBy(String role) {
        return CustomerCase.builder().id("C-1").severity("MEDIUM").employee(role).openedAt(OPENED);
    }

    static Customer gold() {
        return Customer.builder().tier("GOLD").build();
    }

    @Nested
    @DisplayName("deny: true")
    class Deny {
        final Policy policy = withRules("""
                - id: no-cash-for-gift-cards
                  when: { category: gift-card }
                  remedies: [refund]
                  deny: true
                  because: Gift cards are never refunded in cash
                """);

        @Test
        void denies_a_matching_proposal_however_small_with_the_rule_as_reason() {
            ProposalDecision refund = policy.decide(aCaseBy("agent").category("gift-card").propose("refund", 1).build())
                    .proposal("refund");

            assertThat(refund.outcome()).isEqualTo(Outcome.denied());
            assertThat(refund.reasons()).containsExactly(
                    new Reason("no-cash-for-gift-cards", "Gift cards are never refunded in cash"));
        }

        @Test
        void leaves_a_proposal_it_does_not_match_to_the_authority_table() {
            Decision d = policy.decide(aCaseBy("agent").category("late-order").propose("refund", 30).build());

            assertThat(d.proposal("refund").outcome()).isEqualTo(Outcome.alone());
            assertThat(d.proposal("refund").reasons()).isEmpty();
        }
    }

    @Nested
    @DisplayName("route: swat")
    class RouteSwat {
        final Policy policy = withRules("""
                - id: legal-threats-go-to-swat
                  when: { impact.legalThreat: true }
                  route: swat
                  because: Legal threats are handled by the incident team
                """);

        @Test
        void hands_the_proposal_to_the_policy_team_and_marks_the_decision() {
            Decision d = policy.decide(aCaseBy("director").impact(Impact.builder().legalThreat(true).build())
                    .propose("apology").build());

            assertThat(d.proposal("apology").outcome()).isEqualTo(Outcome.swat("incident-team"));
            assertThat(d.proposal("apology").ruleIds()).containsExactly("legal-threats-go-to-swat");
            assertThat(d.swat()).isTrue();
        }

        @Test
        void does_not_mark_a_decision_whose_proposals_stay_with_the_employee() {
            Decision d = policy.decide(aCaseBy("agent").impact(Impact.builder().legalThreat(false).build())
                    .propose("apology").build());

            assertThat(d.proposal("apology").outcome()).isEqualTo(Outcome.alone());
            assertThat(d.swat()).isFalse();
        }
    }

    @Nested
    @DisplayName("require: <role>")
    class Require {
        final Policy policy = withRules("""
                - id: phone-refunds-are-checked
                  when: { channel: phone }
                  remedies: [refund]
                  require: manager
                  because: Refunds promised by phone are checked by a manager
                """);

        @Test
        void escalates_to_the_role_even_within_the_employees_own_authority() {
            ProposalDecision refund = policy.decide(aCaseBy("supervisor").channel("phone").propose("refund", 10).build())
                    .proposal("refund");

            assertThat(refund.outcome()).isEqualTo(Outcome.escalate("manager"));
            assertThat(refund.ruleIds()).containsExactly("phone-refunds-are-checked");
        }

        @Test
        void lets_an_employee_at_or_above_the_role_grant_alone() {
            assertThat(policy.decide(aCaseBy("manager").channel("phone").propose("refund", 10).build())
                    .proposal("refund").outcome()).isEqualTo(Outcome.alone());
            assertThat(policy.decide(aCaseBy("director").channel("phone").propose("refund", 10).build())
                    .proposal("refund").outcome()).isEqualTo(Outcome.alone());
        }

        @Test
        void only_applies_to_the_remedies_it_names() {
            Decision d = policy.decide(aCaseBy("agent").channel("phone").propose("voucher", 10).build());

            assertThat(d.proposal("voucher").outcome()).isEqualTo(Outcome.alone());
        }
    }

    @Nested
    @DisplayName("grant: {role, upTo}")
    class Grant {
        final Policy policy = withRules("""
                - id: gold-members-get-bigger-vouchers
                  when: { customer.tier: GOLD }
                  remedies: [voucher]
                  grant: { role: agent, upTo: 35 }
                  because: Gold members may get a bigger voucher at the counter
                """);

        @Test
        void raises_the_per_grant_limit_of_its_role_while_it_matches() {
            ProposalDecision voucher = policy.decide(aCaseBy("agent").customer(gold()).propose("voucher", 35).build())
                    .proposal("voucher");

            assertThat(voucher.outcome()).isEqualTo(Outcome.alone());
            assertThat(voucher.ruleIds()).containsExactly("gold-members-get-bigger-vouchers");
        }

        @Test
        void does_nothing_when_it_does_not_match() {
            ProposalDecision voucher = policy.decide(aCaseBy("agent").customer(Customer.builder().tier("SILVER").build())
                    .propose("voucher", 35).build()).proposal("voucher");

            assertThat(voucher.outcome()).isEqualTo(Outcome.escalate("manager"));
            assertThat(voucher.ruleIds()).containsExactly(Reason.AUTHORITY);
        }

        @Test
        void stops_at_its_upper_bound() {
            ProposalDecision voucher = policy.decide(aCaseBy("agent").customer(gold()).propose("voucher", 35.01).build())
                    .proposal("voucher");

            assertThat(voucher.outcome()).isEqualTo(Outcome.escalate("manager"));
            assertThat(voucher.ruleIds()).containsExactly(Reason.AUTHORITY);
        }

        @Test
        void keeps_the_cumulative_per_customer_window_of_the_role() {
            // given 10 already granted in the window: 10 + 35 is above the agent's 40 per 30 days
            Customer goldWithHistory = Customer.builder().tier("GOLD")
                    .history("voucher", 10, Instant.parse("2026-11-15T00:00:00Z")).build();

            ProposalDecision over = policy.decide(aCaseBy("agent").customer(goldWithHistory).propose("voucher", 35).build())
                    .proposal("voucher");
            ProposalDecision within = policy.decide(aCaseBy("agent").customer(goldWithHistory).propose("voucher", 30).build())
                    .proposal("voucher");

            assertThat(over.outcome()).isEqualTo(Outcome.escalate("manager"));
            assertThat(within.outcome()).isEqualTo(Outcome.alone());
            assertThat(within.ruleIds()).containsExactly("gold-members-get-bigger-vouchers");
        }

        @Test
        void never_lowers_a_limit_and_is_no_reason_when_the_table_already_covers() {
            Policy lower = withRules("""
                    - id: small-grant
                      remedies: [refund]
                      grant: { role: agent, upTo: 10 }
                      because: pointless
                    """);

            ProposalDecision refund = lower.decide(aCaseBy("agent").propose("refund", 40).build()).proposal("refund");

            assertThat(refund.outcome()).isEqualTo(Outcome.alone());
            assertThat(refund.reasons()).isEmpty();
        }

        @Test
        void to_a_role_above_the_employee_lowers_the_approver_and_is_named_with_the_authority() {
            Policy toSupervisors = withRules("""
                    - id: gold-refunds-by-supervisors
                      when: { customer.tier: GOLD }
                      remedies: [refund]
                      grant: { role: supervisor, upTo: 2000 }
                      because: Supervisors may refund Gold members generously
                    """);

            ProposalDecision refund = toSupervisors.decide(aCaseBy("agent").customer(gold()).propose("refund", 1500).build())
                    .proposal("refund");

            assertThat(refund.outcome()).isEqualTo(Outcome.escalate("supervisor"));
            assertThat(refund.ruleIds()).containsExactly("gold-refunds-by-supervisors", Reason.AUTHORITY);
        }

        @Test
        void up_to_unlimited_removes_the_per_grant_bound() {
            Policy unlimited = withRules("""
                    - id: directors-case
                      when: { category: recall }
                      remedies: [refund]
                      grant: { role: manager, upTo: unlimited }
                      because: Recalls are refunded in full
                    """);

            assertThat(unlimited.decide(aCaseBy("manager").category("recall").propose("refund", 1_000_000).build())
                    .proposal("refund").outcome()).isEqualTo(Outcome.alone());
            assertThat(unlimited.decide(aCaseBy("manager").category("other").propose("refund", 1_000_000).build())
                    .proposal("refund").outcome()).isEqualTo(Outcome.denied());
        }
    }

    @Nested
    @DisplayName("followUp: {action, within, owner}")
    class FollowUps {

        @Test
        void a_follow_up_only_rule_adds_its_obligation_without_touching_the_outcome() {
            Policy policy = withRules("""
                    - id: out-of-pocket-callback
                      when: { impact.outOfPocket: { above: 0 } }
                      followUp: { action: senior-management-call, within: P2D, owner: manager }
                      because: Customers out of pocket get a call
                    """);

            Decision d = policy.decide(aCaseBy("agent").impact(Impact.builder().outOfPocket(12.5).build())
                    .propose("refund", 30).build());

            assertThat(d.followUps()).containsExactly(
                    new FollowUp("senior-management-call", Period.parse("P2D"), "manager", "out-of-pocket-callback"));
            assertThat(d.proposal("refund").outcome()).isEqualTo(Outcome.alone());
            assertThat(d.proposal("refund").reasons()).isEmpty();
        }

        @Test
        void within_and_owner_are_optional() {
            Policy policy = withRules("""
                    - id: satisfaction-check
                      followUp: { action: confirm-satisfaction }
                      because: Every case is followed up
                    """);

            assertThat(policy.decide(aCaseBy("agent").propose("apology").build()).followUps())
                    .containsExactly(new FollowUp("confirm-satisfaction", null, null, "satisfaction-check"));
        }

        @Test
        void within_is_parsed_once_at_load_into_a_period_or_a_duration() {
            Policy policy = withRules("""
                    - id: weekly
                      followUp: { action: check-in, within: p1w }
                      because: Every case is checked a week later
                    - id: two-days
                      followUp: { action: call, within: P2D }
                      because: Every case gets a call
                    - id: same-day
                      followUp: { action: report, within: PT48H }
                      because: Every case is reported
                    """);

            Decision d = policy.decide(aCaseBy("agent").propose("apology").build());

            assertThat(d.followUps()).extracting(FollowUp::within)
                    .containsExactly(Period.ofDays(2), Period.ofDays(7), Duration.ofHours(48));
            assertThat(d.followUps()).extracting(f -> f.within().toString()).containsExactly("P2D", "P7D", "PT48H");
        }

        @Test
        void is_not_added_when_the_rule_does_not_match() {
            Policy policy = withRules("""
                    - id: out-of-pocket-callback
                      when: { impact.outOfPocket: { above: 0 } }
                      followUp: { action: senior-management-call, within: P2D }
                      because: Customers out of pocket get a call
                    """);

            assertThat(policy.decide(aCaseBy("agent").impact(Impact.builder().outOfPocket(0).build())
                    .propose("refund", 30).build()).followUps()).isEmpty();
        }

        @Test
        void beside_an_effect_both_the_effect_and_the_follow_up_apply() {
            Policy policy = withRules("""
                    - id: safety-goes-to-swat
                      when: { impact.safetyIssue: true }
                      route: swat
                      followUp: { action: safety-report, within: PT24H, owner: director }
                      because: Safety issues are reported and handled by the incident team
                    """);

            Decision d = policy.decide(aCaseBy("agent").impact(Impact.builder().safetyIssue(true).build())
                    .propose("refund", 10).build());

            assertThat(d.proposal("refund").outcome()).isEqualTo(Outcome.swat("incident-team"));
            assertThat(d.proposal("refund").ruleIds()).containsExactly("safety-goes-to-swat");
            assertThat(d.followUps()).containsExactly(
                    new FollowUp("safety-report", Duration.parse("PT24H"), "director", "safety-goes-to-swat"));
        }

        @Test
        void a_rule_reading_the_amount_in_an_expression_follows_up_only_when_a_proposal_matches() {
            Policy policy = withRules("""
                    - id: big-refund-audit
                      when: "remedy == 'refund' && amount > 100"
                      followUp: { action: audit, within: P7D }
                      because: Big refunds are audited
                    """);

            assertThat(policy.decide(aCaseBy("manager").build()).followUps()).isEmpty();
            assertThat(policy.decide(aCaseBy("manager").propose("refund", 50).propose("voucher", 150).build()).followUps())
                    .isEmpty();
            assertThat(policy.decide(aCaseBy("manager").propose("refund", 50).propose("refund", 150).build()).followUps())
                    .containsExactly(new FollowUp("audit", Period.parse("P7D"), null, "big-refund-audit"));
        }

        @Test
        void a_rule_matching_several_proposals_adds_its_follow_up_once() {
            Policy policy = withRules("""
                    - id: refund-audit
                      when: { amount: { above: 10 } }
                      remedies: [refund]
                      followUp: { action: audit }
                      because: Refunds are audited
                    """);

            Decision d = policy.decide(aCaseBy("manager").propose("refund", 20).propose("refund", 30).build());

            assertThat(d.followUps()).containsExactly(new FollowUp("audit", null, null, "refund-audit"));
        }
    }
}
