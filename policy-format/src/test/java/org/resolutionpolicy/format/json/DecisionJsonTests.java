package org.resolutionpolicy.format.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Period;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.resolutionpolicy.api.Decision;
import org.resolutionpolicy.api.FollowUp;
import org.resolutionpolicy.api.Latitude;
import org.resolutionpolicy.api.Limit;
import org.resolutionpolicy.api.Outcome;
import org.resolutionpolicy.api.Proposal;
import org.resolutionpolicy.api.ProposalDecision;
import org.resolutionpolicy.api.Reason;

/** One mapping of a decision to JSON: full for the CLI, a summary for the log, the same otherwise. */
class DecisionJsonTests {

    static final List<FollowUp> FOLLOW_UPS = List.of(
            new FollowUp("call", Period.ofWeeks(1), "manager", "callback"),
            new FollowUp("report", Duration.ofHours(48), null, "incident"),
            new FollowUp("survey", null, null, "always"));

    static final Decision PROPOSALS = new Decision("coffee-shop", "2026.11", "C-1", "barista", true, List.of(
            new ProposalDecision(Proposal.of("refund", 80), Outcome.escalate("store-manager"),
                    List.of(new Reason("big-refunds", "Big refunds are reviewed"))),
            new ProposalDecision(Proposal.of("voucher", 15.50), Outcome.swat("recovery-swat"),
                    List.of(new Reason("viral", "Viral cases go to the team")))), null, FOLLOW_UPS);

    static final Decision LATITUDE = new Decision("coffee-shop", "2026.11", null, "barista", false, null, List.of(
            new Latitude("apology", Limit.unlimited(), null, null),
            new Latitude("voucher", Limit.of(25), null, "recovery-swat"),
            new Latitude("refund", Limit.zero(), "shift-lead", null)), List.of());

    @Test
    void writes_reasons_and_whole_follow_ups_in_full_with_within_as_its_iso_text() {
        Map<String, Object> json = DecisionJson.tree(PROPOSALS);

        assertThat(List.copyOf(json.keySet()))
                .containsExactly("policy", "version", "case", "employeeRole", "swat", "proposals", "followUps");
        assertThat(json.get("proposals")).isEqualTo(List.of(
                Map.of("remedy", "refund", "amount", new BigDecimal("80"), "outcome", "ESCALATE",
                        "approver", "store-manager",
                        "reasons", List.of(Map.of("rule", "big-refunds", "because", "Big refunds are reviewed"))),
                Map.of("remedy", "voucher", "amount", new BigDecimal("15.5"), "outcome", "SWAT", "team", "recovery-swat",
                        "reasons", List.of(Map.of("rule", "viral", "because", "Viral cases go to the team")))));
        assertThat(json.get("followUps")).isEqualTo(List.of(
                Map.of("action", "call", "within", "P7D", "owner", "manager", "rule", "callback"),
                Map.of("action", "report", "within", "PT48H", "rule", "incident"),
                Map.of("action", "survey", "rule", "always")));
    }

    @Test
    void writes_rule_ids_and_follow_up_actions_in_summary_and_everything_else_alike() {
        Map<String, Object> full = DecisionJson.tree(PROPOSALS, DecisionJson.Detail.FULL);
        Map<String, Object> summary = DecisionJson.tree(PROPOSALS, DecisionJson.Detail.SUMMARY);

        assertThat(summary.get("proposals")).isEqualTo(List.of(
                Map.of("remedy", "refund", "amount", new BigDecimal("80"), "outcome", "ESCALATE",
                        "approver", "store-manager", "rules", List.of("big-refunds")),
                Map.of("remedy", "voucher", "amount", new BigDecimal("15.5"), "outcome", "SWAT", "team", "recovery-swat",
                        "rules", List.of("viral"))));
        assertThat(summary.get("followUps")).isEqualTo(List.of("call", "report", "survey"));
        full.keySet().removeAll(List.of("proposals", "followUps"));
        summary.keySet().removeAll(List.of("proposals", "followUps"));
        assertThat(summary).isEqualTo(full);
    }

