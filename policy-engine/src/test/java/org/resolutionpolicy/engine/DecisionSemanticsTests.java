package org.resolutionpolicy.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.Period;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
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

/** One nested group per sentence of the decision semantics in the product spec, and one per effect. */
class DecisionSemanticsTests {

    static final String HEADER = """
            policy: semantics
            version: "7"
            roles: [agent, supervisor, manager, director]
            swat: { team: incident-team }
            remedies:
              refund: { unit: money }
              voucher: { unit: money }
              apology: { unit: none }
            authority:
              agent: { refund: 50, voucher: { perGrant: 20, perCustomer: { max: 40, count: 3, window: P30D } }, apology: unlimited }
              supervisor: { refund: 200 }
              manager: { refund: 1000, voucher: 100 }
            """;

    static Policy policy(String rules) {
        return Policies.parse(HEADER + "rules:\n" + rules);
    }

    static Policy policy(String extraHeader, String rules) {
        return Policies.parse(HEADER + extraHeader + "rules:\n" + rules);
    }

    static CustomerCase.Builder aCase(String role) {
        return CustomerCase.builder().id("C-1").severity("MEDIUM").employee(role)
                .openedAt(Instant.parse("2026-11-20T12:00:00Z"));
    }

    static ProposalDecision refund(Policy p, String role, double amount) {
        return p.decide(aCase(role).propose("refund", amount).build()).proposal("refund");
    }

    static final String DENY_GIFT_CARDS = """
              - id: no-cash-for-gift-cards
                when: { category: gift-card }
                remedies: [refund]
                deny: true
                because: Gift cards are not refunded
            """;
    static final String SWAT_ON_LEGAL = """
              - id: legal-goes-to-swat
                when: { impact.legalThreat: true }
                route: swat
                because: Legal threats go to the incident team
            """;
    static final String MANAGER_ON_CRITICAL = """
              - id: critical-needs-manager
                when: { severity: CRITICAL }
                require: manager
                because: Critical cases need a manager
            """;

    @Nested
    @DisplayName("1. deny overrides everything")
    class DenyOverrides {
        final Policy p = policy(DENY_GIFT_CARDS + SWAT_ON_LEGAL + MANAGER_ON_CRITICAL);

        @Test
        void denies_refund_of_gift_card_even_for_a_director_with_swat_and_require_matching() {
            CustomerCase c = aCase("director").category("gift-card").severity("CRITICAL")
                    .impact(Impact.builder().legalThreat(true).build()).propose("refund", 10).build();

            ProposalDecision d = p.decide(c).proposal("refund");

            assertThat(d.outcome()).isEqualTo(Outcome.denied());
            assertThat(d.ruleIds()).containsExactly("no-cash-for-gift-cards");
        }

        @Test
        void lists_every_matching_deny_rule() {
            Policy two = policy(DENY_GIFT_CARDS + """
                      - id: no-refunds-on-sundays
                        when: { channel: sunday }
                        deny: true
                        because: No refunds on Sundays
                    """);
            ProposalDecision d = two.decide(aCase("agent").category("gift-card").channel("sunday")
                    .propose("refund", 5).build()).proposal("refund");

            assertThat(d.ruleIds()).containsExactly("no-cash-for-gift-cards", "no-refunds-on-sundays");
        }

        @Test
        void a_deny_about_one_remedy_leaves_the_others_alone() {
            Decision d = p.decide(aCase("agent").category("gift-card").propose("refund", 5).propose("apology").build());

            assertThat(d.proposal("refund").outcome()).isEqualTo(Outcome.denied());
            assertThat(d.proposal("apology").outcome()).isEqualTo(Outcome.alone());
        }

        @Test
        void deny_wins_over_a_swat_rule_that_matches_too() {
            ProposalDecision d = p.decide(aCase("agent").category("gift-card")
                    .impact(Impact.builder().legalThreat(true).build()).propose("refund", 5).build()).proposal("refund");

            assertThat(d.outcome()).isEqualTo(Outcome.denied());
            assertThat(d.ruleIds()).containsExactly("no-cash-for-gift-cards");
        }

        @Test
        void deny_wins_over_a_require_the_employee_already_meets() {
            ProposalDecision d = p.decide(aCase("manager").category("gift-card").severity("CRITICAL")
                    .propose("refund", 5).build()).proposal("refund");

            assertThat(d.outcome()).isEqualTo(Outcome.denied());
            assertThat(d.ruleIds()).containsExactly("no-cash-for-gift-cards");
        }

        @Test
        void deny_wins_over_a_grant_that_would_cover_the_amount() {
            Policy withGrant = policy(DENY_GIFT_CARDS + """
                      - id: gold-refunds
                        when: { customer.tier: GOLD }
                        remedies: [refund]
                        grant: { role: agent, upTo: unlimited }
                        because: Gold members are refunded at the counter
                    """);

            ProposalDecision d = withGrant.decide(aCase("agent").category("gift-card")
                    .customer(Customer.builder().tier("GOLD").build()).propose("refund", 5).build()).proposal("refund");

            assertThat(d.outcome()).isEqualTo(Outcome.denied());
            assertThat(d.ruleIds()).containsExactly("no-cash-for-gift-cards");
        }
    }

