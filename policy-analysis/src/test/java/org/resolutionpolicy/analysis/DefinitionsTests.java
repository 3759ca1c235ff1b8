package org.resolutionpolicy.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * Facts a policy defines (named definitions, decision tables) and amounts computed from the case (entitlements) are
 * formulas of the case's facts: a proof about them holds, a change to them changes the proof, and every case shown
 * sets only facts a case has, decided by the engine as claimed.
 */
class DefinitionsTests {

    static final Path EU261 = Path.of("../examples/policies/eu261.yaml");

    @Test
    void an_entitlement_from_a_table_is_found_with_a_case_of_real_facts() {
        GuaranteeResult result = Analysis.of(EU261).prove(List.of(never("an agent never compensates alone",
                Map.of("employee.role", "agent", "remedy", "compensation"), Outcome.Kind.ALONE))).get(0);

        assertThat(result.status()).isEqualTo(GuaranteeResult.Status.VIOLATED);
        assertThat(result.counterexample()).containsKey("attributes").doesNotContainKeys("named", "tables");
        ProposalDecision decided = decide(Policies.load(EU261), result);
        assertThat(decided.outcome()).isEqualTo(Outcome.alone());
        // the agent has no authority for compensation: only the entitlement, the table's band, lets them grant it
        assertThat(decided.amount()).isPositive().isLessThanOrEqualTo(new BigDecimal("600"));
    }

    @Test
    void a_changed_table_row_changes_the_proof() throws IOException {
        Guarantee shortFlights = never("an agent never pays more than 250 alone for a short flight",
                Map.of("employee.role", "agent", "remedy", "compensation", "attributes.distanceKm", Map.of("atMost", 1500),
                        "amount", Map.of("above", 250)), Outcome.Kind.ALONE);
        Policy edited = Policies.parse(Files.readString(EU261)
                .replace("[{ atMost: 1500 }, any, 250]", "[{ atMost: 1500 }, any, 300]"));

        assertThat(Analysis.of(EU261).prove(List.of(shortFlights)).get(0).status())
                .isEqualTo(GuaranteeResult.Status.PROVEN);
        GuaranteeResult refuted = Analysis.of(edited).prove(List.of(shortFlights)).get(0);
        assertThat(refuted.status()).isEqualTo(GuaranteeResult.Status.VIOLATED);
        ProposalDecision decided = decide(edited, refuted);
        assertThat(decided.outcome()).isEqualTo(Outcome.alone());
        assertThat(decided.amount()).isGreaterThan(new BigDecimal("250")).isLessThanOrEqualTo(new BigDecimal("300"));
    }

    @Test
    void a_guarantee_reads_the_policys_own_definitions_and_tables() {
        List<GuaranteeResult> results = Analysis.of(EU261).prove(List.of(
                never("an agent pays at most half the band alone when the passenger was re-routed in time",
                        "employee.role == 'agent' && remedy == 'compensation' && named.reduced"
                                + " && amount > tables.band / 2", Outcome.Kind.ALONE),
                never("an agent never pays a re-routed passenger alone",
                        Map.of("employee.role", "agent", "remedy", "compensation", "named.reduced", true),
                        Outcome.Kind.ALONE)));

        assertThat(results).extracting(GuaranteeResult::status)
                .containsExactly(GuaranteeResult.Status.PROVEN, GuaranteeResult.Status.VIOLATED);
        ProposalDecision decided = decide(Policies.load(EU261), results.get(1));
        assertThat(decided.outcome()).isEqualTo(Outcome.alone());
        // the case is one the half-compensation rule is about: the passenger was re-routed within the band's hours
        assertThat(decided.entitled()).hasValueSatisfying(e -> assertThat(e.rule()).isEqualTo("half-when-re-routed-in-time"));
        assertThat(results.get(1).counterexample()).doesNotContainKeys("named", "tables");
    }

    @Test
    void days_between_dates_and_named_values_are_encoded() {
        Policy policy = Policies.parse(recentPurchases("daysBetween(attributes.purchasedOn, openedAt)"));
        Analysis analysis = Analysis.of(policy);
        Map<String, Object> refundAbove = Map.of("employee.role", "agent", "remedy", "refund");

        List<GuaranteeResult> results = analysis.prove(List.of(
                never("an agent never refunds more than 20 alone", with(refundAbove, 20), Outcome.Kind.ALONE),
                never("an agent never refunds more than 100 alone", with(refundAbove, 100), Outcome.Kind.ALONE)));

        assertThat(results).extracting(GuaranteeResult::status)
                .containsExactly(GuaranteeResult.Status.VIOLATED, GuaranteeResult.Status.PROVEN);
        ProposalDecision decided = decide(policy, results.get(0));
        assertThat(decided.outcome()).isEqualTo(Outcome.alone());
        assertThat(decided.ruleIds()).contains("recent-purchase");
        assertThat(analysis.findings().leftOut()).isEmpty();
    }

    @Test
    void business_days_are_left_out_and_said_so() {
        Report r = Analysis.of(Policies.parse(recentPurchases("businessDaysBetween(attributes.purchasedOn, openedAt)")))
                .findings();

        assertThat(r.leftOut()).singleElement().asString().contains("rule [recent-purchase] has no formula")
                .contains("businessDaysBetween");
        assertThat(r.hasInternalErrors()).isFalse();
    }

    private static String recentPurchases(String days) {
        return """
                policy: recent-purchases
                version: "1"
                roles: [agent, manager]
                attributes: { purchasedOn: date }
                remedies: { refund: { unit: money } }
                authority: { agent: { refund: 20 }, manager: { refund: 500 } }
                definitions:
                  daysSincePurchase: "%s"
                  recent: "named.daysSincePurchase <= 30"
                rules:
                  - id: recent-purchase
                    when: "named.recent"
                    remedies: [refund]
                    grant: { role: agent, upTo: 100 }
                    because: A purchase of the last thirty days is refunded at the counter
                """.formatted(days);
    }

    private static Map<String, Object> with(Map<String, Object> when, int above) {
        Map<String, Object> out = new java.util.LinkedHashMap<>(when);
        out.put("amount", Map.of("above", above));
        return out;
    }

    private static Guarantee never(String name, Object when, Outcome.Kind kind) {
        return new Guarantee(name, "test", when, new Guarantee.Expectation(false, Set.of(kind), null));
    }

    private static ProposalDecision decide(Policy policy, GuaranteeResult result) {
        return policy.decide(Cases.parse(result.counterexampleJson())).proposals().get(0);
    }
}
