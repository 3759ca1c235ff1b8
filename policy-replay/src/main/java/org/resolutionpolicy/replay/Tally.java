package org.resolutionpolicy.replay;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Objects;

/**
 * What a replay or a diff has counted: the lines here, what the decided cases say in {@link ReplayTally} and
 * {@link DiffTally}. The mutable state behind a {@link HistoryCounter} and, never changed once made, behind a
 * {@link HistoryCounts}. Not thread-safe.
 */
abstract class Tally<T extends Serializable> implements Serializable {

    private static final long serialVersionUID = 1L;
    /** Bad lines of one number (a Spark history of several files numbers each from 1) are kept by their problem. */
    private static final Comparator<BadLine> ORDER = Comparator.comparingLong(BadLine::line)
            .thenComparing(BadLine::message);

    /** What was counted: the policies and options, which must be the same for two tallies to add up. */
    final T subject;
    long cases;
    long passedOver;
    long blank;
    long skipped;
    final ArrayList<BadLine> badLines = new ArrayList<>();

    Tally(T subject) {
        this.subject = subject;
    }

    /** Returns every line counted: cases, lines passed over, blank lines and bad lines. */
    final long lines() {
        return cases + passedOver + blank + skipped;
    }

    final void bad(BadLine line) {
        skipped++;
        Samples.keep(badLines, line, ORDER, ReplayReport.BAD_LINE_SAMPLES);
    }

    /** Returns an empty tally of the same subject. */
    abstract Tally<T> fresh();

    /** Returns the snapshot that holds this tally, which nothing may change any more. */
    abstract HistoryCounts<?, ?> counts();

    /** Returns the report of what was counted. */
    abstract Object report(String history);

    /** Adds what the decided cases of another tally of this class and subject say. */
    abstract void addCases(Tally<T> other);

    /**
     * Returns a new tally with the counts of this one and another.
     *
     * @throws IllegalArgumentException if the other counted another subject
     */
    @SuppressWarnings("unchecked")
    final Tally<T> plus(Tally<?> other) {
        Objects.requireNonNull(other, "other must not be null");
        if (getClass() != other.getClass() || !subject.equals(other.subject)) {
            throw new IllegalArgumentException("cannot add the counts of " + other.subject + " to the counts of "
                    + subject + ": counts add up only for the same policies and periods");
        }
        Tally<T> sum = fresh();
        sum.add(this);
        sum.add((Tally<T>) other);
        return sum;
    }

    /** Returns a new tally with the counts of this one. */
    final Tally<T> copy() {
        Tally<T> copy = fresh();
        copy.add(this);
        return copy;
    }

    private void add(Tally<T> other) {
        cases += other.cases;
        passedOver += other.passedOver;
        blank += other.blank;
        long skippedBefore = skipped;
        other.badLines.forEach(this::bad);
        skipped = skippedBefore + other.skipped;
        addCases(other);
    }

    /** Returns true if the other tally counted the same lines, and the same subject. */
    final boolean sameLines(Tally<T> other) {
        return cases == other.cases && passedOver == other.passedOver && blank == other.blank
                && skipped == other.skipped && badLines.equals(other.badLines) && subject.equals(other.subject);
    }
}
