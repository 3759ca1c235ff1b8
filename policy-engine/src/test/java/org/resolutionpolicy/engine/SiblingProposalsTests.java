package org.resolutionpolicy.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.resolutionpolicy.engine.DecisionSemanticsTests.aCase;
import static org.resolutionpolicy.engine.DecisionSemanticsTests.policy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.resolutionpolicy.api.Customer;
import org.resolutionpolicy.api.Decision;
import org.resolutionpolicy.api.Explanation;
import org.resolutionpolicy.api.Outcome;
import org.resolutionpolicy.api.Policies;
import org.resolutionpolicy.api.Policy;
import org.resolutionpolicy.api.ProposalDecision;
import org.resolutionpolicy.api.Reason;

/** Within one case, proposals of the same remedy count together: splitting a grant never gets around a limit. */
class SiblingProposalsTests {

    final Policy p = policy("");

    @Nested
    @DisplayName("the per-grant limit applies to the case's running total of the remedy")
    class PerGrant {

        @Test
        void two_refunds_of_40_against_a_limit_of_50_are_alone_then_escalated() {
            Policy agent50 = Policies.parse("""
                    policy: split
                    version: "1"
                    roles: [agent, supervisor]
                    remedies: { refund: { unit: money } }
                    authority:
                      agent: { refund: 50 }
                      supervisor: { refund: 200 }
                    """);

            Decision d = agent50.decide(aCase("agent").propose("refund", 40).propose("refund", 40).build());

            assertThat(d.proposals()).extracting(ProposalDecision::outcome)
                    .containsExactly(Outcome.alone(), Outcome.escalate("supervisor"));
            assertThat(d.proposals().get(1).reasons()).singleElement().extracting(Reason::because).isEqualTo(
                    "refund of 40 (80 with this case's earlier proposals [0]) is beyond the authority of agent "
                            + "(up to 50 per grant); supervisor may grant it");
        }

        @Test
        void name_the_siblings_that_counted_in_the_decision() {
            Decision d = p.decide(aCase("agent").propose("refund", 10).propose("voucher", 5).propose("refund", 10)
                    .propose("refund", 10).build());

            assertThat(d.proposals()).extracting(ProposalDecision::countedWith)
                    .containsExactly(List.of(), List.of(), List.of(0), List.of(0, 2));
            assertThat(d.proposals()).extracting(ProposalDecision::outcome).containsOnly(Outcome.alone());
        }

        @Test
        void a_total_within_the_limit_stays_alone() {
            Decision d = p.decide(aCase("agent").propose("refund", 25).propose("refund", 25).build());

            assertThat(d.proposals()).extracting(ProposalDecision::outcome).containsOnly(Outcome.alone());
        }

        @Test
        void count_every_earlier_proposal_even_one_that_was_escalated() {
            // the first refund needs the supervisor: it still counts, or a large first proposal would hide the rest
            Decision d = p.decide(aCase("agent").propose("refund", 60).propose("refund", 1).build());

            assertThat(d.proposals()).extracting(ProposalDecision::outcome)
                    .containsExactly(Outcome.escalate("supervisor"), Outcome.escalate("supervisor"));
        }

        @Test
        void a_grant_raises_the_limit_of_the_running_total() {
            Policy granted = policy("""
                      - id: gold-refunds
                        when: { customer.tier: GOLD }
                        remedies: [refund]
                        grant: { role: agent, upTo: 90 }
                        because: Gold members get more
                    """);
            Customer gold = Customer.builder().tier("GOLD").build();

            Decision d = granted.decide(aCase("agent").customer(gold).propose("refund", 40).propose("refund", 40)
                    .propose("refund", 40).build());

            assertThat(d.proposals()).extracting(ProposalDecision::outcome)
                    .containsExactly(Outcome.alone(), Outcome.alone(), Outcome.escalate("supervisor"));
            assertThat(d.proposals().get(1).ruleIds()).containsExactly("gold-refunds");
        }

