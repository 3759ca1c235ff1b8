package org.resolutionpolicy.engine.internal.support;

import org.resolutionpolicy.model.source.Place;
import org.resolutionpolicy.model.source.Problems;

import java.time.Duration;
import java.util.Optional;
import org.resolutionpolicy.api.LoadOptions;

/**
 * The time one policy load may take ({@link LoadOptions#maxLoadTime()}), checked between the steps of the load
 * and between its rules: a reload of a hostile file must not hold a service's reload thread (and what it knows of
 * the problems) for long.
 */
public final class LoadBudget {

    private static final LoadBudget UNLIMITED = new LoadBudget(0, Long.MAX_VALUE, "<none>");

    private final long start;
    private final long nanos;
    private final String source;

    private LoadBudget(long start, long nanos, String source) {
        this.start = start;
        this.nanos = nanos;
        this.source = source;
    }

    /**
     * Starts the budget of a load now.
     *
     * @param options the options holding the budget, if any
     * @param source the source the problem is reported at when the budget runs out
     * @return the budget
     */
    public static LoadBudget start(LoadOptions options, String source) {
        Optional<Duration> budget = options.maxLoadTime();
        return budget.isEmpty() ? UNLIMITED : new LoadBudget(System.nanoTime(), budget.get().toNanos(), source);
    }

    /** Returns a budget that never runs out. */
    public static LoadBudget unlimited() {
        return UNLIMITED;
    }

    /**
     * Ends the load with the problems found so far and one more when it has taken longer than its budget.
     *
     * @param problems the problems of the load
     * @throws org.resolutionpolicy.api.PolicyLoadException when the budget is spent
     */
    public void check(Problems problems) {
        if (this == UNLIMITED) {
            return;
        }
        long took = System.nanoTime() - start;
        if (took > nanos) {
            problems.error(Place.of(source), "loading took longer than [" + describe(Duration.ofNanos(nanos))
                    + "], the load's budget; it stopped after [" + describe(Duration.ofNanos(took)) + "]",
                    "raise LoadOptions.maxLoadTime, or split the policy; a source that loads slowly may be hostile");
            problems.throwIfErrors();
        }
    }

    private static String describe(Duration d) {
        if (d.toMillis() >= 1) {
            return d.toMillis() + " ms";
        }
        return d.toNanos() >= 1000 ? d.toNanos() / 1000 + " µs" : d.toNanos() + " ns";
    }
}
