package org.resolutionpolicy.spark;

import org.resolutionpolicy.report.ReportSummary;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.resolutionpolicy.api.PolicyException;
import org.resolutionpolicy.replay.BadLines;
import org.resolutionpolicy.replay.DiffReport;
import org.resolutionpolicy.replay.Granularity;
import org.resolutionpolicy.replay.ReplayReport;

/**
 * Runs a replay or a diff from {@code spark-submit}, or from {@code bin/policy-spark} on a local session:
 *
 * <pre>
 * replay POLICY... --history PATH... [--parquet] [--per day|week] [--on-bad-line skip|fail]
 *        [--out DIR [--out-format parquet|json]] [--master URL]
 * diff OLD... --against NEW... --history PATH... [--parquet] [--on-bad-line skip|fail] [--master URL]
 * </pre>
 *
 * <p>Policies are read on the driver (so in client deploy mode from the submitting machine); histories and the
 * output directory are Spark paths ({@code hdfs://}, {@code s3a://}, {@code file:}). The report is printed on
 * standard output, bad lines with their file and line on standard error. Exit codes as {@code policy replay} and
 * {@code policy diff}: 0 done (and for a diff, no change), 1 a diff with changes, 2 a policy, history or argument
 * error, or a bad line when bad lines fail the run.
 */
public final class SparkReplayMain {

    private SparkReplayMain() {
    }

    /**
     * Runs the command line and exits with its code.
     *
     * @param args the command and its options
     */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /**
     * Runs the command line.
     *
     * @param args the command and its options
     * @param out where the report goes
     * @param err where problems go
     * @return the exit code
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        Args a;
        try {
            a = Args.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            err.println(Args.USAGE);
            return 2;
        }
        SparkSession.Builder builder = SparkSession.builder().appName("policy " + a.command);
        if (a.master != null) {
            builder.master(a.master).config("spark.ui.enabled", "false");
        }
        try {
            SparkSession spark = builder.getOrCreate();
            if (a.master != null) {
                // a local try: the report, not Spark's progress, is what the user wants to read
                spark.sparkContext().setLogLevel("WARN");
            }
            Dataset<Row> history = a.parquet ? SparkHistory.parquet(spark, a.history.toArray(String[]::new))
                    : SparkHistory.json(spark, a.history.toArray(String[]::new));
            String name = String.join(", ", a.history);
            // a history an executor cannot read fails the job; its cause names the file and says why
            return Failures.history(() -> a.command.equals("replay") ? replay(a, history, name, out, err)
                    : diff(a, history, name, out, err));
        } catch (PolicyException | IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return 2;
        }
    }

    private static int replay(Args a, Dataset<Row> history, String name, PrintStream out, PrintStream err) {
        SparkReplay replay = SparkReplay.of(PolicyText.load(a.policies)).onBadLine(a.badLines).granularity(a.per);
        Dataset<Row> decisions = replay.decide(history).persist(StorageLevel.MEMORY_AND_DISK());
        try {
            if (a.out != null) {
                if (a.outFormat.equals("json")) {
                    decisions.write().json(a.out);
                } else {
                    decisions.write().parquet(a.out);
                }
            }
            SparkReplay.badLines(decisions, ReplayReport.BAD_LINE_SAMPLES).forEach(b -> err.println("bad line " + b));
            ReplayReport report = replay.report(decisions, name);
            out.print(ReportSummary.text(report));
            return 0;
        } finally {
            decisions.unpersist();
        }
    }

    private static int diff(Args a, Dataset<Row> history, String name, PrintStream out, PrintStream err) {
        SparkDiff diff = SparkDiff.of(PolicyText.load(a.policies), PolicyText.load(a.against)).onBadLine(a.badLines);
        Dataset<Row> compared = diff.compare(history).persist(StorageLevel.MEMORY_AND_DISK());
        try {
            SparkReplay.badLines(compared, ReplayReport.BAD_LINE_SAMPLES).forEach(b -> err.println("bad line " + b));
            DiffReport report = diff.report(compared, name);
            out.print(ReportSummary.text(report));
            return report.isEmpty() ? 0 : 1;
        } finally {
            compared.unpersist();
        }
    }

    /** The parsed command line. */
    private static final class Args {

        static final String USAGE = """
                usage: replay POLICY... --history PATH... [--parquet] [--per day|week] [--on-bad-line skip|fail]
                              [--out DIR [--out-format parquet|json]] [--master URL]
                       diff OLD... --against NEW... --history PATH... [--parquet] [--on-bad-line skip|fail] [--master URL]""";

        String command;
        final List<Path> policies = new ArrayList<>();
        final List<Path> against = new ArrayList<>();
        final List<String> history = new ArrayList<>();
        boolean parquet;
        Granularity per = Granularity.WEEK;
        BadLines badLines = BadLines.FAIL;
        String out;
        String outFormat = "parquet";
        String master;

        /** Reads the arguments: a list option takes every argument up to the next option. */
        static Args parse(String[] args) {
            if (args.length == 0 || !(args[0].equals("replay") || args[0].equals("diff"))) {
                throw new IllegalArgumentException("the first argument must be [replay] or [diff]");
            }
            Args a = new Args();
            a.command = args[0];
            String list = "policies";
            for (int i = 1; i < args.length; i++) {
                String arg = args[i];
                switch (arg) {
                    case "--history" -> list = "history";
                    case "--against" -> list = "against";
                    case "--parquet" -> a.parquet = true;
                    case "--per" -> a.per = Granularity.valueOf(value(args, ++i, arg).toUpperCase(Locale.ROOT));
                    case "--on-bad-line" -> a.badLines = BadLines.valueOf(value(args, ++i, arg).toUpperCase(Locale.ROOT));
                    case "--out" -> a.out = value(args, ++i, arg);
                    case "--out-format" -> a.outFormat = value(args, ++i, arg).toLowerCase(Locale.ROOT);
                    case "--master", "--spark" -> a.master = value(args, ++i, arg);
                    default -> {
                        if (arg.startsWith("--")) {
                            throw new IllegalArgumentException("unknown option [" + arg + "]");
                        }
                        switch (list) {
                            case "history" -> a.history.add(arg);
                            case "against" -> a.against.add(Path.of(arg));
                            default -> a.policies.add(Path.of(arg));
                        }
                    }
                }
            }
            a.check();
            return a;
        }

        private void check() {
            if (policies.isEmpty()) {
                throw new IllegalArgumentException("no policy given");
            }
            if (history.isEmpty()) {
                throw new IllegalArgumentException("no history given: --history PATH...");
            }
            if (command.equals("diff") != !against.isEmpty()) {
                throw new IllegalArgumentException(command.equals("diff") ? "a diff needs --against NEW..."
                        : "--against belongs to diff");
            }
            if (!outFormat.equals("parquet") && !outFormat.equals("json")) {
                throw new IllegalArgumentException("--out-format must be parquet or json, not [" + outFormat + "]");
            }
        }

        private static String value(String[] args, int i, String option) {
            if (i >= args.length) {
                throw new IllegalArgumentException("option [" + option + "] needs a value");
            }
            return args[i];
        }
    }
}
