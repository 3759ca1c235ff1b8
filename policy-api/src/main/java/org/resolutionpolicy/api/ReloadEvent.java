package org.resolutionpolicy.api;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Tells what one reload attempt of a {@link LivePolicy} did: a new revision now serving, or a candidate refused with
 * every problem found (the same {@link Problem}s as validation, with file, line and column), while the last good
 * revision keeps serving.
 *
 * @param result what happened
 * @param revision the revision serving after the attempt (the new one when {@link Result#LOADED})
 * @param previousRevision the revision that served before the attempt
 * @param candidate the revision of the candidate sources that were read, or {@code null} when they could not be read
 * @param at when the attempt ended
 * @param problems for {@link Result#FAILED}, every error (and warning) found; for {@link Result#LOADED}, warnings of
 *                 what the reload changed that must be said (a registry's policy gone, an id changed with
 *                 {@link PolicyWatch#allowIdChange()}), then the new revision's warnings
 */
public record ReloadEvent(Result result, String revision, String previousRevision, String candidate, Instant at,
                          List<Problem> problems) {

    /** What a reload attempt did. */
    public enum Result {
        /** The candidate compiled without errors and now serves. */
        LOADED,
        /** The candidate could not be read or has errors; the previous revision keeps serving. */
        FAILED,
        /**
         * The sources are those already serving: nothing was compiled. {@link LivePolicy#reloadNow()} returns it;
         * listeners hear it only when it follows a {@link #FAILED} attempt (the refused edit was undone), which ends
         * a degraded status.
         */
        UNCHANGED
    }

    /**
     * Creates a reload event.
     *
     * @throws NullPointerException if result, revision or at is null
     */
    public ReloadEvent {
        Objects.requireNonNull(result, "result must not be null");
        Objects.requireNonNull(revision, "revision must not be null");
        Objects.requireNonNull(at, "at must not be null");
        problems = problems == null ? List.of() : List.copyOf(problems);
    }

    /** Returns true if the candidate now serves. */
    public boolean loaded() {
        return result == Result.LOADED;
    }

    @Override
    public String toString() {
        if (result == Result.UNCHANGED) {
            return "unchanged, serving " + revision;
        }
        return loaded() ? "reloaded " + previousRevision + " -> " + revision
                : "reload failed, still serving " + revision + ": " + problems.stream().filter(Problem::isError).count()
                        + " error(s), first " + problems.stream().filter(Problem::isError).findFirst()
                        .map(Problem::toString).orElse("none");
    }
}
