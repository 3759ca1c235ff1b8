package org.resolutionpolicy.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import org.junit.jupiter.api.Test;
import org.resolutionpolicy.api.Cases;
import org.resolutionpolicy.api.Outcome;
import org.resolutionpolicy.api.Policies;
import org.resolutionpolicy.api.Policy;

class ChangeProofTests {

    static final String BASE = """
            policy: shop
            version: "%s"
            roles: [agent, supervisor]
            remedies: { refund: { unit: money } }
            authority:
              agent: { refund: %s }
              supervisor: { refund: 200 }
            rules:
            %s
            """;

    static Policy policy(String version, String agentLimit, String rules) {
        return Policies.parse(BASE.formatted(version, agentLimit, rules));
    }

    static final Policy OLD = policy("1", "50", "  []");

    @Test
    void a_raised_limit_is_only_looser_for_the_agent_with_a_case_that_shows_it() {
        Policy newer = policy("2", "80", "  []");
        ChangeProof proof = Analysis.of(newer).against(Analysis.of(OLD));
        assertThat(proof.changes()).extracting(ChangeProof.Change::role, ChangeProof.Change::verdict).containsExactly(
                tuple("agent", ChangeProof.Verdict.ONLY_LOOSER), tuple("supervisor", ChangeProof.Verdict.EQUIVALENT));
        ChangeProof.Change agent = proof.changes().get(0);
        assertThat(agent.stricter()).isNull();
        String looser = org.resolutionpolicy.format.json.JsonText.pretty(agent.looser());
        assertThat(OLD.decide(Cases.parse(looser)).proposals().get(0).outcome()).isEqualTo(Outcome.escalate("supervisor"));
        assertThat(newer.decide(Cases.parse(looser)).proposals().get(0).outcome()).isEqualTo(Outcome.alone());
    }

    @Test
    void a_new_deny_rule_is_only_stricter_for_every_role() {
        Policy newer = policy("2", "50", """
                  - id: no-gift-card-refunds
                    when: { category: gift-card }
                    deny: true
                    because: no
                """);
        ChangeProof proof = Analysis.of(newer).against(Analysis.of(OLD));
        assertThat(proof.changes()).extracting(ChangeProof.Change::verdict)
                .containsOnly(ChangeProof.Verdict.ONLY_STRICTER);
        assertThat(proof.changes().get(0).stricter()).containsEntry("category", "gift-card");
    }

    @Test
    void an_edit_both_ways_is_both_and_no_change_is_equivalent() {
        Policy both = policy("2", "80", """
                  - id: no-gift-card-refunds
                    when: { category: gift-card }
                    deny: true
                    because: no
                """);
        assertThat(Analysis.of(both).against(Analysis.of(OLD)).changes().get(0).verdict())
                .isEqualTo(ChangeProof.Verdict.BOTH);
        assertThat(Analysis.of(policy("3", "50", "  []")).against(Analysis.of(OLD)).differences()).isEmpty();
    }
}
