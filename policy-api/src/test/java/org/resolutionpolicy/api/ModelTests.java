package org.resolutionpolicy.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.temporal.TemporalAmount;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ModelTests {

    @Nested
    @DisplayName("a case built with the builder")
    class CaseBuilder {

        @Test
        void reads_like_the_case_it_describes() {
            Instant opened = Instant.parse("2026-11-20T09:30:00Z");
            CustomerCase c = CustomerCase.builder()
                    .id("C-1042").severity("HIGH").category("late-order").channel("phone").openedAt(opened)
                    .employee("E-17", "barista")
                    .customer(Customer.builder().id("K-7").tier("GOLD").lifetimeValue(5400)
                            .history("voucher", 10, Instant.parse("2026-11-02T10:00:00Z")).build())
                    .impact(Impact.builder().outOfPocket(12.50).affectedCustomers(1).legalThreat(false).build())
                    .attribute("delayHours", 1.5)
                    .propose("voucher", 15).propose("refund", 80).propose("apology")
                    .build();

            assertThat(c.employee()).isEqualTo(Employee.of("E-17", "barista"));
            assertThat(c.customer().history()).singleElement()
                    .extracting(HistoryEntry::remedy, HistoryEntry::amount)
                    .containsExactly("voucher", new BigDecimal("10"));
            assertThat(c.impact().outOfPocket()).isEqualByComparingTo("12.5");
            assertThat(c.attributes()).containsEntry("delayHours", new BigDecimal("1.5"));
            assertThat(c.proposals()).containsExactly(Proposal.of("voucher", 15), Proposal.of("refund", 80),
                    Proposal.of("apology"));
        }

        @Test
        void is_immutable_once_built() {
            CustomerCase.Builder builder = CustomerCase.builder().severity("LOW").propose("apology");
            CustomerCase c = builder.build();
            builder.propose("refund", 5);

            assertThat(c.proposals()).hasSize(1);
            assertThatThrownBy(() -> c.proposals().add(Proposal.of("x")))
                    .isInstanceOf(UnsupportedOperationException.class);
            assertThatThrownBy(() -> c.attributes().put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
        }

        @Test
        void stands_in_unknown_values_for_missing_parts() {
            CustomerCase c = CustomerCase.builder().build();

            assertThat(c.customer()).isEqualTo(Customer.unknown());
            assertThat(c.impact()).isEqualTo(Impact.unknown());
            assertThat(c.employee().role()).isNull();
            assertThat(c.proposals()).isEmpty();
        }

        @Test
        void to_builder_derives_a_changed_copy() {
            CustomerCase c = CustomerCase.builder().id("C-1").severity("LOW").employee("barista").propose("apology").build();

            CustomerCase higher = c.toBuilder().severity("HIGH").build();

            assertThat(higher.severity()).isEqualTo("HIGH");
            assertThat(higher.id()).isEqualTo("C-1");
            assertThat(higher.proposals()).isEqualTo(c.proposals());
            assertThat(c.severity()).isEqualTo("LOW");
        }

        @Test
        void rejects_amounts_that_are_not_finite() {
            assertThatThrownBy(() -> Proposal.of("refund", Double.NaN))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("finite");
        }
    }

    @Nested
    @DisplayName("amounts and limits")
    class Amounts {

        @Test
        void fifteen_and_fifteen_point_zero_zero_are_the_same_amount() {
            assertThat(Proposal.of("voucher", new BigDecimal("15.00"))).isEqualTo(Proposal.of("voucher", 15));
            assertThat(Proposal.of("voucher", new BigDecimal("1.5E+1")).amount().toPlainString()).isEqualTo("15");
        }

        @Test
        void unlimited_is_larger_than_any_number() {
            assertThat(Limit.unlimited()).isGreaterThan(Limit.of(1_000_000));
            assertThat(Limit.of(10).max(Limit.unlimited())).isEqualTo(Limit.unlimited());
            assertThat(Limit.of(10).covers(new BigDecimal("10"))).isTrue();
            assertThat(Limit.of(10).covers(new BigDecimal("10.01"))).isFalse();
            assertThat(Limit.unlimited()).hasToString("unlimited");
            assertThat(Limit.of(12.5)).hasToString("12.5");
        }

        @Test
        void a_limit_cannot_be_negative() {
            assertThatThrownBy(() -> Limit.of(-1))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("a limit must not be negative: [-1]");
        }
    }

    @Nested
    @DisplayName("outcomes")
    class Outcomes {

        @Test
        void an_escalation_names_its_approver_and_swat_its_team() {
            assertThat(Outcome.escalate("store-manager")).hasToString("ESCALATE to store-manager");
            assertThat(Outcome.swat("recovery-swat")).hasToString("SWAT (recovery-swat)");
            assertThat(Outcome.alone()).hasToString("ALONE");
            assertThat(Outcome.denied()).hasToString("DENIED");
        }

        @Test
        void approver_and_team_only_go_with_their_kind() {
            assertThatThrownBy(() -> new Outcome(Outcome.Kind.ESCALATE, null, null))
                    .isInstanceOf(NullPointerException.class).hasMessage("an escalation needs an approver");
            assertThatThrownBy(() -> new Outcome(Outcome.Kind.ALONE, "manager", null))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new Outcome(Outcome.Kind.DENIED, null, "swat"))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void a_decision_finds_a_proposal_by_remedy_or_says_there_is_none() {
            ProposalDecision refund = new ProposalDecision(Proposal.of("refund", 80), Outcome.escalate("manager"),
                    List.of(new Reason("big-refunds", "Big refunds need a manager")));
            Decision d = new Decision("p", "1", "C-1", "agent", false, List.of(refund), List.of(), List.of());

            assertThat(d.proposal("refund").ruleIds()).containsExactly("big-refunds");
            assertThatThrownBy(() -> d.proposal("voucher"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("no proposal of remedy [voucher] in this decision");
        }
    }

    @Nested
    @DisplayName("problems")
    class Problems {

        @Test
        void print_compiler_style_with_the_hint() {
            Problem p = Problem.error("coffee.yaml", 41, 14, "unknown role [store-mgr] in rule [late-refund]",
                    "did you mean [store-manager]?");

            assertThat(p).hasToString(
                    "coffee.yaml:41:14: error: unknown role [store-mgr] in rule [late-refund] (did you mean [store-manager]?)");
        }

        @Test
        void a_load_exception_lists_every_problem_one_per_line() {
            PolicyLoadException e = new PolicyLoadException(List.of(
                    Problem.error("a.yaml", 1, 1, "first", null),
                    Problem.warning("a.yaml", 5, 3, "second", null),
                    Problem.error("a.yaml", 9, 2, "third", null)));

            assertThat(e.getMessage()).isEqualTo("policy could not be loaded: 2 errors\n"
                    + "a.yaml:1:1: error: first\n"
                    + "a.yaml:5:3: warning: second\n"
                    + "a.yaml:9:2: error: third");
            assertThat(e.errors()).hasSize(2);
            assertThat(e.problems()).hasSize(3);
        }

        @Test
        void an_invalid_case_names_every_field() {
            InvalidCaseException e = new InvalidCaseException("C-9", List.of(
                    new CaseProblem("severity", "unknown severity [HUGE]"),
                    new CaseProblem("proposals[1].amount", "must not be negative, was [-5]")));

            assertThat(e).hasMessage("invalid case [C-9]: 2 problems\n"
                    + "  severity: unknown severity [HUGE]\n"
                    + "  proposals[1].amount: must not be negative, was [-5]");
        }
    }

    @Nested
    @DisplayName("a follow-up")
    class FollowUps {

        @Test
        void takes_a_period_a_duration_or_no_time_at_all() {
            assertThat(new FollowUp("call", Period.ofDays(2), null, "r").within()).hasToString("P2D");
            assertThat(new FollowUp("call", Duration.ofHours(48), null, "r").within()).hasToString("PT48H");
            assertThat(new FollowUp("call", null, null, "r").within()).isNull();
        }

        @Test
        void rejects_any_other_temporal_amount() {
            TemporalAmount months = java.time.chrono.HijrahChronology.INSTANCE.period(0, 1, 0);

            assertThatThrownBy(() -> new FollowUp("call", months, null, "r"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("within must be a java.time.Period, Duration or BusinessDays, not [java.time.chrono.ChronoPeriodImpl]");
        }
    }

    @Nested
    @DisplayName("explanation data")
    class ExplanationData {

        @Test
        void an_effect_reads_as_the_explanation_has_always_worded_it() {
            assertThat(new Explanation.Effect(Explanation.Effect.Kind.GRANT, "agent", Limit.of(50), "call"))
                    .hasToString("grant agent up to 50, follow-up call");
            assertThat(new Explanation.Effect(Explanation.Effect.Kind.REQUIRE, "store-manager", null, null).text())
                    .isEqualTo("require store-manager");
            assertThat(new Explanation.Effect(Explanation.Effect.Kind.SWAT, null, null, null).text()).isEqualTo("route to swat");
            assertThat(new Explanation.Effect(Explanation.Effect.Kind.DENY, null, null, null).text()).isEqualTo("deny");
            assertThat(new Explanation.Effect(Explanation.Effect.Kind.NONE, null, null, "call").text()).isEqualTo("follow-up call");
            assertThat(new Explanation.Effect(Explanation.Effect.Kind.NONE, null, null, null).text()).isEmpty();
            assertThat(new Explanation.Effect(Explanation.Effect.Kind.DRL, null, null, null).text()).isEqualTo("drl");
        }

        @Test
        void an_effect_that_names_a_role_needs_one() {
            assertThatThrownBy(() -> new Explanation.Effect(Explanation.Effect.Kind.REQUIRE, null, null, null))
                    .isInstanceOf(NullPointerException.class).hasMessage("role must not be null for REQUIRE");
            assertThatThrownBy(() -> new Explanation.Effect(Explanation.Effect.Kind.GRANT, "agent", null, null))
                    .isInstanceOf(NullPointerException.class).hasMessage("upTo must not be null for GRANT");
        }

        @Test
        void beyond_reads_as_the_policy_writes_it() {
            assertThat(new Explanation.Beyond(Explanation.Beyond.Kind.DENY, null)).hasToString("deny");
            assertThat(new Explanation.Beyond(Explanation.Beyond.Kind.SWAT, null).text()).isEqualTo("swat");
            assertThat(new Explanation.Beyond(Explanation.Beyond.Kind.ROLE, "director").text()).isEqualTo("director");
        }

        @Test
        void a_window_reads_as_the_explanation_has_always_worded_it() {
            Explanation.Window total = new Explanation.Window(Limit.of(30), null, Period.ofDays(30), 1, new BigDecimal("10.00"));
            Explanation.Window both = new Explanation.Window(Limit.of(100), 3, Duration.ofHours(48), 2, new BigDecimal("25.5"));

            assertThat(total).hasToString("at most 30 in total per customer in P30D; before this the customer had 1 grant"
                    + " totalling 10");
            assertThat(total.usedTotal()).isEqualTo(new BigDecimal("10"));
            assertThat(both.text()).isEqualTo("at most 100 in total and 3 grants per customer in PT48H; before this the"
                    + " customer had 2 grants totalling 25.5");
            assertThatThrownBy(() -> new Explanation.Window(null, null, Period.ofDays(30), 0, BigDecimal.ZERO))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("a window caps the total, the count or both");
        }
    }
    @Nested
    @DisplayName("the earlier proposals a proposal counted with")
    class CountedWith {

        final List<Proposal> proposals = List.of(Proposal.of("refund", 10), Proposal.of("voucher", 5),
                Proposal.of("refund", 10), Proposal.of("refund", 10));

        @Test
        void are_the_places_of_the_earlier_proposals_of_the_same_remedy() {
            assertThat(ProposalDecision.countedWith(proposals))
                    .containsExactly(List.of(), List.of(), List.of(0), List.of(0, 2));
        }

        @Test
        void are_kept_by_a_decision_without_a_copy_and_cannot_be_changed() {
            List<Integer> places = ProposalDecision.countedWith(proposals).get(3);
            ProposalDecision d = new ProposalDecision(proposals.get(3), Outcome.alone(), List.of(), places);

            assertThat(d.countedWith()).isSameAs(places).isEqualTo(List.of(0, 2)).hasSameHashCodeAs(List.of(0, 2));
            assertThatThrownBy(() -> places.set(0, 1)).isInstanceOf(UnsupportedOperationException.class);
            assertThatThrownBy(() -> places.get(2)).isInstanceOf(IndexOutOfBoundsException.class)
                    .hasMessage("index 2 of 2 places");
        }

        @Test
        void are_named_ten_at_most_in_the_words_of_an_explanation() {
            List<Integer> twelve = List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11);

            assertThat(new Explanation.Siblings(twelve, 12, BigDecimal.TEN).text()).isEqualTo(
                    "counted with this case's earlier proposals [0, 1, 2, 3, 4, 5, 6, 7, 8, 9 and 2 more]: 12 grants "
                            + "totalling 10");
        }
    }
}
