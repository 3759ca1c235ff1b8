package org.resolutionpolicy.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.storage.StorageLevel;
import org.resolutionpolicy.api.Outcome;
import org.resolutionpolicy.api.Policy;
import org.resolutionpolicy.api.RemedyUnit;
import org.resolutionpolicy.replay.BadLine;
import org.resolutionpolicy.replay.BadLines;
import org.resolutionpolicy.replay.CaseRef;
import org.resolutionpolicy.replay.DiffReport;
import org.resolutionpolicy.replay.DiffReport.ActionChange;
import org.resolutionpolicy.replay.DiffReport.CaseChanges;
import org.resolutionpolicy.replay.DiffReport.FollowUpChanges;
import org.resolutionpolicy.replay.DiffReport.MoneyMove;
import org.resolutionpolicy.replay.DiffReport.Transition;
import org.resolutionpolicy.replay.DiffReport.WorkloadChange;
import org.resolutionpolicy.replay.HistoryException;
import org.resolutionpolicy.replay.ReplayReport;
import org.resolutionpolicy.replay.ReplayReport.PolicyId;

/**
 * Compares two policies over a history on Spark: both texts are broadcast and compiled once per executor,
 * {@code mapPartitions} decides every case with both, and Spark's aggregations count what the local
 * {@link org.resolutionpolicy.replay.Diff} counts, into the same {@link DiffReport}, number for number.
 *
 * <pre>{@code
 * SparkDiff diff = SparkDiff.of(PolicyText.load(List.of(oldDir)), PolicyText.load(List.of(newDir)));
 * DiffReport report = diff.report(diff.compare(SparkHistory.json(spark, "hdfs:///crm/cases-2026")), "cases-2026");
 * }</pre>
 *
 * <p>Immutable: each method returns a changed copy.
 */
public final class SparkDiff {

    private static final String[] CELL = {"remedy", "fromKind", "fromApprover", "fromTeam", "toKind", "toApprover",
        "toTeam"};

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
     * Decides every line of a history with both policies, lazily: one row per line with, for a case, what changed
     * (per proposal the outcome before and after and the rules responsible; the approvers on each side; the
     * follow-ups added and removed). docs/spark.md lists the columns.
     *
     * @param history rows of {@code file string, line long, value string}, as {@link SparkHistory} reads them
     * @return the comparisons
     * @throws NullPointerException if history is null
     */
    public Dataset<Row> compare(Dataset<Row> history) {
        Objects.requireNonNull(history, "history must not be null");
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(history.sparkSession().sparkContext());
        return history.select("file", "line", "value").mapPartitions(
                new Comparer(jsc.broadcast(before), jsc.broadcast(after)), Encoders.row(Schemas.COMPARISONS));
    }

    /**
     * Counts what changed, with Spark aggregations; persists the comparisons for the while, unless the caller has.
     *
     * @param comparisons what {@link #compare} returned
     * @param history the history's name in the report
     * @return the report the local diff gives for the same history
     * @throws HistoryException if bad lines fail the run and a line is bad; it names the first
     */
    public DiffReport report(Dataset<Row> comparisons, String history) {
        boolean persisted = comparisons.storageLevel().equals(StorageLevel.NONE());
        Dataset<Row> d = persisted ? comparisons.persist(StorageLevel.MEMORY_AND_DISK()) : comparisons;
        try {
            return tally(d, history);
        } finally {
            if (persisted) {
                d.unpersist();
            }
        }
    }

