package org.resolutionpolicy.api;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.resolutionpolicy.api.spi.PolicyEngine;

/**
 * Builds a {@link ShadowPolicy}: {@code Policies.shadow(serving).candidate(...).build()}. Not thread-safe. It lives
 * apart from {@link ShadowPolicy} so that the type the engine returns does not reach back to the engine.
 */
public final class ShadowBuilder {

    private final Policy serving;
    private Policy candidate;
    private List<Path> candidatePaths = List.of();
    private int queueCapacity = ShadowPolicy.DEFAULT_QUEUE_CAPACITY;
    private int workers = ShadowPolicy.DEFAULT_WORKERS;
    private double sample = ShadowPolicy.DEFAULT_SAMPLE;
    private final List<ShadowListener> listeners = new ArrayList<>();

    ShadowBuilder(Policy serving) {
        this.serving = Objects.requireNonNull(serving, "serving must not be null");
    }

    /**
     * Sets the candidate: a compiled policy, a live one (it reloads on its own) or a pending edit.
     *
     * @param candidate the policy to try
     * @return this builder
     * @throws NullPointerException if candidate is null
     */
    public ShadowBuilder candidate(Policy candidate) {
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
    public ShadowBuilder candidate(Path first, Path... more) {
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
    public ShadowBuilder queueCapacity(int capacity) {
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
    public ShadowBuilder workers(int workers) {
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be at least 1, was [" + workers + "]");
        }
        this.workers = workers;
        return this;
    }

    /**
     * Sets the share of the served cases the candidate decides, spread evenly over the traffic (of every ten cases,
     * {@code 0.1} shadows one): a lighter shadow on a machine that serves near its limit. The others are counted in
     * {@link ShadowStatus#sampledOut()}, not dropped; the served decision is the same either way.
     *
     * @param sample more than 0 and at most 1; 1 (every case) by default
     * @return this builder
     * @throws IllegalArgumentException if sample is not more than 0 and at most 1
     */
    public ShadowBuilder sample(double sample) {
        if (!(sample > 0 && sample <= 1)) {
            throw new IllegalArgumentException("sample must be more than 0 and at most 1 (every case), was ["
                    + sample + "]");
        }
        this.sample = sample;
        return this;
    }

    /**
     * Adds a listener that hears each result, such as a {@link ShadowLog}.
     *
     * @param listener the listener
     * @return this builder
     * @throws NullPointerException if listener is null
     */
    public ShadowBuilder listener(ShadowListener listener) {
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
        return PolicyEngine.find().shadow(new ShadowPolicy.Settings(serving, candidate, candidatePaths, queueCapacity,
                workers, listeners, sample));
    }
}
