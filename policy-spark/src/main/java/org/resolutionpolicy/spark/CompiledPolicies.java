package org.resolutionpolicy.spark;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.resolutionpolicy.api.Policies;
import org.resolutionpolicy.api.Policy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the policies this JVM has compiled, by revision, so that every task of an executor decides with one compiled
 * policy: compiling a DRL policy costs seconds, a task's partition may take less.
 *
 * <p>This is the one piece of static state of the module, and it must be static: Spark gives a task nothing that
 * lives as long as its executor JVM. It holds immutable, thread-safe policies and is bounded: past
 * {@value #MAX_REVISIONS} revisions (a long-lived executor serving many jobs) it starts again empty.
 */
final class CompiledPolicies {

    static final int MAX_REVISIONS = 16;
    private static final Logger LOG = LoggerFactory.getLogger(CompiledPolicies.class);
    private static final Map<String, Policy> BY_REVISION = new ConcurrentHashMap<>();

    private CompiledPolicies() {
    }

    static Policy get(PolicyText text) {
        Policy policy = BY_REVISION.get(text.revision());
        if (policy != null) {
            return policy;
        }
        if (BY_REVISION.size() >= MAX_REVISIONS) {
            BY_REVISION.clear();
        }
        return BY_REVISION.computeIfAbsent(text.revision(), r -> compile(text));
    }

    static void put(PolicyText text, Policy compiled) {
        if (BY_REVISION.size() < MAX_REVISIONS) {
            BY_REVISION.putIfAbsent(text.revision(), compiled);
        }
    }

    private static Policy compile(PolicyText text) {
        long start = System.nanoTime();
        Policy policy = Policies.compile(text.sources());
        if (!policy.revision().equals(text.revision())) {
            // the same text compiled to another revision: an engine of another version on this executor
            throw new IllegalStateException("the policy text of revision [" + text.revision() + "] compiles to ["
                    + policy.revision() + "] on this executor: are the driver and the executors on the same release?");
        }
        LOG.info("compiled policy [{}] in [{}] ms", policy.revision(), (System.nanoTime() - start) / 1_000_000);
        return policy;
    }
}