    private DiffReport tally(Dataset<Row> d, String history) {
        Policy old = before.compiled();
        Policy now = after.compiled();
        Column isCase = col("status").equalTo(HistoryLines.CASE);
        Row totals = d.agg(count(lit(1)), ones(isCase), ones(col("status").equalTo(HistoryLines.PASSED_OVER)),
                ones(col("status").equalTo(HistoryLines.BAD)), sum(when(isCase, size(col("proposals"))).otherwise(0)),
                ones(isCase.and(col("changed"))), ones(isCase.and(col("followUpsChanged"))),
                ones(isCase.and(col("latitudeChanged")))).first();
        List<BadLine> bad = Aggregates.local(Aggregates.badLines(d, ReplayReport.BAD_LINE_SAMPLES));
        if (badLines == BadLines.FAIL && !bad.isEmpty()) {
            throw new HistoryException(history, bad.get(0));
        }
        Dataset<Row> cases = d.filter(isCase);
        Dataset<Row> proposals = cases.select(col("file"), col("line"), col("caseId"), explode(col("proposals")).as("p"))
                .select(col("file"), col("line"), col("caseId"), col("p.*"));
        List<Transition> transitions = transitions(old, now, proposals);
        long changedProposals = transitions.stream().filter(Transition::changed).mapToLong(Transition::count).sum();
        return new DiffReport(id(old), id(now), history, totals.getLong(0), value(totals, 1), value(totals, 4),
                value(totals, 2), value(totals, 3), bad, value(totals, 5), changedProposals, transitions,
                money(old, now, transitions), workload(now, cases),
                new FollowUpChanges(value(totals, 6), samples(cases.filter(col("followUpsChanged"))), actions(cases)),
                new CaseChanges(value(totals, 7), samples(cases.filter(col("latitudeChanged")))));
    }

    private static Column ones(Column condition) {
        return sum(when(condition, 1L).otherwise(0L));
    }

    private static long value(Row row, int i) {
        return row.isNullAt(i) ? 0 : ((Number) row.get(i)).longValue();
    }

    private static PolicyId id(Policy p) {
        return new PolicyId(p.id(), p.version(), p.revision());
    }

    /** One cell of a remedy's transition matrix. */
    private record Pair(String remedy, Outcome from, Outcome to) {
        static Pair of(Row r) {
            return new Pair(r.getString(0), outcome(r.getString(1), r.getString(2), r.getString(3)),
                    outcome(r.getString(4), r.getString(5), r.getString(6)));
        }
    }

    private static Outcome outcome(String kind, String approver, String team) {
        return new Outcome(Outcome.Kind.valueOf(kind), approver, team);
    }

