package org.resolutionpolicy.api;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Serves the decisions of one policy and tries a candidate beside it on the same cases, with nothing at risk: the
 * online twin of {@code policy diff}.
 *
 * <pre>{@code
 * try (ShadowLog log = ShadowLog.jsonLines(Path.of("shadow.jsonl"), ShadowLog.Options.DEFAULTS);
 *      ShadowPolicy policy = Policies.shadow(serving).candidate(Path.of("edited.yaml")).listener(log).build()) {
 *     Decision decision = policy.decide(customerCase); // always the serving policy's
 * }
 * }</pre>
 *
 * <p>What holds:
 * <ul>
 *   <li>{@link #decide} returns the serving policy's decision, computed exactly as without a shadow (its listeners,
 *       its decision log, its exceptions); the candidate never runs on the deciding thread.</li>
 *   <li>After a decision, the case is offered to a bounded queue that a small pool of shadow workers drains; the
 *       candidate decides it there and each {@link ShadowListener} hears the {@link ShadowResult}. When the queue is
 *       full the case is not shadowed: it is counted in {@link ShadowStatus#dropped()}, and the caller never
 *       waits.</li>
 *   <li>A case the candidate refuses is a {@link ShadowResult.Kind#REFUSED} result, never an exception to the
 *       caller. A case the serving policy refuses is thrown to the caller as without a shadow, and not shadowed.</li>
 *   <li>A candidate that fails to load leaves the serving policy serving: the shadow's state is
 *       {@link ShadowStatus.State#FAILED} with the load problems, reported through SLF4J.</li>
 *   <li>Either policy may be live ({@link LivePolicy}) and reload on its own; each result names both revisions.</li>
 * </ul>
 *
 * <p>{@link #explain} and the other views are the serving policy's. Thread-safe.
 */
public interface ShadowPolicy extends Policy, AutoCloseable {

    /** How many cases wait for a shadow worker at most by default. */
    int DEFAULT_QUEUE_CAPACITY = 1024;

    /** How many shadow workers decide with the candidate by default. */
    int DEFAULT_WORKERS = 1;

    /** The share of the served cases the candidate decides by default: every one. */
    double DEFAULT_SAMPLE = 1.0;

    /** Returns the serving policy, whose decisions {@link #decide} returns. */
    Policy serving();

    /** Returns the candidate, or null when it failed to load. */
    Policy candidate();

    /** Returns the candidate's state and what the shadow has counted. */
    ShadowStatus status();

    /**
     * Waits until every case offered so far has been shadowed and heard by the listeners, or dropped, for tests and
     * for a summary at the end of a run.
     *
     * @param timeout the longest to wait
     * @return true if the queue was drained, false if the time ran out
     * @throws InterruptedException if the thread is interrupted while waiting
     */
    boolean awaitIdle(Duration timeout) throws InterruptedException;

    /**
     * Stops the shadow: cases already queued are shadowed (those still queued after a grace of five seconds are counted
     * as dropped), and so is a case decided while it closes or counted as dropped, never lost; cases decided after it
     * are served without a shadow. A candidate the shadow loaded itself is closed. The serving policy is not
     * closed: it belongs to the caller.
     */
    @Override
    void close();

    /**
     * What a shadow is built from; {@link ShadowBuilder} makes it, and the engine's {@code PolicyEngine.shadow} builds the
     * shadow.
     *
     * @param serving the serving policy
     * @param candidate the candidate, or null when it is loaded from {@code candidatePaths}
     * @param candidatePaths the candidate's files, followed and reloaded on their own; empty with a candidate
     * @param queueCapacity how many cases wait for a worker at most
     * @param workers how many threads decide with the candidate
     * @param listeners hear each result
     * @param sample the share of the served cases offered to the candidate, more than 0 and at most 1 (every case);
     *               the others are {@linkplain ShadowStatus#sampledOut() sampled out}, counted, not dropped
     */
    record Settings(Policy serving, Policy candidate, List<Path> candidatePaths, int queueCapacity, int workers,
                    List<ShadowListener> listeners, double sample) {

        /**
         * Creates settings.
         *
         * @throws NullPointerException if serving or a listener is null
         * @throws IllegalArgumentException if there is no candidate or two, the queue or pool is smaller than 1, or the
         *                                  sample is not more than 0 and at most 1
         */
        public Settings {
            Objects.requireNonNull(serving, "serving must not be null");
            candidatePaths = candidatePaths == null ? List.of() : List.copyOf(candidatePaths);
            listeners = listeners == null ? List.of() : List.copyOf(listeners);
            if ((candidate == null) == candidatePaths.isEmpty()) {
                throw new IllegalArgumentException("a shadow needs one candidate: a policy or its files, not "
                        + (candidate == null ? "neither" : "both"));
            }
            if (queueCapacity < 1) {
                throw new IllegalArgumentException("queueCapacity must be at least 1, was [" + queueCapacity + "]");
            }
            if (workers < 1) {
                throw new IllegalArgumentException("workers must be at least 1, was [" + workers + "]");
            }
            if (!(sample > 0 && sample <= 1)) {
                throw new IllegalArgumentException("sample must be more than 0 and at most 1 (every case), was ["
                        + sample + "]");
            }
        }

        /**
         * Creates settings that shadow every case.
         *
         * @param serving the serving policy
         * @param candidate the candidate, or null when it is loaded from {@code candidatePaths}
         * @param candidatePaths the candidate's files; empty with a candidate
         * @param queueCapacity how many cases wait for a worker at most
         * @param workers how many threads decide with the candidate
         * @param listeners hear each result
         */
        public Settings(Policy serving, Policy candidate, List<Path> candidatePaths, int queueCapacity, int workers,
                        List<ShadowListener> listeners) {
            this(serving, candidate, candidatePaths, queueCapacity, workers, listeners, DEFAULT_SAMPLE);
        }
    }
}
