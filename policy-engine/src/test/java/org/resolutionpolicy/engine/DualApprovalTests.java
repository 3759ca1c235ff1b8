package org.resolutionpolicy.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.resolutionpolicy.engine.PolicyLoadErrorTests.theError;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.resolutionpolicy.api.CustomerCase;
import org.resolutionpolicy.api.Decision;
import org.resolutionpolicy.api.Explanation;
import org.resolutionpolicy.api.Outcome;
import org.resolutionpolicy.api.Policies;
import org.resolutionpolicy.api.Policy;
import org.resolutionpolicy.api.ProposalDecision;
import org.resolutionpolicy.api.Problem;
import org.resolutionpolicy.format.json.DecisionJson;

/** A {@code require} may name several roles that must each sign off; the decision lists them all. */
class DualApprovalTests {

    /** Lines 1-13; the rules start on line 14. */
    static final String HEADER = """
            policy: dual
            version: "1"
            roles: [agent, supervisor, manager, finance, director]
            remedies:
              goodwill: { unit: money }
              refund: { unit: money }
            authority:
              agent: { goodwill: 100, refund: 50 }
              manager: { goodwill: 1000, refund: 1000 }
              director: { goodwill: unlimited, refund: unlimited }
            rules:
              - id: large-goodwill
                when: { amount: { above: 500 } }
            """;
    static final Policy POLICY = Policies.parse(HEADER + """
                remedies: [goodwill]
                require: [director, finance]
                because: Goodwill above 500 is signed off by a director and by finance
            """);

    static ProposalDecision goodwill(Policy p, String role, double amount) {
        CustomerCase c = CustomerCase.builder().id("D-1").severity("LOW").employee(role)
                .openedAt(Instant.parse("2026-11-20T12:00:00Z")).propose("goodwill", amount).build();
        return p.decide(c).proposal("goodwill");
    }

    @Nested
    @DisplayName("deciding")
    class Deciding {

        @Test
        void an_agent_escalates_to_both_roles_highest_first() {
            ProposalDecision d = goodwill(POLICY, "agent", 600);

            assertThat(d.outcome()).isEqualTo(Outcome.escalate(List.of("director", "finance")));
            assertThat(d.outcome().approver()).isEqualTo("director");
            assertThat(d.outcome().approvers()).containsExactly("director", "finance");
            assertThat(d.outcome().isDualApproval()).isTrue();
            assertThat(d.outcome()).hasToString("ESCALATE to director and finance");
            assertThat(d.ruleIds()).containsExactly("large-goodwill");
        }

        @Test
        void the_employee_gives_one_sign_off_and_needs_the_other() {
            assertThat(goodwill(POLICY, "finance", 600).outcome()).isEqualTo(Outcome.escalate("director"));
            assertThat(goodwill(POLICY, "director", 600).outcome()).isEqualTo(Outcome.escalate("finance"));
            assertThat(goodwill(POLICY, "director", 600).ruleIds()).containsExactly("large-goodwill");
        }

        @Test
        void below_the_threshold_nothing_changes() {
            assertThat(goodwill(POLICY, "agent", 100).outcome()).isEqualTo(Outcome.alone());
            assertThat(goodwill(POLICY, "agent", 400).outcome()).isEqualTo(Outcome.escalate("manager"));
            assertThat(goodwill(POLICY, "agent", 400).outcome().approvers()).containsExactly("manager");
        }

        @Test
        void a_higher_authority_level_takes_the_place_of_the_highest_sign_off() {
            // a manager and finance must sign; the amount is beyond the manager's authority, so a director signs
            Policy p = Policies.parse(HEADER + """
                        require: [manager, supervisor]
                        because: Two signatures above 500
                    """);

            assertThat(goodwill(p, "agent", 600).outcome()).isEqualTo(Outcome.escalate(List.of("manager", "supervisor")));
            assertThat(goodwill(p, "agent", 1500).outcome()).isEqualTo(Outcome.escalate(List.of("director", "supervisor")));
            assertThat(goodwill(p, "agent", 1500).ruleIds()).containsExactly("large-goodwill", "authority");
            assertThat(goodwill(p, "director", 1500).outcome()).isEqualTo(Outcome.escalate("supervisor"));
        }

        @Test
        void a_single_role_list_is_an_ordinary_require() {
            Policy p = Policies.parse(HEADER + """
                        require: [director]
                        because: One signature
                    """);

            assertThat(goodwill(p, "agent", 600).outcome()).isEqualTo(Outcome.escalate("director"));
            assertThat(goodwill(p, "director", 600).outcome()).isEqualTo(Outcome.alone());
        }