    @Test
    void writes_latitude_with_the_team_beyond_the_ladder_in_either_detail() {
        Map<String, Object> full = DecisionJson.tree(LATITUDE);

        assertThat(full).containsEntry("case", null).doesNotContainKey("proposals");
        assertThat(full.get("latitude")).isEqualTo(List.of(
                Map.of("remedy", "apology", "aloneUpTo", "unlimited"),
                Map.of("remedy", "voucher", "aloneUpTo", new BigDecimal("25"), "team", "recovery-swat"),
                Map.of("remedy", "refund", "aloneUpTo", BigDecimal.ZERO, "approverBeyond", "shift-lead")));
        assertThat(DecisionJson.tree(LATITUDE, DecisionJson.Detail.SUMMARY)).isEqualTo(full);
        assertThat(JsonText.line(full.get("latitude"))).isEqualTo("[{\"remedy\":\"apology\",\"aloneUpTo\":\"unlimited\"},"
                + "{\"remedy\":\"voucher\",\"aloneUpTo\":25,\"team\":\"recovery-swat\"},"
                + "{\"remedy\":\"refund\",\"aloneUpTo\":0,\"approverBeyond\":\"shift-lead\"}]");
    }

    @Test
    void prints_the_full_tree_as_decide_prints_it_byte_for_byte() {
        assertThat(JsonText.pretty(DecisionJson.tree(PROPOSALS))).isEqualTo("""
                {
                  "policy": "coffee-shop",
                  "version": "2026.11",
                  "case": "C-1",
                  "employeeRole": "barista",
                  "swat": true,
                  "proposals": [
                    {
                      "remedy": "refund",
                      "amount": 80,
                      "outcome": "ESCALATE",
                      "approver": "store-manager",
                      "reasons": [
                        {
                          "rule": "big-refunds",
                          "because": "Big refunds are reviewed"
                        }
                      ]
                    },
                    {
                      "remedy": "voucher",
                      "amount": 15.5,
                      "outcome": "SWAT",
                      "team": "recovery-swat",
                      "reasons": [
                        {
                          "rule": "viral",
                          "because": "Viral cases go to the team"
                        }
                      ]
                    }
                  ],
                  "followUps": [
                    {
                      "action": "call",
                      "within": "P7D",
                      "owner": "manager",
                      "rule": "callback"
                    },
                    {
                      "action": "report",
                      "within": "PT48H",
                      "rule": "incident"
                    },
                    {
                      "action": "survey",
                      "rule": "always"
                    }
                  ]
                }""");
    }

    @Test
    void writes_the_earlier_proposals_of_a_remedy_as_their_count_and_the_first_ten_places() {
        List<Proposal> proposals = java.util.Collections.nCopies(13, Proposal.of("refund", 1));
        List<List<Integer>> counted = ProposalDecision.countedWith(proposals);
        List<ProposalDecision> decided = new java.util.ArrayList<>();
        for (int i = 0; i < proposals.size(); i++) {
            decided.add(new ProposalDecision(proposals.get(i), Outcome.alone(), List.of(), counted.get(i)));
        }
        Decision d = new Decision("p", "1", "C-1", "agent", false, decided, null, List.of());

        String json = JsonText.line(DecisionJson.tree(d, DecisionJson.Detail.SUMMARY));

        assertThat(json).contains("{\"remedy\":\"refund\",\"amount\":1,\"outcome\":\"ALONE\",\"rules\":[]},")
                .contains("\"countedWith\":{\"proposals\":[0],\"count\":1}")
                .contains("\"countedWith\":{\"proposals\":[0,1,2,3,4,5,6,7,8,9],\"count\":10}")
                .contains("\"countedWith\":{\"proposals\":[0,1,2,3,4,5,6,7,8,9],\"count\":12}");
        assertThat(DecisionJson.countedWith(List.of(0, 2), new BigDecimal("80")))
                .isEqualTo(Map.of("proposals", List.of(0, 2), "count", 2, "total", new BigDecimal("80")));
    }
}
