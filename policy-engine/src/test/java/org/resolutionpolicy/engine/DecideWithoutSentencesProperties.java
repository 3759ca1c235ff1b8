package org.resolutionpolicy.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.resolutionpolicy.api.CustomerCase;
import org.resolutionpolicy.api.Decision;
import org.resolutionpolicy.api.Policy;
import org.resolutionpolicy.api.ProposalDecision;
import org.resolutionpolicy.api.Reason;
import org.resolutionpolicy.engine.internal.eval.CompiledPolicy;

/**
 * A replay's decisions ({@code CompiledPolicy.decideWithoutSentences}) are the decisions, less the authority table's
 * sentences: the same outcomes, rules, follow-ups and latitude, for cases of many proposals, windows and grants.
 */
class DecideWithoutSentencesProperties {

    @Property(tries = 400)
    void the_same_decision_less_the_authority_sentences(@ForAll("cases") CustomerCase c) {
        assertSameLessSentences(SiblingProposalsProperties.POLICY, c);
    }

    @Property(tries = 300)
    void the_same_decision_for_the_coffee_shop(@ForAll("coffeeShopCases") CustomerCase c) {
        assertSameLessSentences(SemanticsProperties.POLICY, c);
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<CustomerCase> cases() {
        return new SiblingProposalsProperties().cases();
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<CustomerCase> coffeeShopCases() {
        return new SemanticsProperties().cases();
    }

    static void assertSameLessSentences(Policy policy, CustomerCase c) {
        Decision full = policy.decide(c);
        Decision brief = ((CompiledPolicy) policy).decideWithoutSentences(c);

        assertThat(brief.swat()).isEqualTo(full.swat());
        assertThat(brief.followUps()).isEqualTo(full.followUps());
        assertThat(brief.latitude()).isEqualTo(full.latitude());
        assertThat(brief.proposals()).hasSameSizeAs(full.proposals());
        for (int i = 0; i < full.proposals().size(); i++) {
            ProposalDecision f = full.proposals().get(i);
            ProposalDecision b = brief.proposals().get(i);
            assertThat(b.outcome()).isEqualTo(f.outcome());
            assertThat(b.ruleIds()).isEqualTo(f.ruleIds());
            assertThat(b.countedWith()).isEqualTo(f.countedWith());
            assertThat(b.entitled()).isEqualTo(f.entitled());
            assertThat(b.reasons()).isEqualTo(unsaid(f.reasons()));
        }
    }

    private static List<Reason> unsaid(List<Reason> reasons) {
        return reasons.stream().map(r -> r.isAuthority() ? new Reason(Reason.AUTHORITY, "") : r).toList();
    }
}