    @Nested
    @DisplayName("2. SWAT comes next")
    class SwatNext {
        final Policy p = policy(SWAT_ON_LEGAL + MANAGER_ON_CRITICAL);

        @Test
        void routes_to_the_team_over_any_escalation_and_names_the_team() {
            CustomerCase c = aCase("agent").severity("CRITICAL").impact(Impact.builder().legalThreat(true).build())
                    .propose("refund", 5000).build();

            Decision d = p.decide(c);

            assertThat(d.proposal("refund").outcome()).isEqualTo(Outcome.swat("incident-team"));
            assertThat(d.proposal("refund").ruleIds()).containsExactly("legal-goes-to-swat");
            assertThat(d.swat()).isTrue();
        }

        @Test
        void even_a_director_does_not_grant_alone_what_goes_to_swat() {
            assertThat(p.decide(aCase("director").impact(Impact.builder().legalThreat(true).build())
                    .propose("apology").build()).proposal("apology").outcome()).isEqualTo(Outcome.swat("incident-team"));
        }

        @Test
        void the_team_takes_over_even_an_amount_beyond_every_roles_authority() {
            // step 2 comes before step 3: beyondAuthority (deny) is never reached
            ProposalDecision d = p.decide(aCase("agent").impact(Impact.builder().legalThreat(true).build())
                    .propose("refund", 50_000).build()).proposal("refund");

            assertThat(d.outcome()).isEqualTo(Outcome.swat("incident-team"));
            assertThat(d.ruleIds()).containsExactly("legal-goes-to-swat");
        }

        @Test
        void lists_every_matching_swat_rule_sorted_by_id() {
            Policy two = policy(SWAT_ON_LEGAL + """
                      - id: going-viral
                        when: "impact.socialReach >= 10000"
                        route: swat
                        because: Viral complaints go to the incident team
                    """);

            ProposalDecision d = two.decide(aCase("agent").impact(Impact.builder().legalThreat(true).socialReach(50_000).build())
                    .propose("refund", 5).build()).proposal("refund");

            assertThat(d.ruleIds()).containsExactly("going-viral", "legal-goes-to-swat");
        }
    }

    @Nested
    @DisplayName("3. the approver is the highest of the authority role and every require")
    class Approver {
        @Test
        void authority_alone_names_the_lowest_role_that_covers_the_amount() {
            Policy p = policy("");
            assertThat(refund(p, "agent", 50).outcome()).isEqualTo(Outcome.alone());
            assertThat(refund(p, "agent", 50.01).outcome()).isEqualTo(Outcome.escalate("supervisor"));
            assertThat(refund(p, "agent", 200).outcome()).isEqualTo(Outcome.escalate("supervisor"));
            assertThat(refund(p, "agent", 201).outcome()).isEqualTo(Outcome.escalate("manager"));
        }

        @Test
        void a_require_above_the_authority_role_wins() {
            Policy p = policy(MANAGER_ON_CRITICAL);
            ProposalDecision d = p.decide(aCase("agent").severity("CRITICAL").propose("refund", 10).build()).proposal("refund");

            assertThat(d.outcome()).isEqualTo(Outcome.escalate("manager"));
            assertThat(d.ruleIds()).containsExactly("critical-needs-manager");
        }

        @Test
        void an_authority_role_above_every_require_wins_and_is_named_as_the_reason() {
            Policy p = policy("""
                      - id: any-refund-needs-a-supervisor
                        remedies: [refund]
                        require: supervisor
                        because: Refunds are checked
                    """);
            ProposalDecision d = refund(p, "agent", 500);

            assertThat(d.outcome()).isEqualTo(Outcome.escalate("manager"));
            assertThat(d.reasons()).singleElement().satisfies(r -> {
                assertThat(r.rule()).isEqualTo(Reason.AUTHORITY);
                assertThat(r.because()).isEqualTo(
                        "refund of 500 is beyond the authority of agent (up to 50 per grant); manager may grant it");
            });
        }

        @Test
        void the_highest_of_several_requires_wins_and_only_rules_naming_it_are_reasons() {
            Policy p = policy(MANAGER_ON_CRITICAL + """
                      - id: phone-needs-supervisor
                        when: { channel: phone }
                        require: supervisor
                        because: Phone refunds are checked
                      - id: vip-needs-manager
                        when: { customer.tier: VIP }
                        require: manager
                        because: VIPs are handled by a manager
                    """);
            ProposalDecision d = p.decide(aCase("agent").severity("CRITICAL").channel("phone")
                    .customer(Customer.builder().tier("VIP").build()).propose("refund", 10).build()).proposal("refund");

            assertThat(d.outcome()).isEqualTo(Outcome.escalate("manager"));
            assertThat(d.ruleIds()).containsExactly("critical-needs-manager", "vip-needs-manager");
        }

