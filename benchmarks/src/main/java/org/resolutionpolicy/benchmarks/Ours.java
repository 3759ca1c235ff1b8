package org.resolutionpolicy.benchmarks;

import java.util.List;
import org.resolutionpolicy.api.CustomerCase;
import org.resolutionpolicy.api.Decision;
import org.resolutionpolicy.api.Policies;
import org.resolutionpolicy.api.Policy;
import org.resolutionpolicy.api.PolicySource;

/** The reference policy through our public API, from YAML or from our DRL. */
final class Ours implements Implementation {

    private final Policy policy;

    private Ours(Policy policy) {
        this.policy = policy;
    }

    static Ours yaml() {
        return new Ours(Policies.fromClasspath("reference/reference-policy.yaml"));
    }

    static Ours drl() {
        return new Ours(Policies.compile(List.of(PolicySource.of("reference-policy.drl",
                Resources.text("reference/reference-policy.drl")))));
    }

    Policy policy() {
        return policy;
    }

    @Override
    public Verdict[] decide(CustomerCase c) {
        Decision d = policy.decide(c);
        Verdict[] out = new Verdict[d.proposals().size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = Verdict.of(d.proposals().get(i).outcome());
        }
        return out;
    }
}
