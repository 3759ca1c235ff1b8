package org.resolutionpolicy.report;

import java.util.Map;
import org.resolutionpolicy.api.Outcome;
import org.resolutionpolicy.replay.DiffReport;
import org.resolutionpolicy.replay.ReplayReport;

/**
 * Writes a short plain-text summary of a report: a few lines a console shows at the end of a long job (the Spark
 * job prints it); {@link ReportFormat} renders the whole report.
 */
public final class ReportSummary {

    private ReportSummary() {
    }

    /**
     * Returns the summary of a replay.
     *
     * @param r the report
     * @return the text, lines ending in a line break
     */
    public static String text(ReplayReport r) {
        StringBuilder out = new StringBuilder();
        out.append("replay of ").append(r.history()).append(" by ").append(r.policy()).append(" (")
                .append(r.policy().revision()).append(")\n");
        out.append(String.format("lines %d, cases %d, proposals %d, latitude questions %d, SWAT cases %d, "
                + "passed over %d, bad lines skipped %d%n", r.lines(), r.cases(), r.proposals(), r.latitudeCases(),
                r.swatCases(), r.passedOver(), r.skippedLines()));
        out.append("outcomes per remedy (alone / escalate / swat / denied):\n");
        for (ReplayReport.RemedyOutcomes o : r.remedies()) {
            out.append(String.format("  %-20s %8d %8d %8d %8d", o.remedy(), o.outcomes().get(Outcome.Kind.ALONE),
                    o.outcomes().get(Outcome.Kind.ESCALATE), o.outcomes().get(Outcome.Kind.SWAT),
                    o.outcomes().get(Outcome.Kind.DENIED)));
            if (!o.money().isEmpty()) {
                out.append("   money").append(Tables.in(r.currency())).append(' ')
                        .append(o.money().get(Outcome.Kind.ALONE).toPlainString()).append(" / ")
                        .append(o.money().get(Outcome.Kind.ESCALATE).toPlainString()).append(" / ")
                        .append(o.money().get(Outcome.Kind.SWAT).toPlainString()).append(" / ")
                        .append(o.money().get(Outcome.Kind.DENIED).toPlainString());
            }
            out.append('\n');
        }
        out.append("escalated cases per approver:\n");
        r.escalations().forEach(w -> out.append(String.format("  %-20s %8d%n", w.approver(), w.cases())));
        counts(out, "SWAT routes by rule:", r.swatByRule());
        counts(out, "rules that decided most:", r.decidingRules());
        out.append("follow-ups owed:\n");
        r.followUps().forEach(f -> out.append(String.format("  %-28s %-16s %8d%n", f.action(),
                f.owner() == null ? "-" : f.owner(), f.count())));
        return out.toString();
    }

    /**
     * Returns the summary of a diff.
     *
     * @param d the report
     * @return the text, lines ending in a line break
     */
    public static String text(DiffReport d) {
        StringBuilder out = new StringBuilder();
        out.append("diff of ").append(d.history()).append(": ").append(d.before()).append(" (")
                .append(d.before().revision()).append(") -> ").append(d.after()).append(" (")
                .append(d.after().revision()).append(")\n");
        out.append(String.format("cases %d, proposals %d, changed cases %d, changed proposals %d, bad lines skipped %d%n",
                d.cases(), d.proposals(), d.changedCases(), d.changedProposals(), d.skippedLines()));
        if (d.isEmpty()) {
            return out.append("no case is decided differently\n").toString();
        }
        out.append("transitions:\n");
        for (DiffReport.Transition t : d.changes()) {
            out.append(String.format("  %-16s %-28s -> %-28s %8d  e.g. %s  rules %s%n", t.remedy(), t.from(), t.to(),
                    t.count(), t.samples(), t.rules().keySet()));
        }
        d.money().forEach(m -> out.append(String.format(
                "  money%s %-16s newly alone %s, escalated %s, swat %s, denied %s%n",
                Tables.in(d.currency()), m.remedy(), m.newlyAlone().toPlainString(), m.newlyEscalated().toPlainString(),
                m.newlySwat().toPlainString(), m.newlyDenied().toPlainString())));
        d.workload().forEach(w -> out.append(String.format("  workload %-20s %8d -> %8d (%+d)%n", w.approver(),
                w.before(), w.after(), w.delta())));
        out.append(String.format("  follow-ups change in %d cases, latitude in %d cases%n", d.followUps().cases(),
                d.latitude().cases()));
        return out.toString();
    }

    private static void counts(StringBuilder out, String title, Map<String, Long> counts) {
        out.append(title).append('\n');
        counts.forEach((k, n) -> out.append(String.format("  %-40s %8d%n", k, n)));
    }
}
