package org.resolutionpolicy.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.resolutionpolicy.api.AuthorityTable;
import org.resolutionpolicy.api.Policy;
import org.resolutionpolicy.model.ModelledPolicy;
import org.resolutionpolicy.model.Validity;
import java.time.Instant;
import org.resolutionpolicy.replay.DiffReport;

/**
 * Renders what an edit changes in a policy's authority matrix as one self-contained page, the page an owner signs:
 * per remedy the grid of role by severity with every changed cell highlighted and its value before the edit struck
 * through, then the changes cell by cell (for every tier and category the rules compare with), the changes to each
 * role's limit, per-customer window, approver beyond and grants, and the rules added, removed or changed (deny, SWAT
 * routes, require, grants, follow-ups). Given a {@link DiffReport} of a history, the priced replay diff of the same
 * edit stands beside it. The page has no script.
 *
 * <p>Both policies decide every cell as {@link AuthorityMatrix} does, so a changed cell is a change of what deciding
 * says, for YAML, DRL and mixed policies alike.
 *
 * <pre>{@code
 * MatrixDiffPage.of(policy, edited).withHistory(Diff.of(policy, edited).run(history)).write(Path.of("sign.html"));
 * }</pre>
 */
public final class MatrixDiffPage {

    /**
     * One cell that differs: what a role may grant alone at a severity, for a tier and category, before and after.
     *
     * @param remedy the remedy
     * @param role the role
     * @param severity the severity
     * @param tier the customer tier, or null for any other
     * @param category the category, or null for any other
     * @param before the cell before the edit, or null when the remedy, role or severity did not exist
     * @param after the cell after it, or null when it no longer exists
     */
    public record CellChange(String remedy, String role, String severity, String tier, String category,
                             AuthorityMatrix.Cell before, AuthorityMatrix.Cell after) {
    }

    /**
     * One change of the authority as written or of a rule.
     *
     * @param subject what changed: {@code refund / barista}, or a rule id
     * @param what which part: {@code limit}, {@code per customer}, {@code beyond}, {@code grants}, {@code rule}
     * @param before the part before the edit, or empty when it is new
     * @param after the part after it, or empty when it is gone
     */
    public record Change(String subject, String what, String before, String after) {
    }

    private final AuthorityMatrix before;
    private final AuthorityMatrix after;
    private final DiffReport history;
    private final List<String> remedies;
    private final List<String> roles;
    private final List<String> severities;
    private final List<String> tiers;
    private final List<String> categories;
    private final List<CellChange> cells;
    /** For dated versions, the diff of each period whose versions are in force together; empty otherwise. */
    private final List<Period> periods;

    /**
     * What an edit changes while one version of each side is in force: for policies of dated versions, each period
     * between the dates either side's versions start or end.
     *
     * @param period the period in words: {@code from 2026-04-01 until 2026-07-01}, or {@code from 2027-01-01 on}
     * @param beforeVersion the version in force before the edit, or null when none is
     * @param afterVersion the version in force after it, or null when none is
     * @param changedCells the cells that differ in that period (empty when a side has no version in force)
     */
    public record Period(String period, String beforeVersion, String afterVersion, List<CellChange> changedCells) {

        /** Creates a period, copying the cells. */
        public Period {
            Objects.requireNonNull(period, "period must not be null");
            changedCells = List.copyOf(changedCells);
        }
    }

    /** A period's diff with its page part: null diff when a side has no version in force then. */
    private record Dated(Period period, MatrixDiffPage diff) {
    }

    private final List<Dated> dated;

    private MatrixDiffPage(AuthorityMatrix before, AuthorityMatrix after, DiffReport history) {
        this(before, after, history, List.of());
    }

    private MatrixDiffPage(AuthorityMatrix before, AuthorityMatrix after, DiffReport history, List<Dated> dated) {
        this.dated = dated;
        this.periods = dated.stream().map(Dated::period).toList();
        this.before = before;
        this.after = after;
        this.history = history;
        this.remedies = union(names(after.authority()), names(before.authority()));
        this.roles = union(after.authority().roles(), before.authority().roles());
        this.severities = union(after.authority().severities(), before.authority().severities());
        this.tiers = withOther(union(after.tiers(), before.tiers()));
        this.categories = withOther(union(after.categories(), before.categories()));
        List<CellChange> changes = new ArrayList<>();
        for (String remedy : remedies) {
            for (String role : roles) {
                for (String severity : severities) {
                    for (String tier : tiers) {
                        for (String category : categories) {
                            AuthorityMatrix.Cell b = before.find(remedy, role, severity, tier, category);
                            AuthorityMatrix.Cell a = after.find(remedy, role, severity, tier, category);
                            if (!Objects.equals(a, b)) {
                                changes.add(new CellChange(remedy, role, severity, tier, category, b, a));
                            }
                        }
                    }
                }
            }
        }
        if (!dated.isEmpty()) {
            changes.clear();
            dated.forEach(d -> changes.addAll(d.period().changedCells()));
        }
        this.cells = List.copyOf(changes);
    }