        @Test
        void authority_is_inherited_up_the_ladder() {
            // director has no entry of its own: it covers through the manager below it
            Policy p = policy("");
            assertThat(refund(p, "director", 1000).outcome()).isEqualTo(Outcome.alone());
            assertThat(p.decide(aCase("supervisor").propose("apology").build()).proposal("apology").outcome())
                    .isEqualTo(Outcome.alone());
        }

        @Nested
        @DisplayName("beyondAuthority")
        class BeyondAuthority {
            @Test
            void denies_by_default_with_authority_as_the_reason() {
                ProposalDecision d = refund(policy(""), "director", 1000.01);

                assertThat(d.outcome()).isEqualTo(Outcome.denied());
                assertThat(d.reasons()).containsExactly(new Reason("authority", "refund of 1000.01 is beyond every role's authority"));
            }

            @Test
            void can_route_to_swat() {
                assertThat(refund(policy("beyondAuthority: swat\n", ""), "agent", 5000).outcome())
                        .isEqualTo(Outcome.swat("incident-team"));
            }

            @Test
            void can_name_a_role() {
                Policy p = policy("beyondAuthority: director\n", "");
                assertThat(refund(p, "agent", 5000).outcome()).isEqualTo(Outcome.escalate("director"));
                assertThat(refund(p, "director", 5000).outcome()).isEqualTo(Outcome.alone());
            }

            @Test
            void a_named_role_is_the_authority_reason() {
                ProposalDecision d = refund(policy("beyondAuthority: director\n", ""), "agent", 5000);

                assertThat(d.reasons()).containsExactly(new Reason(Reason.AUTHORITY,
                        "refund of 5000 is beyond every role's own authority; the policy sends such proposals to director"));
            }

            @Test
            void swat_names_the_team_and_marks_the_decision() {
                Decision d = policy("beyondAuthority: swat\n", "").decide(aCase("agent").propose("refund", 5000).build());

                assertThat(d.proposal("refund").reasons()).containsExactly(new Reason(Reason.AUTHORITY,
                        "refund of 5000 is beyond every role's own authority; the policy sends such proposals to incident-team"));
                assertThat(d.swat()).isTrue();
            }

            @Test
            void a_require_above_the_named_role_still_wins() {
                Policy p = policy("beyondAuthority: supervisor\n", MANAGER_ON_CRITICAL);

                ProposalDecision d = p.decide(aCase("agent").severity("CRITICAL").propose("refund", 5000).build())
                        .proposal("refund");

                assertThat(d.outcome()).isEqualTo(Outcome.escalate("manager"));
                assertThat(d.ruleIds()).containsExactly("critical-needs-manager");
            }

            @Test
            void does_not_apply_while_some_role_covers_the_amount() {
                assertThat(refund(policy("beyondAuthority: swat\n", ""), "agent", 1000).outcome())
                        .isEqualTo(Outcome.escalate("manager"));
            }
        }
    }

    @Nested
    @DisplayName("4. ALONE at or below the employee, else ESCALATE")
    class AloneOrEscalate {
        @Test
        void the_same_proposal_is_alone_for_the_approver_and_above() {
            Policy p = policy("");
            assertThat(refund(p, "agent", 150).outcome()).isEqualTo(Outcome.escalate("supervisor"));
            assertThat(refund(p, "supervisor", 150).outcome()).isEqualTo(Outcome.alone());
            assertThat(refund(p, "manager", 150).outcome()).isEqualTo(Outcome.alone());
        }

        @Test
        void a_satisfied_require_is_still_named_as_the_reason() {
            ProposalDecision d = policy(MANAGER_ON_CRITICAL).decide(aCase("manager").severity("CRITICAL")
                    .propose("refund", 10).build()).proposal("refund");

            assertThat(d.outcome()).isEqualTo(Outcome.alone());
            assertThat(d.ruleIds()).containsExactly("critical-needs-manager");
        }
    }

    @Nested
    @DisplayName("grants")
    class Grants {
        final Policy p = policy("""
                  - id: gold-vouchers
                    when: { customer.tier: GOLD }
                    remedies: [voucher]
                    grant: { role: agent, upTo: 35 }
                    because: Gold members may get more
                """);

        @Test
        void raise_the_per_grant_limit_only_while_they_match() {
            CustomerCase gold = aCase("agent").customer(Customer.builder().tier("GOLD").build()).propose("voucher", 30).build();
            CustomerCase silver = aCase("agent").customer(Customer.builder().tier("SILVER").build()).propose("voucher", 30).build();

            assertThat(p.decide(gold).proposal("voucher").outcome()).isEqualTo(Outcome.alone());
            assertThat(p.decide(gold).proposal("voucher").ruleIds()).containsExactly("gold-vouchers");
            assertThat(p.decide(silver).proposal("voucher").outcome()).isEqualTo(Outcome.escalate("manager"));
        }

