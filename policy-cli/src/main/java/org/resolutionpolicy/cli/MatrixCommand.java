package org.resolutionpolicy.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.resolutionpolicy.api.Policies;
import org.resolutionpolicy.api.Policy;
import org.resolutionpolicy.api.PolicyException;
import org.resolutionpolicy.api.PolicyLoadException;
import org.resolutionpolicy.replay.BadLines;
import org.resolutionpolicy.replay.Diff;
import org.resolutionpolicy.replay.DiffReport;
import org.resolutionpolicy.replay.History;
import org.resolutionpolicy.report.HtmlPage;
import org.resolutionpolicy.report.MatrixDiffPage;
import org.resolutionpolicy.report.MatrixPage;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code policy matrix}: the authority matrix of a policy as one self-contained HTML page. */
@Command(name = "matrix", mixinStandardHelpOptions = true,
        description = {"Write the authority matrix of a policy as one self-contained HTML page.",
            "For each remedy: who may grant how much alone at each severity, who approves beyond, the grants that"
                + " raise a limit, the deny and SWAT rules with their because, windows and follow-ups, with filters for"
                + " every fact the rules test (values, and the bands of numbers); a section per dated version with the"
                + " period it covers. All POLICY arguments"
                + " together form one policy. Without --out the page goes to standard output.",
            "With --against NEW: one page of what the edit changes, cell by cell (limits, approvers, windows, grants,"
                + " denies, SWAT routes, follow-ups); with --history too, the priced replay diff of the edit beside it.",
            "Exit code 0 when the page was written, 2 when the policy has errors or a file cannot be read or"
                + " written."})
final class MatrixCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "POLICY", description = "policy files or directories")
    List<Path> policies;

    @Option(names = "--out", paramLabel = "FILE", description = "where to write the page, e.g. matrix.html")
    Path out;

    @Option(names = "--against", arity = "1..*", paramLabel = "NEW",
            description = "the policy as edited (files or directories): draw what the edit changes in the matrix")
    List<Path> against;

    @Option(names = "--history", paramLabel = "FILE",
            description = "with --against: the cases (JSON lines, optionally gzip-compressed) to price the edit"
                    + " over, as policy diff does")
    Path history;

    @Option(names = "--typical-case", paramLabel = "FILE",
            description = "a case (YAML or JSON, as decide reads it) that a limit computed from the case's facts is"
                    + " shown for, beside its formula; without it such a limit says no typical value is stated")
    Path typicalCase;

    @Option(names = "--on-bad-line", paramLabel = "skip|fail", defaultValue = "fail",
            description = "with --history: what a line that cannot be decided does: skip (counted and listed) or"
                    + " fail the run (default: ${DEFAULT-VALUE})")
    String onBadLine;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        policies.forEach(PolicyCli::existing);
        Policy policy;
        try {
            policy = Policies.load(policies);
        } catch (PolicyLoadException e) {
            e.problems().forEach(err::println);
            return PolicyCli.INPUT;
        } catch (PolicyException e) {
            return PolicyCli.failure(e, err);
        }
        if (typicalCase != null && against != null) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--typical-case is for the matrix of one policy, not with --against");
        }
        if (history != null && against == null) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--history prices an edit: give the edited policy with --against NEW");
        }
        HtmlPage page;
        String what;
        if (against == null) {
            MatrixPage matrix = MatrixPage.of(policy);
            if (typicalCase != null) {
                PolicyCli.existing(typicalCase);
                try {
                    matrix = matrix.withTypicalCase(org.resolutionpolicy.api.Cases.load(typicalCase), typicalCase.getFileName().toString());
                } catch (org.resolutionpolicy.api.InvalidCaseException e) {
                    err.println(typicalCase + ": " + e.getMessage());
                    return PolicyCli.INPUT;
                }
            }
            page = matrix.page();
            what = "matrix of policy " + policy.id() + " " + policy.revision();
        } else {
            against.forEach(PolicyCli::existing);
            Policy edited;
            try {
                edited = Policies.load(against);
            } catch (PolicyLoadException e) {
                e.problems().forEach(err::println);
                return PolicyCli.INPUT;
            } catch (PolicyException e) {
                return PolicyCli.failure(e, err);
            }
            MatrixDiffPage diff = MatrixDiffPage.of(policy, edited);
            if (history != null) {
                PolicyCli.existing(history);
                BadLines bad = switch (onBadLine.toLowerCase(java.util.Locale.ROOT)) {
                    case "skip" -> BadLines.SKIP;
                    case "fail" -> BadLines.FAIL;
                    default -> throw new CommandLine.ParameterException(spec.commandLine(),
                            "--on-bad-line must be skip or fail, not [" + onBadLine + "]");
                };
                Diff run;
                try {
                    run = Diff.of(policy, edited);
                } catch (IllegalArgumentException e) {
                    // policies in two currencies: their money cannot be compared, whatever the history
                    throw new PolicyCli.UsageProblem(e.getMessage());
                }
                DiffReport report = ReplayCommand.HistoryOptions.withProgress(err, progress -> run.onBadLine(bad)
                        .progress(progress).run(History.of(history)));
                if (report == null) {
                    return PolicyCli.INPUT;
                }
                diff = diff.withHistory(report);
            }
            page = diff.page();
            what = "matrix diff of policy " + policy.id() + " " + policy.revision() + " -> " + edited.revision()
                    + ", " + diff.changedCells().size() + " cells change";
        }
        if (out == null) {
            stdout.print(page.html());
            stdout.flush();
            return PolicyCli.OK;
        }
        try {
            page.write(out);
        } catch (UncheckedIOException e) {
            err.println("policy: " + e.getMessage());
            return PolicyCli.USAGE;
        }
        stdout.println("wrote " + out + " (" + what + ")");
        return PolicyCli.OK;
    }
}
