package org.resolutionpolicy.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.resolutionpolicy.api.CustomerCase;
import org.resolutionpolicy.api.Decision;
import org.resolutionpolicy.api.Latitude;
import org.resolutionpolicy.api.Outcome;
import org.resolutionpolicy.api.Policies;
import org.resolutionpolicy.api.Policy;
import org.resolutionpolicy.api.ProposalDecision;
import org.resolutionpolicy.api.RemedyUnit;
import org.resolutionpolicy.test.PolicyArbitraries;

/**
 * The latitude answer agrees with deciding: a proposal of exactly the latitude is granted alone, one step more
 * is not, and goes to the approver the latitude names.
 */
class LatitudeConsistencyProperties {

    static final Policy COFFEE = Policies.load(Path.of("policies", "coffee-shop.yaml"));
    static final Policy RETAILER = Policies.load(Path.of("policies", "online-retailer.yaml"));

    @Provide
    Arbitrary<CustomerCase> coffee() {
        return PolicyArbitraries.forPolicy(COFFEE).tiers("GOLD", "PLATINUM", "SILVER")
                .categories("late-order", "gift-card", "spill").latitudeCases();
    }

    @Provide
    Arbitrary<CustomerCase> retailer() {
        return PolicyArbitraries.forPolicy(RETAILER).tiers("PLATINUM", "GOLD").latitudeCases();
    }

    @Property(tries = 300)
    void coffee_latitude_agrees_with_deciding(@ForAll("coffee") CustomerCase c) {
        agree(COFFEE, c);
    }

    @Property(tries = 300)
    void retailer_latitude_agrees_with_deciding(@ForAll("retailer") CustomerCase c) {
        agree(RETAILER, c);
    }

    static void agree(Policy policy, CustomerCase c) {
        Decision latitude = policy.decide(c);
        for (Latitude l : latitude.latitude()) {
            RemedyUnit unit = policy.remedies().get(l.remedy());
            if (unit == RemedyUnit.NONE) {
                Outcome o = decide(policy, c, l.remedy(), null).outcome();
                assertThat(o.kind() == Outcome.Kind.ALONE).as("%s alone", l).isEqualTo(l.aloneUpTo().isUnlimited());
                continue;
            }
            BigDecimal step = unit == RemedyUnit.COUNT ? BigDecimal.ONE : new BigDecimal("0.01");
            BigDecimal at = l.aloneUpTo().amount().orElse(null);
            if (at != null && at.signum() > 0) {
                assertThat(decide(policy, c, l.remedy(), at).outcome()).as("%s at its limit", l).isEqualTo(Outcome.alone());
            }
            if (at != null && !(unit == RemedyUnit.PERCENT && at.compareTo(BigDecimal.valueOf(100)) >= 0)) {
                BigDecimal above = at.signum() == 0 && unit == RemedyUnit.COUNT ? BigDecimal.ONE : at.add(step);
                ProposalDecision beyond = decide(policy, c, l.remedy(), above);
                assertThat(beyond.outcome().kind()).as("%s one step above", l).isNotEqualTo(Outcome.Kind.ALONE);
                assertThat(beyond.outcome().approver()).as("%s approver above", l).isEqualTo(l.approverBeyond());
            }
        }
    }

    static ProposalDecision decide(Policy policy, CustomerCase c, String remedy, BigDecimal amount) {
        return policy.decide(c.toBuilder().clearProposals().propose(remedy, amount).build()).proposals().get(0);
    }
}
