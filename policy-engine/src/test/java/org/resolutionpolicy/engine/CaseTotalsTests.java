package org.resolutionpolicy.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.resolutionpolicy.api.CustomerCase;
import org.resolutionpolicy.api.Decision;
import org.resolutionpolicy.api.Explanation;
import org.resolutionpolicy.api.Limit;
import org.resolutionpolicy.api.Outcome;
import org.resolutionpolicy.api.Policies;
import org.resolutionpolicy.api.Policy;
import org.resolutionpolicy.api.ProposalDecision;

/** Rules on the case's running total and count of a remedy, counted as authority counts siblings (issue 33). */
class CaseTotalsTests {

    static Policy policy(String band) {
        return Policies.parse("""
                policy: totals
                version: "1"
                roles: [agent, supervisor]
                remedies: { compensation: { unit: money }, apology: { unit: none } }
                authority: { agent: { compensation: 500, apology: unlimited }, supervisor: { compensation: 5000 } }
                rules:
                  - id: above-the-band
                    when: %s
                    remedies: [compensation]
                    require: supervisor
                    because: An award above the 100 band is reviewed
                  - id: third-payment
                    when: "count >= 3"
                    remedies: [compensation]
                    require: supervisor
                    because: A third payment is reviewed
                """.formatted(band));
    }

    static final List<Policy> BOTH = List.of(policy("{ total: { above: 100 } }"), policy("\"total > 100\""));

    static CustomerCase paid(double... amounts) {
        CustomerCase.Builder b = CustomerCase.builder().id("C-3").severity("LOW").employee("agent");
        for (double a : amounts) {
            if (a < 0) {
                b.propose("apology");
            } else {
                b.propose("compensation", a);
            }
        }
        return b.build();
    }

    static List<Outcome> outcomes(Decision d) {
        return d.proposals().stream().map(ProposalDecision::outcome).toList();
    }

    @Test
    void two_payments_of_60_meet_the_band_as_one_payment_of_120_does() {
        for (Policy p : BOTH) {
            assertThat(outcomes(p.decide(paid(120)))).containsExactly(Outcome.escalate("supervisor"));
            assertThat(outcomes(p.decide(paid(60, -1, 60))))
                    .containsExactly(Outcome.alone(), Outcome.alone(), Outcome.escalate("supervisor"));
            assertThat(p.decide(paid(60, 60)).proposals().get(1).reasons()).extracting(r -> r.rule())
                    .containsExactly("above-the-band");
            assertThat(outcomes(p.decide(paid(50, 50)))).containsOnly(Outcome.alone());
        }
    }

    @Test
    void count_is_how_many_proposals_of_the_remedy_so_far() {
        assertThat(outcomes(BOTH.get(0).decide(paid(10, -1, 10, 10, -1))))
                .containsExactly(Outcome.alone(), Outcome.alone(), Outcome.alone(), Outcome.escalate("supervisor"),
                        Outcome.alone());
    }

    @Test
    void explain_shows_the_total_with_its_parts() {
        for (Policy p : BOTH) {
            Explanation e = p.explain(paid(30, 30));
            Explanation.RuleCheck band = e.proposals().get(1).rules().stream()
                    .filter(r -> r.rule().equals("above-the-band")).findFirst().orElseThrow();

            assertThat(band.failures().toString()).contains("60 (30 + 30 of earlier proposals [0])");
            assertThat(e.proposals().get(1).authority().siblings().total()).isEqualByComparingTo("30");
        }
    }

    @Test
    void the_latitude_of_a_case_without_proposals_counts_the_one_asked_about() {
        for (Policy p : BOTH) {
            Decision d = p.decide(CustomerCase.builder().severity("LOW").employee("agent").build());
            assertThat(d.latitude("compensation").orElseThrow().aloneUpTo()).isEqualTo(Limit.of(100));
        }
    }
}
