package org.resolutionpolicy.cli;


import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.resolutionpolicy.api.Policies;
import org.resolutionpolicy.api.Policy;
import org.resolutionpolicy.api.PolicyLoadException;
import org.resolutionpolicy.format.json.JsonText;
import org.resolutionpolicy.replay.BadLines;
import org.resolutionpolicy.replay.Granularity;
import org.resolutionpolicy.replay.History;
import org.resolutionpolicy.replay.HistoryException;
import org.resolutionpolicy.replay.Progress;
import org.resolutionpolicy.replay.Replay;
import org.resolutionpolicy.replay.ReplayReport;
import org.resolutionpolicy.report.ReplayPage;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code policy replay}: decide every case of a history and report what the policy decided. */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = {"Decide every case of a history (JSON lines, optionally gzip) and report what the policy"
                + " decided.",
            "The report holds outcomes and money per remedy, each approver's escalations per week, SWAT routes, the"
                + " rules that decided most and the follow-ups owed. Money is reported in the policy's currency, or the"
                + " one the cases state. All POLICY arguments together form one policy. A progress bar is drawn on"
                + " stderr when it is a terminal.",
            "Exit code 0 when the history was replayed, 2 when the policy has errors, a bad line fails the run, a"
                + " file cannot be read or the history's amounts are in more than one currency and the policy names"
                + " none."})
