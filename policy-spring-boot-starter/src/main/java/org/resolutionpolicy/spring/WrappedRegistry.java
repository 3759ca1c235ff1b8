package org.resolutionpolicy.spring;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import org.resolutionpolicy.api.Policy;
import org.resolutionpolicy.api.PolicyRegistry;

/**
 * A registry whose policies decide with the application's decision listeners and observed by the metrics: each policy
 * of the registry underneath, wrapped once per snapshot, so that a watched directory's new revision is wrapped when it
 * first decides, and a lookup costs a map read otherwise.
 */
final class WrappedRegistry implements PolicyRegistry {

    /** A policy of the registry underneath and its wrapping. */
    private record Wrapped(Policy source, Policy wrapped) {
    }

    private final PolicyRegistry registry;
    private final UnaryOperator<Policy> wrap;
    private final Map<String, Wrapped> wrapped = new ConcurrentHashMap<>();

    WrappedRegistry(PolicyRegistry registry, UnaryOperator<Policy> wrap) {
        this.registry = registry;
        this.wrap = wrap;
    }

    @Override
    public List<String> ids() {
        return registry.ids();
    }

    @Override
    public Optional<Policy> find(String id) {
        return registry.find(id).map(source -> {
            Wrapped w = wrapped.get(id);
            if (w == null || w.source() != source) {
                w = new Wrapped(source, wrap.apply(source));
                wrapped.put(id, w);
            }
            return w.wrapped();
        });
    }

    @Override
    public String revision() {
        return registry.revision();
    }

    @Override
    public String toString() {
        return registry.toString();
    }
}
