package org.resolutionpolicy.spring;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.resolutionpolicy.api.CustomerCase;
import org.resolutionpolicy.api.Decision;
import org.resolutionpolicy.api.DecisionListener;
import org.resolutionpolicy.api.Outcome;
import org.resolutionpolicy.api.Policy;
import org.resolutionpolicy.api.ProposalDecision;
import org.resolutionpolicy.api.ReloadListener;

/**
 * Records the policy's metrics in Micrometer:
 * <ul>
 *   <li>{@code resolution.policy.decisions} (counter; tags {@code policy}, {@code outcome}): each decision by its
 *       strictest proposal outcome ({@code ALONE} &lt; {@code ESCALATE} &lt; {@code SWAT} &lt; {@code DENIED}),
 *       {@code LATITUDE} for a case without proposals, {@code INVALID} for a case that did not fit;</li>
 *   <li>{@code resolution.policy.decision.latency} (timer; tag {@code policy});</li>
 *   <li>{@code resolution.policy.reloads} (counter; tags {@code policy}, {@code result}): each reload attempt;</li>
 *   <li>{@code resolution.policy.listener.failures} (counter; tags {@code policy}, {@code listener}).</li>
 * </ul>
 * Meters are looked up once per policy id and outcome, not per decision.
 */
final class MicrometerPolicyObserver implements PolicyObserver, ObservedPolicy.Decisions {

    static final String DECISIONS = "resolution.policy.decisions";
    static final String LATENCY = "resolution.policy.decision.latency";
    static final String RELOADS = "resolution.policy.reloads";
    static final String LISTENER_FAILURES = "resolution.policy.listener.failures";

    /** The meters of one policy id. */
    private final class Meters {
        final Map<Outcome.Kind, Counter> outcomes = new EnumMap<>(Outcome.Kind.class);
        final Counter latitude;
        final Counter invalid;
        final Timer latency;

        Meters(String policy) {
            for (Outcome.Kind kind : Outcome.Kind.values()) {
                outcomes.put(kind, decisions(policy, kind.name()));
            }
            latitude = decisions(policy, "LATITUDE");
            invalid = decisions(policy, "INVALID");
            latency = Timer.builder(LATENCY).description("Time to decide a case").tag("policy", policy)
                    .register(registry);
        }

        private Counter decisions(String policy, String outcome) {
            return Counter.builder(DECISIONS).description("Decisions, by their strictest outcome")
                    .tag("policy", policy).tag("outcome", outcome).register(registry);
        }
    }

    private final MeterRegistry registry;
    private final String policyId;
    private final Map<String, Meters> meters = new ConcurrentHashMap<>();

    MicrometerPolicyObserver(MeterRegistry registry, String policyId) {
        this.registry = registry;
        this.policyId = policyId;
    }

    private Meters meters(String policy) {
        return meters.computeIfAbsent(policy, Meters::new);
    }

    @Override
    public Policy observe(Policy policy) {
        meters(policy.id());
        return new ObservedPolicy(policy, this);
    }

    @Override
    public void decided(Decision decision, long nanos) {
        Meters m = meters(decision.policyId());
        m.latency.record(nanos, TimeUnit.NANOSECONDS);
        if (decision.isLatitude()) {
            m.latitude.increment();
            return;
        }
        Outcome.Kind strictest = Outcome.Kind.ALONE;
        for (ProposalDecision p : decision.proposals()) {
            if (p.kind().compareTo(strictest) > 0) {
                strictest = p.kind();
            }
        }
        m.outcomes.get(strictest).increment();
    }

    @Override
    public void invalid(String policy, long nanos) {
        Meters m = meters(policy);
        m.latency.record(nanos, TimeUnit.NANOSECONDS);
        m.invalid.increment();
    }

    @Override
    public DecisionListener guard(DecisionListener listener) {
        Counter failures = Counter.builder(LISTENER_FAILURES).description("Decision listeners that threw")
                .tag("policy", policyId).tag("listener", listener.getClass().getSimpleName()).register(registry);
        return new DecisionListener() {
            @Override
            public void onDecision(CustomerCase customerCase, Decision decision) {
                try {
                    listener.onDecision(customerCase, decision);
                } catch (RuntimeException e) {
                    failures.increment();
                    throw e;
                }
            }

            @Override
            public String toString() {
                return listener.toString();
            }
        };
    }

    @Override
    public ReloadListener reloads() {
        return event -> Counter.builder(RELOADS).description("Reload attempts of a watched policy")
                .tag("policy", policyId).tag("result", event.result().name()).register(registry).increment();
    }
}