        @Test
        void keep_the_cumulative_window_of_the_role() {
            CustomerCase gold = aCase("agent").customer(Customer.builder().tier("GOLD")
                    .history("voucher", 15, Instant.parse("2026-11-10T00:00:00Z")).build()).propose("voucher", 30).build();

            ProposalDecision d = p.decide(gold).proposal("voucher");

            assertThat(d.outcome()).isEqualTo(Outcome.escalate("manager"));
            assertThat(d.ruleIds()).containsExactly("authority");
        }

        @Test
        void apply_to_a_role_without_an_entry_of_its_own() {
            Policy given = policy("""
                      - id: supervisors-may-voucher
                        remedies: [voucher]
                        grant: { role: supervisor, upTo: unlimited }
                        because: Supervisors may give any voucher
                    """);
            assertThat(given.decide(aCase("supervisor").propose("voucher", 500).build()).proposal("voucher").outcome())
                    .isEqualTo(Outcome.alone());
        }
    }

    @Nested
    @DisplayName("cumulative windows end at openedAt")
    class Windows {
        final Policy p = policy("");

        ProposalDecision voucher(Customer customer, double amount) {
            return p.decide(aCase("agent").customer(customer).propose("voucher", amount).build()).proposal("voucher");
        }

        @Test
        void count_the_history_and_the_proposal_against_the_max() {
            Customer had25 = Customer.builder().history("voucher", 25, Instant.parse("2026-11-01T00:00:00Z")).build();
            assertThat(voucher(had25, 15).outcome()).isEqualTo(Outcome.alone());
            assertThat(voucher(had25, 15.01).outcome()).isEqualTo(Outcome.escalate("manager"));
        }

        @Test
        void count_grants_against_the_count() {
            Customer.Builder three = Customer.builder();
            for (int day = 1; day <= 3; day++) {
                three.history("voucher", 1, Instant.parse("2026-11-0" + day + "T00:00:00Z"));
            }
            assertThat(voucher(three.build(), 1).outcome()).isEqualTo(Outcome.escalate("manager"));
        }

        @Test
        void ignore_entries_after_openedAt_and_at_or_before_the_window_start() {
            Customer outside = Customer.builder()
                    .history("voucher", 40, Instant.parse("2026-11-20T12:00:01Z"))   // after openedAt
                    .history("voucher", 40, Instant.parse("2026-10-21T12:00:00Z"))   // exactly 30 days before: outside
                    .build();
            Customer inside = Customer.builder()
                    .history("voucher", 40, Instant.parse("2026-11-20T12:00:00Z"))   // at openedAt: inside
                    .build();
            assertThat(voucher(outside, 20).outcome()).isEqualTo(Outcome.alone());
            assertThat(voucher(inside, 1).outcome()).isEqualTo(Outcome.escalate("manager"));
        }

        @Test
        void count_only_the_same_remedy() {
            Customer refunds = Customer.builder().history("refund", 500, Instant.parse("2026-11-10T00:00:00Z")).build();
            assertThat(voucher(refunds, 20).outcome()).isEqualTo(Outcome.alone());
        }

        @Test
        void allow_grants_up_to_the_count_and_refuse_the_one_after() {
            Customer two = Customer.builder()
                    .history("voucher", 1, Instant.parse("2026-11-01T00:00:00Z"))
                    .history("voucher", 1, Instant.parse("2026-11-02T00:00:00Z")).build();
            Customer three = Customer.builder().history("voucher", 1, Instant.parse("2026-11-03T00:00:00Z"))
                    .history("voucher", 1, Instant.parse("2026-11-01T00:00:00Z"))
                    .history("voucher", 1, Instant.parse("2026-11-02T00:00:00Z")).build();

            assertThat(voucher(two, 1).outcome()).isEqualTo(Outcome.alone());
            assertThat(voucher(three, 1).outcome()).isEqualTo(Outcome.escalate("manager"));
            assertThat(voucher(three, 1).reasons()).singleElement().extracting(Reason::because).isEqualTo(
                    "voucher of 1 is beyond the authority of agent (at most 3 per customer in P30D, and the customer "
                            + "already had 3); manager may grant it");
        }

        @Test
        void name_the_used_total_when_the_max_is_exceeded() {
            Customer had25 = Customer.builder().history("voucher", 25, Instant.parse("2026-11-01T00:00:00Z")).build();

            assertThat(voucher(had25, 20).reasons()).singleElement().extracting(Reason::because).isEqualTo(
                    "voucher of 20 is beyond the authority of agent (at most 40 per customer in P30D, and the customer "
                            + "already had 25); manager may grant it");
        }

        @Test
        void end_at_the_decision_time_when_the_case_has_no_openedAt() {
            Instant now = Instant.now();
            Customer anHourAgo = Customer.builder().history("voucher", 40, now.minusSeconds(3600)).build();
            Customer tomorrow = Customer.builder().history("voucher", 40, now.plusSeconds(86_400)).build();
            CustomerCase.Builder unopened = CustomerCase.builder().severity("MEDIUM").employee("agent").propose("voucher", 1);

            assertThat(p.decide(unopened.customer(anHourAgo).build()).proposal("voucher").outcome())
                    .isEqualTo(Outcome.escalate("manager"));
            assertThat(p.decide(unopened.customer(tomorrow).build()).proposal("voucher").outcome())
                    .isEqualTo(Outcome.alone());
        }

