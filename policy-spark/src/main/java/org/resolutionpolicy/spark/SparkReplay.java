package org.resolutionpolicy.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;
import org.resolutionpolicy.api.Outcome;
import org.resolutionpolicy.api.Policy;
import org.resolutionpolicy.api.RemedyUnit;
import org.resolutionpolicy.replay.BadLine;
import org.resolutionpolicy.replay.BadLines;
import org.resolutionpolicy.replay.Granularity;
import org.resolutionpolicy.replay.HistoryException;
import org.resolutionpolicy.replay.ReplayReport;
import org.resolutionpolicy.replay.ReplayReport.FollowUpCount;
import org.resolutionpolicy.replay.ReplayReport.PolicyId;
import org.resolutionpolicy.replay.ReplayReport.RemedyOutcomes;
import org.resolutionpolicy.replay.ReplayReport.Workload;

/**
 * Replays a history on Spark: the policy's text is broadcast, each executor compiles it once, {@code mapPartitions}
 * decides every line, and Spark's aggregations count what the local {@link org.resolutionpolicy.replay.Replay}
 * counts, into the same {@link ReplayReport}, number for number.
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
        Broadcast<PolicyText> broadcast = JavaSparkContext.fromSparkContext(history.sparkSession().sparkContext())
                .broadcast(text);
        return history.select("file", "line", "value")
                .mapPartitions(new Decider(broadcast), Encoders.row(Schemas.DECISIONS));
    }

    /**
     * Returns the first bad lines of decided history, with their files: a report names only their lines.
     *
     * @param decisions what {@link #decide} returned
     * @param limit how many at most
     * @return the bad lines, by file and line
     */
    public static List<SparkBadLine> badLines(Dataset<Row> decisions, int limit) {
        return Aggregates.badLines(decisions, limit);
    }

    /**
     * Counts what the decisions say, with Spark aggregations; persists the decisions for the while, unless the
     * caller already has.
     *
     * @param decisions what {@link #decide} returned, perhaps read back from where it was written
     * @param history the history's name in the report
     * @return the report the local replay gives for the same history
     * @throws HistoryException if bad lines fail the run and a line is bad; it names the first
     */
    public ReplayReport report(Dataset<Row> decisions, String history) {
        boolean persisted = decisions.storageLevel().equals(StorageLevel.NONE());
        Dataset<Row> d = persisted ? decisions.persist(StorageLevel.MEMORY_AND_DISK()) : decisions;
        try {
            return tally(d, history);
        } finally {
            if (persisted) {
                d.unpersist();
            }
        }
    }

    /** Counts each part of the report with one aggregation; each is small, the decisions are read once per part. */
    private ReplayReport tally(Dataset<Row> d, String history) {
        Policy policy = text.compiled();
        Column isCase = col("status").equalTo(HistoryLines.CASE);
        Row totals = d.agg(count(lit(1)), ones(isCase), ones(col("status").equalTo(HistoryLines.PASSED_OVER)),
                ones(col("status").equalTo(HistoryLines.BAD)), sum(when(isCase, size(col("proposals"))).otherwise(0)),
                ones(isCase.and(size(col("proposals")).equalTo(0))), ones(isCase.and(col("swat")))).first();
        List<BadLine> bad = Aggregates.local(Aggregates.badLines(d, ReplayReport.BAD_LINE_SAMPLES));
        if (badLines == BadLines.FAIL && !bad.isEmpty()) {
            throw new HistoryException(history, bad.get(0));
        }
        Dataset<Row> cases = d.filter(isCase);
        Dataset<Row> proposals = cases.select(col("file"), col("line"), col("openedDay"),
                explode(col("proposals")).as("p"));
        Dataset<Row> rules = proposals.select(col("p.kind").equalTo(Outcome.Kind.SWAT.name()).as("swat"),
                explode(col("p.rules")).as("rule"));
        Map<String, long[]> byRule = Aggregates.byRule(rules);
        return new ReplayReport(new PolicyId(policy.id(), policy.version(), policy.revision()), history,
                totals.getLong(0), value(totals, 1), value(totals, 4), value(totals, 5), value(totals, 6),
                value(totals, 2), value(totals, 3), bad, granularity, remedies(policy, proposals),
                escalations(policy, proposals), Aggregates.mostFirst(byRule, 1), Aggregates.mostFirst(byRule, 0),
                followUps(cases));
    }

    private static Column ones(Column condition) {
        return sum(when(condition, 1L).otherwise(0L));
    }

    private static long value(Row row, int i) {
        return row.isNullAt(i) ? 0 : ((Number) row.get(i)).longValue();
    }

    private static List<RemedyOutcomes> remedies(Policy policy, Dataset<Row> proposals) {
        Column money = col("p.money");
        Map<String, long[]> counts = new HashMap<>();
        Map<String, BigDecimal[]> sums = new HashMap<>();
        Outcome.Kind[] kinds = Outcome.Kind.values();
        for (Row r : proposals.groupBy(col("p.remedy"), col("p.kind"))
                .agg(count(lit(1)), sum(when(money, col("p.amount"))), max(when(money, col("p.amountScale"))))
                .collectAsList()) {
            int kind = Outcome.Kind.valueOf(r.getString(1)).ordinal();
            counts.computeIfAbsent(r.getString(0), k -> new long[kinds.length])[kind] = r.getLong(2);
            BigDecimal[] s = sums.computeIfAbsent(r.getString(0), k -> Aggregates.zeros());
            s[kind] = Schemas.sum(r.getDecimal(3), r.isNullAt(4) ? null : r.getInt(4));
        }
        List<RemedyOutcomes> remedies = new ArrayList<>();
        policy.remedies().forEach((remedy, unit) -> {
            long[] c = counts.getOrDefault(remedy, new long[kinds.length]);
            BigDecimal[] s = sums.getOrDefault(remedy, Aggregates.zeros());
            Map<Outcome.Kind, Long> byKind = new EnumMap<>(Outcome.Kind.class);
            Map<Outcome.Kind, BigDecimal> amounts = new EnumMap<>(Outcome.Kind.class);
            for (Outcome.Kind k : kinds) {
                byKind.put(k, c[k.ordinal()]);
                if (unit == RemedyUnit.MONEY) {
                    amounts.put(k, s[k.ordinal()]);
                }
            }
            remedies.add(new RemedyOutcomes(remedy, unit, byKind, amounts));
        });
        return remedies;
    }

    /** Counts cases, not proposals: a case with two proposals for one approver is one case to review. */
    private List<Workload> escalations(Policy policy, Dataset<Row> proposals) {
        Dataset<Row> escalated = proposals.filter(col("p.kind").equalTo(Outcome.Kind.ESCALATE.name()))
                .select(col("file"), col("line"), col("openedDay"), col("p.approver").as("approver")).distinct();
        Map<String, long[]> totals = new HashMap<>();
        for (Row r : escalated.groupBy("approver").agg(count(lit(1)), ones(col("openedDay").isNull())).collectAsList()) {
            totals.put(r.getString(0), new long[] {r.getLong(1), r.getLong(2)});
        }
        Column day = col("openedDay").cast("date");
        Column period = granularity == Granularity.DAY ? day
                : org.apache.spark.sql.functions.next_day(org.apache.spark.sql.functions.date_sub(day, 7), "Mon");
        Map<String, TreeMap<LocalDate, Long>> periods = new HashMap<>();
        for (Row r : escalated.filter(col("openedDay").isNotNull())
                .groupBy(col("approver"), period.cast("string").as("period")).agg(count(lit(1))).collectAsList()) {
            periods.computeIfAbsent(r.getString(0), a -> new TreeMap<>()).put(LocalDate.parse(r.getString(1)), r.getLong(2));
        }
        List<Workload> workloads = new ArrayList<>();
        for (String approver : Aggregates.ladderOrder(policy, totals.keySet())) {
            long[] t = totals.get(approver);
            workloads.add(new Workload(approver, t[0], t[1], periods.getOrDefault(approver, new TreeMap<>())));
        }
        return workloads;
    }

    private static List<FollowUpCount> followUps(Dataset<Row> cases) {
        List<FollowUpCount> owed = new ArrayList<>();
        for (Row r : cases.select(explode(col("followUps")).as("f")).groupBy(col("f.action"), col("f.owner"))
                .agg(count(lit(1))).collectAsList()) {
            owed.add(new FollowUpCount(r.getString(0), r.getString(1), r.getLong(2)));
        }
        owed.sort(Aggregates.MOST_FOLLOW_UPS_FIRST);
        return owed;
    }
}
