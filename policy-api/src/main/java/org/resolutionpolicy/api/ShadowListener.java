package org.resolutionpolicy.api;

/**
 * Hears how the candidate of a {@link ShadowPolicy} decided each case the serving policy decided: for shadow logs,
 * metrics and tests.
 *
 * <p>Called on a shadow worker thread, never on the deciding thread, concurrently when the shadow has several workers,
 * so it must be thread-safe. If it throws, the exception is caught and reported through SLF4J by the engine, and the
 * shadow goes on.
 */
@FunctionalInterface
public interface ShadowListener {

    /**
     * Called once for each case the candidate decided or refused.
     *
     * @param result both decisions of the case
     */
    void onShadow(ShadowResult result);

    /**
     * Called when a served case is not shadowed because the queue is full, on the deciding thread: it must only count.
     * Does nothing unless overridden.
     *
     * @param sequence the case's number among the cases the shadow was given
     */
    default void onDropped(long sequence) {
        // most listeners count results only
    }
}
