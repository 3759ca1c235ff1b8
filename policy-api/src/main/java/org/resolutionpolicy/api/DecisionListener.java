package org.resolutionpolicy.api;

/**
 * Hears about every decision a policy makes, after it is made; for decision logs, metrics and audits.
 *
 * <p>Attach one with {@link Policy#withListener(DecisionListener)}. A listener cannot change a decision: it
 * receives the immutable case and decision after the fact. If it throws, the exception is caught and reported
 * through SLF4J by the engine, and the caller still gets the decision. Listeners are called on the deciding
 * thread, concurrently when several threads decide, so they must be thread-safe and quick.
 */
@FunctionalInterface
public interface DecisionListener {

    /**
     * Called once after each successful decision.
     *
     * @param customerCase the case that was decided
     * @param decision the decision
     */
    void onDecision(CustomerCase customerCase, Decision decision);
}
