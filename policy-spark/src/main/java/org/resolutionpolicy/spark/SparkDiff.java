package org.resolutionpolicy.spark;

import java.util.Objects;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.resolutionpolicy.replay.BadLines;
import org.resolutionpolicy.replay.DiffCounter;
import org.resolutionpolicy.replay.DiffCounts;
import org.resolutionpolicy.replay.DiffReport;
import org.resolutionpolicy.replay.HistoryException;

/**
 * Compares two policies over a history on Spark: both texts are broadcast and compiled once per executor,
 * {@code mapPartitions} decides every case with both, and each partition's decisions are counted by the local diff's
 * own {@link DiffCounter} into {@link DiffCounts}, which add up into the same {@link DiffReport} as the local
 * {@link org.resolutionpolicy.replay.Diff} gives, number for number.
 *
 * <pre>{@code
 * SparkDiff diff = SparkDiff.of(PolicyText.load(List.of(oldDir)), PolicyText.load(List.of(newDir)));
 * DiffReport report = diff.report(diff.compare(SparkHistory.json(spark, "hdfs:///crm/cases-2026")), "cases-2026");
 * }</pre>
 *
 * <p>Immutable: each method returns a changed copy.
 */
public final class SparkDiff {

    private final PolicyText before;
    private final PolicyText after;
    private final BadLines badLines;

    private SparkDiff(PolicyText before, PolicyText after, BadLines badLines) {
        this.before = before;
        this.after = after;
        this.badLines = badLines;
    }

    /**
     * Returns a diff with the local diff's default: bad lines fail the report.
     *
     * @param before the policy before the edit
     * @param after the policy after it
     * @return the diff
     * @throws NullPointerException if a policy is null
     */
    public static SparkDiff of(PolicyText before, PolicyText after) {
        return new SparkDiff(Objects.requireNonNull(before, "before must not be null"),
                Objects.requireNonNull(after, "after must not be null"), BadLines.FAIL);
    }

    /**
     * Returns this diff with bad lines skipped (counted and sampled in the report) or failing the report.
     *
     * @param badLines what a bad line does
     * @return the changed copy
     * @throws NullPointerException if badLines is null
     */
    public SparkDiff onBadLine(BadLines badLines) {
        return new SparkDiff(before, after, Objects.requireNonNull(badLines, "badLines must not be null"));
    }

    /**
     * Decides every line of a history with both policies, lazily: one row per line with, for a case, both decisions
     * and whether any part changed. docs/spark.md lists the columns.
     *
     * @param history rows of {@code file string, line long, value string}, as {@link SparkHistory} reads them
     * @return the comparisons
     * @throws NullPointerException if history is null
     */
    public Dataset<Row> compare(Dataset<Row> history) {
        Objects.requireNonNull(history, "history must not be null");
        return history.select("file", "line", "value").mapPartitions(new Comparer(edit(history)),
                Encoders.row(Schemas.COMPARISONS));
    }

    /**
     * Counts what changed: each partition's comparisons with the local diff's counter, in one pass.
     *
     * @param comparisons what {@link #compare} returned
     * @param history the history's name in the report
     * @return the report the local diff gives for the same history
     * @throws HistoryException if bad lines fail the run and a line is bad; it names the first
     */
    public DiffReport report(Dataset<Row> comparisons, String history) {
        return Counting.counts(comparisons, Schemas.COMPARISONS, new Compared(edit(comparisons)),
                DiffCounts.empty(before.compiled(), after.compiled()), badLines, history).report(history);
    }

    private Edit edit(Dataset<Row> of) {
        return new Edit(before.broadcast(of), after.broadcast(of));
    }

    /** Counts the comparisons of one partition as a thread of the local diff counts its cases. */
    private static final class Compared extends Counting<DiffCounter, DiffCounts> {

        private static final long serialVersionUID = 1L;

        private final Edit edit;

        Compared(Edit edit) {
            this.edit = edit;
        }

        @Override
        DiffCounter counter() {
            return edit.counter();
        }

        @Override
        void count(DiffCounter counter, Row row) {
            String caseId = row.getString(4);
            counter.count(row.getLong(1), caseId, DecisionRows.decision(row.getStruct(6), 0, caseId),
                    DecisionRows.decision(row.getStruct(7), 0, caseId));
        }
    }
}
