package org.resolutionpolicy.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
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
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.resolutionpolicy.api.Outcome;
import org.resolutionpolicy.api.Policy;
import org.resolutionpolicy.replay.BadLine;
import org.resolutionpolicy.replay.ReplayReport.FollowUpCount;

/**
 * The orders and small collections the reports share. The local replay's orders (most first, equal counts by key;
 * roles in ladder order) are package-private there and written again here, applied to what Spark has counted.
 */
final class Aggregates {

    /** Follow-ups most owed first, then by action, then by owner (none first). */
    static final Comparator<FollowUpCount> MOST_FOLLOW_UPS_FIRST = Comparator
            .comparingLong((FollowUpCount f) -> -f.count()).thenComparing(FollowUpCount::action)
            .thenComparing(FollowUpCount::owner, Comparator.nullsFirst(Comparator.naturalOrder()));

    private Aggregates() {
    }

    /** Returns a zero amount per kind of outcome. */
    static BigDecimal[] zeros() {
        BigDecimal[] sums = new BigDecimal[Outcome.Kind.values().length];
        Arrays.fill(sums, BigDecimal.ZERO);
        return sums;
    }

    /**
     * Counts per rule the proposals it was a reason for, and those of them that went to SWAT, in one aggregation.
     *
     * @param rules rows of {@code swat boolean, rule string}, one per reason
     * @return per rule: reasons, SWAT reasons
     */
    static Map<String, long[]> byRule(Dataset<Row> rules) {
        Map<String, long[]> counts = new HashMap<>();
        for (Row r : rules.groupBy(col("rule")).agg(count(lit(1)), sum(when(col("swat"), 1L).otherwise(0L)))
                .collectAsList()) {
            counts.put(r.getString(0), new long[] {r.getLong(1), r.getLong(2)});
        }
        return counts;
    }

    /** Returns one of the counts per rule, those above zero, most first, equal counts in key order (Java's). */
    static Map<String, Long> mostFirst(Map<String, long[]> byRule, int which) {
        List<Map.Entry<String, long[]>> rows = new ArrayList<>(byRule.entrySet());
        rows.removeIf(e -> e.getValue()[which] == 0);
        rows.sort(Comparator.comparingLong((Map.Entry<String, long[]> e) -> -e.getValue()[which])
                .thenComparing(Map.Entry::getKey));
        Map<String, Long> out = new LinkedHashMap<>();
        rows.forEach(e -> out.put(e.getKey(), e.getValue()[which]));
        return out;
    }

    /** Returns the first bad lines, by file and line. */
    static List<SparkBadLine> badLines(Dataset<Row> rows, int limit) {
        List<SparkBadLine> bad = new ArrayList<>();
        for (Row r : rows.filter(col("status").equalTo(HistoryLines.BAD)).select("file", "line", "problem")
                .orderBy("file", "line").limit(limit).collectAsList()) {
            bad.add(new SparkBadLine(r.getString(0), r.getLong(1), r.getString(2)));
        }
        return bad;
    }

    /** Returns the bad lines as the local report keeps them: by line, without their file. */
    static List<BadLine> local(List<SparkBadLine> bad) {
        return bad.stream().map(SparkBadLine::toBadLine).toList();
    }

    /** Returns the roles in the policy's ladder order, any others after them by name. */
    static List<String> ladderOrder(Policy policy, Iterable<String> roles) {
        List<String> sorted = new ArrayList<>();
        roles.forEach(sorted::add);
        List<String> ladder = policy.roles();
        sorted.sort(Comparator.comparingInt((String r) -> ladder.contains(r) ? ladder.indexOf(r) : ladder.size())
                .thenComparing(Comparator.naturalOrder()));
        return sorted;
    }
}
