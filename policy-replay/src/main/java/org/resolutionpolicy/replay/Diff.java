package org.resolutionpolicy.replay;

import java.util.Objects;
import org.resolutionpolicy.api.Policy;

/**
 * Decides every case of a history with the policy before an edit and the policy after it, and reports what changes:
 * per remedy the transitions of outcomes with counts, sample cases and the rules responsible, the money that moves,
 * each role's escalation workload, and the cases whose follow-ups or latitude change. The same policy on both sides
 * gives an empty report.
 *
 * <pre>{@code
 * DiffReport diff = Diff.of(current, edited).run(History.of(Path.of("history.jsonl.gz")));
 * if (!diff.isEmpty()) { ... }
 * }</pre>
 *
 * <p>One pass over the history, on all cores, in constant memory. Immutable and thread-safe.
 */
public final class Diff {

    private final Policy before;
    private final Policy after;
    private final RunOptions options;

    private Diff(Policy before, Policy after, RunOptions options) {
        this.before = before;
        this.after = after;
        this.options = options;
    }

    /**
     * Returns a diff with the defaults: all cores, bad lines fail the run.
     *
     * @param before the policy as it is
     * @param after the policy as it would be after the edit
     * @return the diff
     * @throws NullPointerException if either policy is null
     * @throws IllegalArgumentException if the policies name different currencies: amounts are never converted, so
     *                                  the money of one cannot be compared with the money of the other
     */
    public static Diff of(Policy before, Policy after) {
        Objects.requireNonNull(before, "before must not be null");
        Objects.requireNonNull(after, "after must not be null");
        Currencies.of(before, after);
        return new Diff(before, after, RunOptions.DEFAULTS);
    }

    /**
     * Returns this diff with another number of deciding threads.
     *
     * @param threads at least 1
     * @return the changed copy
     * @throws IllegalArgumentException if threads is below 1
     */
    public Diff threads(int threads) {
        return new Diff(before, after, options.threads(threads));
    }

    /**
     * Returns this diff with bad lines skipped or failing the run; a case that either policy refuses is bad.
     *
     * @param badLines what to do with a line that cannot be decided
     * @return the changed copy
     * @throws NullPointerException if badLines is null
     */
    public Diff onBadLine(BadLines badLines) {
        return new Diff(before, after, options.badLines(badLines));
    }

    /**
     * Returns this diff reporting its progress to a listener.
     *
     * @param progress hears how far the run has come
     * @return the changed copy
     * @throws NullPointerException if progress is null
     */
    public Diff progress(Progress progress) {
        return new Diff(before, after, options.progress(progress));
    }

    /**
     * Decides every case of a history with both policies and compares.
     *
     * @param history the cases
     * @return what changes
     * @throws NullPointerException if history is null
     * @throws HistoryException if the history cannot be read, or a line is bad and bad lines fail the run
     */
    public DiffReport run(History history) {
        Objects.requireNonNull(history, "history must not be null");
        return new Pipeline<DiffCounts>(history, options.threads(), options.badLines(), options.progress(),
                () -> DiffCounter.of(before, after)).run().report(history.name());
    }
}