    /**
     * Returns the page of what an edit changes in the matrix.
     *
     * @param before the policy as it is
     * @param after the policy as edited
     * @throws NullPointerException if a policy is null
     * @throws UnsupportedOperationException if a policy cannot describe its authority
     */
    public static MatrixDiffPage of(Policy before, Policy after) {
        Objects.requireNonNull(before, "before must not be null");
        Objects.requireNonNull(after, "after must not be null");
        List<ModelledPolicy> was = versions(before);
        List<ModelledPolicy> now = versions(after);
        AuthorityMatrix whole = AuthorityMatrix.of(before);
        AuthorityMatrix edited = AuthorityMatrix.of(after);
        if (was.size() <= 1 && now.size() <= 1) {
            return of(whole, edited);
        }
        return new MatrixDiffPage(whole, edited, null, dated(before, after, was, now));
    }

    /** Returns a policy's dated versions, earliest first; none for a policy that publishes no model. */
    private static List<ModelledPolicy> versions(Policy policy) {
        try {
            return ModelledPolicy.of(policy).versions();
        } catch (IllegalArgumentException e) {
            return List.of();
        }
    }

    /**
     * Returns the diff of each period between the dates either side's versions start or end: the versions of both
     * sides in force together, decided for cases opened on the period's first day (or the last instant before the
     * first date, for the period before it).
     */
    private static List<Dated> dated(Policy before, Policy after, List<ModelledPolicy> was, List<ModelledPolicy> now) {
        java.util.TreeSet<Instant> bounds = new java.util.TreeSet<>();
        for (List<ModelledPolicy> side : List.of(was, now)) {
            for (ModelledPolicy v : side) {
                Validity validity = v.model().validity();
                if (validity != null && validity.from() != null) {
                    bounds.add(validity.from());
                }
                if (validity != null && validity.until() != null) {
                    bounds.add(validity.until());
                }
            }
        }
        MatrixFacts facts = AuthorityMatrix.facts(List.of(before, after));
        List<Instant> points = new ArrayList<>(bounds);
        List<Dated> out = new ArrayList<>();
        for (int i = -1; i < points.size(); i++) {
            Instant from = i < 0 ? null : points.get(i);
            Instant until = i + 1 < points.size() ? points.get(i + 1) : null;
            Instant at = from != null ? from : until.minusSeconds(1);
            ModelledPolicy b = inForce(was, at);
            ModelledPolicy a = inForce(now, at);
            if (b == null && a == null) {
                continue;
            }
            String period = period(from, until, b != null ? b : a);
            if (b == null || a == null) {
                out.add(new Dated(new Period(period, b == null ? null : b.version(), a == null ? null : a.version(),
                        List.of()), null));
                continue;
            }
            MatrixDiffPage diff = new MatrixDiffPage(AuthorityMatrix.of(b, at, facts), AuthorityMatrix.of(a, at, facts),
                    null);
            out.add(new Dated(new Period(period, b.version(), a.version(), diff.changedCells()), diff));
        }
        return List.copyOf(out);
    }

    private static ModelledPolicy inForce(List<ModelledPolicy> versions, Instant at) {
        for (ModelledPolicy v : versions) {
            Validity validity = v.model().validity();
            if (validity == null || validity.covers(at)) {
                return v;
            }
        }
        return null;
    }

    private static String period(Instant from, Instant until, ModelledPolicy any) {
        Validity validity = any.model().validity();
        java.time.ZoneId zone = validity == null || validity.zone() == null ? java.time.ZoneOffset.UTC
                : validity.zone();
        if (from == null) {
            return "until " + Validity.show(until, zone);
        }
        return "from " + Validity.show(from, zone) + (until == null ? " on" : " until " + Validity.show(until, zone));
    }

