package org.resolutionpolicy.report;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.resolutionpolicy.api.Outcome;
import org.resolutionpolicy.replay.BadLine;
import org.resolutionpolicy.replay.CaseRef;
import org.resolutionpolicy.replay.DiffReport;
import org.resolutionpolicy.replay.DiffReport.Transition;
import org.resolutionpolicy.replay.ReplayReport;
import org.resolutionpolicy.replay.ReplayReport.RemedyOutcomes;
import org.resolutionpolicy.replay.ReplayReport.Workload;

/**
 * Renders a replay's and a diff's report in text ({@code policy replay}, {@code policy diff}) and as the JSON tree of
 * {@code --format json}: with {@link ReplayPage} and {@link DiffPage} (HTML), the one home of a report's renderings,
 * for the CLI, the Spark job and any tool.
 */
public final class ReportFormat {

    /** How many of the rules that decided most the text lists; the JSON lists all. */
    static final int TOP_RULES = 10;

    private ReportFormat() {
    }

    // ---------------------------------------------------------------- replay, text

    /**
     * Returns a replay's report in text, as {@code policy replay} prints it.
     *
     * @param r the report
     * @return the text
     */
    public static String text(ReplayReport r) {
        return text(r, null);
    }

    /**
     * Returns a replay's report in text, as {@code policy replay} prints it, with the policy that was replayed: the
     * text then also lists the policy's rules that never decided a proposal of the history ({@link #neverDecided}).
     *
     * @param r the report
     * @param policy the policy replayed, or null when not known
     * @return the text
     */
    public static String text(ReplayReport r, org.resolutionpolicy.api.Policy policy) {
        StringBuilder out = new StringBuilder();
        out.append("replay of ").append(r.policy()).append(" (revision ").append(r.policy().revision()).append(") over ")
                .append(r.history()).append('\n');
        out.append("  ").append(r.cases()).append(" cases (").append(r.latitudeCases()).append(" latitude questions), ")
                .append(r.proposals()).append(" proposals, ").append(r.swatCases()).append(" cases sent to SWAT; ")
                .append(r.lines()).append(" lines").append(r.passedOver() > 0 ? ", " + r.passedOver() + " reload lines passed over" : "")
                .append('\n');
        String unit = r.granularity().name().toLowerCase(java.util.Locale.ROOT);
        if (r.timeline().first() != null) {
            out.append("  the history spans ").append(r.timeline().first()).append(" to ").append(r.timeline().last())
                    .append(", ").append(r.periods()).append(' ').append(unit).append(r.periods() == 1 ? "" : "s")
                    .append(" (every average is over them)\n");
        }
        badLines(out, r.skippedLines(), r.badLines());
        out.append("\noutcomes per remedy (proposals):\n");
        out.append(String.format("  %-20s %10s %10s %10s %10s%n", "remedy", "ALONE", "ESCALATE", "SWAT", "DENIED"));
        for (RemedyOutcomes o : r.remedies()) {
            out.append(String.format("  %-20s %10d %10d %10d %10d%n", o.remedy(), o.outcomes().get(Outcome.Kind.ALONE),
                    o.outcomes().get(Outcome.Kind.ESCALATE), o.outcomes().get(Outcome.Kind.SWAT),
                    o.outcomes().get(Outcome.Kind.DENIED)));
        }
        List<RemedyOutcomes> money = r.remedies().stream().filter(o -> !o.money().isEmpty()).toList();
        if (!money.isEmpty()) {
            out.append("\nmoney per remedy").append(Tables.in(r.currency())).append(":\n");
            out.append(String.format("  %-20s %12s %12s %12s %12s%n", "remedy", "alone", "escalated", "SWAT", "denied"));
            for (RemedyOutcomes o : money) {
                out.append(String.format("  %-20s %12s %12s %12s %12s%n", o.remedy(), amount(o.money().get(Outcome.Kind.ALONE)),
                        amount(o.money().get(Outcome.Kind.ESCALATE)), amount(o.money().get(Outcome.Kind.SWAT)),
                        amount(o.money().get(Outcome.Kind.DENIED))));
            }
        }
        String per = r.granularity().name().toLowerCase(java.util.Locale.ROOT);
        out.append("\nescalations per approver (cases to approve, per ").append(per).append(" of openedAt):\n");
        if (r.escalations().isEmpty()) {
            out.append("  (none)\n");
        }
        for (Workload w : r.escalations()) {
            out.append(String.format("  %-20s %8d", w.approver(), w.cases()));
            if (!w.byPeriod().isEmpty()) {
                Map.Entry<LocalDate, Long> busiest = w.byPeriod().entrySet().stream()
                        .max(Map.Entry.<LocalDate, Long>comparingByValue().thenComparing(Map.Entry.comparingByKey(
                                java.util.Comparator.reverseOrder()))).orElseThrow();
                out.append(String.format("  in %d of %d %ss, %s cases a %s, busiest %s: %d", w.byPeriod().size(),
                        r.periods(), per, ReplayPage.average(r.averagePerPeriod(w)), per, busiest.getKey(),
                        busiest.getValue()));
            }
            out.append(w.undated() > 0 ? ", " + w.undated() + " undated" : "").append('\n');
        }
        r.escalationsBy().forEach((fact, counts) -> counts(out, "escalated cases by " + fact, counts,
                Integer.MAX_VALUE));
        if (r.timeline().first() != null && r.swatCases() > 0) {
            out.append("\nSWAT cases per ").append(per).append(": ");
            out.append(r.timeline().swat().entrySet().stream().map(e -> e.getKey() + ": " + e.getValue())
                    .collect(Collectors.joining(", ")));
            out.append(r.timeline().swatUndated() > 0 ? ", " + r.timeline().swatUndated() + " undated" : "")
                    .append('\n');
        }
        counts(out, "SWAT routes by rule (proposals)", r.swatByRule(), Integer.MAX_VALUE);
        counts(out, "rules that decided most (proposals they were a reason for)", r.decidingRules(), TOP_RULES);
        List<String> never = policy == null ? null : neverDecided(r, policy);
        if (never != null) {
            out.append("\n").append(NEVER_DECIDED).append(":\n");
            out.append(never.isEmpty() ? "  (none: every rule decided a proposal)\n"
                    : never.stream().map(id -> "  " + id + "\n").collect(Collectors.joining()));
        }
        if (!r.severities().isEmpty()) {
            counts(out, "cases by the severity used", r.severities(), Integer.MAX_VALUE);
        }
        out.append("\nfollow-ups owed (follow-ups):\n");
        if (r.followUps().isEmpty()) {
            out.append("  (none)\n");
        }
        r.followUps().forEach(f -> out.append(String.format("  %8d  %s%s%n", f.count(), f.action(),
                f.owner() == null ? "" : " (" + f.owner() + ")")));
        return out.toString();
    }

