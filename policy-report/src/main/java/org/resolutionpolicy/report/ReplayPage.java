package org.resolutionpolicy.report;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.resolutionpolicy.api.Outcome;
import org.resolutionpolicy.replay.ReplayReport;
import org.resolutionpolicy.replay.ReplayReport.RemedyOutcomes;
import org.resolutionpolicy.replay.ReplayReport.Workload;

/**
 * Renders a {@link ReplayReport} as one self-contained page in the style of every report: a stacked-bar chart of
 * the outcomes per remedy, then the report's tables (outcomes and money per remedy, escalations per approver, SWAT
 * routes, the rules that decided most, follow-ups owed, bad lines skipped). The page has no script.
 *
 * <pre>{@code
 * ReplayPage.of(Replay.of(policy).run(History.of(Path.of("history.jsonl.gz")))).write(Path.of("replay.html"));
 * }</pre>
 */
public final class ReplayPage {

    /** The outcome kinds in lattice order, as the charts and tables show them. */
    static final List<Outcome.Kind> KINDS = List.of(Outcome.Kind.ALONE, Outcome.Kind.ESCALATE, Outcome.Kind.SWAT,
            Outcome.Kind.DENIED);

    private final ReplayReport report;

    private ReplayPage(ReplayReport report) {
        this.report = report;
    }

    /**
     * Returns the page of a replay report.
     *
     * @throws NullPointerException if report is null
     */
    public static ReplayPage of(ReplayReport report) {
        return new ReplayPage(Objects.requireNonNull(report, "report must not be null"));
    }

    /** Returns the page. */
    public HtmlPage page() {
        ReplayReport r = report;
        String per = r.granularity().name().toLowerCase(Locale.ROOT);
        return HtmlPage.builder("Replay: " + r.policy())
                .subtitle("revision " + r.policy().revision() + " \u00b7 history " + r.history()
                        + (r.currency() == null ? "" : " \u00b7 amounts in " + r.currency()))
                .footer("Outcomes and money count proposals; escalations count cases to approve; follow-ups count"
                        + " each follow-up of each decision.")
                .add(Html.tag("p").cls("summary").add(r.cases() + " cases (" + r.latitudeCases()
                        + " latitude questions), " + r.proposals() + " proposals, " + r.swatCases()
                        + " cases sent to SWAT; " + r.lines() + " lines"
                        + (r.passedOver() > 0 ? ", " + r.passedOver() + " reload lines passed over" : "") + ".").html())
                .add(Tables.badLines(r.skippedLines(), r.badLines()))
                .add(Tables.h2("Outcomes per remedy"))
                .add(Html.tag("div").cls("charts").add(Tables.figure("Proposals per remedy, by outcome",
                        Charts.stackedBars(KINDS.stream().map(Enum::name).toList(), bars()))).html())
                .add(outcomes())
                .add(money())
                .add(Tables.h2("Escalations per approver"))
                .add(escalations(per))
                .add(Tables.h2("SWAT routes by rule"))
                .add(Tables.counts("swat-routes", "rule", "proposals", r.swatByRule()))
                .add(Tables.h2("Rules that decided most"))
                .add(withSeverities(Tables.counts("deciding-rules", "rule", "proposals it was a reason for",
                        r.decidingRules())))
                .add(Tables.h2("Follow-ups owed"))
                .add(followUps())
                .build();
    }

    /** Returns a section followed by the cases per severity used, for a policy with a severity scale. */
    private Html withSeverities(Html before) {
        if (report.severities().isEmpty()) {
            return before;
        }
        return Html.concat(before, Tables.h2("Cases by the severity used"),
                Tables.counts("severities", "severity", "cases", report.severities()));
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

    private List<Charts.Bar> bars() {
        List<Charts.Bar> bars = new ArrayList<>();
        for (RemedyOutcomes o : report.remedies()) {
            bars.add(new Charts.Bar(o.remedy(), KINDS.stream().mapToDouble(k -> o.outcomes().getOrDefault(k, 0L))
                    .toArray()));
        }
        return bars;
    }

    private Html outcomes() {
        List<List<String>> rows = new ArrayList<>();
        for (RemedyOutcomes o : report.remedies()) {
            List<String> row = new ArrayList<>(List.of(o.remedy()));
            KINDS.forEach(k -> row.add(Long.toString(o.outcomes().getOrDefault(k, 0L))));
            row.add(Long.toString(o.total()));
            rows.add(row);
        }
        return Tables.table("outcomes", List.of("remedy", "ALONE", "ESCALATE", "SWAT", "DENIED", "total"), rows,
                1, 2, 3, 4, 5);
    }

    private Html money() {
        List<List<String>> rows = new ArrayList<>();
        for (RemedyOutcomes o : report.remedies()) {
            if (!o.money().isEmpty()) {
                List<String> row = new ArrayList<>(List.of(o.remedy()));
                KINDS.forEach(k -> row.add(Tables.amount(o.money().getOrDefault(k, BigDecimal.ZERO))));
                rows.add(row);
            }
        }
        if (rows.isEmpty()) {
            return Html.empty();
        }
        return Html.concat(Tables.h2("Money per remedy" + Tables.in(report.currency())), Tables.table("money",
                List.of("remedy", "granted alone", "escalated", "SWAT", "denied"), rows, 1, 2, 3, 4));
    }

    private Html escalations(String per) {
        if (report.escalations().isEmpty()) {
            return Tables.none();
        }
        List<List<String>> rows = new ArrayList<>();
        for (Workload w : report.escalations()) {
            String busiest = w.byPeriod().entrySet().stream()
                    .max(java.util.Map.Entry.<java.time.LocalDate, Long>comparingByValue()
                            .thenComparing(java.util.Map.Entry.comparingByKey(java.util.Comparator.reverseOrder())))
                    .map(e -> e.getKey() + ": " + e.getValue()).orElse("");
            String average = w.byPeriod().isEmpty() ? "" : String.format(Locale.ROOT, "%.1f",
                    (double) (w.cases() - w.undated()) / w.byPeriod().size());
            rows.add(List.of(w.approver(), Long.toString(w.cases()), Integer.toString(w.byPeriod().size()), average,
                    busiest, Long.toString(w.undated())));
        }
        return Tables.table("escalations", List.of("approver", "cases", per + "s", "a " + per, "busiest " + per,
                "undated"), rows, 1, 2, 3, 5);
    }

    private Html followUps() {
        if (report.followUps().isEmpty()) {
            return Tables.none();
        }
        return Tables.table("follow-ups", List.of("action", "owner", "owed"), report.followUps().stream()
                .map(f -> List.of(f.action(), f.owner() == null ? "" : f.owner(), Long.toString(f.count()))).toList(), 2);
    }
}
