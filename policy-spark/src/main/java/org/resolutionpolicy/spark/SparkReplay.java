package org.resolutionpolicy.spark;

import static org.apache.spark.sql.functions.col;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.resolutionpolicy.replay.BadLines;
import org.resolutionpolicy.replay.Granularity;
import org.resolutionpolicy.replay.HistoryException;
import org.resolutionpolicy.replay.ReplayCounter;
import org.resolutionpolicy.replay.ReplayCounts;
import org.resolutionpolicy.replay.ReplayReport;

/**
 * Replays a history on Spark: the policy's text is broadcast, each executor compiles it once, {@code mapPartitions}
 * decides every line, and each partition's decisions are counted by the local replay's own {@link ReplayCounter}
 * into {@link ReplayCounts}, which add up into the same {@link ReplayReport} as the local
 * {@link org.resolutionpolicy.replay.Replay} gives, number for number.
 *
 * <pre>{@code
 * SparkReplay replay = SparkReplay.of(PolicyText.load(List.of(Path.of("policies/coffee-shop.yaml"))));
 * Dataset<Row> decisions = replay.decide(SparkHistory.json(spark, "hdfs:///crm/cases-2026/*.jsonl.gz"));
 * decisions.write().parquet("hdfs:///replays/2026.11");
 * ReplayReport report = replay.report(decisions, "cases-2026");
 * }</pre>
 *
 * <p>Immutable: each method returns a changed copy.
 */
public final class SparkReplay {

    private final PolicyText text;
    private final BadLines badLines;
    private final Granularity granularity;

    private SparkReplay(PolicyText text, BadLines badLines, Granularity granularity) {
        this.text = text;
        this.badLines = badLines;
        this.granularity = granularity;
    }

    /**
     * Returns a replay with the local replay's defaults: bad lines fail the report, workload per week.
     *
     * @param text the policy
     * @return the replay
     * @throws NullPointerException if text is null
     */
    public static SparkReplay of(PolicyText text) {
        return new SparkReplay(Objects.requireNonNull(text, "text must not be null"), BadLines.FAIL, Granularity.WEEK);
    }

    /**
     * Returns this replay with bad lines skipped (counted and sampled in the report) or failing the report.
     *
     * @param badLines what a bad line does
     * @return the changed copy
     * @throws NullPointerException if badLines is null
     */
    public SparkReplay onBadLine(BadLines badLines) {
        return new SparkReplay(text, Objects.requireNonNull(badLines, "badLines must not be null"), granularity);
    }

    /**
     * Returns this replay with workload counted per day or per week.
     *
     * @param granularity the periods
     * @return the changed copy
     * @throws NullPointerException if granularity is null
     */
    public SparkReplay granularity(Granularity granularity) {
        return new SparkReplay(text, badLines, Objects.requireNonNull(granularity, "granularity must not be null"));
    }

    /**
     * Decides every line of a history, lazily (nothing runs until the result is written or reported): one row per
     * line with its file, line, status ({@code case}, {@code bad}, {@code blank}, {@code passed-over}), the problem
     * of a bad line, and for a case its decision and the policy revision. docs/spark.md lists the columns.
     *
     * @param history rows of {@code file string, line long, value string}, as {@link SparkHistory} reads them
     * @return the decisions
     * @throws NullPointerException if history is null
     */
    public Dataset<Row> decide(Dataset<Row> history) {
        Objects.requireNonNull(history, "history must not be null");
        return history.select("file", "line", "value")
                .mapPartitions(new Decider(text.broadcast(history)), Encoders.row(Schemas.DECISIONS));
    }

    /**
     * Returns the first bad lines of decided history, with their files: a report names only their lines.
     *
     * @param decisions what {@link #decide} returned
     * @param limit how many at most
     * @return the bad lines, by file and line
     * @throws HistoryException if a history cannot be read (data after a gzip stream), naming its file
     */
    public static List<SparkBadLine> badLines(Dataset<Row> decisions, int limit) {
        return Failures.history(() -> decisions.filter(col("status").equalTo(HistoryLines.BAD))
                .select("file", "line", "problem").orderBy("file", "line").limit(limit).collectAsList()).stream()
                .map(r -> new SparkBadLine(r.getString(0), r.getLong(1), r.getString(2))).toList();
    }

    /**
     * Counts what the decisions say: each partition's with the local replay's counter, in one pass.
     *
     * @param decisions what {@link #decide} returned, perhaps read back from where it was written
     * @param history the history's name in the report
     * @return the report the local replay gives for the same history
     * @throws HistoryException if bad lines fail the run and a line is bad; it names the first
     */
    public ReplayReport report(Dataset<Row> decisions, String history) {
        return Counting.counts(decisions, Schemas.DECISIONS, new Replayed(text.broadcast(decisions), granularity),
                ReplayCounts.empty(text.compiled(), granularity), badLines, history).report(history);
    }

    /** Counts the decisions of one partition as a thread of the local replay counts its cases. */
    private static final class Replayed extends Counting<ReplayCounter, ReplayCounts> {

        private static final long serialVersionUID = 1L;

        private final Broadcast<PolicyText> text;
        private final Granularity granularity;

        Replayed(Broadcast<PolicyText> text, Granularity granularity) {
            this.text = text;
            this.granularity = granularity;
        }

        @Override
        ReplayCounter counter() {
            return ReplayCounter.of(text.value().compiled(), granularity);
        }

        @Override
        void count(ReplayCounter counter, Row row) {
            // a row keeps the day of openedAt, which is all of it that a replay counts
            String day = row.getString(5);
            int facts = 6 + Schemas.DECISION.size();
            counter.count(DecisionRows.decision(row, 6, row.getString(4)),
                    day == null ? null : LocalDate.parse(day).atStartOfDay(ZoneOffset.UTC).toInstant(),
                    row.getString(facts), row.getString(facts + 1), row.getString(facts + 2));
        }
    }
}