        @Test
        void count_an_entry_just_inside_the_start_but_not_one_exactly_at_it() {
            Customer justInside = Customer.builder().history("voucher", 40, Instant.parse("2026-10-21T12:00:01Z")).build();
            Customer atStart = Customer.builder().history("voucher", 40, Instant.parse("2026-10-21T12:00:00Z")).build();

            assertThat(voucher(justInside, 1).outcome()).isEqualTo(Outcome.escalate("manager"));
            assertThat(voucher(atStart, 1).outcome()).isEqualTo(Outcome.alone());
        }

    }

    @Nested
    @DisplayName("follow-ups are the union of every matching rule's")
    class FollowUps {
        final Policy p = policy("""
                  - id: callback
                    when: { impact.outOfPocket: { above: 0 } }
                    followUp: { action: senior-management-call, within: P2D, owner: manager }
                    because: Out of pocket
                  - id: big-refund-review
                    when: { amount: { above: 100 } }
                    remedies: [refund]
                    followUp: { action: refund-audit, within: P7D }
                    because: Big refunds are audited
                  - id: legal-swat
                    when: { impact.legalThreat: true }
                    route: swat
                    followUp: { action: legal-review }
                    because: Legal
                """);

        @Test
        void a_case_level_rule_adds_its_follow_up_once() {
            Decision d = p.decide(aCase("agent").impact(Impact.builder().outOfPocket(5).build())
                    .propose("refund", 10).propose("voucher", 5).build());

            assertThat(d.followUps()).containsExactly(
                    new FollowUp("senior-management-call", Period.parse("P2D"), "manager", "callback"));
        }

        @Test
        void a_rule_testing_the_amount_counts_if_it_matches_any_proposal() {
            Decision d = p.decide(aCase("manager").propose("refund", 10).propose("refund", 150).build());

            assertThat(d.followUps()).containsExactly(new FollowUp("refund-audit", Period.parse("P7D"), null, "big-refund-review"));
            assertThat(p.decide(aCase("manager").propose("refund", 10).build()).followUps()).isEmpty();
        }

        @Test
        void a_follow_up_beside_an_effect_comes_with_it_and_follow_up_only_rules_are_not_reasons() {
            Decision d = p.decide(aCase("agent").impact(Impact.builder().outOfPocket(5).legalThreat(true).build())
                    .propose("refund", 150).build());

            assertThat(d.followUps()).extracting(FollowUp::action)
                    .containsExactly("legal-review", "refund-audit", "senior-management-call");
            assertThat(d.proposal("refund").ruleIds()).containsExactly("legal-swat");
        }

        @Test
        void are_ordered_by_action_then_rule_id_whatever_the_rule_order() {
            Policy many = policy("""
                      - id: z-call
                        followUp: { action: call }
                        because: z
                      - id: b-survey
                        followUp: { action: survey }
                        because: b
                      - id: a-call
                        followUp: { action: call }
                        because: a
                    """);

            assertThat(many.decide(aCase("agent").propose("apology").build()).followUps())
                    .extracting(FollowUp::action, FollowUp::rule).containsExactly(
                            org.assertj.core.groups.Tuple.tuple("call", "a-call"),
                            org.assertj.core.groups.Tuple.tuple("call", "z-call"),
                            org.assertj.core.groups.Tuple.tuple("survey", "b-survey"));
        }

        @Test
        void come_from_every_matching_rule_even_one_whose_effect_is_overridden() {
            Policy p = policy(DENY_GIFT_CARDS + """
                      - id: critical-review
                        when: { severity: CRITICAL }
                        require: manager
                        followUp: { action: manager-review, within: P1D }
                        because: Critical cases are reviewed
                    """);

            Decision d = p.decide(aCase("agent").category("gift-card").severity("CRITICAL").propose("refund", 5).build());

            assertThat(d.proposal("refund").outcome()).isEqualTo(Outcome.denied());
            assertThat(d.followUps()).containsExactly(new FollowUp("manager-review", Period.parse("P1D"), null, "critical-review"));
        }

        @Test
        void a_latitude_question_gets_the_case_level_follow_ups_but_not_those_about_proposals() {
            Decision d = p.decide(aCase("agent").impact(Impact.builder().outOfPocket(5).build()).build());

            assertThat(d.isLatitude()).isTrue();
            assertThat(d.followUps()).extracting(FollowUp::rule).containsExactly("callback");
        }
    }

    @Nested
    @DisplayName("rule switches")
    class Switches {
        @Test
        void a_disabled_rule_never_applies() {
            Policy p = policy("""
                      - id: off
                        enabled: false
                        deny: true
                        because: switched off
                    """);
            assertThat(refund(p, "agent", 10).outcome()).isEqualTo(Outcome.alone());
            assertThat(p.warnings()).singleElement().satisfies(w -> assertThat(w.message()).contains("rule [off] is disabled"));
        }

