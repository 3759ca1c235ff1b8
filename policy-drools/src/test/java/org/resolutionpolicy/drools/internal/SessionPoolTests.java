package org.resolutionpolicy.drools.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.resolutionpolicy.api.CustomerCase;
import org.resolutionpolicy.api.Outcome;
import org.resolutionpolicy.api.Policies;
import org.resolutionpolicy.api.Policy;
import org.resolutionpolicy.api.PolicySource;
import org.resolutionpolicy.model.ExternalRules;
import org.resolutionpolicy.model.Facts;
import org.resolutionpolicy.model.ModelledPolicy;

/**
 * The session pool: the session last given back is taken first, sessions in use at the same time are all kept when
 * given back, and release disposes every idle one, that last one included.
 */
class SessionPoolTests {

    private static final String DRL = """
            package test.pool;
            import org.resolutionpolicy.drools.ProposalFact;
            global org.resolutionpolicy.drools.Effects effects;
            declare Policy
                @policy("pool")
                @version("1")
                @roles("agent, manager")
                @remedies("refund: money")
            end
            declare Authorities
                @authority("agent")
                @limits("refund: 50")
            end
            declare ManagerAuthority
                @authority("manager")
                @limits("refund: 1000")
            end
            rule "big-refunds" when ProposalFact( remedy == "refund", amount > 30 ) then
                effects.require(kcontext, "manager", "big refunds need a manager");
            end
            """;

    private static final CustomerCase CASE = CustomerCase.builder().id("C-1").severity("LOW").employee("agent")
            .propose("refund", 40).build();

    @Test
    void overlapping_runs_get_their_own_sessions_and_all_go_back_to_the_pool_until_released() {
        Policy policy = Policies.compile(List.of(PolicySource.of("pool.drl", DRL)));
        DrlRules rules = (DrlRules) ModelledPolicy.of(policy).model().external();
        Facts facts = new Facts(CASE, 0, 0, Instant.EPOCH, Map.of());

        ExternalRules.CaseRun first = rules.open(facts);
        ExternalRules.CaseRun second = rules.open(facts);
        assertThat(rules.idleSessions()).isZero();
        first.close();
        second.close();
        assertThat(rules.idleSessions()).isEqualTo(2);

        ExternalRules.CaseRun again = rules.open(facts);
        assertThat(rules.idleSessions()).isEqualTo(1);
        again.close();
        assertThat(rules.idleSessions()).isEqualTo(2);
        assertThat(policy.decide(CASE).proposals().get(0).outcome().kind()).isEqualTo(Outcome.Kind.ESCALATE);
        assertThat(rules.idleSessions()).isEqualTo(2);

        rules.release();
        assertThat(rules.idleSessions()).isZero();
        // released: a decision still works, with a session disposed when it is given back
        assertThat(policy.decide(CASE).proposals().get(0).outcome().kind()).isEqualTo(Outcome.Kind.ESCALATE);
        assertThat(rules.idleSessions()).isZero();
    }
}
