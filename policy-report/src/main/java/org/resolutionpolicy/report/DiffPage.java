package org.resolutionpolicy.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.resolutionpolicy.api.Outcome;
import org.resolutionpolicy.replay.DiffReport;
import org.resolutionpolicy.replay.DiffReport.Transition;

/**
 * Renders a {@link DiffReport} as one self-contained page in the style of every report: per remedy a heat map of the
 * transitions from the outcome before the edit (rows) to the outcome after it (columns), then the report's tables
 * (changed outcomes with their rules and sample cases, the money that moves, each role's escalation workload, the
 * follow-ups and latitude questions that change). An empty diff says so. The page has no script.
 *
 * <pre>{@code
 * DiffPage.of(Diff.of(old, edited).run(History.of(Path.of("history.jsonl.gz")))).write(Path.of("diff.html"));
 * }</pre>
 */
public final class DiffPage {

    private final DiffReport report;

    private DiffPage(DiffReport report) {
        this.report = report;
    }

    /**
     * Returns the page of a diff report.
     *
     * @throws NullPointerException if report is null
     */
    public static DiffPage of(DiffReport report) {
        return new DiffPage(Objects.requireNonNull(report, "report must not be null"));
    }

    /** Returns the page. */
    public HtmlPage page() {
        DiffReport d = report;
        HtmlPage.Builder page = HtmlPage.builder("Diff: " + d.before() + " \u2192 " + d.after())
                .subtitle("revisions " + d.before().revision() + " \u2192 " + d.after().revision() + " \u00b7 history "
                        + d.history() + (d.currency() == null ? "" : " \u00b7 amounts in " + d.currency()))
                .footer("Each proposal of the history decided by the policy before the edit and after it: rows are"
                        + " the outcome before, columns the outcome after; the diagonal is what did not change.")
                .add(Html.tag("p").cls("summary").add(summary()).html())
                .add(Tables.badLines(d.skippedLines(), d.badLines()));
        if (!d.transitions().isEmpty()) {
            page.add(Tables.h2("Transitions per remedy")).add(heatMaps());
        }
        if (d.isEmpty()) {
            return page.build();
        }
        page.add(Tables.h2("Changed outcomes")).add(changes());
        if (!d.money().isEmpty()) {
            page.add(Tables.h2("Money that moves" + Tables.in(d.currency()))).add(Tables.table("money-moves",
                    List.of("remedy", "newly alone", "newly escalated", "newly SWAT", "newly denied"),
                    d.money().stream().map(m -> List.of(m.remedy(), Tables.amount(m.newlyAlone()),
                            Tables.amount(m.newlyEscalated()), Tables.amount(m.newlySwat()),
                            Tables.amount(m.newlyDenied()))).toList(), 1, 2, 3, 4));
        }
        if (ReportFormat.severitiesMove(d)) {
            page.add(Tables.h2("Cases by the severity used")).add(Tables.table("severities",
                    List.of("severity", "cases before", "cases after", "change"),
                    d.severities().stream().map(c -> List.of(c.severity(), Long.toString(c.before()),
                            Long.toString(c.after()), String.format("%+d", c.after() - c.before()))).toList(), 1, 2, 3));
        }
        if (!d.workload().isEmpty()) {
            page.add(Tables.h2("Escalation workload")).add(Tables.table("workload",
                    List.of("approver", "cases before", "cases after", "change"),
                    d.workload().stream().map(w -> List.of(w.approver(), Long.toString(w.before()),
                            Long.toString(w.after()), String.format("%+d", w.delta()))).toList(), 1, 2, 3));
        }
        if (d.followUps().cases() > 0) {
            page.add(Tables.h2("Follow-ups that change"))
                    .add(Html.tag("p").add(d.followUps().cases() + " cases, e.g. "
                            + Tables.samples(d.followUps().samples())).html())
                    .add(Tables.table("follow-up-changes", List.of("action", "added", "removed"),
                            d.followUps().actions().stream().map(a -> List.of(a.action(), Long.toString(a.added()),
                                    Long.toString(a.removed()))).toList(), 1, 2));
        }
        if (d.latitude().cases() > 0) {
            page.add(Tables.h2("Latitude that changes")).add(Html.tag("p").add(d.latitude().cases()
                    + " cases without proposals, e.g. " + Tables.samples(d.latitude().samples())).html());
        }
        return page.build();
    }

    /** Returns the page's HTML. */
    public String html() {
        return page().html();
    }

    /**
     * Writes the page as UTF-8, creating the parent directories.
     *
     * @throws java.io.UncheckedIOException if it cannot be written
     */
    public void write(Path file) {
        page().write(file);
    }

    private String summary() {
        DiffReport d = report;
        String counted = d.cases() + " cases, " + d.proposals() + " proposals; ";
        if (d.isEmpty()) {
            return counted + "no change: the edit decides every case as before.";
        }
        return counted + d.changedCases() + " cases change (" + d.changedProposals() + " proposals, "
                + d.followUps().cases() + " cases' follow-ups, " + d.latitude().cases() + " latitude questions).";
    }

    /** Returns one heat map per remedy: outcome before by outcome after, in the report's (lattice) order. */
    private Html heatMaps() {
        Map<String, List<Transition>> byRemedy = report.transitions().stream()
                .collect(Collectors.groupingBy(Transition::remedy, LinkedHashMap::new, Collectors.toList()));
        Tag charts = Html.tag("div").cls("charts");
        byRemedy.forEach((remedy, transitions) -> {
            List<String> from = distinct(transitions.stream().map(Transition::from).toList());
            List<String> to = distinct(transitions.stream().map(Transition::to).toList());
            double[][] values = new double[from.size()][to.size()];
            for (Transition t : transitions) {
                values[from.indexOf(t.from().toString())][to.indexOf(t.to().toString())] += t.count();
            }
            charts.add(Html.tag("div").attr("data-remedy", remedy).add(Tables.figure(remedy
                    + ": before (rows) \u2192 after (columns), proposals", Charts.heatMap(from, to, values, null)))
                    .html());
        });
        return charts.html();
    }

    private static List<String> distinct(List<Outcome> outcomes) {
        return outcomes.stream().sorted(java.util.Comparator.comparing(Outcome::kind)
                .thenComparing(Outcome::toString)).map(Outcome::toString).distinct().toList();
    }

    private Html changes() {
        List<List<String>> rows = new ArrayList<>();
        for (Transition t : report.changes()) {
            rows.add(List.of(t.remedy(), t.from().toString(), t.to().toString(), Long.toString(t.count()),
                    t.money().signum() == 0 ? "" : Tables.amount(t.money()),
                    t.rules().entrySet().stream().map(e -> e.getKey() + " (" + e.getValue() + ")")
                            .collect(Collectors.joining(", ")),
                    Tables.samples(t.samples())));
        }
        return Tables.table("changes", List.of("remedy", "before", "after", "proposals",
                "money" + Tables.in(report.currency()), "rules responsible",
                "first cases"), rows, 3, 4);
    }
}
