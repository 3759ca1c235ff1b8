package org.resolutionpolicy.drools;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.resolutionpolicy.api.CustomerCase;
import org.resolutionpolicy.api.Decision;
import org.resolutionpolicy.api.FollowUp;
import org.resolutionpolicy.api.Impact;
import org.resolutionpolicy.api.Outcome;
import org.resolutionpolicy.api.Policy;
import org.resolutionpolicy.api.ProposalDecision;

/**
 * The proposals of a case share one session when every rule sees proposals through plain patterns; the effects
 * must be those of a session per proposal either way.
 */
@DisplayName("DRL proposals of one case sharing a session")
class CaseSessionTests {

    static final String RULES = """
            rule "critical-cases-need-a-manager"
            when
                CaseFact( severity == "CRITICAL" )
            then
                effects.require(kcontext, "manager", "critical");
                effects.followUp(kcontext, "callback", "P1D", null, "call back");
            end
            rule "no-refunds-for-fraud"
            when
                CaseFact( category == "fraud" )
                ProposalFact( remedy == "refund" )
            then
                effects.deny(kcontext, "fraud");
            end
            rule "big-refunds"
            when
                ProposalFact( remedy == "refund", amount > 100 )
            then
                effects.require(kcontext, "supervisor", "big");
                effects.followUp(kcontext, "review", null, null, "review big refunds");
            end
            """;

    static CustomerCase aCase(String severity, String category, double refund) {
        return CustomerCase.builder().id("C-1").severity(severity).category(category).employee("agent")
                .impact(Impact.builder().build()).propose("apology").propose("refund", refund).build();
    }

    @Test
    void a_case_rule_applies_to_every_proposal_and_a_proposal_rule_to_its_own() {
        Policy p = DrlPolicyTests.mixed(RULES);

        Decision d = p.decide(aCase("CRITICAL", "late", 120));

        assertThat(d.proposals()).extracting(ProposalDecision::outcome).containsOnly(Outcome.escalate("manager"));
        assertThat(d.proposal("apology").ruleIds()).containsExactly("critical-cases-need-a-manager");
        assertThat(d.proposal("refund").ruleIds()).containsExactly("critical-cases-need-a-manager");
        assertThat(d.followUps()).extracting(FollowUp::rule)
                .containsExactly("critical-cases-need-a-manager", "big-refunds");
    }

    @Test
    void a_rule_joining_case_and_proposal_fires_for_the_matching_proposal_only() {
        Policy p = DrlPolicyTests.mixed(RULES);

        Decision d = p.decide(aCase("LOW", "fraud", 20));

        assertThat(d.proposal("refund").outcome()).isEqualTo(Outcome.denied());
        assertThat(d.proposal("apology").outcome()).isEqualTo(Outcome.alone());
        assertThat(d.followUps()).isEmpty();
    }

    @Test
    void deciding_again_on_the_same_thread_gives_the_same_decision() {
        Policy p = DrlPolicyTests.mixed(RULES);
        CustomerCase critical = aCase("CRITICAL", "fraud", 120);

        Decision first = p.decide(critical);
        p.decide(aCase("LOW", "late", 5));

        assertThat(p.decide(critical)).isEqualTo(first);
        assertThat(first.proposal("refund").ruleIds()).containsExactly("no-refunds-for-fraud");
    }

    @Test
    void a_rule_about_the_absence_of_a_proposal_still_sees_one_proposal_at_a_time() {
        // with one session per case, this rule would fire once for the apology and, matching no proposal, be
        // taken for a case rule and deny the refund too; such rules keep a session cycle per proposal
        Policy p = DrlPolicyTests.mixed("""
                rule "apology-alone-is-not-enough"
                when
                    CaseFact( severity == "CRITICAL" )
                    not ProposalFact( remedy == "refund" )
                then
                    effects.deny(kcontext, "offer a refund too");
                end
                """);

        Decision d = p.decide(aCase("CRITICAL", "late", 20));

        assertThat(d.proposal("apology").outcome()).isEqualTo(Outcome.denied());
        assertThat(d.proposal("refund").outcome()).isEqualTo(Outcome.alone());
        assertThat(p.decide(aCase("CRITICAL", "late", 20))).isEqualTo(d);
    }

    @Test
    void a_proposal_rule_gives_its_reason_and_follow_up_in_every_decision() {
        Policy p = DrlPolicyTests.mixed(RULES);

        assertThat(List.of(p.decide(aCase("HIGH", "late", 120)), p.decide(aCase("HIGH", "late", 120))))
                .allSatisfy(d -> {
                    // the authority table alone needs a manager for 120; the rule's supervisor is below that
                    assertThat(d.proposal("refund").outcome()).isEqualTo(Outcome.escalate("manager"));
                    assertThat(d.proposal("refund").ruleIds()).containsExactly("authority");
                    assertThat(d.followUps()).extracting(FollowUp::rule).containsExactly("big-refunds");
                });
    }

    @Test
    void proposals_of_one_remedy_inserted_together_each_get_the_effects_of_their_own_match() {
        Policy p = DrlPolicyTests.mixed(RULES + """
                rule "second-look"
                when
                    ProposalFact( remedy == "refund", amount > 30 )
                then
                    effects.require(kcontext, "supervisor", "a second look");
                end
                """);
        CustomerCase two = CustomerCase.builder().id("C-2").severity("LOW").category("late").employee("agent")
                .impact(Impact.builder().build()).propose("refund", 40).propose("apology").propose("refund", 5)
                .build();

        Decision d = p.decide(two);

        assertThat(d.proposals().get(0).outcome()).isEqualTo(Outcome.escalate("supervisor"));
        assertThat(d.proposals().get(0).ruleIds()).containsExactly("second-look");
        assertThat(d.proposals().get(1).outcome()).isEqualTo(Outcome.alone());
        // the second refund counts with the first (45 in all) and is within the agent's 50
        assertThat(d.proposals().get(2).outcome()).isEqualTo(Outcome.alone());
        assertThat(d.proposals().get(2).ruleIds()).isEmpty();
        assertThat(p.decide(two)).isEqualTo(d);
    }

    @Test
    void a_rule_that_could_join_two_proposals_still_sees_one_proposal_at_a_time() {
        // inserted together, the refund and the apology would both be in the session and this rule would fire
        Policy p = DrlPolicyTests.mixed("""
                rule "refund-beside-an-apology"
                when
                    ProposalFact( remedy == "refund" )
                    ProposalFact( remedy == "apology" )
                then
                    effects.deny(kcontext, "never seen one at a time");
                end
                """);

        Decision d = p.decide(aCase("LOW", "late", 20));

        assertThat(d.proposals()).extracting(ProposalDecision::outcome).containsOnly(Outcome.alone());
    }
}
