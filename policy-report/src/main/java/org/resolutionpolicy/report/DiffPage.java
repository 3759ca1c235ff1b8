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
        return HtmlPage.builder("Diff: " + d.before() + " \u2192 " + d.after())
                .subtitle("revisions " + d.before().revision() + " \u2192 " + d.after().revision() + " \u00b7 history "
                        + d.history() + (d.currency() == null ? "" : " \u00b7 amounts in " + d.currency()))
                .footer(FOOTER)
                .add(body())
                .build();
    }

    /** What the page counts, said once (and in docs/history.md). */
    static final String FOOTER = "Each proposal of the history decided by the policy before the edit and after it:"
            + " rows are the outcome before, columns the outcome after; the diagonal is what did not change."
            + " Outcomes and money count proposals; workload counts cases to approve; follow-ups count follow-ups.";

    /** Returns everything under the page's header: also the priced half of a matrix diff's page. */
    Html body() {
        DiffReport d = report;
        List<Html> page = new ArrayList<>();
        page.add(Html.tag("p").cls("summary").add(summary()).html());
        page.add(Tables.badLines(d.skippedLines(), d.badLines()));
        if (!d.transitions().isEmpty()) {
            page.add(Tables.h2("Transitions per remedy (proposals)"));
            page.add(heatMaps());
        }
        if (d.isEmpty()) {
            return Html.concat(page);
        }
        if (!d.changes().isEmpty()) {
            page.add(Tables.h2("Changed outcomes (proposals)"));
            page.add(changes());
        }
        if (!d.money().isEmpty()) {
            page.add(Tables.h2("Money that moves" + Tables.in(d.currency())));
            page.add(Tables.table("money-moves",
                    List.of("remedy", "newly alone", "newly escalated", "newly SWAT", "newly denied"),
                    d.money().stream().map(m -> List.of(m.remedy(), Tables.money(m.newlyAlone(), d.currency()),
                            Tables.money(m.newlyEscalated(), d.currency()), Tables.money(m.newlySwat(), d.currency()),
                            Tables.money(m.newlyDenied(), d.currency()))).toList(), 1, 2, 3, 4));
        }
        page.add(moneyPerOutcome());
        if (ReportFormat.severitiesMove(d)) {
            page.add(Tables.h2("Cases by the severity used"));
            page.add(Tables.table("severities",
                    List.of("severity", "cases before", "cases after", "change"),
                    d.severities().stream().map(c -> List.of(c.severity(), Long.toString(c.before()),
                            Long.toString(c.after()), String.format("%+d", c.after() - c.before()))).toList(), 1, 2, 3));
        }
        if (!d.workload().isEmpty()) {
            page.add(Tables.h2("Escalation workload (cases to approve)"));
            page.add(Tables.table("workload",
                    List.of("approver", "cases before", "cases after", "change"),
                    d.workload().stream().map(w -> List.of(w.approver(), Long.toString(w.before()),
                            Long.toString(w.after()), String.format("%+d", w.delta()))).toList(), 1, 2, 3));
            page.add(Html.tag("p").cls("muted").add("A case with two proposals for one approver is one case to"
                    + " approve.").html());
        }
        if (d.followUps().cases() > 0) {
            page.add(Tables.h2("Follow-ups that change"));
            page.add(Html.tag("p").add(d.followUps().cases() + " cases, e.g. "
                            + Tables.samples(d.followUps().samples())).html());
            page.add(Tables.table("follow-up-changes", List.of("action", "added (follow-ups)",
                                    "removed (follow-ups)"),
                            d.followUps().actions().stream().map(a -> List.of(a.action(), Long.toString(a.added()),
                                    Long.toString(a.removed()))).toList(), 1, 2));
            if (!d.followUps().owners().isEmpty()) {
                page.add(Html.tag("h3").add("Follow-ups that change, by owner").html());
                page.add(Tables.table("follow-up-owners", List.of("action", "owner", "added (follow-ups)",
                                        "removed (follow-ups)"),
                                d.followUps().owners().stream().map(o -> List.of(o.action(),
                                        o.owner() == null ? "(no owner)" : o.owner(), Long.toString(o.added()),
                                        Long.toString(o.removed()))).toList(), 2, 3));
            }
        }
        if (d.latitude().cases() > 0) {
            page.add(Tables.h2("Latitude that changes"));
            page.add(Html.tag("p").add(d.latitude().cases()
                    + " cases without proposals, e.g. " + Tables.samples(d.latitude().samples())).html());
        }
        return Html.concat(page);
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
        String counted = d.cases() + " cases, " + d.proposals() + " proposals of them; ";
        if (d.isEmpty()) {
            return counted + "no change: the edit decides every case as before.";
        }
        return counted + d.changedCases() + " cases change (" + d.changedProposals() + " proposals, "
                + d.followUps().cases() + " cases' follow-ups, " + d.latitude().cases() + " latitude questions).";
    }

    /**
     * Returns one heat map per remedy: outcome before by outcome after, in lattice order with approvers in ladder
     * order; the squares of changed outcomes are marked, so that what the edit moves is seen first.
     */
    private Html heatMaps() {
        Map<String, List<Transition>> byRemedy = report.transitions().stream()
                .collect(Collectors.groupingBy(Transition::remedy, LinkedHashMap::new, Collectors.toList()));
        List<Outcome> order = ladderOrder(report.transitions());
        Tag charts = Html.tag("div").cls("charts");
        byRemedy.forEach((remedy, transitions) -> {
            List<String> from = inOrder(order, transitions.stream().map(Transition::from).toList());
            List<String> to = inOrder(order, transitions.stream().map(Transition::to).toList());
            double[][] values = new double[from.size()][to.size()];
            boolean[][] changed = new boolean[from.size()][to.size()];
            for (Transition t : transitions) {
                int r = from.indexOf(t.from().toString());
                int c = to.indexOf(t.to().toString());
                values[r][c] += t.count();
                changed[r][c] |= t.changed();
            }
            charts.add(Html.tag("div").attr("data-remedy", remedy).add(Tables.figure(remedy
                    + ": proposals, outcome before (rows) \u2192 after (columns); changed outcomes outlined",
                    Charts.heatMap(from, to, values, null, changed))).html());
        });
        return charts.html();
    }

    /**
     * Returns every outcome of the transitions in the report's order: the report sorts them in lattice order with
     * approvers in ladder order, before and after within each remedy, so each list it gives is in that order, and a
     * stable merge of those lists (a topological sort) is too; kinds break the remaining ties.
     */
    static List<Outcome> ladderOrder(List<Transition> transitions) {
        List<List<Outcome>> chains = new ArrayList<>();
        Map<String, List<Transition>> byRemedy = transitions.stream()
                .collect(Collectors.groupingBy(Transition::remedy, LinkedHashMap::new, Collectors.toList()));
        for (List<Transition> ts : byRemedy.values()) {
            chains.add(ts.stream().map(Transition::from).distinct().toList());
            Map<Outcome, List<Outcome>> tos = new LinkedHashMap<>();
            ts.forEach(t -> tos.computeIfAbsent(t.from(), f -> new ArrayList<>()).add(t.to()));
            chains.addAll(tos.values());
        }
        Map<Outcome, java.util.Set<Outcome>> before = new LinkedHashMap<>();
        for (List<Outcome> chain : chains) {
            for (int i = 0; i < chain.size(); i++) {
                before.computeIfAbsent(chain.get(i), o -> new java.util.LinkedHashSet<>());
                if (i > 0) {
                    before.get(chain.get(i)).add(chain.get(i - 1));
                }
            }
        }
        List<Outcome> sorted = new ArrayList<>();
        while (sorted.size() < before.size()) {
            Outcome next = before.keySet().stream().filter(o -> !sorted.contains(o))
                    .filter(o -> sorted.containsAll(before.get(o)))
                    .min(java.util.Comparator.comparing(Outcome::kind)).orElse(null);
            if (next == null) {
                // not ordered consistently (a hand-built report): the rest by kind, as they came
                before.keySet().stream().filter(o -> !sorted.contains(o))
                        .sorted(java.util.Comparator.comparing(Outcome::kind)).forEach(sorted::add);
                break;
            }
            sorted.add(next);
        }
        return sorted;
    }

    private static List<String> inOrder(List<Outcome> order, List<Outcome> outcomes) {
        return order.stream().filter(outcomes::contains).map(Outcome::toString).distinct().toList();
    }

    /**
     * Returns, per money remedy, the amounts of each kind of outcome before the edit and after it: what each kind
     * costs on both sides, of which "money that moves" is the change.
     */
    private Html moneyPerOutcome() {
        Map<String, java.math.BigDecimal[][]> sums = new LinkedHashMap<>();
        for (Transition t : report.transitions()) {
            if (t.money().signum() != 0) {
                java.math.BigDecimal[][] s = sums.computeIfAbsent(t.remedy(), r -> new java.math.BigDecimal[][] {
                        zeros(), zeros()});
                s[0][t.from().kind().ordinal()] = s[0][t.from().kind().ordinal()].add(t.money());
                s[1][t.to().kind().ordinal()] = s[1][t.to().kind().ordinal()].add(t.money());
            }
        }
        if (sums.isEmpty()) {
            return Html.empty();
        }
        List<List<String>> rows = new ArrayList<>();
        sums.forEach((remedy, s) -> {
            for (int side = 0; side < 2; side++) {
                List<String> row = new ArrayList<>(List.of(remedy, side == 0 ? "before" : "after"));
                for (Outcome.Kind k : ReplayPage.KINDS) {
                    row.add(Tables.money(s[side][k.ordinal()], report.currency()));
                }
                rows.add(row);
            }
        });
        return Html.concat(Tables.h2("Money per outcome, before and after" + Tables.in(report.currency())),
                Tables.table("money-per-outcome", List.of("remedy", "policy", "granted alone", "escalated", "SWAT",
                        "denied"), rows, 2, 3, 4, 5));
    }

    private static java.math.BigDecimal[] zeros() {
        java.math.BigDecimal[] z = new java.math.BigDecimal[Outcome.Kind.values().length];
        java.util.Arrays.fill(z, java.math.BigDecimal.ZERO);
        return z;
    }

    private Html changes() {
        List<List<String>> rows = new ArrayList<>();
        for (Transition t : report.changes()) {
            rows.add(List.of(t.remedy(), t.from().toString(), t.to().toString(), Long.toString(t.count()),
                    t.money().signum() == 0 ? "" : Tables.money(t.money(), report.currency()),
                    t.rules().entrySet().stream().map(e -> e.getKey() + " (" + e.getValue() + ")")
                            .collect(Collectors.joining(", ")),
                    Tables.samples(t.samples())));
        }
        return Tables.table("changes", List.of("remedy", "before", "after", "proposals",
                "money of those proposals", "rules responsible (proposals)",
                "first cases"), rows, 3, 4);
    }
}
