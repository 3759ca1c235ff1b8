package org.resolutionpolicy.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.resolutionpolicy.api.Policies;
import org.resolutionpolicy.api.Policy;
import org.resolutionpolicy.examples.SampleHistory;
import org.resolutionpolicy.replay.BadLines;
import org.resolutionpolicy.replay.History;
import org.resolutionpolicy.replay.Replay;
import org.resolutionpolicy.replay.ReplayReport;
import org.resolutionpolicy.spark.PolicyText;
import org.resolutionpolicy.spark.SparkHistory;
import org.resolutionpolicy.spark.SparkReplay;

/**
 * Times a replay of one generated history locally and on Spark, wall clock, and checks the two reports are equal.
 * Not JMH: one Spark replay is seconds of jobs, and what matters is the whole run as a user starts it (session,
 * broadcast, per-executor compile, decide, every aggregation). Run from the repository root with Spark on the class
 * path (docs/spark.md):
 *
 * <pre>
 * mvn -B -Pbenchmarks -pl benchmarks,policy-spark -am package -DskipTests dependency:build-classpath \
 *     -Dmdep.includeScope=provided -Dmdep.outputFile=target/spark.classpath
 * java $(cat policy-spark/src/main/sh/java-opens) \
 *     -cp benchmarks/target/benchmarks.jar:$(cat policy-spark/target/spark.classpath) \
 *     org.resolutionpolicy.benchmarks.SparkReplayBenchmark 1000000 local[2]
 * </pre>
 *
 * <p>Arguments: the number of cases (default 1,000,000) and the master (default {@code local[2]}). Prints one table:
 * wall time and cases/s of each, and the ratio.
 */
public final class SparkReplayBenchmark {

    private SparkReplayBenchmark() {
    }

    /**
     * Generates the history, runs both replays and prints the table.
     *
     * @param args the number of cases and the master, both optional
     * @throws IOException if the history cannot be written
     */
    public static void main(String[] args) throws IOException {
        long cases = args.length > 0 ? Long.parseLong(args[0].replace("_", "").replace(",", "")) : 1_000_000L;
        String master = args.length > 1 ? args[1] : "local[2]";
        Path policyFile = Path.of("examples", "policies", "coffee-shop.yaml");
        Policy policy = Policies.load(policyFile);
        Path dir = Files.createTempDirectory("spark-replay-benchmark");
        Path file = dir.resolve("history.jsonl");
        SampleHistory.write(policy, cases, 14, file);

        long start = System.nanoTime();
        ReplayReport local = Replay.of(policy).onBadLine(BadLines.SKIP).run(History.of(file));
        double localSeconds = (System.nanoTime() - start) / 1e9;

        SparkSession spark = SparkSession.builder().master(master).appName("spark-replay-benchmark")
                .config("spark.ui.enabled", "false").getOrCreate();
        spark.sparkContext().setLogLevel("WARN");
        start = System.nanoTime();
        SparkReplay replay = SparkReplay.of(PolicyText.load(List.of(policyFile))).onBadLine(BadLines.SKIP);
        Dataset<Row> decisions = replay.decide(SparkHistory.json(spark, file.toString()))
                .persist(StorageLevel.MEMORY_AND_DISK());
        ReplayReport onSpark = replay.report(decisions, file.toString());
        double sparkSeconds = (System.nanoTime() - start) / 1e9;
        decisions.unpersist();
        spark.stop();
        Files.deleteIfExists(file);
        Files.deleteIfExists(dir);

        System.out.printf(Locale.ROOT, "%-24s %12s %14s %8s%n", "replay of " + cases + " cases", "wall s", "cases/s",
                "ratio");
        System.out.printf(Locale.ROOT, "%-24s %12.2f %14.0f %8s%n", "local, all cores", localSeconds,
                local.cases() / localSeconds, "1.00x");
        System.out.printf(Locale.ROOT, "%-24s %12.2f %14.0f %7.2fx%n", "Spark " + master, sparkSeconds,
                onSpark.cases() / sparkSeconds, sparkSeconds / localSeconds);
        System.out.println(onSpark.equals(local) ? "the reports are equal"
                : "THE REPORTS DIFFER: this is a bug, see SparkReplayTests");
    }
}
