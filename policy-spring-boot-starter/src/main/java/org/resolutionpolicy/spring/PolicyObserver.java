package org.resolutionpolicy.spring;

import org.resolutionpolicy.api.DecisionListener;
import org.resolutionpolicy.api.Policy;
import org.resolutionpolicy.api.ReloadListener;

/**
 * Watches the policy for metrics: wraps the policy to time and count its decisions, guards each decision listener to
 * count its failures, and hears reloads. Free of Micrometer types, so that the auto-configuration loads without
 * Micrometer; {@link #NONE} is used then.
 */
interface PolicyObserver {

    /** Observes nothing, at no cost. */
    PolicyObserver NONE = new PolicyObserver() {
    };

    /** Returns the policy, timed and counted. */
    default Policy observe(Policy policy) {
        return policy;
    }

    /** Returns the listener, its failures counted and then thrown on, so the engine still reports them. */
    default DecisionListener guard(DecisionListener listener) {
        return listener;
    }

    /** Returns the listener that counts reload attempts, or null for none. */
    default ReloadListener reloads() {
        return null;
    }
}