        @Test
        void remedies_restrict_a_rule() {
            Policy p = policy("""
                      - id: vouchers-need-manager
                        remedies: [voucher]
                        require: manager
                        because: Vouchers need a manager
                    """);
            Decision d = p.decide(aCase("agent").propose("refund", 10).propose("voucher", 10).build());
            assertThat(d.proposal("refund").outcome()).isEqualTo(Outcome.alone());
            assertThat(d.proposal("voucher").outcome()).isEqualTo(Outcome.escalate("manager"));
        }

        @Test
        void a_disabled_grant_raises_nothing_and_a_disabled_follow_up_adds_nothing() {
            Policy p = policy("""
                      - id: old-grant
                        enabled: false
                        remedies: [refund]
                        grant: { role: agent, upTo: 500 }
                        because: switched off
                      - id: old-call
                        enabled: false
                        followUp: { action: call }
                        because: switched off
                    """);

            Decision d = p.decide(aCase("agent").propose("refund", 100).build());

            assertThat(d.proposal("refund").outcome()).isEqualTo(Outcome.escalate("supervisor"));
            assertThat(d.proposal("refund").ruleIds()).containsExactly(Reason.AUTHORITY);
            assertThat(d.followUps()).isEmpty();
        }

        @Test
        void a_disabled_swat_rule_routes_nothing() {
            Policy p = policy("""
                      - id: old-swat
                        enabled: false
                        route: swat
                        because: switched off
                    """);

            assertThat(refund(p, "agent", 10).outcome()).isEqualTo(Outcome.alone());
        }

        @Test
        void a_rule_without_remedies_applies_to_every_remedy() {
            Policy p = policy("""
                      - id: phone-needs-supervisor
                        when: { channel: phone }
                        require: supervisor
                        because: Phone cases are checked
                    """);

            Decision d = p.decide(aCase("agent").channel("phone").propose("refund", 1).propose("voucher", 1)
                    .propose("apology").build());

            assertThat(d.proposals()).extracting(ProposalDecision::outcome).containsOnly(Outcome.escalate("supervisor"));
        }
    }

    @Nested
    @DisplayName("order independence")
    class OrderIndependence {
        @Test
        void shuffling_the_rules_never_changes_a_decision() {
            List<String> rules = new ArrayList<>(List.of(DENY_GIFT_CARDS, SWAT_ON_LEGAL, MANAGER_ON_CRITICAL, """
                      - id: gold-vouchers
                        when: { customer.tier: GOLD }
                        remedies: [voucher]
                        grant: { role: agent, upTo: 35 }
                        because: Gold members may get more
                    """, """
                      - id: callback
                        when: { impact.outOfPocket: { above: 0 } }
                        followUp: { action: call }
                        because: Out of pocket
                    """));
            List<CustomerCase> cases = List.of(
                    aCase("agent").category("gift-card").severity("CRITICAL").propose("refund", 10).propose("voucher", 30).build(),
                    aCase("agent").customer(Customer.builder().tier("GOLD").build()).severity("CRITICAL")
                            .impact(Impact.builder().outOfPocket(3).build()).propose("voucher", 30).propose("apology").build(),
                    aCase("supervisor").impact(Impact.builder().legalThreat(true).build()).propose("refund", 70).build(),
                    aCase("manager").build());
            Policy reference = policy(String.join("", rules));
            Random random = new Random(42);
            for (int round = 0; round < 20; round++) {
                Collections.shuffle(rules, random);
                Policy shuffled = policy(String.join("", rules));
                for (CustomerCase c : cases) {
                    assertThat(Revisionless.of(shuffled.decide(c))).isEqualTo(Revisionless.of(reference.decide(c)));
                }
            }
        }
    }

    @Nested
    @DisplayName("reasons name every contributing rule, sorted by id, authority last")
    class Reasons {
        final String goldGrantToSupervisors = """
                  - id: gold-refunds-by-supervisors
                    when: { customer.tier: GOLD }
                    remedies: [refund]
                    grant: { role: supervisor, upTo: 2000 }
                    because: Supervisors may refund Gold members generously
                """;

        CustomerCase.Builder goldCase(String role) {
            return aCase(role).customer(Customer.builder().tier("GOLD").lifetimeValue(5000).build());
        }

        @Test
        void a_require_and_a_grant_at_the_approver_level_are_both_named_without_authority() {
            Policy p = policy(goldGrantToSupervisors + """
                      - id: a-phone-refunds
                        when: { channel: phone }
                        remedies: [refund]
                        require: supervisor
                        because: Phone refunds are checked
                    """);

            ProposalDecision d = p.decide(goldCase("agent").channel("phone").propose("refund", 1500).build()).proposal("refund");

            assertThat(d.outcome()).isEqualTo(Outcome.escalate("supervisor"));
            assertThat(d.ruleIds()).containsExactly("a-phone-refunds", "gold-refunds-by-supervisors");
        }