        @Test
        void a_dual_approval_joins_an_ordinary_require_of_a_higher_role() {
            Policy p = Policies.parse(HEADER + """
                        require: [manager, supervisor]
                        because: Two signatures
                      - id: directors-see-large-goodwill
                        when: { amount: { above: 800 } }
                        require: director
                        because: A director sees goodwill above 800
                    """);

            ProposalDecision d = goodwill(p, "agent", 900);

            assertThat(d.outcome()).isEqualTo(Outcome.escalate(List.of("director", "supervisor")));
            assertThat(d.ruleIds()).containsExactly("directors-see-large-goodwill", "large-goodwill");
        }

        @Test
        void the_latitude_names_every_approver_beyond_it() {
            CustomerCase latitude = CustomerCase.builder().severity("LOW").employee("agent").build();
            Policy early = Policies.parse(HEADER.replace("above: 500", "above: 50") + """
                        remedies: [goodwill]
                        require: [director, finance]
                        because: Two signatures above 50
                    """);

            var l = early.decide(latitude).latitude("goodwill").orElseThrow();
            assertThat(l.aloneUpTo()).isEqualTo(org.resolutionpolicy.api.Limit.of(50));
            assertThat(l.approverBeyond()).isEqualTo("director");
            assertThat(l.approversBeyond()).containsExactly("director", "finance");
            assertThat(DecisionJson.tree(early.decide(latitude)).toString())
                    .contains("approversBeyond=[director, finance]");
            assertThat(POLICY.decide(latitude.toBuilder().employee("director").build()).latitude("goodwill")
                    .orElseThrow().approversBeyond()).containsExactly("finance");
        }

        @Test
        void the_decision_json_lists_every_approver_and_keeps_the_approver() {
            CustomerCase c = CustomerCase.builder().severity("LOW").employee("agent").propose("goodwill", 600).build();
            Decision d = POLICY.decide(c);

            @SuppressWarnings("unchecked")
            Map<String, Object> proposal = ((List<Map<String, Object>>) DecisionJson.tree(d).get("proposals")).get(0);

            assertThat(proposal).containsEntry("approver", "director")
                    .containsEntry("approvers", List.of("director", "finance"));
            assertThat(DecisionJson.tree(POLICY.decide(c.toBuilder().clearProposals().propose("goodwill", 400).build()))
                    .toString()).doesNotContain("approvers");
        }

        @Test
        void explain_names_every_role_of_the_effect() {
            Explanation e = POLICY.explain(CustomerCase.builder().severity("LOW").employee("agent")
                    .propose("goodwill", 600).build());

            Explanation.RuleCheck rule = e.proposals().get(0).rule("large-goodwill");
            assertThat(rule.effect().approvers()).containsExactly("director", "finance");
            assertThat(rule.effect().text()).isEqualTo("require director and finance");
            assertThat(e.proposals().get(0).outcome().approvers()).containsExactly("director", "finance");
        }
    }

    @Nested
    @DisplayName("load errors")
    class LoadErrors {

        @Test
        void an_unknown_role_in_the_list_is_named_with_a_hint_at_its_place() {
            Problem p = theError(HEADER + """
                        require: [director, fnance]
                        because: x
                    """);

            assertThat(p.message()).isEqualTo("unknown role [fnance] in require of rule [large-goodwill]");
            assertThat(p.hint()).isEqualTo("did you mean [finance]?");
            assertThat(p.line()).isEqualTo(14);
            assertThat(p.column()).isEqualTo(25);
        }

        @Test
        void a_role_named_twice_is_an_error() {
            Problem p = theError(HEADER + """
                        require: [director, director]
                        because: x
                    """);

            assertThat(p.message()).isEqualTo("[director] appears twice in require of rule [large-goodwill]");
            assertThat(p.line()).isEqualTo(14);
        }

        @Test
        void an_empty_list_is_an_error_with_a_hint() {
            Problem p = theError(HEADER + """
                        require: []
                        because: x
                    """);

            assertThat(p.message()).isEqualTo("require of rule [large-goodwill] names no role");
            assertThat(p.hint()).contains("require: [director, finance]");
            assertThat(p.line()).isEqualTo(14);
            assertThat(p.column()).isEqualTo(14);
        }
    }
}
