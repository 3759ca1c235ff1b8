package org.resolutionpolicy.drools.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.resolutionpolicy.api.CustomerCase;
import org.resolutionpolicy.api.Decision;
import org.resolutionpolicy.api.Outcome;
import org.resolutionpolicy.api.Policies;
import org.resolutionpolicy.api.Policy;
import org.resolutionpolicy.api.Proposal;
import org.resolutionpolicy.model.ModelledPolicy;

/**
 * The proposals of a case inserted together carry the running total and count of their remedy exactly as the engine
 * counts siblings, scale included, so none of them is fired a second time on its own.
 */
class TogetherTotalsTests {

    @Test
    void repeated_remedies_with_gaps_and_scales_are_decided_together_with_the_engines_totals() {
        Policy policy = Policies.load(Path.of("src", "test", "resources", "totals", "drl"));
        DrlRules rules = (DrlRules) ModelledPolicy.of(policy).model().external();
        assertThat(rules.firesProposalsTogether()).isTrue();
        CustomerCase c = CustomerCase.builder().id("C-1").severity("LOW").employee("agent")
                .propose(Proposal.of("compensation", new BigDecimal("60.50")))
                .propose("apology")
                .propose(Proposal.of("voucher", new BigDecimal("2")))
                .propose(Proposal.of("compensation", new BigDecimal("39.5")))
                .propose(Proposal.of("voucher", new BigDecimal("1")))
                .propose(Proposal.of("compensation", new BigDecimal("0.75")))
                .build();

        Decision d = policy.decide(c);

        // 60.50 + 39.5 = 100.00 is not above the band; the third payment (100.75, and the third) is
        assertThat(d.proposals()).extracting(p -> p.outcome().kind()).containsExactly(Outcome.Kind.ALONE,
                Outcome.Kind.ALONE, Outcome.Kind.ALONE, Outcome.Kind.ALONE, Outcome.Kind.ALONE, Outcome.Kind.ESCALATE);
        assertThat(d.proposals().get(5).reasons()).extracting(r -> r.rule())
                .contains("above-the-band", "split-payments");
        assertThat(rules.proposalsFiredAlone()).isZero();
    }
}