        @Test
        void the_first_proposal_of_each_remedy_is_decided_as_before() {
            Decision split = p.decide(aCase("agent").propose("refund", 50).propose("voucher", 20).build());

            assertThat(split.proposals()).extracting(ProposalDecision::outcome).containsOnly(Outcome.alone());
            assertThat(split.proposals()).extracting(ProposalDecision::countedWith).containsOnly(List.of());
        }
    }

    @Nested
    @DisplayName("a window counts the history, every earlier proposal of the remedy in the case, and this one")
    class Windows {

        final Customer had10 = Customer.builder().history("voucher", 10, Instant.parse("2026-11-01T00:00:00Z")).build();

        @Test
        void three_vouchers_of_20_against_a_cap_of_40_are_not_all_alone() {
            Policy cap40 = Policies.parse("""
                    policy: goodwill
                    version: "1"
                    roles: [agent, manager]
                    remedies: { credit: { unit: money } }
                    authority:
                      agent: { credit: { perGrant: 20, perCustomer: { max: 40, window: P1Y } } }
                      manager: { credit: unlimited }
                    """);

            Decision d = cap40.decide(aCase("agent").propose("credit", 20).propose("credit", 20)
                    .propose("credit", 20).build());

            assertThat(d.proposals()).extracting(ProposalDecision::outcome)
                    .containsExactly(Outcome.alone(), Outcome.escalate("manager"), Outcome.escalate("manager"));
        }

        @Test
        void the_window_total_counts_the_history_and_the_siblings() {
            // agent: 20 per grant, 40 per customer in P30D; the history holds 10
            Decision d = p.decide(aCase("agent").customer(had10).propose("voucher", 15).propose("voucher", 15)
                    .propose("voucher", 1).build());

            assertThat(d.proposals()).extracting(ProposalDecision::outcome)
                    .containsExactly(Outcome.alone(), Outcome.escalate("manager"), Outcome.escalate("manager"));
            assertThat(d.proposals().get(2).reasons()).singleElement().extracting(Reason::because).isEqualTo(
                    "voucher of 1 (31 with this case's earlier proposals [0, 1]) is beyond the authority of agent "
                            + "(up to 20 per grant); manager may grant it");
        }

        @Test
        void the_window_count_counts_the_siblings() {
            // agent: at most 3 vouchers per customer in P30D; the history holds 1, the case proposes 3 of 1
            Policy perGrantUnlimitedTotal = policy("""
                      - id: vouchers-are-small-here
                        when: { category: small }
                        remedies: [voucher]
                        grant: { role: agent, upTo: 100 }
                        because: Small vouchers
                    """);
            Decision d = perGrantUnlimitedTotal.decide(aCase("agent").category("small").customer(had10)
                    .propose("voucher", 1).propose("voucher", 1).propose("voucher", 1).build());

            assertThat(d.proposals()).extracting(ProposalDecision::outcome)
                    .containsExactly(Outcome.alone(), Outcome.alone(), Outcome.escalate("manager"));
            assertThat(d.proposals().get(2).reasons()).extracting(Reason::because).last().isEqualTo(
                    "voucher of 1 (3 with this case's earlier proposals [0, 1]) is beyond the authority of agent "
                            + "(at most 3 per customer in P30D, and the customer already had 1, plus 2 in this case's "
                            + "earlier proposals [0, 1]); manager may grant it");
        }
    }

    @Nested
    @DisplayName("explain names the siblings that counted")
    class Explain {

        @Test
        void the_authority_trace_names_the_earlier_proposals() {
            Explanation e = p.explain(aCase("agent").propose("refund", 40).propose("refund", 40).build());

            assertThat(e.proposals().get(0).authority().siblings()).isNull();
            Explanation.AuthorityTrace second = e.proposals().get(1).authority();
            assertThat(second.siblings()).isEqualTo(new Explanation.Siblings(List.of(0), 1, BigDecimal.valueOf(40)));
            assertThat(second.siblings().text())
                    .isEqualTo("counted with this case's earlier proposals [0]: 1 grant totalling 40");
            assertThat(second.roles().get(0).covers()).isFalse();
            assertThat(second.coveringRole()).isEqualTo("supervisor");
        }