    /**
     * Returns, for policies of dated versions, what the edit changes in each period between the dates either side's
     * versions start or end, in date order; empty for policies of one version each (then {@link #changedCells()}
     * is the whole diff).
     */
    public List<Period> periods() {
        return periods;
    }

    /**
     * Returns the page of what changes between two matrices.
     *
     * @throws NullPointerException if a matrix is null
     */
    public static MatrixDiffPage of(AuthorityMatrix before, AuthorityMatrix after) {
        return new MatrixDiffPage(Objects.requireNonNull(before, "before must not be null"),
                Objects.requireNonNull(after, "after must not be null"), null);
    }

    /**
     * Returns this page with the priced replay diff of the same edit beside the matrix's changes.
     *
     * @param report the diff of the two policies over a history
     * @throws NullPointerException if report is null
     */
    public MatrixDiffPage withHistory(DiffReport report) {
        return new MatrixDiffPage(before, after, Objects.requireNonNull(report, "report must not be null"), dated);
    }

    /** Returns every cell that differs, in policy order of remedies, ladder order of roles, then severities. */
    public List<CellChange> changedCells() {
        return cells;
    }

    /** Returns the changes to each role's authority as written: limit, per-customer window, beyond, grants. */
    public List<Change> authorityChanges() {
        List<Change> changes = new ArrayList<>();
        for (String remedy : remedies) {
            for (String role : roles) {
                AuthorityTable.Role b = role(before.authority(), remedy, role);
                AuthorityTable.Role a = role(after.authority(), remedy, role);
                String subject = remedy + " / " + role;
                compare(changes, subject, "limit per grant", b == null ? "" : b.perGrantText(),
                        a == null ? "" : a.perGrantText());
                compare(changes, subject, "per customer", b == null || b.window() == null ? "" : b.window().text(),
                        a == null || a.window() == null ? "" : a.window().text());
                compare(changes, subject, "beyond", b == null ? "" : b.beyond().toString(),
                        a == null ? "" : a.beyond().toString());
                compare(changes, subject, "grants", b == null ? "" : grants(b), a == null ? "" : grants(a));
            }
        }
        return changes;
    }

    /** Returns the rules added, removed or changed: effect, role, limit, remedies, condition, because, follow-up. */
    public List<Change> ruleChanges() {
        Map<String, AuthorityTable.Rule> was = rules(before.authority());
        Map<String, AuthorityTable.Rule> now = rules(after.authority());
        List<Change> changes = new ArrayList<>();
        for (String id : union(new ArrayList<>(now.keySet()), new ArrayList<>(was.keySet()))) {
            compare(changes, id, "rule", was.containsKey(id) ? describe(was.get(id)) : "",
                    now.containsKey(id) ? describe(now.get(id)) : "");
        }
        return changes;
    }

    /** Returns the page. */
    public HtmlPage page() {
        Policy b = before.policy();
        Policy a = after.policy();
        List<Change> authority = authorityChanges();
        List<Change> rules = ruleChanges();
        HtmlPage.Builder page = HtmlPage.builder("Matrix diff: " + b.id() + " " + b.version() + " \u2192 " + a.id()
                        + " " + a.version())
                .subtitle("revisions " + b.revision() + " \u2192 " + a.revision()
                        + (history == null ? "" : " \u00b7 priced over " + history.history()))
                .footer("Each cell is what the policy decides for a plain case of that severity asked by that role,"
                        + " before and after the edit; a highlighted cell changed, for some tier or category at"
                        + " least, its value before struck through.");
        Html matrix = dated.isEmpty() ? body(authority, rules) : datedBody();
        if (history == null) {
            return page.add(matrix).build();
        }
        return page.add(Html.tag("div").cls("side-by-side")
                .add(Html.tag("section").cls("matrix-changes").add(Tables.h2("The matrix, cell by cell")).add(matrix)
                        .html())
                .add(Html.tag("section").cls("priced").add(Tables.h2("Priced over the history " + history.history()))
                        .add(DiffPage.of(history).body()).html())
                .html()).build();
    }