    /** Counts each cell, its money, its first changed cases and the rules responsible: three small aggregations. */
    private static List<Transition> transitions(Policy old, Policy now, Dataset<Row> proposals) {
        Column[] cell = Arrays.stream(CELL).map(c -> col(c)).toArray(Column[]::new);
        Map<Pair, Object[]> cells = new HashMap<>();
        for (Row r : proposals.groupBy(cell).agg(count(lit(1)), sum(when(col("money"), col("amount"))),
                max(when(col("money"), col("amountScale")))).collectAsList()) {
            cells.put(Pair.of(r), new Object[] {r.getLong(7), Schemas.sum(r.getDecimal(8), r.isNullAt(9) ? null : r.getInt(9)),
                new ArrayList<CaseRef>(), new HashMap<String, Long>()});
        }
        Dataset<Row> changed = proposals.filter(col("changed"));
        for (Row r : changed.withColumn("n", row_number().over(Window.partitionBy(cell).orderBy("file", "line")))
                .filter(col("n").leq(DiffReport.SAMPLES)).orderBy("file", "line")
                .select(with(cell, col("line"), col("caseId"))).collectAsList()) {
            refs(cells.get(Pair.of(r))).add(new CaseRef(r.getLong(7), r.getString(8)));
        }
        for (Row r : changed.select(with(cell, explode(col("responsible")).as("rule")))
                .groupBy(with(cell, col("rule"))).agg(count(lit(1))).collectAsList()) {
            rules(cells.get(Pair.of(r))).put(r.getString(7), r.getLong(8));
        }
        List<String> remedies = new ArrayList<>(now.remedies().keySet());
        old.remedies().keySet().stream().filter(r -> !remedies.contains(r)).forEach(remedies::add);
        Comparator<Outcome> lattice = Comparator.comparingInt((Outcome o) -> o.kind().ordinal())
                .thenComparingInt(o -> rank(now, o.approver()))
                .thenComparing(o -> Objects.toString(o.approver(), "") + Objects.toString(o.team(), ""));
        List<Pair> pairs = new ArrayList<>(cells.keySet());
        pairs.sort(Comparator.comparingInt((Pair p) -> remedies.indexOf(p.remedy()))
                .thenComparing(Pair::from, lattice).thenComparing(Pair::to, lattice));
        List<Transition> transitions = new ArrayList<>();
        for (Pair p : pairs) {
            Object[] c = cells.get(p);
            Map<String, Long> rules = new LinkedHashMap<>();
            rules(c).entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()
                    .thenComparing(Map.Entry.comparingByKey())).forEach(e -> rules.put(e.getKey(), e.getValue()));
            transitions.add(new Transition(p.remedy(), p.from(), p.to(), (Long) c[0], (BigDecimal) c[1], refs(c), rules));
        }
        return transitions;
    }

    @SuppressWarnings("unchecked")
    private static List<CaseRef> refs(Object[] cell) {
        return (List<CaseRef>) cell[2];
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Long> rules(Object[] cell) {
        return (Map<String, Long>) cell[3];
    }

    private static Column[] with(Column[] cell, Column... more) {
        Column[] out = Arrays.copyOf(cell, cell.length + more.length);
        System.arraycopy(more, 0, out, cell.length, more.length);
        return out;
    }

    private static int rank(Policy now, String role) {
        int i = role == null ? -1 : now.roles().indexOf(role);
        return i < 0 ? Integer.MAX_VALUE : i;
    }

    /** Adds up, per money remedy, the amounts of the cells whose kind of outcome is new. */
    private static List<MoneyMove> money(Policy old, Policy now, List<Transition> transitions) {
        Map<String, RemedyUnit> units = new HashMap<>(old.remedies());
        units.putAll(now.remedies());
        Map<String, BigDecimal[]> moved = new LinkedHashMap<>();
        for (Transition t : transitions) {
            if (units.get(t.remedy()) == RemedyUnit.MONEY && t.from().kind() != t.to().kind()) {
                BigDecimal[] sums = moved.computeIfAbsent(t.remedy(), r -> Aggregates.zeros());
                sums[t.to().kind().ordinal()] = sums[t.to().kind().ordinal()].add(t.money());
            }
        }
        List<MoneyMove> money = new ArrayList<>();
        moved.forEach((remedy, s) -> money.add(new MoneyMove(remedy, s[Outcome.Kind.ALONE.ordinal()],
                s[Outcome.Kind.ESCALATE.ordinal()], s[Outcome.Kind.SWAT.ordinal()], s[Outcome.Kind.DENIED.ordinal()])));
        return money;
    }

    /** Counts each side's escalated cases per approver in one aggregation. */
    private static List<WorkloadChange> workload(Policy now, Dataset<Row> cases) {
        Map<String, long[]> sides = bySide(cases.select(lit(0).as("side"), explode(col("approversBefore")).as("key"))
                .union(cases.select(lit(1).as("side"), explode(col("approversAfter")).as("key"))), lit(1L));
        List<WorkloadChange> workload = new ArrayList<>();
        for (String approver : Aggregates.ladderOrder(now, sides.keySet())) {
            long[] n = sides.get(approver);
            if (n[0] != n[1]) {
                workload.add(new WorkloadChange(approver, n[0], n[1]));
            }
        }
        return workload;
    }

    /** Counts the follow-ups added and removed per action in one aggregation. */
    private static List<ActionChange> actions(Dataset<Row> cases) {
        Map<String, long[]> sides = bySide(cases.select(lit(0).as("side"), explode(col("followUpsAdded")).as("f"))
                .union(cases.select(lit(1).as("side"), explode(col("followUpsRemoved")).as("f")))
                .select(col("side"), col("f.action").as("key"), col("f.count").as("n")), col("n"));
        return new TreeSet<>(sides.keySet()).stream()
                .map(a -> new ActionChange(a, sides.get(a)[0], sides.get(a)[1])).toList();
    }

    /** Sums a value per key for side 0 and side 1 of rows of {@code side int, key string}. */
    private static Map<String, long[]> bySide(Dataset<Row> rows, Column value) {
        Map<String, long[]> out = new HashMap<>();
        for (Row r : rows.groupBy(col("key")).agg(sum(when(col("side").equalTo(0), value).otherwise(0L)),
                sum(when(col("side").equalTo(1), value).otherwise(0L))).collectAsList()) {
            out.put(r.getString(0), new long[] {r.getLong(1), r.getLong(2)});
        }
        return out;
    }

    private static List<CaseRef> samples(Dataset<Row> cases) {
        return cases.select("file", "line", "caseId").orderBy("file", "line").limit(DiffReport.SAMPLES).collectAsList()
                .stream().map(r -> new CaseRef(r.getLong(1), r.getString(2))).toList();
    }
}
