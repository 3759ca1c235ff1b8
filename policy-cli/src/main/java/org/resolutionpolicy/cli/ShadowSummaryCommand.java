package org.resolutionpolicy.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.resolutionpolicy.format.json.JsonText;
import org.resolutionpolicy.replay.DiffReport;
import org.resolutionpolicy.replay.HistoryException;
import org.resolutionpolicy.replay.ShadowLogSummary;
import org.resolutionpolicy.report.DiffPage;
import org.resolutionpolicy.report.ReportFormat;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code policy shadow-summary}: what a candidate tried in shadow changed on live traffic, as {@code policy diff}. */
@Command(name = "shadow-summary", mixinStandardHelpOptions = true,
        description = {"Summarise a shadow log (ShadowLog, resolution.policy.shadow.log.path) with the report of"
                + " policy diff: the serving policy is OLD, the candidate NEW, the cases those the candidate shadowed,"
                + " in traffic order.",
            "Agreements are counted from the log's tallies, refused cases are skipped lines. Of a log whose policies"
                + " reloaded, the report is of the latest pair of revisions; cases dropped under load are in no report"
                + " and said so on stderr.",
            "Exit code 0 when the candidate changes nothing, 1 when it does, 2 when the log cannot be read or a line"
                + " is not a shadow log line."})
final class ShadowSummaryCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "LOG", description = "the shadow log: JSON lines")
    Path log;

    @Option(names = "--format", paramLabel = "text|json|html", defaultValue = "text",
            description = "output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}); html is a "
                    + "self-contained page with charts")
    ReplayCommand.ReportFormat format;

    @Option(names = "--out", paramLabel = "FILE", description = "write the report to this file instead of stdout")
    Path out;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PolicyCli.existing(log);
        if (out != null && Files.isDirectory(out)) {
            throw new PolicyCli.UsageProblem("--out [" + out + "] is a directory: name a file to write the report to");
        }
        ShadowLogSummary summary;
        DiffReport report;
        try {
            summary = ShadowLogSummary.read(log);
            report = summary.report();
        } catch (HistoryException e) {
            // a log that cannot be read, a line of another kind, an empty log: bad input, exit 2
            throw new PolicyCli.UsageProblem(e.getMessage());
        }
        PrintWriter err = spec.commandLine().getErr();
        if (summary.reports().size() > 1) {
            err.println("policy: the log holds " + summary.reports().size() + " pairs of revisions; this report is "
                    + "of the latest, " + report.before().revision() + " -> " + report.after().revision()
                    + " (--format json of each pair: ShadowLogSummary.reports() from Java)");
        }
        if (summary.dropped() > 0) {
            err.println("policy: " + summary.dropped() + (summary.dropped() == 1 ? " case was" : " cases were")
                    + " dropped under load (the shadow's queue was full) and are in no report");
        }
        err.flush();
        ReplayCommand.HistoryOptions printer = new ReplayCommand.HistoryOptions();
        printer.out = out;
        printer.print(spec, switch (format) {
            case json -> JsonText.pretty(ReportFormat.json(report)) + "\n";
            case html -> DiffPage.of(report).html();
            case text -> ReportFormat.text(report);
        });
        return report.isEmpty() ? PolicyCli.OK : PolicyCli.NO;
    }
}
