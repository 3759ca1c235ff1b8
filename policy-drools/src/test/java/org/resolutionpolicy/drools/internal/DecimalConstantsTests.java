package org.resolutionpolicy.drools.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.resolutionpolicy.api.CustomerCase;
import org.resolutionpolicy.api.Decision;
import org.resolutionpolicy.api.Impact;
import org.resolutionpolicy.api.Policies;
import org.resolutionpolicy.api.Policy;
import org.resolutionpolicy.api.PolicySource;
import org.resolutionpolicy.model.ModelledPolicy;

/**
 * The whole numbers decimal facts are ordered by are read from globals (see {@link NullGuards}): the comparisons
 * decide exactly as the numbers written in the rule, at the boundary, with another scale and with an absent fact, in
 * two files of one package that both compare with the same number.
 */
class DecimalConstantsTests {

    private static final String HEADER = """
            policy: constants
            version: "1"
            roles: [agent, manager]
            remedies: { refund: { unit: money } }
            authority: { agent: { refund: 1000 }, manager: { refund: 5000 } }
            """;

    private static final String PRELUDE = """
            package test.constants;
            import org.resolutionpolicy.drools.CaseFact;
            import org.resolutionpolicy.drools.ProposalFact;
            global org.resolutionpolicy.drools.Effects effects;
            """;

    private static final String ABOVE = PRELUDE + """
            rule "above-50" when ProposalFact( amount > 50 ) then effects.followUp(kcontext, "above", null, null, "a"); end
            rule "from-50" when ProposalFact( amount >= 50 ) then effects.followUp(kcontext, "from", null, null, "f"); end
            """;

    private static final String BELOW = PRELUDE + """
            rule "below-50" when ProposalFact( amount < 50 ) then effects.followUp(kcontext, "below", null, null, "b"); end
            rule "to-50" when ProposalFact( amount <= 50 ) then effects.followUp(kcontext, "to", null, null, "t"); end
            rule "paid" when CaseFact( outOfPocket > 0 ) then effects.followUp(kcontext, "paid", null, null, "p"); end
            """;

    private static List<String> followUps(Policy policy, String amount, Impact impact) {
        CustomerCase c = CustomerCase.builder().id("C-1").severity("LOW").employee("agent").impact(impact)
                .propose("refund", new BigDecimal(amount)).build();
        Decision d = policy.decide(c);
        return d.followUps().stream().map(f -> f.action()).sorted().toList();
    }

    @Test
    void order_tests_with_named_numbers_decide_as_written() {
        Policy policy = Policies.compile(List.of(PolicySource.of("policy.yaml", HEADER),
                PolicySource.of("above.drl", ABOVE), PolicySource.of("below.drl", BELOW)));
        DrlRules rules = (DrlRules) ModelledPolicy.of(policy).model().external();
        assertThat(rules.constantNames()).containsExactlyInAnyOrder("__rpDecimal50", "__rpDecimal0");
        Impact none = Impact.unknown();

        assertThat(followUps(policy, "49.99", none)).containsExactly("below", "to");
        assertThat(followUps(policy, "50", none)).containsExactly("from", "to");
        assertThat(followUps(policy, "50.000", none)).containsExactly("from", "to");
        assertThat(followUps(policy, "50.001", none)).containsExactly("above", "from");
        assertThat(followUps(policy, "5E+1", none)).containsExactly("from", "to");
        assertThat(followUps(policy, "1", Impact.builder().outOfPocket(new BigDecimal("0.00")).build()))
                .containsExactly("below", "to");
        assertThat(followUps(policy, "1", Impact.builder().outOfPocket(new BigDecimal("0.01")).build()))
                .containsExactly("below", "paid", "to");
    }
}
