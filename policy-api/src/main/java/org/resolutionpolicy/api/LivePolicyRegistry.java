package org.resolutionpolicy.api;

/**
 * A registry that follows its directory as one unit: every change (an edit, a policy file or directory added or
 * removed) reads and compiles every policy again, and the new set serves only when all of them compile without
 * errors and their ids are distinct. Otherwise the whole last good set keeps serving and the listeners get one
 * {@link ReloadEvent.Result#FAILED} event with every problem of every policy. Obtain one from
 * {@link PolicyWatch#startRegistry()}.
 *
 * <p>{@link #get(String)} returns the policy serving now, an ordinary immutable snapshot: look it up for each
 * decision (or call {@link #decide(String, CustomerCase)}) to follow reloads. A reload that takes an id away (its file
 * removed, or declaring another id now) is said in its {@code LOADED} event, as a warning, and in the log; {@code get}
 * of that id then says when and why it went. Thread-safe; close it to stop watching.
 */
public interface LivePolicyRegistry extends PolicyRegistry, AutoCloseable {

    /** Returns the set serving now: an ordinary immutable registry that never changes. */
    PolicyRegistry current();

    /** Returns the registry revision serving, when it was loaded and how the last attempt went. */
    ReloadStatus status();

    /**
     * Reads and compiles every policy now, on the calling thread, and swaps if all compile and differ from what
     * serves.
     *
     * @return the attempt
     */
    ReloadEvent reloadNow();

    /**
     * Adds a listener for every later reload attempt.
     *
     * @throws NullPointerException if the listener is null
     */
    void addReloadListener(ReloadListener listener);

    /** Stops watching the directory; the last set keeps deciding. Idempotent. */
    @Override
    void close();
}