    private static void badLines(StringBuilder out, long skipped, List<BadLine> lines) {
        if (skipped == 0) {
            return;
        }
        out.append("  skipped ").append(skipped).append(skipped == 1 ? " bad line" : " bad lines")
                .append(lines.size() < skipped ? " (the first " + lines.size() + " below)" : "").append(":\n");
        Tables.alike(lines).forEach(b -> out.append("    ").append(b).append('\n'));
    }

    /** Returns true if an edit moved cases between severities (a severity scale added or changed). */
    static boolean severitiesMove(DiffReport d) {
        return d.severities().stream().anyMatch(c -> c.before() != c.after());
    }

    private static void counts(StringBuilder out, String title, Map<String, Long> counts, int limit) {
        out.append('\n').append(title).append(":\n");
        if (counts.isEmpty()) {
            out.append("  (none)\n");
        }
        counts.entrySet().stream().limit(limit).forEach(e -> out.append(String.format("  %8d  %s%n", e.getValue(), e.getKey())));
        if (counts.size() > limit) {
            out.append("  ... and ").append(counts.size() - limit).append(" more\n");
        }
    }

    private static String amount(BigDecimal amount) {
        BigDecimal stripped = amount.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }

    // ---------------------------------------------------------------- replay, JSON

    /**
     * Returns a replay's report as the JSON tree of {@code policy replay --format json}.
     *
     * @param r the report
     * @return the tree, in the order of the format
     */
    public static Map<String, Object> json(ReplayReport r) {
        return json(r, null);
    }