        @Test
        void explain_and_decide_agree_on_every_sibling() {
            var c = aCase("agent").propose("voucher", 15).propose("voucher", 15).propose("refund", 30)
                    .propose("refund", 30).build();

            Explanation e = p.explain(c);

            assertThat(e.proposals()).extracting(Explanation.ProposalExplanation::outcome)
                    .containsExactlyElementsOf(p.decide(c).proposals().stream().map(ProposalDecision::outcome).toList());
        }
    }
    @Nested
    @DisplayName("a case of thousands of proposals of one remedy stays linear")
    class ManySiblings {

        /** The policy of the other tests, allowed more proposals in a case than the default thousand. */
        final Policy p = org.resolutionpolicy.api.Policies.loader(org.resolutionpolicy.api.LoadOptions.builder()
                .maxProposals(10_000).build()).parse(DecisionSemanticsTests.HEADER + "rules:\n");

        @Test
        void share_one_array_of_places_between_the_proposals_of_a_remedy() {
            var builder = aCase("agent");
            for (int i = 0; i < 5_000; i++) {
                builder.propose(i % 2 == 0 ? "refund" : "voucher", 1);
            }
            Decision d = p.decide(builder.build());

            // every earlier refund counted: 2,499 places for the last refund, whose list the decision keeps as made
            List<Integer> last = d.proposals().get(4_998).countedWith();
            assertThat(last).hasSize(2_499).startsWith(0, 2, 4).endsWith(4_994, 4_996);
            assertThat(d.proposals().get(4_999).countedWith()).hasSize(2_499).startsWith(1, 3);
            assertThat(ProposalDecision.countedWith(d.proposals().stream().map(ProposalDecision::proposal).toList()))
                    .isEqualTo(d.proposals().stream().map(ProposalDecision::countedWith).toList());
        }

        @Test
        void write_a_decision_and_an_explanation_whose_json_grows_with_the_proposals_not_their_square() {
            long two = decisionJson(2_000);
            long four = decisionJson(4_000);

            // 2,000 proposals listed every earlier sibling: 27 MB; now each proposal's countedWith is a count and ten
            // places, so a proposal costs a few hundred characters whatever its place
            assertThat(two).isLessThan(2_000L * 400);
            assertThat((double) four / two).isLessThan(2.1);
            var builder = aCase("agent");
            for (int i = 0; i < 2_000; i++) {
                builder.propose("refund", 1);
            }
            Explanation e = p.explain(builder.build());
            assertThat(org.resolutionpolicy.format.json.JsonText.line(
                    org.resolutionpolicy.format.ExplanationFormat.json(e)).length()).isLessThan(2_000 * 1_000);
            assertThat(org.resolutionpolicy.format.ExplanationFormat.text(builder.build(), e).length())
                    .isLessThan(2_000 * 1_000);
        }

        /** Returns the length of the decision JSON of a case of n refunds, as a service answers it. */
        long decisionJson(int n) {
            var builder = aCase("agent");
            for (int i = 0; i < n; i++) {
                builder.propose("refund", 1);
            }
            Decision d = p.decide(builder.build());
            String json = org.resolutionpolicy.format.json.DecisionJson.write(d);
            assertThat(json).contains("\"countedWith\":{\"proposals\":[0,1,2,3,4,5,6,7,8,9],\"count\":" + (n - 1) + "}");
            return json.length();
        }

        @Test
        void name_ten_earlier_proposals_in_a_sentence_and_count_the_rest() {
            var builder = aCase("agent");
            for (int i = 0; i < 13; i++) {
                builder.propose("refund", 10);
            }
            Decision d = p.decide(builder.build());

            assertThat(d.proposals().get(12).reasons()).extracting(Reason::because).last().asString().contains(
                    "with this case's earlier proposals [0, 1, 2, 3, 4, 5, 6, 7, 8, 9 and 2 more]");
        }
    }
}
