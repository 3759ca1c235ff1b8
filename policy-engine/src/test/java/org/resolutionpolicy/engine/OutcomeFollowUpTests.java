package org.resolutionpolicy.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.resolutionpolicy.engine.PolicyLoadErrorTests.theError;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.resolutionpolicy.api.CustomerCase;
import org.resolutionpolicy.api.Decision;
import org.resolutionpolicy.api.Explanation;
import org.resolutionpolicy.api.FollowUp;
import org.resolutionpolicy.api.Policies;
import org.resolutionpolicy.api.Policy;
import org.resolutionpolicy.api.Problem;

/** A follow-up may say which outcomes it applies to; it is decided after the lattice decided the proposals. */
class OutcomeFollowUpTests {

    /** Lines 1-12; the rules start on line 13. */
    static final String HEADER = """
            policy: follow-ups
            version: "1"
            roles: [agent, manager]
            swat: { team: incident-team }
            remedies:
              credit: { unit: money }
              apology: { unit: none }
            authority:
              agent: { credit: 50, apology: unlimited }
              manager: { credit: 500 }
            rules:
              - id: credit-on-next-bill
            """;

    static final Policy POLICY = Policies.parse(HEADER + """
                remedies: [credit]
                followUp: { action: credit-on-next-bill, within: P30D, when: granted }
                because: A granted credit appears on the next bill within 30 days
              - id: no-credit-for-fraud
                when: { category: fraud }
                remedies: [credit]
                deny: true
                because: No credit on a fraud case
              - id: explain-the-wait
                followUp: { action: tell-the-customer-about-the-approval, when: escalated }
                because: The customer hears who approves and when
              - id: legal-to-swat
                when: { impact.legalThreat: true }
                route: swat
                because: Legal threats go to the team
              - id: always-survey
                followUp: { action: survey }
                because: Every case gets a survey
            """);

    static List<String> actions(Decision d) {
        return d.followUps().stream().map(FollowUp::action).toList();
    }

    static CustomerCase.Builder aCase() {
        return CustomerCase.builder().id("F-1").severity("LOW").employee("agent");
    }

    @Nested
    @DisplayName("deciding")
    class Deciding {

        @Test
        void a_granted_credit_gets_its_follow_up() {
            assertThat(actions(POLICY.decide(aCase().propose("credit", 20).build())))
                    .containsExactly("credit-on-next-bill", "survey");
        }

        @Test
        void a_denied_credit_does_not() {
            assertThat(actions(POLICY.decide(aCase().category("fraud").propose("credit", 20).build())))
                    .containsExactly("survey");
        }

        @Test
        void an_escalated_credit_is_granted_once_approved_so_both_apply() {
            assertThat(actions(POLICY.decide(aCase().propose("credit", 80).build())))
                    .containsExactly("credit-on-next-bill", "survey", "tell-the-customer-about-the-approval");
        }

        @Test
        void a_case_level_follow_up_applies_when_any_proposal_has_its_outcome() {
            Decision d = POLICY.decide(aCase().category("fraud").propose("credit", 20).propose("apology").build());
            assertThat(actions(d)).containsExactly("survey");

            Decision escalated = POLICY.decide(aCase().propose("apology").propose("credit", 70).build());
            assertThat(actions(escalated)).contains("tell-the-customer-about-the-approval");
        }

        @Test
        void a_swat_outcome_is_not_granted() {
            Decision d = POLICY.decide(aCase().impact(org.resolutionpolicy.api.Impact.builder().legalThreat(true)
                    .build()).propose("credit", 20).build());

            assertThat(actions(d)).containsExactly("survey");
        }

        @Test
        void a_latitude_question_has_no_outcome_so_only_unconditional_follow_ups_apply() {
            assertThat(actions(POLICY.decide(aCase().build()))).containsExactly("survey");
        }

        @Test
        void a_list_names_several_outcomes() {
            Policy p = Policies.parse(HEADER + """
                        remedies: [credit]
                        followUp: { action: review, when: [escalated, denied] }
                        because: Review what the agent could not grant
                    """);

            assertThat(actions(p.decide(aCase().propose("credit", 20).build()))).isEmpty();
            assertThat(actions(p.decide(aCase().propose("credit", 60).build()))).containsExactly("review");
            assertThat(actions(p.decide(aCase().propose("credit", 600).build()))).containsExactly("review");
        }

        @Test
        void explain_shows_when_the_follow_up_applies() {
            Explanation e = POLICY.explain(aCase().propose("credit", 20).build());

            Explanation.Effect effect = e.proposals().get(0).rule("credit-on-next-bill").effect();
            assertThat(effect.followUpWhen()).containsExactly("granted");
            assertThat(effect.text()).isEqualTo("follow-up credit-on-next-bill when granted");
        }
    }

    @Nested
    @DisplayName("load errors and warnings")
    class Loading {

        @Test
        void an_unknown_outcome_is_named_with_a_hint_at_its_place() {
            Problem p = theError(HEADER + """
                        followUp: { action: call, when: grantd }
                        because: x
                    """);

            assertThat(p.message()).isEqualTo("unknown outcome [grantd] in followUp when of rule [credit-on-next-bill]");
            assertThat(p.hint()).isEqualTo("did you mean [granted]?");
            assertThat(p.line()).isEqualTo(13);
            assertThat(p.column()).isEqualTo(37);
        }

        @Test
        void an_empty_list_is_an_error() {
            Problem p = theError(HEADER + """
                        followUp: { action: call, when: [] }
                        because: x
                    """);

            assertThat(p.message()).isEqualTo("followUp when of rule [credit-on-next-bill] names no outcome");
            assertThat(p.hint()).contains("[granted, alone, escalated, swat, denied]");
        }

        @Test
        void a_follow_up_its_own_deny_keeps_from_applying_is_a_warning() {
            Policy p = Policies.parse(HEADER + """
                        deny: true
                        followUp: { action: call, when: granted }
                        because: x
                    """);

            assertThat(p.warnings()).singleElement().satisfies(w -> {
                assertThat(w.message()).isEqualTo("the followUp of rule [credit-on-next-bill] applies when [granted], "
                        + "but the rule's own effect makes every proposal it matches denied: it never applies");
                assertThat(w.line()).isEqualTo(14);
            });
        }
    }
}