final class ReplayCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "POLICY", description = "policy files or directories")
    List<Path> policies;

    @CommandLine.Mixin
    HistoryOptions history;

    @Option(names = "--per", paramLabel = "day|week", defaultValue = "week",
            description = "count escalations per day or per week of openedAt (default: ${DEFAULT-VALUE})")
    String per;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        policies.forEach(PolicyCli::existing);
        history.check(spec);
        Granularity granularity = switch (per.toLowerCase(Locale.ROOT)) {
            case "day" -> Granularity.DAY;
            case "week" -> Granularity.WEEK;
            default -> throw new CommandLine.ParameterException(spec.commandLine(),
                    "--per must be day or week, not [" + per + "]");
        };
        Policy policy = HistoryOptions.load(policies, err);
        if (policy == null) {
            return PolicyCli.INPUT;
        }
        ReplayReport report = HistoryOptions.withProgress(err, progress -> Replay.of(policy).granularity(granularity)
                .onBadLine(history.badLines(spec)).threads(history.threads()).progress(progress)
                .run(history.history()));
        if (report == null) {
            return PolicyCli.INPUT;
        }
        history.print(spec, switch (history.format) {
            case json -> JsonText.pretty(org.resolutionpolicy.report.ReportFormat.json(report, policy)) + "\n";
            case html -> ReplayPage.of(report, policy).html();
            case text -> org.resolutionpolicy.report.ReportFormat.text(report, policy);
        });
        return PolicyCli.OK;
    }

    /** The output formats of replay and diff: those of the other commands, and a page. */
    enum ReportFormat {
        /** A table for people. */
        text,
        /** A JSON tree for tools. */
        json,
        /** A self-contained HTML page with charts ({@code ReplayPage}, {@code DiffPage}). */
        html
    }

    /** The options replay and diff share: the history, bad lines, threads, format and where the report goes. */
    static final class HistoryOptions {

        @Option(names = "--history", paramLabel = "FILE",
                description = "the cases: JSON lines, one case per line, optionally gzip-compressed; a decision log "
                        + "written with cases is one too; - reads standard input (a pipe, such as /dev/stdin, works too)")
        Path file;

        @Option(names = "--on-bad-line", paramLabel = "skip|fail", defaultValue = "fail",
                description = "what a line that cannot be decided does: skip (counted and listed) or fail the run "
                        + "(default: ${DEFAULT-VALUE})")
        String onBadLine;

        @Option(names = "--threads", paramLabel = "N", description = "deciding threads (default: every core)")
        Integer threads;

        @Option(names = "--format", paramLabel = "text|json|html", defaultValue = "text",
                description = "output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}); html is a "
                        + "self-contained page with charts")
        ReportFormat format;

        @Option(names = "--out", paramLabel = "FILE", description = "write the report to this file instead of stdout")
        Path out;

        /**
         * Checks what picocli cannot (the bad-line choice, the thread count) and that the history exists: usage
         * errors, exit 2.
         */
        void check(CommandLine.Model.CommandSpec spec) {
            if (file == null) {
                throw new CommandLine.ParameterException(spec.commandLine(), "Missing required option: '--history=FILE'");
            }
            badLines(spec);
            if (threads != null && (threads < 1 || threads > maxThreads())) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--threads must be from 1 to ["
                        + maxThreads() + "] (" + THREADS_PER_CORE + " per core), not [" + threads + "]");
            }
            if (!STDIN.equals(file.toString())) {
                PolicyCli.existing(file);
            }
            if (out != null && Files.isDirectory(out)) {
                throw new PolicyCli.UsageProblem("--out [" + out + "] is a directory: name a file to write the report to");
            }
        }

        /** How {@code --history} names standard input. */
        static final String STDIN = "-";

        /** Returns the history {@code --history} names: a file, or standard input for {@code -}. */
        History history() {
            return STDIN.equals(file.toString()) ? History.of("standard input", System.in) : History.of(file);
        }

        BadLines badLines(CommandLine.Model.CommandSpec spec) {
            return switch (onBadLine.toLowerCase(Locale.ROOT)) {
                case "skip" -> BadLines.SKIP;
                case "fail" -> BadLines.FAIL;
                default -> throw new CommandLine.ParameterException(spec.commandLine(),
                        "--on-bad-line must be skip or fail, not [" + onBadLine + "]");
            };
        }

        /** Deciding threads beyond a few per core only wait for a core, and each holds a batch of lines. */
        static final int THREADS_PER_CORE = 4;

        static int maxThreads() {
            return THREADS_PER_CORE * Runtime.getRuntime().availableProcessors();
        }

        int threads() {
            return threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        }

        void print(CommandLine.Model.CommandSpec spec, String report) throws IOException {
            if (out == null) {
                spec.commandLine().getOut().print(report);
                spec.commandLine().getOut().flush();
            } else {
                try {
                    Files.writeString(out, report, StandardCharsets.UTF_8);
                } catch (java.nio.file.AccessDeniedException e) {
                    throw new PolicyCli.UsageProblem("cannot write the report to [" + out + "]: permission denied");
                } catch (java.nio.file.NoSuchFileException e) {
                    throw new PolicyCli.UsageProblem("cannot write the report to [" + out + "]: no such directory ["
                            + out.toAbsolutePath().getParent() + "]");
                } catch (java.nio.file.FileSystemException e) {
                    throw new PolicyCli.UsageProblem("cannot write the report to [" + out + "]: "
                            + (Files.isDirectory(out) ? "it is a directory" : e.getReason() == null ? e.getMessage()
                            : e.getReason()));
                }
            }
        }

        /**
         * Runs a replay or diff with a progress bar on stderr when it is a terminal, as {@link #run} does.
         *
         * @param run builds the run with the progress and runs it
         * @return the report, or null when a bad line failed the run (printed)
         */
        static <R> R withProgress(PrintWriter err, java.util.function.Function<Progress, R> run) {
            Progress progress = ProgressBar.forTerminal(err);
            try {
                return run(() -> run.apply(progress), err);
            } finally {
                ProgressBar.end(progress);
            }
        }

        /**
         * Runs a replay or diff; a bad line that fails the run is printed with the option that goes on past it, exit 2.
         */
        static <R> R run(java.util.function.Supplier<R> run, PrintWriter err) {
            try {
                return run.get();
            } catch (HistoryException e) {
                if (e.badLine() == null || e.nothingDecided()) {
                    throw e;
                }
                err.println("policy: " + e.getMessage().replace("(run with bad lines skipped to go on past it)",
                        "(--on-bad-line skip goes on past bad lines)"));
                return null;
            }
        }

        /** Loads a policy, printing its problems; returns null when it has errors. */
        static Policy load(List<Path> paths, PrintWriter err) {
            try {
                return Policies.load(paths);
            } catch (PolicyLoadException e) {
                e.problems().forEach(err::println);
                return null;
            }
        }
    }
}
