package org.resolutionpolicy.api;

import java.util.List;
import java.util.Objects;

/**
 * Holds the state of a {@link ShadowPolicy}'s candidate and what its shadow has counted since it started.
 *
 * @param state whether the candidate is shadowing cases
 * @param candidateRevision the revision of the candidate deciding now, or null when it failed to load
 * @param failure why the candidate is not shadowing (its load problems), or null while it is
 * @param shadowed the cases the candidate decided or refused
 * @param agreed the cases it decided as the serving policy did
 * @param disagreed the cases it decided otherwise
 * @param refused the cases it refused that the serving policy decided
 * @param failed the cases on which the candidate failed otherwise than by refusing them (an error in the candidate,
 *               reported through SLF4J); the served decision was not touched
 * @param dropped the cases not shadowed because the shadow's queue was full: the served decision never waits for the
 *                candidate, so shadow work that does not fit is dropped and counted here
 * @param queued the cases waiting for a shadow worker now
 * @param sampledOut the served cases not offered to the candidate because the shadow samples a share of the traffic
 *                   ({@link ShadowBuilder#sample}); not a loss: 0 when every case is shadowed
 */
public record ShadowStatus(State state, String candidateRevision, List<String> failure, long shadowed, long agreed,
                           long disagreed, long refused, long failed, long dropped, int queued, long sampledOut) {

    /** The state of a shadow's candidate. */
    public enum State {
        /** The candidate decides every case that fits in the queue. */
        RUNNING,
        /** The candidate could not be loaded: the serving policy serves as always, nothing is shadowed. */
        FAILED,
        /** The shadow was closed. */
        CLOSED
    }

    /**
     * Creates a status.
     *
     * @throws NullPointerException if the state is null
     */
    public ShadowStatus {
        Objects.requireNonNull(state, "state must not be null");
        failure = failure == null ? List.of() : List.copyOf(failure);
    }

    /**
     * Creates the status of a shadow that samples every case.
     *
     * @param state whether the candidate is shadowing cases
     * @param candidateRevision the candidate's revision, or null when it failed to load
     * @param failure why the candidate is not shadowing, or null while it is
     * @param shadowed the cases the candidate decided or refused
     * @param agreed the cases it decided as the serving policy did
     * @param disagreed the cases it decided otherwise
     * @param refused the cases it refused
     * @param failed the cases on which the candidate failed otherwise
     * @param dropped the cases not shadowed because the queue was full
     * @param queued the cases waiting for a shadow worker now
     * @throws NullPointerException if the state is null
     */
    public ShadowStatus(State state, String candidateRevision, List<String> failure, long shadowed, long agreed,
                        long disagreed, long refused, long failed, long dropped, int queued) {
        this(state, candidateRevision, failure, shadowed, agreed, disagreed, refused, failed, dropped, queued, 0);
    }
}
