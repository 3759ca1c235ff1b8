package org.resolutionpolicy.cli;


import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.resolutionpolicy.api.Policy;
import org.resolutionpolicy.format.json.JsonText;
import org.resolutionpolicy.replay.Diff;
import org.resolutionpolicy.replay.DiffReport;
import org.resolutionpolicy.report.DiffPage;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code policy diff}: what an edit of a policy would have changed over a history, for CI to gate the edit. */
@Command(name = "diff", mixinStandardHelpOptions = true,
        description = {"Decide every case of a history with the policy as it is (OLD) and as edited (NEW), and report"
                + " what changes.",
            "The report holds the outcome transitions per remedy with counts, sample cases and the rules responsible,"
                + " the money that moves, each role's escalation workload, and the cases whose follow-ups or latitude"
                + " change. All OLD arguments form one policy, all --against arguments the other.",
            "With --prove instead of --history: a proof over every possible case (policy analyze NEW --against OLD):"
                + " per remedy and role, equivalent, only stricter, only looser or both, with a case for each"
                + " direction.",
            "Exit code 0 when nothing changes, 1 when something does, 2 when a policy has errors, a bad line fails the"
                + " run, a file cannot be read, the policies name different currencies, or the history's amounts are"
                + " in more than one currency and neither policy names one."})
final class DiffCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "OLD", description = "the policy as it is: files or directories")
    List<Path> before;

    @Option(names = "--against", arity = "1..*", required = true, paramLabel = "NEW",
            description = "the policy as edited: files or directories")
    List<Path> after;

    @CommandLine.Mixin
    ReplayCommand.HistoryOptions history;

    @Option(names = "--prove", description = "prove what the edit changes over every possible case instead of "
            + "replaying a history (the SMT solver of policy analyze; DRL rules are left out, and said so)")
    boolean prove;

    @Option(names = "--time-limit", paramLabel = "SECONDS", defaultValue = "5",
            description = "with --prove: time limit of each solver check, in seconds (default: ${DEFAULT-VALUE})")
    double seconds;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (prove) {
            return proof();
        }
        PrintWriter err = spec.commandLine().getErr();
        before.forEach(PolicyCli::existing);
        after.forEach(PolicyCli::existing);
        history.check(spec);
        Policy old = ReplayCommand.HistoryOptions.load(before, err);
        Policy edited = ReplayCommand.HistoryOptions.load(after, err);
        if (old == null || edited == null) {
            return PolicyCli.INPUT;
        }
        Diff diff;
        try {
            diff = Diff.of(old, edited);
        } catch (IllegalArgumentException e) {
            // policies in two currencies: their money cannot be compared, whatever the history
            throw new PolicyCli.UsageProblem(e.getMessage());
        }
        DiffReport report = ReplayCommand.HistoryOptions.withProgress(err, progress -> diff
                .onBadLine(history.badLines(spec)).threads(history.threads()).progress(progress)
                .run(history.history()));
        if (report == null) {
            return PolicyCli.INPUT;
        }
        history.print(spec, switch (history.format) {
            case json -> JsonText.pretty(org.resolutionpolicy.report.ReportFormat.json(report)) + "\n";
            case html -> DiffPage.of(report).html();
            case text -> org.resolutionpolicy.report.ReportFormat.text(report);
        });
        return report.isEmpty() ? PolicyCli.OK : PolicyCli.NO;
    }

    /** Runs the change proof of {@code policy analyze NEW --against OLD}, with this command's output. */
    private int proof() {
        if (history.file != null || history.out != null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--prove takes neither --history nor --out: "
                    + "a proof covers every case, a replay the cases of a history");
        }
        if (history.format == ReplayCommand.ReportFormat.html) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--prove takes --format text or json, not "
                    + "[html]: the HTML page is of a replayed history");
        }
        List<String> args = new java.util.ArrayList<>();
        after.forEach(p -> args.add(p.toString()));
        args.add("--against");
        before.forEach(p -> args.add(p.toString()));
        args.addAll(List.of("--time-limit", Double.toString(seconds), "--format", history.format.name()));
        AnalyzeCommand command = new AnalyzeCommand();
        command.changeExitsOne = true;
        CommandLine analyze = new CommandLine(command).setOut(spec.commandLine().getOut())
                .setErr(spec.commandLine().getErr())
                .setExecutionExceptionHandler(spec.commandLine().getExecutionExceptionHandler());
        return analyze.execute(args.toArray(String[]::new));
    }
}
