package org.resolutionpolicy.replay;

import java.util.ArrayList;
import java.util.List;
import org.resolutionpolicy.api.CustomerCase;
import org.resolutionpolicy.api.InvalidCaseException;

/**
 * What one worker of a run has counted so far; the workers' tallies are merged at the end. The counts of the lines
 * themselves (cases, bad lines, passed over) are kept here; what the cases' decisions say, by the subclass.
 */
abstract class Tally<T extends Tally<T>> {

    long cases;
    long passedOver;
    long skipped;
    final List<BadLine> badLines = new ArrayList<>();

    /**
     * Decides a case and counts what the decision says; a case the policy refuses throws before anything is counted.
     *
     * @throws InvalidCaseException if a policy refuses the case
     */
    abstract void decide(long line, CustomerCase c);

    /** Adds the counts of another worker. */
    abstract void merge(T other);

    final void bad(BadLine line) {
        skipped++;
        int i = badLines.size();
        while (i > 0 && badLines.get(i - 1).line() > line.line()) {
            i--;
        }
        if (i < ReplayReport.BAD_LINE_SAMPLES) {
            badLines.add(i, line);
            if (badLines.size() > ReplayReport.BAD_LINE_SAMPLES) {
                badLines.remove(badLines.size() - 1);
            }
        }
    }

    final void mergeLines(Tally<?> other) {
        cases += other.cases;
        passedOver += other.passedOver;
        long skippedBefore = skipped;
        other.badLines.forEach(this::bad);
        skipped = skippedBefore + other.skipped;
    }
}
