package org.resolutionpolicy.spark;

import static org.apache.spark.sql.functions.col;

import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;
import org.resolutionpolicy.replay.BadLine;
import org.resolutionpolicy.replay.BadLines;
import org.resolutionpolicy.replay.HistoryCounter;
import org.resolutionpolicy.replay.HistoryCounts;
import org.resolutionpolicy.replay.HistoryException;

/**
 * Counts the rows of one partition (decisions or comparisons) into one snapshot with the local replay's counter,
 * line by line as a local run counts them; {@link #counts} adds up the partitions' snapshots. So a Spark report and
 * a local one come from the same counting.
 *
 * @param <C> the counter
 * @param <S> its snapshots
 */
abstract class Counting<C extends HistoryCounter<S>, S extends HistoryCounts<S, ?>>
        implements FlatMapFunction<Iterator<Row>, S> {

    private static final long serialVersionUID = 1L;

    /** Returns a counter that has counted nothing, on the executor that counts a partition. */
    abstract C counter();

    /** Counts the case of a row whose status is {@link HistoryLines#CASE}. */
    abstract void count(C counter, Row row);

    @Override
    public Iterator<S> call(Iterator<Row> rows) {
        C counter = counter();
        while (rows.hasNext()) {
            Row row = rows.next();
            switch (row.getString(2)) {
                case HistoryLines.CASE -> count(counter, row);
                case HistoryLines.BAD -> counter.skip(new BadLine(row.getLong(1), row.getString(3)));
                case HistoryLines.PASSED_OVER -> counter.passOver();
                default -> counter.blank();
            }
        }
        return List.of(counter.snapshot()).iterator();
    }

    /**
     * Counts the rows of a dataset, one snapshot per partition, and adds the snapshots up.
     *
     * @param rows rows with the columns of {@code schema}, in any order and with any others
     * @param empty the counts of nothing, of the policies the rows were decided by
     * @param badLines whether a bad line fails the count
     * @param history the history's name, for the failure
     * @throws HistoryException if bad lines fail the run and a line is bad; it names the first; or if a history
     *     cannot be read (data after a gzip stream), naming its file
     */
    static <S extends HistoryCounts<S, ?>> S counts(Dataset<Row> rows, StructType schema, Counting<?, S> counting,
                                                 S empty, BadLines badLines, String history) {
        Column[] columns = Arrays.stream(schema.fieldNames()).map(c -> col(c)).toArray(Column[]::new);
        S counts = Failures.history(
                () -> rows.select(columns).javaRDD().mapPartitions(counting).fold(empty, HistoryCounts::plus));
        if (badLines == BadLines.FAIL && !counts.badLines().isEmpty()) {
            throw new HistoryException(history, counts.badLines().get(0));
        }
        return counts;
    }
}
