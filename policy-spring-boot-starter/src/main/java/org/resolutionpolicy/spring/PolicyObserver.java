package org.resolutionpolicy.spring;

import java.util.List;
import java.util.function.Supplier;
import org.resolutionpolicy.api.DecisionListener;
import org.resolutionpolicy.api.Policy;
import org.resolutionpolicy.api.ReloadListener;

/**
 * Watches the policies for metrics and observations: wraps a policy to time, count and observe its decisions, guards
 * each decision listener to count its failures, hears reloads, and keeps the gauges of what serves. Free of Micrometer
 * types, so that the auto-configuration loads without Micrometer; {@link #NONE} is used then.
 */
interface PolicyObserver {

    /** Observes nothing, at no cost. */
    PolicyObserver NONE = new PolicyObserver() {
    };

    /** Returns the policy, timed, counted and observed. */
    default Policy observe(Policy policy) {
        return policy;
    }

    /** Returns the listener, its failures counted and then thrown on, so the engine still reports them. */
    default DecisionListener guard(DecisionListener listener, String policyId) {
        return listener;
    }

    /**
     * Starts the gauges of the policies served ({@code degraded}, {@code revision}) and returns the listener that
     * updates them after a reload, or null for none.
     *
     * @param served the policies serving when asked
     */
    default ReloadListener serving(Supplier<List<ServedPolicy>> served) {
        return null;
    }

    /**
     * Returns the listener that counts the reload attempts of what follows the policies of the ids, or null for none.
     *
     * @param ids the ids of the policies that the attempts reload: one for a watched policy, all of a directory's
     */
    default ReloadListener reloads(Supplier<List<String>> ids) {
        return null;
    }
}