    /** Returns one section per period of dated versions, each with its versions and what the edit changes in it. */
    private Html datedBody() {
        List<Html> out = new ArrayList<>();
        Tag list = Html.tag("ul").cls("periods");
        for (Dated d : dated) {
            Period p = d.period();
            list.add(Html.tag("li").add(Html.tag("b").add(p.period()).html()).add(": " + versions(p) + ", "
                    + (d.diff() == null ? "not compared" : p.changedCells().size() + " cells change")).html());
        }
        out.add(Html.tag("p").add("The versions in force together, period by period (a case is decided by the"
                + " version in force when it was opened):").html());
        out.add(list.html());
        for (int i = 0; i < dated.size(); i++) {
            Dated d = dated.get(i);
            Period p = d.period();
            Tag section = Html.tag("section").cls("period").attr("id", "period-" + (i + 1))
                    .attr("data-period", p.period())
                    .add(Html.tag("h2").add(p.period() + " \u00b7 " + versions(p)).html());
            if (d.diff() == null) {
                section.add(Html.tag("p").cls("summary").add((p.beforeVersion() == null ? "Before the edit" : "After"
                        + " the edit") + " no version is in force in this period: every case opened then is "
                        + (p.beforeVersion() == null ? "newly decided by the edit." : "no longer decided.")).html());
            } else {
                section.add(d.diff().body(d.diff().authorityChanges(), d.diff().ruleChanges()));
            }
            out.add(section.html());
        }
        return Html.concat(out);
    }

    private static String versions(Period p) {
        return "version " + (p.beforeVersion() == null ? "(none)" : p.beforeVersion()) + " \u2192 "
                + (p.afterVersion() == null ? "(none)" : p.afterVersion());
    }

