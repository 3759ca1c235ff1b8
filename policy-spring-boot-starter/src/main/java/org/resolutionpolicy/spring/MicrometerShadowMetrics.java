package org.resolutionpolicy.spring;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.resolutionpolicy.api.Outcome;
import org.resolutionpolicy.api.Policy;
import org.resolutionpolicy.api.ShadowListener;
import org.resolutionpolicy.api.ShadowPolicy;
import org.resolutionpolicy.api.ShadowResult;
import org.resolutionpolicy.api.ShadowStatus;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Counts the shadow in Micrometer: {@value #DECISIONS} by result ({@code AGREED}, {@code DISAGREED}, {@code REFUSED}),
 * {@value #DISAGREEMENTS} by transition (remedy, outcome served, outcome of the candidate), {@value #DROPPED},
 * {@value #SAMPLED_OUT} (read from the shadow's status, so that the request path counts nothing more), and the gauge
 * {@value #CANDIDATE_FAILED} (1 when the candidate failed to load).
 */
final class MicrometerShadowMetrics implements ShadowListener {

    static final String DECISIONS = "resolution.policy.shadow.decisions";
    static final String DISAGREEMENTS = "resolution.policy.shadow.disagreements";
    static final String DROPPED = "resolution.policy.shadow.dropped";
    static final String CANDIDATE_FAILED = "resolution.policy.shadow.candidate.failed";
    static final String SAMPLED_OUT = "resolution.policy.shadow.sampled-out";

    private final MeterRegistry registry;
    private final Counter dropped;
    /** Held here: a function counter holds its object weakly, and reads NaN once it is collected. */
    private final ObjectProvider<Policy> policies;

    MicrometerShadowMetrics(MeterRegistry registry, ObjectProvider<Policy> policies) {
        this.registry = registry;
        this.policies = policies;
        for (ShadowResult.Kind kind : ShadowResult.Kind.values()) {
            decisions(kind);
        }
        this.dropped = Counter.builder(DROPPED).description("Served cases not shadowed because the queue was full")
                .register(registry);
        Gauge.builder(CANDIDATE_FAILED, policies, p -> p.getIfAvailable() instanceof ShadowPolicy s
                        && s.status().state() == ShadowStatus.State.FAILED ? 1 : 0)
                .description("1 when the shadow's candidate failed to load (the serving policy serves as always)")
                // a gauge holds its object weakly: the provider must outlive a collection, or the gauge reads NaN
                .strongReference(true)
                .register(registry);
        FunctionCounter.builder(SAMPLED_OUT, policies, p -> p.getIfAvailable() instanceof ShadowPolicy s
                        ? s.status().sampledOut() : 0)
                .description("Served cases not offered to the candidate, the shadow sampling a share of the traffic "
                        + "(not a loss)")
                .register(registry);
    }

    private Counter decisions(ShadowResult.Kind kind) {
        return Counter.builder(DECISIONS).description("Cases the shadow's candidate decided, by how it compared")
                .tag("result", kind.name()).register(registry);
    }

    @Override
    public void onShadow(ShadowResult result) {
        decisions(result.kind()).increment();
        for (ShadowResult.Transition t : result.transitions()) {
            Counter.builder(DISAGREEMENTS).description("Proposals the candidate decides otherwise, by transition")
                    .tag("remedy", t.remedy()).tag("from", name(t.from())).tag("to", name(t.to()))
                    .register(registry).increment();
        }
    }

    @Override
    public void onDropped(long sequence) {
        dropped.increment();
    }

    /** Returns an outcome as a tag: its kind, and the approver or team (ESCALATE:manager, SWAT:swat-team). */
    private static String name(Outcome o) {
        return o.approver() != null ? o.kind() + ":" + o.approver() : o.team() != null ? o.kind() + ":" + o.team()
                : o.kind().name();
    }

    @Override
    public String toString() {
        return "MicrometerShadowMetrics";
    }
}
