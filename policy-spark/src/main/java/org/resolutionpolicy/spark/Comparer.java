package org.resolutionpolicy.spark;

import java.util.Iterator;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.resolutionpolicy.api.CustomerCase;
import org.resolutionpolicy.api.Decision;
import org.resolutionpolicy.api.InvalidCaseException;
import org.resolutionpolicy.api.Policy;
import org.resolutionpolicy.replay.BadLine;
import org.resolutionpolicy.replay.DiffCounter;

/**
 * Decides the history lines of one partition with the policy before and after an edit into rows of
 * {@link Schemas#COMPARISONS}: per case both decisions, and whether any part changed, as the local diff's
 * {@link DiffCounter} says (this partition's counts are not kept: {@link SparkDiff#report} counts the rows).
 */
final class Comparer implements MapPartitionsFunction<Row, Row> {

    private static final long serialVersionUID = 1L;

    private final Edit edit;

    Comparer(Edit edit) {
        this.edit = edit;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> lines) {
        Policy old = edit.before().value().compiled();
        Policy now = edit.after().value().compiled();
        DiffCounter counter = edit.counter();
        return HistoryLines.eachLine(lines, (file, line, value) -> compare(old, now, counter, file, line, value));
    }

    private static Row compare(Policy old, Policy now, DiffCounter counter, String file, long line, String value) {
        HistoryLines.Read read = HistoryLines.read(file, line, value);
        if (!read.status().equals(HistoryLines.CASE)) {
            return row(file, line, read.status(), read.problem(), null, null, old, null, now, null, null);
        }
        CustomerCase c = read.customerCase();
        Decision was;
        Decision is;
        try {
            was = counter.decideBefore(c);
            is = counter.decideAfter(c);
        } catch (InvalidCaseException e) {
            return row(file, line, HistoryLines.BAD, BadLine.of(line, e).message(), c.id(), null, old, null, now, null,
                    null);
        }
        return row(file, line, HistoryLines.CASE, null, c.id(), counter.count(line, c.id(), was, is, c.severity()), old, was, now,
                is, c.severity());
    }

    private static Row row(String file, long line, String status, String problem, String caseId, Boolean changed,
                           Policy old, Decision was, Policy now, Decision is, String given) {
        return RowFactory.create(file, line, status, problem, caseId, changed,
                RowFactory.create(DecisionRows.columns(old, was, file, line, given)),
                RowFactory.create(DecisionRows.columns(now, is, file, line, given)));
    }
}