    /** Returns the matrix part of the page: summary, grids, changed cells, authority and rule changes. */
    private Html body(List<Change> authority, List<Change> rules) {
        return Html.concat(
                Html.tag("p").cls("summary").add(summary(authority, rules)).html(),
                grids(),
                cellTable(),
                changeTable("What changed in the authority as written", "authority-changes", authority,
                        List.of("remedy / role", "part", "before", "after")),
                changeTable("Rules added, removed or changed (deny, SWAT, require, grants, follow-ups)", "rule-changes",
                        rules, List.of("rule", "part", "before", "after")));
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

    private String summary(List<Change> authority, List<Change> rules) {
        if (cells.isEmpty() && authority.isEmpty() && rules.isEmpty()) {
            return "No change: every cell, limit, window, grant and rule is as before.";
        }
        long plain = cells.stream().filter(c -> c.tier() == null && c.category() == null).count();
        return cells.size() + " cells change (" + plain + " of them for any tier and category), "
                + authority.size() + " parts of the authority as written, " + rules.size() + " rules.";
    }

    /** Returns one grid per remedy: the cell after the edit, highlighted with its value before when it changed. */
    private Html grids() {
        List<Html> out = new ArrayList<>();
        for (String remedy : remedies) {
            Tag head = Html.tag("tr").add(Html.tag("th").add("role").html());
            severities.forEach(s -> head.add(Html.tag("th").add(s).html()));
            Tag body = Html.tag("tbody");
            for (String role : roles) {
                Tag row = Html.tag("tr").add(Html.tag("th").add(role).html());
                for (String severity : severities) {
                    row.add(cell(remedy, role, severity));
                }
                body.add(row.html());
            }
            out.add(Html.tag("section").cls("remedy").attr("data-remedy", remedy)
                    .add(Html.tag("h3").add(remedy).html())
                    .add(Html.tag("table").cls("grid").attr("data-remedy", remedy)
                            .add(Html.tag("thead").add(head.html()).html()).add(body.html()).html()).html());
        }
        return Html.concat(out);
    }

    private Html cell(String remedy, String role, String severity) {
        AuthorityMatrix.Cell b = before.find(remedy, role, severity, null, null);
        AuthorityMatrix.Cell a = after.find(remedy, role, severity, null, null);
        List<CellChange> changed = cells.stream().filter(c -> c.remedy().equals(remedy) && c.role().equals(role)
                && c.severity().equals(severity)).toList();
        Tag td = Html.tag("td").attr("data-cell", remedy + "|" + role + "|" + severity)
                .attr("data-changed", Boolean.toString(!changed.isEmpty()));
        if (!changed.isEmpty()) {
            td.cls("cell changed-cell");
        } else {
            td.cls("cell");
        }
        if (!Objects.equals(a, b)) {
            td.add(Html.tag("span").cls("was").add(shown(b)).html());
        }
        td.add(Html.tag("span").cls("value").add(shown(a)).html());
        for (CellChange c : changed) {
            // a tier or category that changes as the plain case does says nothing more
            boolean asPlain = Objects.equals(c.before(), b) && Objects.equals(c.after(), a);
            if ((c.tier() != null || c.category() != null) && !asPlain) {
                td.add(Html.tag("span").cls("beyond").add(filter(c) + ": " + shown(c.before()) + " \u2192 "
                        + shown(c.after())).html());
            }
        }
        return td.html();
    }

    private static String shown(AuthorityMatrix.Cell cell) {
        return cell == null ? "(none)" : cell.toString();
    }

    private static String filter(CellChange c) {
        List<String> parts = new ArrayList<>();
        if (c.tier() != null) {
            parts.add("tier " + c.tier());
        }
        if (c.category() != null) {
            parts.add("category " + c.category());
        }
        return String.join(", ", parts);
    }

    private Html cellTable() {
        if (cells.isEmpty()) {
            return Html.empty();
        }
        List<List<String>> rows = cells.stream().map(c -> List.of(c.remedy(), c.role(), c.severity(),
                c.tier() == null ? "any other" : c.tier(), c.category() == null ? "any other" : c.category(),
                shown(c.before()), shown(c.after()))).toList();
        return Html.concat(Tables.h2("Changed cells"), Tables.table("cell-changes",
                List.of("remedy", "role", "severity", "tier", "category", "before", "after"), rows));
    }

    private static Html changeTable(String title, String cls, List<Change> changes, List<String> header) {
        if (changes.isEmpty()) {
            return Html.empty();
        }
        return Html.concat(Tables.h2(title), Tables.table(cls, header, changes.stream()
                .map(c -> List.of(c.subject(), c.what(), c.before(), c.after())).toList()));
    }

    private static void compare(List<Change> changes, String subject, String what, String before, String after) {
        if (!before.equals(after)) {
            changes.add(new Change(subject, what, before, after));
        }
    }

    private static AuthorityTable.Role role(AuthorityTable table, String remedy, String role) {
        return table.remedy(remedy).flatMap(r -> r.roles().stream().filter(x -> x.role().equals(role)).findFirst())
                .orElse(null);
    }

    private static String grants(AuthorityTable.Role role) {
        return String.join("; ", role.grants().stream().map(g -> "up to " + g.upToText() + " by " + g.rule()
                + " when " + g.condition()).toList());
    }

    private static Map<String, AuthorityTable.Rule> rules(AuthorityTable table) {
        Map<String, AuthorityTable.Rule> rules = new LinkedHashMap<>();
        table.rules().forEach(r -> rules.putIfAbsent(r.id(), r));
        return rules;
    }

    /** Returns a rule in words, as the matrix page lists it: effect, remedies, condition, because, follow-up. */
    static String describe(AuthorityTable.Rule r) {
        String what = switch (r.effect()) {
            case DENY -> "denied";
            case SWAT -> "to SWAT";
            case REQUIRE -> "needs " + r.role();
            case GRANT -> r.entitlement() ? "entitled to " + r.upToText() : r.role() + " up to " + r.upToText();
            case NONE -> "follow-up only";
            case UNKNOWN -> "effect not readable without deciding";
        };
        StringBuilder b = new StringBuilder(what);
        b.append(r.remedies().isEmpty() ? " (every remedy)" : " (" + String.join(", ", r.remedies()) + ")");
        b.append(" when ").append(r.condition());
        if (!r.because().isEmpty()) {
            b.append(" \u00b7 because \u201c").append(r.because()).append('\u201d');
        }
        if (r.followUp() != null) {
            b.append(" \u00b7 follow-up: ").append(r.followUp().action())
                    .append(r.followUp().within() == null ? "" : " within " + r.followUp().within())
                    .append(r.followUp().owner() == null ? "" : " by " + r.followUp().owner());
        }
        if (!r.enabled()) {
            b.append(" \u00b7 switched off");
        }
        return b.toString();
    }

    private static List<String> names(AuthorityTable table) {
        return table.remedies().stream().map(AuthorityTable.Remedy::remedy).toList();
    }

    private static List<String> union(List<String> first, List<String> second) {
        Set<String> all = new LinkedHashSet<>(first);
        all.addAll(second);
        return List.copyOf(all);
    }

    private static List<String> withOther(List<String> values) {
        List<String> all = new ArrayList<>();
        all.add(null);
        all.addAll(values);
        return java.util.Collections.unmodifiableList(all);
    }

    @Override
    public String toString() {
        return "MatrixDiffPage[" + before.policy().id() + " " + before.policy().version() + " -> "
                + after.policy().version() + ": " + cells.size() + " cells change]";
    }
}