        @Test
        void the_authority_comes_after_a_grant_whatever_the_grants_id() {
            Policy p = policy(goldGrantToSupervisors.replace("gold-refunds-by-supervisors", "zz-gold"));

            ProposalDecision d = p.decide(goldCase("agent").propose("refund", 1500).build()).proposal("refund");

            assertThat(d.ruleIds()).containsExactly("zz-gold", Reason.AUTHORITY);
        }

        @Test
        void a_grant_is_named_even_when_the_employee_grants_alone() {
            Policy p = policy(goldGrantToSupervisors);

            ProposalDecision d = p.decide(goldCase("supervisor").propose("refund", 1500).build()).proposal("refund");

            assertThat(d.outcome()).isEqualTo(Outcome.alone());
            assertThat(d.ruleIds()).containsExactly("gold-refunds-by-supervisors");
        }

        @Test
        void every_grant_that_covers_is_named_and_one_that_falls_short_is_not() {
            Policy p = policy("""
                      - id: gold-vouchers
                        when: { customer.tier: GOLD }
                        remedies: [voucher]
                        grant: { role: agent, upTo: 30 }
                        because: Gold members may get more
                      - id: loyal-vouchers
                        when: { customer.lifetimeValue: { atLeast: 1000 } }
                        remedies: [voucher]
                        grant: { role: agent, upTo: 25 }
                        because: Loyal customers may get more
                    """);

            assertThat(p.decide(goldCase("agent").propose("voucher", 24).build()).proposal("voucher").ruleIds())
                    .containsExactly("gold-vouchers", "loyal-vouchers");
            assertThat(p.decide(goldCase("agent").propose("voucher", 28).build()).proposal("voucher").ruleIds())
                    .containsExactly("gold-vouchers");
        }

        @Test
        void a_grant_to_a_role_below_the_approver_is_not_a_reason() {
            Policy p = policy("""
                      - id: gold-vouchers
                        when: { customer.tier: GOLD }
                        remedies: [voucher]
                        grant: { role: agent, upTo: 30 }
                        because: Gold members may get more
                    """);

            ProposalDecision d = p.decide(goldCase("agent").propose("voucher", 50).build()).proposal("voucher");

            assertThat(d.outcome()).isEqualTo(Outcome.escalate("manager"));
            assertThat(d.ruleIds()).containsExactly(Reason.AUTHORITY);
        }

        @Test
        void a_require_below_the_approver_is_not_a_reason() {
            Policy p = policy("""
                      - id: phone-needs-supervisor
                        when: { channel: phone }
                        require: supervisor
                        because: Phone cases are checked
                    """);

            ProposalDecision d = p.decide(aCase("agent").channel("phone").propose("refund", 500).build()).proposal("refund");

            assertThat(d.outcome()).isEqualTo(Outcome.escalate("manager"));
            assertThat(d.ruleIds()).containsExactly(Reason.AUTHORITY);
        }

        @Test
        void nothing_is_named_when_the_employee_grants_within_the_table() {
            assertThat(refund(policy(""), "supervisor", 150).reasons()).isEmpty();
            assertThat(refund(policy(""), "director", 1000).reasons()).isEmpty();
        }

        @Test
        void every_reason_carries_the_because_of_its_rule() {
            ProposalDecision d = policy(MANAGER_ON_CRITICAL).decide(aCase("agent").severity("CRITICAL")
                    .propose("refund", 10).build()).proposal("refund");

            assertThat(d.reasons()).containsExactly(new Reason("critical-needs-manager", "Critical cases need a manager"));
        }
    }

    @Nested
    @DisplayName("decisions do not depend on rule order")
    class ShuffledPolicyText {
        final List<String> rules = List.of(DENY_GIFT_CARDS, SWAT_ON_LEGAL, MANAGER_ON_CRITICAL, """
                  - id: gold-vouchers
                    when: { customer.tier: GOLD }
                    remedies: [voucher]
                    grant: { role: agent, upTo: 35 }
                    because: Gold members may get more
                """, """
                  - id: gold-refunds-by-supervisors
                    when: { customer.tier: GOLD, expr: "history.total('refund', 'P30D') < 500" }
                    remedies: [refund]
                    grant: { role: supervisor, upTo: 2000 }
                    because: Supervisors may refund Gold members generously
                """, """
                  - id: phone-needs-supervisor
                    when: { channel: phone, amount: { above: 20 } }
                    require: supervisor
                    followUp: { action: call-back, within: P1D, owner: supervisor }
                    because: Phone promises are checked
                """, """
                  - id: callback
                    when: "impact.outOfPocket > 0 || severity.atLeast('HIGH')"
                    followUp: { action: call }
                    because: Out of pocket
                """, """
                  - id: retired
                    enabled: false
                    deny: true
                    because: off
                """);

