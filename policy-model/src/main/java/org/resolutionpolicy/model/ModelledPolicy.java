package org.resolutionpolicy.model;

import java.util.List;
import java.util.Objects;
import org.resolutionpolicy.api.Policy;
import org.resolutionpolicy.api.PolicyLoadException;
import org.resolutionpolicy.api.PolicySource;

/**
 * A policy whose model can be read: what the engine compiles, and what tools (the analysis, the pages, a test kit)
 * read beside deciding. Reach it from any policy with {@link #of(Policy)}, which follows a live policy or a wrapper to
 * the snapshot that decides now.
 *
 * <p>Implementations are immutable and thread-safe, as every compiled policy is.
 */
public interface ModelledPolicy extends Policy {

    /**
     * Returns the model of the version in force now: the one that decides a case without {@code openedAt}, and the
     * only one for a policy without dated versions.
     */
    PolicyModel model();

    /**
     * Returns every dated version, earliest first, each a policy of one version with its {@link Validity} in its
     * model; a policy without dated versions returns itself alone.
     */
    List<ModelledPolicy> versions();

    /**
     * Reads rules written about this policy (such as guarantees) into a model of their own, with this policy's
     * vocabulary: its severities, roles, remedies, attributes and the facts it defines ({@code named.*},
     * {@code tables.*}), read as its rules read them.
     *
     * @param sources YAML text with the header and rules to read
     * @return the model of those rules
     * @throws PolicyLoadException listing every problem, if any is an error
     */
    PolicyModel readAbout(List<PolicySource> sources);

    /**
     * Returns the modelled policy behind any policy: the policy itself, or the snapshot it decides with now
     * ({@link Policy#current()}) for a live policy, a registry's policy or a wrapper.
     *
     * @param policy a policy
     * @return its modelled snapshot
     * @throws NullPointerException if policy is null
     * @throws IllegalArgumentException if no engine that publishes its model compiled it
     */
    static ModelledPolicy of(Policy policy) {
        Objects.requireNonNull(policy, "policy must not be null");
        Policy p = policy;
        // a wrapper of a live policy of a wrapper...: a few steps reach the snapshot; a loop of wrappers is an error
        for (int step = 0; step < 16; step++) {
            if (p instanceof ModelledPolicy modelled) {
                return modelled;
            }
            Policy next = p.current();
            if (next == null || next == p) {
                break;
            }
            p = next;
        }
        throw new IllegalArgumentException("policy [" + policy.id() + "] does not publish its model: it was not "
                + "compiled by policy-engine, or a wrapper of it does not return it from current() ["
                + policy.getClass().getName() + "]");
    }

    /**
     * Returns the currency every dated version of a policy names: null when it names none, when its versions name
     * different ones (a case is then in its version's, which only the cases tell), or when the policy publishes no
     * model (a policy that did not come from the engine names no currency either).
     *
     * @param policy a policy
     * @return its one currency, or null
     */
    static String currencyOf(Policy policy) {
        ModelledPolicy modelled;
        try {
            modelled = of(policy);
        } catch (IllegalArgumentException e) {
            return null;
        }
        String currency = modelled.model().currency();
        for (ModelledPolicy version : modelled.versions()) {
            if (!Objects.equals(currency, version.model().currency())) {
                return null;
            }
        }
        return currency;
    }
}
