package org.resolutionpolicy.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.Period;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.resolutionpolicy.api.Customer;
import org.resolutionpolicy.api.CustomerCase;
import org.resolutionpolicy.api.Explanation;
import org.resolutionpolicy.api.Explanation.Beyond;
import org.resolutionpolicy.api.Explanation.Effect;
import org.resolutionpolicy.api.Explanation.ProposalExplanation;
import org.resolutionpolicy.api.Explanation.RoleLimit;
import org.resolutionpolicy.api.Explanation.Status;
import org.resolutionpolicy.api.Explanation.Window;
import org.resolutionpolicy.api.Impact;
import org.resolutionpolicy.api.Limit;
import org.resolutionpolicy.api.Outcome;
import org.resolutionpolicy.api.Policies;
import org.resolutionpolicy.api.Policy;

/** Explanations say, for every rule and proposal, whether it matched, why not, and how authority was found. */
class ExplainTests {

    static final Policy POLICY = Policies.parse("""
            policy: explained
            version: "3"
            roles: [agent, supervisor, manager]
            swat: { team: incident-team }
            attributes: { delayHours: number, store: string }
            remedies:
              refund: { unit: money }
              voucher: { unit: money }
              apology: { unit: none }
            authority:
              agent: { refund: 50, voucher: { perGrant: 20, perCustomer: { max: 40, window: P30D } }, apology: unlimited }
              supervisor: { refund: 200 }
              manager: { refund: 1000, voucher: 100 }
            rules:
              - id: gold
                when: { customer.tier: [GOLD, PLATINUM] }
                remedies: [voucher]
                grant: { role: agent, upTo: 30 }
                because: Gold members get more
              - id: high-severity
                when: { severity: { atLeast: HIGH }, amount: { above: 100 } }
                remedies: [refund]
                require: manager
                because: Big refunds at high severity need a manager
              - id: long-delay
                when: { attributes.delayHours: { atLeast: 3, below: 48 } }
                require: supervisor
                because: Long delays are looked at
              - id: not-online
                when: { channel: { not: [web, app] } }
                remedies: [apology]
                require: supervisor
                because: test of not
              - id: has-store
                when: { attributes.store: { exists: true } }
                remedies: [apology]
                require: supervisor
                because: test of exists
              - id: viral
                when: "impact.socialReach >= 10000 && severity.atLeast('MEDIUM') && history.count('refund', 'P30D') >= 1"
                route: swat
                because: Viral goes to the team
              - id: gift-cards
                when: { category: gift-card }
                remedies: [refund]
                deny: true
                because: No cash for gift cards
              - id: retired
                enabled: false
                deny: true
                because: off
            """);

    static CustomerCase.Builder aCase() {
        return CustomerCase.builder().id("C-5").severity("MEDIUM").employee("agent").channel("web")
                .openedAt(Instant.parse("2026-11-20T12:00:00Z"));
    }

    static ProposalExplanation explain(CustomerCase c, String remedy) {
        Explanation e = POLICY.explain(c);
        assertThat(e.decision()).isEqualTo(POLICY.decide(c));
        return e.proposals().stream().filter(p -> p.proposal().remedy().equals(remedy)).findFirst().orElseThrow();
    }

    @Nested
    @DisplayName("matchers")
    class Matchers {
        @Test
        void a_one_of_list_names_the_value_it_saw_and_the_values_it_wanted() {
            ProposalExplanation p = explain(aCase().customer(Customer.builder().tier("SILVER").build())
                    .propose("voucher", 10).build(), "voucher");

            assertThat(p.rule("gold").status()).isEqualTo(Status.NOT_MATCHED);
            assertThat(p.rule("gold").failures()).extracting(Explanation.Failure::text).containsExactly("customer.tier was [SILVER], wanted one of [GOLD, PLATINUM]");
        }

        @Test
        void each_failing_matcher_of_a_rule_is_listed_with_severity_names() {
            ProposalExplanation p = explain(aCase().severity("LOW").propose("refund", 20).build(), "refund");

            assertThat(p.rule("high-severity").failures()).extracting(Explanation.Failure::text).containsExactly(
                    "severity was [LOW], wanted at least [HIGH]", "amount was [20], wanted above [100]");
        }

        @Test
        void combined_comparisons_not_exists_and_absent_facts_are_worded() {
            ProposalExplanation p = explain(aCase().attribute("delayHours", 50).propose("apology").build(), "apology");

            assertThat(p.rule("long-delay").failures()).extracting(Explanation.Failure::text).containsExactly("attributes.delayHours was [50], wanted at least [3] and below [48]");
            assertThat(p.rule("not-online").failures()).extracting(Explanation.Failure::text).containsExactly("channel was [web], wanted not one of [web, app]");
            assertThat(p.rule("has-store").failures()).extracting(Explanation.Failure::text).containsExactly("attributes.store was absent, wanted present");

            ProposalExplanation none = explain(aCase().channel(null).propose("apology").build(), "apology");
            assertThat(none.rule("long-delay").failures()).extracting(Explanation.Failure::text).containsExactly("attributes.delayHours was absent, wanted at least [3] and below [48]");
            assertThat(none.rule("not-online").failures()).extracting(Explanation.Failure::text).containsExactly("channel was absent, wanted not one of [web, app]");
        }

