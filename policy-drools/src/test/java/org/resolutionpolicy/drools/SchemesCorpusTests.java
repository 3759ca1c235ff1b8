package org.resolutionpolicy.drools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.resolutionpolicy.api.CaseProblem;
import org.resolutionpolicy.api.Cases;
import org.resolutionpolicy.api.CustomerCase;
import org.resolutionpolicy.api.Decision;
import org.resolutionpolicy.api.InvalidCaseException;
import org.resolutionpolicy.api.Outcome;
import org.resolutionpolicy.api.Policies;
import org.resolutionpolicy.api.Policy;
import org.resolutionpolicy.api.ProposalDecision;

/**
 * The issue-16 corpus policy written three ways decides whole cases alike, down to the proposals a scenario's
 * expectations cannot name (the second proposal of a remedy).
 */
class SchemesCorpusTests {

    static final Map<String, Policy> SOURCES = new TreeMap<>();

    static {
        SharedCorpusTests.SCHEMES_POLICY.forEach((name, paths) -> SOURCES.put(name, Policies.load(paths)));
    }

    static List<Outcome> outcomes(Policy p, String yamlCase) {
        CustomerCase c = Cases.parse(yamlCase);
        return p.decide(c).proposals().stream().map(ProposalDecision::outcome).toList();
    }

    static void allSources(String yamlCase, Outcome... expected) {
        SOURCES.forEach((name, p) -> assertThat(outcomes(p, yamlCase)).as(name).containsExactly(expected));
    }

    @Test
    void two_refunds_of_40_are_alone_then_escalated_from_every_source() {
        allSources("""
                severity: LOW
                employee: { role: agent }
                proposals: [ { remedy: refund, amount: 40 }, { remedy: refund, amount: 40 } ]
                """, Outcome.alone(), Outcome.escalate("supervisor"));
    }

    @Test
    void three_credits_of_20_against_a_cap_of_40_are_alone_once_from_every_source() {
        allSources("""
                severity: LOW
                employee: { role: agent }
                proposals: [ { remedy: credit, amount: 20 }, { remedy: credit, amount: 20 }, { remedy: credit, amount: 20 } ]
                """, Outcome.alone(), Outcome.escalate("supervisor"), Outcome.escalate("supervisor"));
    }

    @Test
    void a_gold_customers_split_credit_meets_the_window_from_every_source() {
        // 15 in the history, 25 then 5 proposed: 45 is beyond the window of 40 at the counter
        allSources("""
                severity: LOW
                openedAt: 2026-11-20T09:30:00Z
                employee: { role: agent }
                customer: { tier: GOLD, history: [ { remedy: credit, amount: 15, at: 2026-06-01T10:00:00Z } ] }
                proposals: [ { remedy: credit, amount: 25 }, { remedy: apology }, { remedy: credit, amount: 5 } ]
                """, Outcome.alone(), Outcome.alone(), Outcome.escalate("supervisor"));
    }

    @Test
    void every_source_names_the_same_siblings() {
        String c = """
                severity: LOW
                employee: { role: supervisor }
                proposals: [ { remedy: refund, amount: 150 }, { remedy: credit, amount: 10 }, { remedy: refund, amount: 60 } ]
                """;
        SOURCES.forEach((name, p) -> {
            Decision d = p.decide(Cases.parse(c));
            assertThat(d.proposals()).as(name).extracting(ProposalDecision::countedWith)
                    .containsExactly(List.of(), List.of(), List.of(0));
            assertThat(d.proposals().get(2).outcome()).as(name).isEqualTo(Outcome.escalate("manager"));
        });
    }

    @Test
    void every_source_lists_both_approvers_of_a_dual_approval() {
        allSources("""
                severity: LOW
                employee: { role: agent }
                proposals: [ { remedy: goodwill, amount: 600 }, { remedy: goodwill, amount: 100 } ]
                # the second is not above 500 itself, so one signature; its 700 with the first needs a manager
                """, Outcome.escalate(List.of("director", "finance")), Outcome.escalate("manager"));
        allSources("""
                severity: LOW
                employee: { role: finance }
                proposals: [ { remedy: goodwill, amount: 600 } ]
                """, Outcome.escalate("director"));
    }

    @Test
    void every_source_refuses_a_case_in_another_currency_alike() {
        CustomerCase usd = Cases.parse("""
                severity: LOW
                employee: { role: agent }
                proposals: [ { remedy: refund, amount: 40, currency: USD }, { remedy: apology, currency: EUR } ]
                """);
        SOURCES.forEach((name, p) -> assertThatThrownBy(() -> p.decide(usd)).as(name)
                .isInstanceOfSatisfying(InvalidCaseException.class, e -> assertThat(e.problems()).containsExactly(
                        new CaseProblem("proposals[0].currency",
                                "[USD] is not the policy's currency [EUR]; amounts are never converted"),
                        new CaseProblem("proposals[1].currency",
                                "[apology] is a none remedy; only money remedies have a currency, was [EUR]"))));
        allSources("""
                severity: LOW
                currency: EUR
                employee: { role: agent }
                proposals: [ { remedy: refund, amount: 40, currency: EUR } ]
                """, Outcome.alone());
    }
}
