package org.resolutionpolicy.spring;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.observation.ObservationRegistry;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.resolutionpolicy.api.CustomerCase;
import org.resolutionpolicy.api.Decision;
import org.resolutionpolicy.api.DecisionListener;
import org.resolutionpolicy.api.Policy;
import org.resolutionpolicy.api.ReloadListener;

/**
 * Records the policies' metrics in Micrometer, and makes each decision an observation:
 * <ul>
 *   <li>{@code resolution.policy.decisions} (counter; tags {@code policy}, {@code revision}, {@code outcome}): each
 *       decision by its strictest proposal outcome ({@code ALONE} &lt; {@code ESCALATE} &lt; {@code SWAT} &lt;
 *       {@code DENIED}), {@code LATITUDE} for a case without proposals, {@code INVALID} for a case that did not
 *       fit;</li>
 *   <li>{@code resolution.policy.decision.latency} (timer; tag {@code policy});</li>
 *   <li>{@code resolution.policy.reloads} (counter; tags {@code policy}, {@code result}): each reload attempt;</li>
 *   <li>{@code resolution.policy.degraded} (gauge; tag {@code policy}): 1 while the last reload failed, else 0;</li>
 *   <li>{@code resolution.policy.revision} (gauge, always 1; tags {@code policy}, {@code version},
 *       {@code revision}): the revision serving, as an info metric;</li>
 *   <li>{@code resolution.policy.listener.failures} (counter; tags {@code policy}, {@code listener}).</li>
 * </ul>
 * Meters are looked up once per policy, revision and outcome, not per decision. Without a meter registry only the
 * observations are made; without an observation registry, only the metrics.
 */
final class MicrometerPolicyObserver implements PolicyObserver, ObservedPolicy.Decisions {

    static final String DECISIONS = "resolution.policy.decisions";
    static final String LATENCY = "resolution.policy.decision.latency";
    static final String RELOADS = "resolution.policy.reloads";
    static final String DEGRADED = "resolution.policy.degraded";
    static final String REVISION = "resolution.policy.revision";
    static final String LISTENER_FAILURES = "resolution.policy.listener.failures";

    private final MeterRegistry registry;
    private final ObservationRegistry observations;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();

    /**
     * Creates the observer.
     *
     * @param registry where the metrics go, or null for none
     * @param observations where the observations go, or null for none
     */
    MicrometerPolicyObserver(MeterRegistry registry, ObservationRegistry observations) {
        this.registry = registry;
        this.observations = observations == null ? ObservationRegistry.NOOP : observations;
    }

    @Override
    public Policy observe(Policy policy) {
        return new ObservedPolicy(policy, this, observations);
    }

    @Override
    public void decided(Decision decision, long nanos) {
        if (registry != null) {
            latency(decision.policyId()).record(nanos, TimeUnit.NANOSECONDS);
            decisions(decision.policyId(), decision.revision(), Outcomes.strictest(decision)).increment();
        }
    }

    @Override
    public void invalid(Policy policy, long nanos) {
        if (registry != null) {
            latency(policy.id()).record(nanos, TimeUnit.NANOSECONDS);
            decisions(policy.id(), policy.revision(), Outcomes.INVALID).increment();
        }
    }

    private Timer latency(String policy) {
        return timers.computeIfAbsent(policy, p -> Timer.builder(LATENCY).description("Time to decide a case")
                .tag("policy", p).register(registry));
    }

    private Counter decisions(String policy, String revision, String outcome) {
        String rev = revision == null ? "none" : revision;
        return counters.computeIfAbsent(policy + '\n' + rev + '\n' + outcome, key -> Counter.builder(DECISIONS)
                .description("Decisions, by their strictest outcome").tag("policy", policy).tag("revision", rev)
                .tag("outcome", outcome).register(registry));
    }

    @Override
    public DecisionListener guard(DecisionListener listener, String policyId) {
        if (registry == null) {
            return listener;
        }
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
    public ReloadListener serving(Supplier<List<ServedPolicy>> served) {
        if (registry == null) {
            return null;
        }
        MultiGauge degraded = MultiGauge.builder(DEGRADED)
                .description("1 while the last reload of the policy failed and an older revision serves")
                .register(registry);
        MultiGauge revision = MultiGauge.builder(REVISION).description("The revision serving, always 1")
                .register(registry);
        // a gauge holds its object weakly: the rows' policies are held here until the next update
        AtomicReference<List<ServedPolicy>> held = new AtomicReference<>();
        Runnable update = () -> {
            List<ServedPolicy> now = served.get();
            held.set(now);
            degraded.register(now.stream().map(p -> MultiGauge.Row.of(Tags.of("policy", p.id()), p,
                    s -> s.degraded() ? 1 : 0)).toList(), true);
            revision.register(now.stream().map(p -> {
                Policy policy = p.policy().get();
                return MultiGauge.Row.of(Tags.of("policy", p.id(), "version", String.valueOf(policy.version()),
                        "revision", policy.revision()), (Number) ONE);
            }).toList(), true);
        };
        update.run();
        return event -> update.run();
    }

    @Override
    public ReloadListener reloads(Supplier<List<String>> ids) {
        if (registry == null) {
            return null;
        }
        return event -> {
            for (String id : ids.get()) {
                Counter.builder(RELOADS).description("Reload attempts of a watched policy").tag("policy", id)
                        .tag("result", event.result().name()).register(registry).increment();
            }
        };
    }

    /** The value of every row of the revision gauge, held strongly. */
    private static final Integer ONE = 1;
}