        @Test
        void a_matched_rule_has_no_failures() {
            ProposalExplanation p = explain(aCase().attribute("delayHours", 5).propose("refund", 10).build(), "refund");

            assertThat(p.rule("long-delay").status()).isEqualTo(Status.MATCHED);
            assertThat(p.rule("long-delay").failures()).isEmpty();
            assertThat(p.rule("long-delay").effect()).isEqualTo(new Effect(Effect.Kind.REQUIRE, "supervisor", null, null));
            assertThat(p.rule("long-delay").effect().text()).isEqualTo("require supervisor");
        }
    }

    @Nested
    @DisplayName("expressions")
    class Expressions {
        @Test
        void name_each_false_conjunct_with_the_values_it_read() {
            CustomerCase c = aCase().impact(Impact.builder().socialReach(20_000).build())
                    .customer(Customer.builder().history("refund", 5, Instant.parse("2026-09-01T00:00:00Z")).build())
                    .propose("refund", 10).build();

            ProposalExplanation p = explain(c, "refund");

            assertThat(p.rule("viral").status()).isEqualTo(Status.NOT_MATCHED);
            assertThat(p.rule("viral").failures()).extracting(Explanation.Failure::text).containsExactly(
                    "history.count('refund', 'P30D') >= 1 was false, with history.count('refund', 'P30D') = [0]");
        }

        @Test
        void report_absent_facts_as_absent() {
            ProposalExplanation p = explain(aCase().propose("refund", 10).build(), "refund");

            assertThat(p.rule("viral").failures()).extracting(Explanation.Failure::text).contains("impact.socialReach >= 10000 was false, with impact.socialReach absent");
        }
    }

    @Nested
    @DisplayName("authority")
    class Authority {
        @Test
        void lists_each_roles_limit_and_the_lowest_that_covers() {
            ProposalExplanation p = explain(aCase().propose("refund", 120).build(), "refund");

            assertThat(p.outcome()).isEqualTo(Outcome.escalate("supervisor"));
            assertThat(p.authority().roles()).containsExactly(
                    new RoleLimit("agent", Limit.of(50), java.util.List.of(), null, false),
                    new RoleLimit("supervisor", Limit.of(200), java.util.List.of(), null, true),
                    new RoleLimit("manager", Limit.of(1000), java.util.List.of(), null, true));
            assertThat(p.authority().coveringRole()).isEqualTo("supervisor");
        }

        @Test
        void names_the_grant_that_raised_a_limit_and_the_window_it_saw() {
            CustomerCase gold = aCase().customer(Customer.builder().tier("GOLD")
                    .history("voucher", 15, Instant.parse("2026-11-05T00:00:00Z")).build()).propose("voucher", 25).build();

            ProposalExplanation p = explain(gold, "voucher");

            assertThat(p.outcome()).isEqualTo(Outcome.alone());
            Window window = new Window(Limit.of(40), null, Period.ofDays(30), 1, BigDecimal.valueOf(15));
            assertThat(p.authority().roles().get(0)).isEqualTo(new RoleLimit("agent", Limit.of(30), java.util.List.of("gold"),
                    window, true));
            assertThat(window.text())
                    .isEqualTo("at most 40 in total per customer in P30D; before this the customer had 1 grant totalling 15");
            assertThat(p.authority().coveringRole()).isEqualTo("agent");
        }

        @Test
        void says_what_beyond_authority_does_when_no_role_covers() {
            ProposalExplanation p = explain(aCase().propose("refund", 5000).build(), "refund");

            assertThat(p.authority().coveringRole()).isNull();
            assertThat(p.authority().beyond()).isEqualTo(new Beyond(Beyond.Kind.DENY, null));
            assertThat(p.authority().beyond().text()).isEqualTo("deny");
        }
    }

    @Nested
    @DisplayName("precedence")
    class Precedence {
        @Test
        void a_deny_rule_decides_before_authority_is_consulted() {
            ProposalExplanation p = explain(aCase().category("gift-card").impact(Impact.builder().socialReach(20_000).build())
                    .propose("refund", 10).build(), "refund");

            assertThat(p.outcome()).isEqualTo(Outcome.denied());
            assertThat(p.rule("gift-cards").status()).isEqualTo(Status.MATCHED);
            assertThat(p.authority()).isNull();
        }

        @Test
        void disabled_and_other_remedy_rules_are_marked_not_checked() {
            ProposalExplanation p = explain(aCase().propose("apology").build(), "apology");

            assertThat(p.rule("retired").status()).isEqualTo(Status.DISABLED);
            assertThat(p.rule("gold").status()).isEqualTo(Status.OTHER_REMEDY);
            assertThat(p.rules()).extracting(Explanation.RuleCheck::rule)
                    .containsExactly("gold", "high-severity", "long-delay", "not-online", "has-store", "viral", "gift-cards", "retired");
        }
    }

    @Test
    void a_case_without_proposals_checks_the_rules_against_the_case_alone() {
        Explanation e = POLICY.explain(aCase().attribute("delayHours", 5).build());

        assertThat(e.proposals()).isEmpty();
        assertThat(e.decision().isLatitude()).isTrue();
        assertThat(e.caseRules()).extracting(Explanation.RuleCheck::rule, Explanation.RuleCheck::status).contains(
                org.assertj.core.groups.Tuple.tuple("gold", Status.NEEDS_PROPOSAL),
                org.assertj.core.groups.Tuple.tuple("long-delay", Status.MATCHED),
                org.assertj.core.groups.Tuple.tuple("retired", Status.DISABLED));
    }
}
