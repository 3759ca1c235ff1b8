package org.resolutionpolicy.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.resolutionpolicy.api.Cases;
import org.resolutionpolicy.api.Outcome;
import org.resolutionpolicy.api.Policies;
import org.resolutionpolicy.api.Policy;
import org.resolutionpolicy.api.ProposalDecision;

/**
 * The severity scale is modelled: the severity a rule reads is the highest of the case's own and every matching
 * entry's, so "every safety issue is CRITICAL" is proved through the rules that read CRITICAL.
 */
class SeverityScaleAnalysisTests {

    static final String POLICY = """
            policy: rail
            version: "1"
            roles: [agent, supervisor]
            swat: { team: incident-response }
            attributes: { lostHoliday: boolean }
            remedies: { voucher: { unit: money } }
            authority: { agent: { voucher: 50 }, supervisor: { voucher: 500 } }
            severityScale:
              - id: safety-is-critical
                when: { impact.safetyIssue: true }
                severity: CRITICAL
              - id: a-lost-holiday-is-high
                when: "attributes.lostHoliday == true"
                severity: HIGH
            rules:
              - id: critical-goes-to-the-incident-team
                when: { severity: CRITICAL }
                route: swat
                because: Critical cases go to the incident team
              - id: high-needs-a-supervisor
                when: { severity: { atLeast: HIGH } }
                require: supervisor
                because: Severe cases are reviewed
            """;

    static final Guarantee SAFETY_GOES_TO_THE_INCIDENT_TEAM = new Guarantee("every safety issue goes to the incident team",
            "test", Map.of("impact.safetyIssue", true), new Guarantee.Expectation(true, Set.of(Outcome.Kind.SWAT), null));

    static final Guarantee SAFETY_IS_CRITICAL = new Guarantee("a safety issue is never below CRITICAL",
            "test", Map.of("impact.safetyIssue", true, "severity", Map.of("below", "CRITICAL")),
            new Guarantee.Expectation(false, Set.of(Outcome.Kind.values()), null));

    @Test
    void a_safety_issue_raised_to_critical_over_a_given_low_is_proved_to_go_to_the_incident_team() {
        List<GuaranteeResult> results = Analysis.of(Policies.parse(POLICY))
                .prove(List.of(SAFETY_GOES_TO_THE_INCIDENT_TEAM, SAFETY_IS_CRITICAL));

        assertThat(results).extracting(GuaranteeResult::status)
                .containsExactly(GuaranteeResult.Status.PROVEN, GuaranteeResult.Status.PROVEN);
    }

    @Test
    void without_the_scale_entry_a_given_low_safety_issue_is_found_and_the_engine_confirms_it() {
        Policy withoutEntry = Policies.parse(POLICY.replace("""
                  - id: safety-is-critical
                    when: { impact.safetyIssue: true }
                    severity: CRITICAL
                """, ""));

        GuaranteeResult result = Analysis.of(withoutEntry).prove(List.of(SAFETY_GOES_TO_THE_INCIDENT_TEAM)).get(0);

        assertThat(result.status()).isEqualTo(GuaranteeResult.Status.VIOLATED);
        ProposalDecision decided = withoutEntry.decide(Cases.parse(result.counterexampleJson())).proposals().get(0);
        assertThat(decided.outcome().kind()).isNotEqualTo(Outcome.Kind.SWAT);
    }

    @Test
    void a_change_that_adds_a_scale_entry_is_proved_only_stricter() {
        Policy before = Policies.parse(POLICY.replace("""
                  - id: a-lost-holiday-is-high
                    when: "attributes.lostHoliday == true"
                    severity: HIGH
                """, ""));

        ChangeProof proof = Analysis.of(Policies.parse(POLICY)).against(Analysis.of(before));

        // a lost holiday now needs a supervisor: stricter for an agent, the same for a supervisor
        assertThat(proof.changes()).extracting(ChangeProof.Change::role, ChangeProof.Change::verdict).containsExactly(
                org.assertj.core.groups.Tuple.tuple("agent", ChangeProof.Verdict.ONLY_STRICTER),
                org.assertj.core.groups.Tuple.tuple("supervisor", ChangeProof.Verdict.EQUIVALENT));
        assertThat(proof.leftOut()).isEmpty();
    }
}
