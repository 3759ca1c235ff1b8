package org.resolutionpolicy.report;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.resolutionpolicy.api.Outcome;
import org.resolutionpolicy.api.Policy;
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
    /** The policy replayed, to name its rules that never decided; null when not known. */
    private final Policy policy;

    private ReplayPage(ReplayReport report, Policy policy) {
        this.report = report;
        this.policy = policy;
    }

    /**
     * Returns the page of a replay report.
     *
     * @throws NullPointerException if report is null
     */
    public static ReplayPage of(ReplayReport report) {
        return new ReplayPage(Objects.requireNonNull(report, "report must not be null"), null);
    }

    /**
     * Returns the page of a replay report with the policy that was replayed, so that the page also lists the rules
     * that never decided a proposal of the history.
     *
     * @throws NullPointerException if report or policy is null
     */
    public static ReplayPage of(ReplayReport report, Policy policy) {
        return new ReplayPage(Objects.requireNonNull(report, "report must not be null"),
                Objects.requireNonNull(policy, "policy must not be null"));
    }

    /** Returns the page. */
    public HtmlPage page() {
        ReplayReport r = report;
        String per = r.granularity().name().toLowerCase(Locale.ROOT);
        HtmlPage.Builder page = HtmlPage.builder("Replay: " + r.policy())
                .subtitle("revision " + r.policy().revision() + " \u00b7 history " + r.history()
                        + (r.currency() == null ? "" : " \u00b7 amounts in " + r.currency()))
                .footer(FIGURES)
                .add(Html.tag("p").cls("summary").add(summary(r, per)).html())
                .add(Tables.badLines(r.skippedLines(), r.badLines()))
                .add(Tables.h2("Outcomes per remedy (proposals)"))
                .add(Html.tag("div").cls("charts").add(Tables.figure("Proposals per remedy, by outcome",
                        Charts.stackedBars(KINDS.stream().map(Enum::name).toList(), bars()))).html())
                .add(outcomes())
                .add(money())
                .add(Tables.h2("Escalations per approver (cases to approve)"))
                .add(escalations(per))
                .add(timeline(per))
                .add(breakdowns())
                .add(Tables.h2("SWAT routes by rule (proposals)"))
                .add(Tables.counts("swat-routes", "rule", "proposals", r.swatByRule()))
                .add(Tables.h2("Rules that decided most (proposals)"))
                .add(withSeverities(Tables.counts("deciding-rules", "rule", "proposals it was a reason for",
                        r.decidingRules())))
                .add(neverDecided())
                .add(Tables.h2("Follow-ups owed (follow-ups)"))
                .add(followUps());
        return page.build();
    }

    /** What every figure of a replay counts, said once on the page (and in docs/history.md). */
    static final String FIGURES = "Outcomes, money and rules count proposals; escalations and SWAT count cases (a case"
            + " with two proposals for one approver is one case to approve); follow-ups count each follow-up of each"
            + " decision. Every average is over the periods the history spans, from its first day of openedAt to its"
            + " last, quiet periods included.";

    /** Returns the summary line: what was counted, and the span every average is over. */
    static String summary(ReplayReport r, String per) {
        ReplayReport.Timeline t = r.timeline();
        return r.cases() + " cases (" + r.latitudeCases() + " of them latitude questions) with " + r.proposals()
                + " proposals; " + r.swatCases() + " cases sent to SWAT; " + r.lines() + " lines"
                + (r.passedOver() > 0 ? ", " + r.passedOver() + " reload lines passed over" : "")
                + (t.first() == null ? "; no case states openedAt, so there are no averages per " + per + "."
                : "; the history spans " + t.first() + " to " + t.last() + ", " + r.periods() + " " + per
                + (r.periods() == 1 ? "" : "s") + ".");
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
                KINDS.forEach(k -> row.add(Tables.money(o.money().getOrDefault(k, BigDecimal.ZERO),
                        report.currency())));
                rows.add(row);
            }
        }
        if (rows.isEmpty()) {
            return Html.empty();
        }
        return Html.concat(Tables.h2("Money per remedy, by outcome" + Tables.in(report.currency())), Tables.table("money",
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
            rows.add(List.of(w.approver(), Long.toString(w.cases()), Integer.toString(w.byPeriod().size()),
                    report.periods() == 0 ? "" : average(report.averagePerPeriod(w)), busiest,
                    Long.toString(w.undated())));
        }
        return Tables.table("escalations", List.of("approver", "cases", per + "s with cases",
                "cases a " + per + " (over " + report.periods() + " " + per + "s)", "busiest " + per + " (cases)",
                "undated cases"), rows, 1, 2, 3, 5);
    }

    /** Returns an average with two decimals: 0.30, 1.50. */
    static String average(double average) {
        return String.format(Locale.ROOT, "%.2f", average);
    }

    /** Returns the time series of escalated cases per approver and of SWAT cases, over every period of the span. */
    private Html timeline(String per) {
        ReplayReport.Timeline t = report.timeline();
        List<java.time.LocalDate> starts = t.periodStarts(report.granularity());
        if (starts.isEmpty() || report.escalations().isEmpty() && t.swat().isEmpty()) {
            return Html.empty();
        }
        List<String> series = new ArrayList<>();
        List<double[]> values = new ArrayList<>();
        for (Workload w : report.escalations()) {
            series.add(w.approver());
            values.add(starts.stream().mapToDouble(d -> w.byPeriod().getOrDefault(d, 0L)).toArray());
        }
        series.add("SWAT");
        values.add(starts.stream().mapToDouble(d -> t.swat().getOrDefault(d, 0L)).toArray());
        return Html.tag("div").cls("charts").add(Tables.figure("Escalated cases per " + per + " and approver, and cases"
                + " sent to SWAT (cases; every " + per + " of the history, quiet ones at 0)",
                Charts.timeSeries(starts.stream().map(Object::toString).toList(), series,
                        values.toArray(double[][]::new)))).html();
    }

    /** Returns the escalated cases by remedy, requesting role, category and channel, side by side. */
    private Html breakdowns() {
        if (report.escalationsBy().isEmpty()) {
            return Html.empty();
        }
        Tag div = Html.tag("div").cls("charts");
        report.escalationsBy().forEach((fact, counts) -> div.add(Html.tag("section").cls("breakdown")
                .attr("data-breakdown", fact)
                .add(Html.tag("h3").add("by " + fact).html())
                .add(Tables.counts("escalations-by", fact, "escalated cases", counts)).html()));
        return Html.concat(Tables.h2("Escalated cases by remedy, requesting role, category and channel"), div.html());
    }

    /** Returns the policy's enabled rules that no proposal of the history had as a reason, when the policy is known. */
    private Html neverDecided() {
        if (policy == null) {
            return Html.empty();
        }
        List<String> never = ReportFormat.neverDecided(report, policy);
        if (never == null) {
            return Html.empty();
        }
        Html list = never.isEmpty() ? Html.tag("p").cls("muted").add("(none: every rule decided a proposal)").html()
                : Html.tag("ul").cls("never-decided").addAll(never.stream().map(id -> Html.tag("li")
                        .attr("data-rule", id).add(id).html()).toList()).html();
        String title = ReportFormat.NEVER_DECIDED;
        return Html.concat(Tables.h2(Character.toUpperCase(title.charAt(0)) + title.substring(1)), list);
    }

    private Html followUps() {
        if (report.followUps().isEmpty()) {
            return Tables.none();
        }
        return Tables.table("follow-ups", List.of("action", "owner", "follow-ups owed"), report.followUps().stream()
                .map(f -> List.of(f.action(), f.owner() == null ? "" : f.owner(), Long.toString(f.count()))).toList(), 2);
    }
}
