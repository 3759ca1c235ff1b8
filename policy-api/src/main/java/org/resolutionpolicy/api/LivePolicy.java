package org.resolutionpolicy.api;

/**
 * A policy that follows its files: it decides with the revision it serves now and swaps to a new revision when its
 * sources change and compile without errors. Obtain one from {@link Policies#watch}.
 *
 * <p>A candidate is read, validated and compiled off the decision path; only a candidate without errors replaces
 * the current snapshot, in one reference write, so one decision is always decided entirely by one revision, and
 * names it ({@link Decision#revision()}). The watcher reads files only once they hold still (see
 * {@link PolicyWatch#settle}), so a file being written is never served half-way. A broken edit, a deleted or
 * unreadable file, anything that is not a regular file (a directory, a pipe, a device), or an edit that changes the
 * policy's id (unless {@link PolicyWatch#allowIdChange()}) leaves the last good revision serving and is reported to
 * the {@link ReloadListener}s and the log, with every problem located.
 *
 * <p>Thread-safe. Close it to stop watching; it keeps deciding with its last revision after that.
 *
 * <pre>{@code
 * try (LivePolicy policy = Policies.watch(Path.of("policies")).start()) {
 *     Decision decision = policy.decide(customerCase);
 * }
 * }</pre>
 */
public interface LivePolicy extends Policy, AutoCloseable {

    /** Returns the snapshot serving now: an ordinary immutable policy that never changes. */
    @Override
    Policy current();

    /** Returns the serving revision, when it was loaded and how the last attempt went. */
    ReloadStatus status();

    /**
     * Reads and compiles the sources now, on the calling thread, and swaps if they compile without errors and differ
     * from what serves. It trusts the caller that the files are complete and does not wait for the settle time
     * ({@link PolicyWatch#settle}); a file that changes while it is read or compiled is read again a settle time later,
     * and one that keeps changing for ten settle times (at least 2 s) is a {@link ReloadEvent.Result#FAILED} attempt.
     *
     * @return the attempt, also given to the listeners unless it is {@link ReloadEvent.Result#UNCHANGED} after an
     *         attempt that was not a failure
     */
    ReloadEvent reloadNow();

    /**
     * Adds a listener for every later reload attempt.
     *
     * @throws NullPointerException if the listener is null
     */
    void addReloadListener(ReloadListener listener);

    /** Stops watching the files. The last revision keeps deciding. Idempotent. */
    @Override
    void close();
}
