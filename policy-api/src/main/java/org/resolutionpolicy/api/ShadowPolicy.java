package org.resolutionpolicy.api;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.resolutionpolicy.api.spi.PolicyEngine;

/**
 * Serves the decisions of one policy and tries a candidate beside it on the same cases, with nothing at risk: the
 * online twin of {@code policy diff}.
 *
 * <pre>{@code
 * try (ShadowLog log = ShadowLog.jsonLines(Path.of("shadow.jsonl"), ShadowLog.Options.DEFAULTS);
 *      ShadowPolicy policy = ShadowPolicy.builder(serving).candidate(Path.of("edited.yaml")).listener(log).build()) {
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

    /**
     * Returns a builder of a shadow around a serving policy.
     *
     * @param serving the policy whose decisions are served: compiled, live or from a registry
     * @return the builder
     * @throws NullPointerException if serving is null
     */
    static Builder builder(Policy serving) {
        return new Builder(serving);
    }

    /** Returns the serving policy, whose decisions {@link #decide} returns. */
    Policy serving();

    /** Returns the candidate, or null when it failed to load. */
    Policy candidate();

    /** Returns the candidate's state and what the shadow has counted. */
    ShadowStatus status();

    /**
     * Waits until every case queued so far has been shadowed and heard by the listeners, for tests and for a
     * summary at the end of a run.
     *
     * @param timeout the longest to wait
     * @return true if the queue was drained, false if the time ran out
     * @throws InterruptedException if the thread is interrupted while waiting
     */
    boolean awaitIdle(Duration timeout) throws InterruptedException;

    /**
     * Stops the shadow: cases already queued are shadowed, later ones are not; a candidate the shadow loaded itself is
     * closed. The serving policy is not closed: it belongs to the caller.
     */
    @Override
    void close();

    /**
     * What a shadow is built from; {@link Builder} makes it, and the engine's {@link PolicyEngine#shadow} builds the
     * shadow.
     *
     * @param serving the serving policy
     * @param candidate the candidate, or null when it is loaded from {@code candidatePaths}
     * @param candidatePaths the candidate's files, followed and reloaded on their own; empty with a candidate
     * @param queueCapacity how many cases wait for a worker at most
     * @param workers how many threads decide with the candidate
     * @param listeners hear each result
     */
    record Settings(Policy serving, Policy candidate, List<Path> candidatePaths, int queueCapacity, int workers,
                    List<ShadowListener> listeners) {

        /**
         * Creates settings.
         *
         * @throws NullPointerException if serving or a listener is null
         * @throws IllegalArgumentException if there is no candidate or two, or the queue or pool is smaller than 1
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
        }
    }

    /** Builds a {@link ShadowPolicy}. Not thread-safe. */
    final class Builder {

        private final Policy serving;
        private Policy candidate;
        private List<Path> candidatePaths = List.of();
        private int queueCapacity = DEFAULT_QUEUE_CAPACITY;
        private int workers = DEFAULT_WORKERS;
        private final List<ShadowListener> listeners = new ArrayList<>();

        private Builder(Policy serving) {
            this.serving = Objects.requireNonNull(serving, "serving must not be null");
        }

        /**
         * Sets the candidate: a compiled policy, a live one (it reloads on its own) or a pending edit.
         *
         * @param candidate the policy to try
         * @return this builder
         * @throws NullPointerException if candidate is null
         */
        public Builder candidate(Policy candidate) {
            this.candidate = Objects.requireNonNull(candidate, "candidate must not be null");
            this.candidatePaths = List.of();
            return this;
        }

        /**
         * Sets the candidate's files: the shadow loads them and follows them, reloading on each saved edit that
         * compiles. If they do not load, the shadow's state is {@link ShadowStatus.State#FAILED} and the serving policy
         * serves as always.
         *
         * @param first a file or directory
         * @param more more of them: all make one policy
         * @return this builder
         * @throws NullPointerException if a path is null
         */
        public Builder candidate(Path first, Path... more) {
            List<Path> paths = new ArrayList<>();
            paths.add(Objects.requireNonNull(first, "path must not be null"));
            for (Path p : more) {
                paths.add(Objects.requireNonNull(p, "path must not be null"));
            }
            this.candidatePaths = List.copyOf(paths);
            this.candidate = null;
            return this;
        }

        /**
         * Sets how many cases may wait for a shadow worker; more are dropped and counted.
         *
         * @param capacity at least 1; 1024 by default
         * @return this builder
         * @throws IllegalArgumentException if capacity is below 1
         */
        public Builder queueCapacity(int capacity) {
            if (capacity < 1) {
                throw new IllegalArgumentException("queueCapacity must be at least 1, was [" + capacity + "]");
            }
            this.queueCapacity = capacity;
            return this;
        }

        /**
         * Sets how many threads decide with the candidate.
         *
         * @param workers at least 1; 1 by default
         * @return this builder
         * @throws IllegalArgumentException if workers is below 1
         */
        public Builder workers(int workers) {
            if (workers < 1) {
                throw new IllegalArgumentException("workers must be at least 1, was [" + workers + "]");
            }
            this.workers = workers;
            return this;
        }

        /**
         * Adds a listener that hears each result, such as a {@link ShadowLog}.
         *
         * @param listener the listener
         * @return this builder
         * @throws NullPointerException if listener is null
         */
        public Builder listener(ShadowListener listener) {
            listeners.add(Objects.requireNonNull(listener, "listener must not be null"));
            return this;
        }

        /**
         * Starts the shadow's workers and returns it.
         *
         * @return the shadow
         * @throws IllegalArgumentException if no candidate was set
         * @throws PolicyException if no policy engine is on the classpath
         */
        public ShadowPolicy build() {
            return PolicyEngine.find().shadow(new Settings(serving, candidate, candidatePaths, queueCapacity, workers,
                    listeners));
        }
    }
}
