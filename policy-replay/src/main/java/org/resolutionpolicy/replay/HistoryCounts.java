package org.resolutionpolicy.replay;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * Holds what a replay or a diff counted over a history, or over one part of it: an immutable snapshot that adds up
 * with the snapshot of another part ({@link #plus}), as Caffeine's {@code CacheStats} do. The local
 * {@link Replay} and {@link Diff} add up the snapshots of their threads, a Spark replay those of its partitions:
 * both report from the same counts, so they report the same.
 *
 * <p>Immutable and thread-safe; serializable, so that a cluster can ship the snapshots of its workers to one place.
 *
 * @param <S> the type of the snapshot: {@link ReplayCounts} or {@link DiffCounts}
 * @param <R> the report it gives: {@link ReplayReport} or {@link DiffReport}
 */
public abstract sealed class HistoryCounts<S extends HistoryCounts<S, R>, R> implements Serializable
        permits ReplayCounts, DiffCounts {

    private static final long serialVersionUID = 1L;

    /** Never changed: a snapshot owns a tally that nothing else sees. */
    final Tally<?> tally;

    HistoryCounts(Tally<?> tally) {
        this.tally = tally;
    }

    /**
     * Returns the counts of this part and another part of a history: every count and sum added, the first samples
     * of both kept. Adding is associative and commutative, and the empty counts of the same policies add nothing,
     * so parts may be added in any order and grouping.
     *
     * @param other the counts of another part, of the same policies and options
     * @return the counts of both parts
     * @throws NullPointerException if other is null
     * @throws IllegalArgumentException if other counted other policies, or workload in other periods
     */
    @SuppressWarnings("unchecked")
    public final S plus(S other) {
        return (S) tally.plus(Objects.requireNonNull(other, "other must not be null").tally).counts();
    }

    /**
     * Returns the report of these counts, in the order the policies give: remedies as the policy lists them,
     * approvers as its ladder does, outcomes in lattice order; rules and follow-ups most counted first.
     *
     * @param history the history's name
     * @return the report
     * @throws NullPointerException if history is null
     */
    @SuppressWarnings("unchecked")
    public final R report(String history) {
        return (R) tally.report(Objects.requireNonNull(history, "history must not be null"));
    }

    /**
     * Returns every line counted: cases, blank lines, lines passed over and bad lines.
     *
     * @return the number of lines
     */
    public final long lines() {
        return tally.lines();
    }

    /**
     * Returns the cases decided.
     *
     * @return the number of cases
     */
    public final long cases() {
        return tally.cases;
    }

    /**
     * Returns the lines that hold no case and were passed over: reload lines of a decision log.
     *
     * @return the number of such lines
     */
    public final long passedOver() {
        return tally.passedOver;
    }

    /**
     * Returns the bad lines skipped.
     *
     * @return the number of bad lines
     */
    public final long skippedLines() {
        return tally.skipped;
    }

    /**
     * Returns the first bad lines, by line number, at most {@value ReplayReport#BAD_LINE_SAMPLES}.
     *
     * @return the bad lines
     */
    public final List<BadLine> badLines() {
        return List.copyOf(tally.badLines);
    }

    /** Returns true if the other object is a snapshot of the same kind with every count, sum and sample equal. */
    @Override
    public final boolean equals(Object other) {
        return other != null && other.getClass() == getClass() && tally.equals(((HistoryCounts<?, ?>) other).tally);
    }

    /** Returns a hash consistent with {@link #equals(Object)}. */
    @Override
    public final int hashCode() {
        return tally.hashCode();
    }

    /** Returns {@code ReplayCounts[policy version (revision) ...: N cases of M lines]}. */
    @Override
    public final String toString() {
        return getClass().getSimpleName() + tally.subject + ": " + cases() + " cases of " + lines() + " lines";
    }
}