    /**
     * Returns a replay's report as the JSON tree of {@code policy replay --format json}, with the policy that was
     * replayed: the tree then also has {@code neverDecided}, the policy's rules that never decided a proposal of the
     * history ({@link #neverDecided}).
     *
     * @param r the report
     * @param policy the policy replayed, or null when not known
     * @return the tree, in the order of the format
     */
    public static Map<String, Object> json(ReplayReport r, org.resolutionpolicy.api.Policy policy) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("policy", r.policy().id());
        json.put("version", r.policy().version());
        json.put("revision", r.policy().revision());
        json.put("history", r.history());
        if (r.currency() != null) {
            json.put("currency", r.currency());
        }
        json.put("lines", r.lines());
        json.put("cases", r.cases());
        json.put("proposals", r.proposals());
        json.put("latitudeCases", r.latitudeCases());
        json.put("swatCases", r.swatCases());
        json.put("passedOver", r.passedOver());
        json.put("skippedLines", r.skippedLines());
        json.put("badLines", badLines(r.badLines()));
        List<Object> remedies = new ArrayList<>();
        for (RemedyOutcomes o : r.remedies()) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("remedy", o.remedy());
            item.put("unit", o.unit().label());
            item.put("outcomes", byKind(o.outcomes()));
            if (!o.money().isEmpty()) {
                item.put("money", byKind(o.money()));
            }
            remedies.add(item);
        }
        json.put("remedies", remedies);
        json.put("granularity", r.granularity().name().toLowerCase(java.util.Locale.ROOT));
        List<Object> escalations = new ArrayList<>();
        for (Workload w : r.escalations()) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("approver", w.approver());
            item.put("cases", w.cases());
            item.put("undated", w.undated());
            Map<String, Object> periods = new LinkedHashMap<>();
            w.byPeriod().forEach((day, n) -> periods.put(day.toString(), n));
            item.put("byPeriod", periods);
            if (r.periods() > 0) {
                item.put("averagePerPeriod", new BigDecimal(ReplayPage.average(r.averagePerPeriod(w))));
            }
            escalations.add(item);
        }
        json.put("escalations", escalations);
        Map<String, Object> timeline = new LinkedHashMap<>();
        if (r.timeline().first() != null) {
            timeline.put("first", r.timeline().first().toString());
            timeline.put("last", r.timeline().last().toString());
        }
        timeline.put("periods", r.periods());
        Map<String, Object> casesPer = new LinkedHashMap<>();
        r.timeline().cases().forEach((day, n) -> casesPer.put(day.toString(), n));
        timeline.put("cases", casesPer);
        Map<String, Object> swatPer = new LinkedHashMap<>();
        r.timeline().swat().forEach((day, n) -> swatPer.put(day.toString(), n));
        timeline.put("swat", swatPer);
        timeline.put("swatUndated", r.timeline().swatUndated());
        json.put("timeline", timeline);
        json.put("escalationsBy", r.escalationsBy());
        json.put("swatByRule", r.swatByRule());
        json.put("decidingRules", r.decidingRules());
        List<String> never = policy == null ? null : neverDecided(r, policy);
        if (never != null) {
            json.put("neverDecided", never);
        }
        if (!r.severities().isEmpty()) {
            json.put("severities", r.severities());
        }
        List<Object> followUps = new ArrayList<>();
        r.followUps().forEach(f -> {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("action", f.action());
            if (f.owner() != null) {
                item.put("owner", f.owner());
            }
            item.put("count", f.count());
            followUps.add(item);
        });
        json.put("followUps", followUps);
        return json;
    }

    /** The title of the rules that never decided, the same in the text and on the page. */
    static final String NEVER_DECIDED = "rules that never decided (no proposal had them as a reason)";

    /**
     * Returns the policy's enabled rules, in policy order, that no proposal of the history had as a reason (none of
     * {@link ReplayReport#decidingRules()}): the one definition of "never decided" the text, the JSON and the page
     * share. A rule that only adds follow-ups is never a proposal's reason, so it is listed too.
     *
     * @return the rule ids, or null when the policy cannot describe its rules ({@link
     *         org.resolutionpolicy.api.Policy#authority()} unsupported)
     */
    public static List<String> neverDecided(ReplayReport r, org.resolutionpolicy.api.Policy policy) {
        try {
            return policy.authority().rules().stream().filter(org.resolutionpolicy.api.AuthorityTable.Rule::enabled)
                    .map(org.resolutionpolicy.api.AuthorityTable.Rule::id)
                    .filter(id -> !r.decidingRules().containsKey(id)).distinct().toList();
        } catch (UnsupportedOperationException e) {
            return null;
        }
    }

    private static Map<String, Object> byKind(Map<Outcome.Kind, ?> values) {
        Map<String, Object> json = new LinkedHashMap<>();
        values.forEach((k, v) -> json.put(k.name(), v));
        return json;
    }

    private static List<Object> badLines(List<BadLine> lines) {
        List<Object> json = new ArrayList<>();
        lines.forEach(b -> {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("line", b.line());
            item.put("message", b.message());
            json.add(item);
        });
        return json;
    }

    // ---------------------------------------------------------------- diff, text

    /**
     * Returns a diff's report in text, as {@code policy diff} prints it.
     *
     * @param d the report
     * @return the text
     */
    public static String text(DiffReport d) {
        StringBuilder out = new StringBuilder();
        out.append("diff of ").append(d.before()).append(" -> ").append(d.after()).append(" over ").append(d.history())
                .append('\n');
        out.append("  ").append(d.cases()).append(" cases, ").append(d.proposals()).append(" proposals; ");
        if (d.isEmpty()) {
            out.append("no change: the edit decides every case as before\n");
            badLines(out, d.skippedLines(), d.badLines());
            return out.toString();
        }
        out.append(d.changedCases()).append(" cases change (").append(d.changedProposals()).append(" proposals, ")
                .append(d.followUps().cases()).append(" cases' follow-ups, ").append(d.latitude().cases())
                .append(" latitude questions)\n");
        badLines(out, d.skippedLines(), d.badLines());
        if (!d.changes().isEmpty()) {
            out.append("\nchanged outcomes (remedy: before -> after, proposals, money, rules responsible, first cases):"
                    + "\n");
        }
        for (Transition t : d.changes()) {
            out.append(String.format("  %s: %s -> %s  %d", t.remedy(), t.from(), t.to(), t.count()));
            if (t.money().signum() != 0) {
                out.append("  money ").append(amount(t.money())).append(d.currency() == null ? "" : " " + d.currency());
            }
            out.append("  rules ").append(t.rules().entrySet().stream().map(e -> e.getKey() + " (" + e.getValue() + ")")
                    .collect(Collectors.joining(", ")));
            out.append("  e.g. ").append(samples(t.samples())).append('\n');
        }
        if (!d.money().isEmpty()) {
            out.append("\nmoney that moves").append(Tables.in(d.currency())).append(":\n");
            d.money().forEach(m -> out.append(String.format("  %s: newly alone %s, newly escalated %s, newly SWAT %s, "
                    + "newly denied %s%n", m.remedy(), amount(m.newlyAlone()), amount(m.newlyEscalated()),
                    amount(m.newlySwat()), amount(m.newlyDenied()))));
        }
        if (severitiesMove(d)) {
            out.append("\ncases by the severity used:\n");
            d.severities().forEach(c -> out.append(String.format("  %-20s %8d -> %-8d (%+d)%n", c.severity(),
                    c.before(), c.after(), c.after() - c.before())));
        }
        if (!d.workload().isEmpty()) {
            out.append("\nescalation workload (cases to approve):\n");
            d.workload().forEach(w -> out.append(String.format("  %-20s %8d -> %-8d (%+d)%n", w.approver(), w.before(),
                    w.after(), w.delta())));
        }
        if (d.followUps().cases() > 0) {
            out.append("\nfollow-ups change in ").append(d.followUps().cases()).append(" cases, e.g. ")
                    .append(samples(d.followUps().samples())).append(":\n");
            d.followUps().actions().forEach(a -> out.append(String.format("  %-28s +%d -%d%n", a.action(), a.added(),
                    a.removed())));
            if (!d.followUps().owners().isEmpty()) {
                out.append("  by owner:\n");
                d.followUps().owners().forEach(o -> out.append(String.format("  %-28s %-20s +%d -%d%n", o.action(),
                        o.owner() == null ? "(no owner)" : o.owner(), o.added(), o.removed())));
            }
        }
        if (d.latitude().cases() > 0) {
            out.append("\nlatitude changes in ").append(d.latitude().cases()).append(" cases without proposals, e.g. ")
                    .append(samples(d.latitude().samples())).append('\n');
        }
        return out.toString();
    }

    private static String samples(List<CaseRef> samples) {
        return samples.stream().map(CaseRef::toString).collect(Collectors.joining(", "));
    }

    // ---------------------------------------------------------------- diff, JSON

    /**
     * Returns a diff's report as the JSON tree of {@code policy diff --format json}.
     *
     * @param d the report
     * @return the tree, in the order of the format
     */
    public static Map<String, Object> json(DiffReport d) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("before", policy(d.before()));
        json.put("after", policy(d.after()));
        json.put("history", d.history());
        if (d.currency() != null) {
            json.put("currency", d.currency());
        }
        json.put("lines", d.lines());
        json.put("cases", d.cases());
        json.put("proposals", d.proposals());
        json.put("passedOver", d.passedOver());
        json.put("skippedLines", d.skippedLines());
        json.put("badLines", badLines(d.badLines()));
        json.put("changed", !d.isEmpty());
        json.put("changedCases", d.changedCases());
        json.put("changedProposals", d.changedProposals());
        List<Object> transitions = new ArrayList<>();
        for (Transition t : d.transitions()) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("remedy", t.remedy());
            item.put("from", outcome(t.from()));
            item.put("to", outcome(t.to()));
            item.put("changed", t.changed());
            item.put("count", t.count());
            item.put("money", t.money());
            item.put("samples", t.samples().stream().map(ReportFormat::ref).toList());
            item.put("rules", t.rules());
            transitions.add(item);
        }
        json.put("transitions", transitions);
        List<Object> money = new ArrayList<>();
        d.money().forEach(m -> {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("remedy", m.remedy());
            item.put("newlyAlone", m.newlyAlone());
            item.put("newlyEscalated", m.newlyEscalated());
            item.put("newlySwat", m.newlySwat());
            item.put("newlyDenied", m.newlyDenied());
            money.add(item);
        });
        json.put("money", money);
        List<Object> workload = new ArrayList<>();
        d.workload().forEach(w -> {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("approver", w.approver());
            item.put("before", w.before());
            item.put("after", w.after());
            item.put("delta", w.delta());
            workload.add(item);
        });
        json.put("workload", workload);
        if (severitiesMove(d)) {
            json.put("severities", d.severities().stream().map(c -> {
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("severity", c.severity());
                item.put("before", c.before());
                item.put("after", c.after());
                return (Object) item;
            }).toList());
        }
        Map<String, Object> followUps = new LinkedHashMap<>();
        followUps.put("cases", d.followUps().cases());
        followUps.put("samples", d.followUps().samples().stream().map(ReportFormat::ref).toList());
        followUps.put("actions", d.followUps().actions().stream().map(a -> {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("action", a.action());
            item.put("added", a.added());
            item.put("removed", a.removed());
            return (Object) item;
        }).toList());
        followUps.put("owners", d.followUps().owners().stream().map(o -> {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("action", o.action());
            if (o.owner() != null) {
                item.put("owner", o.owner());
            }
            item.put("added", o.added());
            item.put("removed", o.removed());
            return (Object) item;
        }).toList());
        json.put("followUps", followUps);
        Map<String, Object> latitude = new LinkedHashMap<>();
        latitude.put("cases", d.latitude().cases());
        latitude.put("samples", d.latitude().samples().stream().map(ReportFormat::ref).toList());
        json.put("latitude", latitude);
        return json;
    }

    private static Map<String, Object> policy(ReplayReport.PolicyId id) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("policy", id.id());
        json.put("version", id.version());
        json.put("revision", id.revision());
        return json;
    }

    /** Returns an outcome as decisions write it: {@code outcome}, and {@code approver} or {@code team}. */
    private static Map<String, Object> outcome(Outcome o) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("outcome", o.kind().name());
        if (o.approver() != null) {
            json.put("approver", o.approver());
        }
        if (o.team() != null) {
            json.put("team", o.team());
        }
        return json;
    }

    private static Map<String, Object> ref(CaseRef c) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("line", c.line());
        if (c.caseId() != null) {
            json.put("case", c.caseId());
        }
        return json;
    }
}