        List<CustomerCase> cases() {
            Customer gold = Customer.builder().tier("GOLD")
                    .history("voucher", 10, Instant.parse("2026-11-10T00:00:00Z"))
                    .history("refund", 100, Instant.parse("2026-11-11T00:00:00Z")).build();
            List<CustomerCase> cases = new ArrayList<>();
            for (String role : List.of("agent", "supervisor", "manager", "director")) {
                for (String severity : List.of("LOW", "CRITICAL")) {
                    CustomerCase.Builder base = aCase(role).severity(severity);
                    cases.add(base.customer(gold).channel("phone").propose("refund", 1500).propose("voucher", 30)
                            .propose("apology").build());
                    cases.add(aCase(role).severity(severity).category("gift-card").customer(gold)
                            .impact(Impact.builder().outOfPocket(3).build()).propose("refund", 10).propose("voucher", 45).build());
                    cases.add(aCase(role).severity(severity).impact(Impact.builder().legalThreat(true).build())
                            .propose("refund", 70).build());
                    cases.add(aCase(role).severity(severity).customer(gold).channel("phone").build());
                }
            }
            return cases;
        }

        @Test
        void shuffling_the_rules_list_of_a_policy_text_gives_equal_decisions() {
            List<CustomerCase> cases = cases();
            Policy reference = policy(String.join("", rules));
            List<Decision> expected = new ArrayList<>();
            cases.forEach(c -> expected.add(reference.decide(c)));
            Random random = new Random(7);

            for (int round = 0; round < 25; round++) {
                List<String> shuffled = new ArrayList<>(rules);
                Collections.shuffle(shuffled, random);
                Policy p = policy(String.join("", shuffled));
                for (int i = 0; i < cases.size(); i++) {
                    assertThat(Revisionless.of(p.decide(cases.get(i)))).as("case %d, order %s", i, shuffled)
                            .isEqualTo(Revisionless.of(expected.get(i)));
                }
            }
            // the cases reach every outcome and some follow-ups, so agreement is not trivial
            assertThat(expected).flatExtracting(Decision::proposals).extracting(ProposalDecision::kind)
                    .contains(Outcome.Kind.ALONE, Outcome.Kind.ESCALATE, Outcome.Kind.SWAT, Outcome.Kind.DENIED);
            assertThat(expected).flatExtracting(Decision::followUps).extracting(FollowUp::rule)
                    .contains("callback", "phone-needs-supervisor");
        }
    }

    @Nested
    @DisplayName("rules that read the case alone, tested once per case, still apply proposal by proposal")
    class CaseLevelRules {

        final Policy policy = policy("""
                  - id: gold-refunds-with-costs
                    when: { customer.tier: GOLD, expr: "impact.outOfPocket > 5" }
                    remedies: [refund]
                    require: manager
                    because: costly gold refunds
                  - id: critical-cases
                    when: "severity == 'CRITICAL' && impact.outOfPocket > 0"
                    require: supervisor
                    because: critical
                  - id: big-amounts-for-gold
                    when: { customer.tier: GOLD, expr: "amount > impact.outOfPocket * 2" }
                    require: director
                    because: far above the cost
                """);

        Decision decide(String severity, String tier, double outOfPocket) {
            return policy.decide(aCase("agent").severity(severity)
                    .customer(Customer.builder().tier(tier).build())
                    .impact(Impact.builder().outOfPocket(outOfPocket).build())
                    .propose("refund", 10).propose("voucher", 10).propose("apology").build());
        }

        @Test
        void a_case_level_rule_about_one_remedy_applies_to_that_remedy_only() {
            Decision d = decide("MEDIUM", "GOLD", 8);

            assertThat(d.proposal("refund").outcome()).isEqualTo(Outcome.escalate("manager"));
            assertThat(d.proposal("refund").ruleIds()).containsExactly("gold-refunds-with-costs");
            assertThat(d.proposal("voucher").outcome()).isEqualTo(Outcome.alone());
            assertThat(d.proposal("apology").outcome()).isEqualTo(Outcome.alone());
        }

        @Test
        void a_case_level_rule_about_every_remedy_applies_to_each_proposal() {
            Decision d = decide("CRITICAL", "SILVER", 1);

            assertThat(d.proposals()).extracting(ProposalDecision::outcome)
                    .containsOnly(Outcome.escalate("supervisor"));
            assertThat(d.proposals()).flatExtracting(ProposalDecision::ruleIds).containsOnly("critical-cases");
        }

        @Test
        void a_rule_that_reads_the_amount_is_tested_for_each_proposal() {
            Decision d = policy.decide(aCase("agent").customer(Customer.builder().tier("GOLD").build())
                    .impact(Impact.builder().outOfPocket(4).build())
                    .propose("refund", 9).propose("voucher", 8).propose("apology").build());

            assertThat(d.proposal("refund").ruleIds()).containsExactly("big-amounts-for-gold");
            assertThat(d.proposal("voucher").ruleIds()).isEmpty();
            assertThat(d.proposal("apology").ruleIds()).isEmpty();
        }
    }
}
