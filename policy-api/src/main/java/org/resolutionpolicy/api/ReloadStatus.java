package org.resolutionpolicy.api;

import java.time.Instant;
import java.util.Objects;

/**
 * Reports, for operators, what a {@link LivePolicy} serves and how its last reload went.
 *
 * @param revision the revision serving now
 * @param loadedAt when that revision was loaded
 * @param lastAttempt the last reload attempt, successful or not; {@code null} before the first one after start
 */
public record ReloadStatus(String revision, Instant loadedAt, ReloadEvent lastAttempt) {

    /**
     * Creates a status.
     *
     * @throws NullPointerException if revision or loadedAt is null
     */
    public ReloadStatus {
        Objects.requireNonNull(revision, "revision must not be null");
        Objects.requireNonNull(loadedAt, "loadedAt must not be null");
    }

    /** Returns true if the last attempt failed, so that what serves is older than what is on disk. */
    public boolean degraded() {
        return lastAttempt != null && lastAttempt.result() == ReloadEvent.Result.FAILED;
    }
}
