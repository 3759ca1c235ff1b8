package org.resolutionpolicy.replay;

import java.util.Objects;
import org.resolutionpolicy.api.CustomerCase;
import org.resolutionpolicy.api.InvalidCaseException;

/**
 * Counts one worker's share of a history, line by line, into {@linkplain #snapshot() snapshots} that add up with
 * those of the other workers: the lines without a case here, the decided cases in {@link ReplayCounter} and
 * {@link DiffCounter}. Whoever reads the history (the local {@link Replay} and {@link Diff}, a Spark partition)
 * counts each line with one of these methods, so every reader counts alike.
 *
 * <p>Not thread-safe: a counter belongs to one worker, which counts without locks or shared state.
 *
 * @param <S> the type of its snapshots
 */
public abstract sealed class HistoryCounter<S extends HistoryCounts<S, ?>> permits ReplayCounter, DiffCounter {

    private final Tally<?> tally;

    HistoryCounter(Tally<?> tally) {
        this.tally = tally;
    }

    /** Counts a line that holds no case and is passed over: a reload line of a decision log. */
    public final void passOver() {
        tally.passedOver++;
    }

    /** Counts a line of blanks only. */
    public final void blank() {
        tally.blank++;
    }

    /**
     * Counts a line that could not be decided, keeping it if it is among the first by line number.
     *
     * @param line the line and its problem
     * @throws NullPointerException if line is null
     */
    public final void skip(BadLine line) {
        tally.bad(Objects.requireNonNull(line, "line must not be null"));
    }

    /**
     * Decides the case of a line and counts it.
     *
     * @throws InvalidCaseException if a policy refuses the case; nothing is counted then
     */
    abstract void decide(long line, CustomerCase customerCase);

    /**
     * Returns what has been counted so far; the counter goes on counting, the snapshot does not change.
     *
     * @return the counts
     */
    @SuppressWarnings("unchecked")
    public final S snapshot() {
        return (S) tally.copy().counts();
    }
}
