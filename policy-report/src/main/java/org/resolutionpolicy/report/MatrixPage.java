package org.resolutionpolicy.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.resolutionpolicy.api.AuthorityTable;
import org.resolutionpolicy.api.Limit;
import org.resolutionpolicy.api.Policy;
import org.resolutionpolicy.api.RemedyUnit;
import org.resolutionpolicy.model.ModelledPolicy;
import org.resolutionpolicy.model.PolicyModel;
import org.resolutionpolicy.model.Validity;

/**
 * Renders a policy's {@link AuthorityMatrix} as one self-contained page a policy owner reads at a glance: for each
 * remedy a grid of role by severity with the most each role may grant alone and who approves beyond, the windows and
 * the grants that raise a limit with their conditions; the deny, SWAT and require rules with their {@code because};
 * the follow-ups; and filters for the tiers and categories the policy's rules use.
 *
 * <p>Every cell is in the page once per tier and category; without its script the page shows those for any other
 * tier and category, and the script shows the filtered ones (also from the address: {@code matrix.html#tier=GOLD}).
 * Each grid cell carries {@code data-cell="remedy|role|severity"} and, once the script ran, {@code data-shown} with
 * the shown value, as {@link AuthorityMatrix.Cell#toString()} writes it.
 *
 * <pre>{@code
 * MatrixPage.of(policy).write(Path.of("matrix.html"));
 * }</pre>
 */
public final class MatrixPage {

    /**
     * The filter script: shows in each cell the value for the chosen options. A cell's alternatives each carry the
     * keys of the combinations that give them ({@code data-when}, see {@link AuthorityMatrix#key}); a combination none
     * carries was not decided, and the cell says so.
     */
    static final String SCRIPT = String.join("\n",
            "(function () {",
            "  var selects = Array.prototype.slice.call(document.querySelectorAll('select[data-filter]'));",
            "  function key() {",
            "    var parts = [];",
            "    selects.forEach(function (s) {",
            "      if (s.selectedIndex > 0) { parts.push(s.dataset.filter + '.' + s.selectedIndex); }",
            "    });",
            "    return parts.length ? parts.join('_') : '-';",
            "  }",
            "  function apply() {",
            "    var k = key();",
            "    document.querySelectorAll('td[data-cell]').forEach(function (td) {",
            "      var shown = null;",
            "      td.querySelectorAll('.alt').forEach(function (alt) {",
            "        var match = alt.dataset.when.split(' ').indexOf(k) >= 0;",
            "        alt.hidden = !match;",
            "        if (match) { shown = alt.dataset.value; }",
            "      });",
            "      if (shown === null) {",
            "        var none = td.querySelector('.alt.none');",
            "        if (none) { none.hidden = false; }",
            "        shown = '';",
            "      }",
            "      td.dataset.shown = shown;",
            "    });",
            "  }",
            "  var wanted = {};",
            "  location.hash.replace(/^#/, '').split('&').forEach(function (pair) {",
            "    var at = pair.indexOf('=');",
            "    if (at > 0) { wanted[decodeURIComponent(pair.slice(0, at))] = decodeURIComponent(pair.slice(at + 1)); }",
            "  });",
            "  selects.forEach(function (s) {",
            "    [s.dataset.fact, s.dataset.alias].forEach(function (name) {",
            "      if (!name || wanted[name] === undefined) { return; }",
            "      for (var i = 0; i < s.options.length; i++) {",
            "        if (s.options[i].value === wanted[name]) { s.selectedIndex = i; }",
            "      }",
            "    });",
            "    s.addEventListener('change', apply);",
            "  });",
            "  apply();",
            "})();");

    private final AuthorityMatrix matrix;
    private final Typical typical;

    /**
     * A typical case, which a computed limit's cell is shown for.
     *
     * @param value the case
     * @param name what the page calls it: its file, or where its facts come from
     */
    record Typical(org.resolutionpolicy.api.CustomerCase value, String name) {
    }

    private MatrixPage(AuthorityMatrix matrix, Typical typical) {
        this.matrix = matrix;
        this.typical = typical;
    }

    /** Returns the page of a matrix. */
    public static MatrixPage of(AuthorityMatrix matrix) {
        return new MatrixPage(java.util.Objects.requireNonNull(matrix, "matrix must not be null"), null);
    }

    /**
     * Returns this page with a typical case: a cell whose limit is computed from the case's facts
     * ({@code attributes.paid / 2}) then shows, under its formula, the value the policy decides for this case asked
     * by the cell's role at the cell's severity (its proposals set aside). Without one, such a cell says that no
     * typical value is stated, beside what a case without those facts gets.
     *
     * @param typical the case, e.g. one read from a file as {@code policy decide} reads it
     * @param name what the page calls it, e.g. the file's name
     * @throws NullPointerException if an argument is null
     */
    public MatrixPage withTypicalCase(org.resolutionpolicy.api.CustomerCase typical, String name) {
        return new MatrixPage(matrix, new Typical(java.util.Objects.requireNonNull(typical, "typical must not be null"),
                java.util.Objects.requireNonNull(name, "name must not be null")));
    }

    /**
     * Returns the page of a policy's matrix.
     *
     * @throws UnsupportedOperationException if the policy cannot describe its authority
     */
    public static MatrixPage of(Policy policy) {
        return of(AuthorityMatrix.of(policy));
    }

    /** Returns the page. */
    public HtmlPage page() {
        Policy policy = matrix.policy();
        List<Version> versions = versions();
        HtmlPage.Builder page = HtmlPage.builder("Authority matrix: " + policy.id())
                .footer("Each cell is what the policy decides for a case of that severity asked by that role that"
                        + " gives only the facts the filters choose (no history, and no impact or attributes but"
                        + " those): the most it may grant alone, and where more goes. A limit computed from the"
                        + " case's facts shows its formula, and under it its value for a typical case when one can be"
                        + " stated.");
        if (versions.size() == 1) {
            AuthorityTable table = matrix.authority();
            page.subtitle("version " + policy.version() + " \u00b7 revision " + policy.revision()
                            + (policy.description().isEmpty() ? "" : " \u00b7 " + policy.description()))
                    .add(filters(List.of(matrix)))
                    .add(ScaleSection.of(policy))
                    .add(body(matrix, "", versions.get(0).model(), typical));
            return page.script(SCRIPT).build();
        }
        page.subtitle(versions.size() + " dated versions \u00b7 revision " + policy.revision()
                + (policy.description().isEmpty() ? "" : " \u00b7 " + policy.description()));
        page.add(filters(versions.stream().map(Version::matrix).toList()));
        page.add(ScaleSection.of(policy));
        Tag list = Html.tag("ul").cls("versions");
        for (Version v : versions) {
            list.add(Html.tag("li").add(Html.tag("b").add("version " + v.matrix().policy().version()).html())
                    .add(": " + v.period()).html());
        }
        page.add(Html.tag("p").add("One section per dated version, earliest first; a case is decided by the version"
                + " in force when it was opened.").html()).add(list.html());
        for (int i = 0; i < versions.size(); i++) {
            Version v = versions.get(i);
            page.add(Html.tag("section").cls("version").attr("id", "version-" + (i + 1))
                    .attr("data-version", v.matrix().policy().version()).attr("data-period", v.period())
                    .add(Html.tag("h2").add("Version " + v.matrix().policy().version() + " \u00b7 " + v.period())
                            .html())
                    .add(body(v.matrix(), "v" + (i + 1) + "-", v.model(), typical)).html());
        }
        return page.script(SCRIPT).build();
    }

    /** One dated version: its matrix, its model (null when the policy publishes none) and the period it covers. */
    private record Version(AuthorityMatrix matrix, PolicyModel model, String period) {
    }

    /** Returns every dated version's matrix, earliest first; the matrix alone for a policy of one version. */
    private List<Version> versions() {
        ModelledPolicy modelled;
        try {
            modelled = ModelledPolicy.of(matrix.policy());
        } catch (IllegalArgumentException e) {
            return List.of(new Version(matrix, null, "in force"));
        }
        List<ModelledPolicy> all = modelled.versions();
        if (all.size() <= 1) {
            return List.of(new Version(matrix, modelled.model(), period(modelled.model())));
        }
        List<Version> out = new ArrayList<>();
        // each version decides the cases opened while it is in force: its cells are those of its first day
        // every version is decided for the filters of all, so that one choice filters each section alike
        MatrixFacts facts = AuthorityMatrix.facts(List.of(matrix.policy()));
        all.forEach(v -> out.add(new Version(AuthorityMatrix.of(v, firstDay(v.model().validity()), facts), v.model(),
                period(v.model()))));
        return out;
    }

    private static java.time.Instant firstDay(Validity validity) {
        if (validity == null) {
            return null;
        }
        return validity.from() != null ? validity.from() : validity.until().minusSeconds(1);
    }

    private static String period(PolicyModel model) {
        Validity validity = model.validity();
        return validity == null || validity.text().isEmpty() ? "in force at any date"
                : "in force " + validity.text() + (validity.until() == null ? " on" : "");
    }

    /** Returns one version's part of the page; ids are prefixed so that several versions share a page. */
    private static Html body(AuthorityMatrix matrix, String prefix, PolicyModel model, Typical typical) {
        AuthorityTable table = matrix.authority();
        List<Html> parts = new ArrayList<>();
        parts.add(summary(table));
        parts.add(Html.tag("h3").add("At a glance").html());
        parts.add(glance(table));
        for (AuthorityTable.Remedy remedy : table.remedies()) {
            parts.add(new RemedySection(matrix, remedy, prefix, typical).html());
        }
        parts.add(RuleLists.everyRemedy(table, prefix));
        parts.add(RuleLists.followUps(table, model));
        parts.add(RuleLists.disabled(table, prefix));
        parts.add(DecisionTables.of(model));
        return Html.concat(parts);
    }

    /** Returns the page's HTML. */
    public String html() {
        return page().html();
    }

    /**
     * Writes the page as UTF-8.
     *
     * @throws java.io.UncheckedIOException if it cannot be written
     */
    public void write(Path file) {
        page().write(file);
    }

    private static Html summary(AuthorityTable table) {
        Tag p = Html.tag("p").add("Ladder, lowest first: ")
                .add(Html.tag("span").cls("ladder").add(String.join(" \u2192 ", table.roles())).html())
                .add(". Beyond every role's own authority: ").add(Html.tag("b").add(table.beyondAuthority().toString()).html())
                .add(". Severities: " + String.join(", ", table.severities()) + ".");
        return p.html();
    }

    /**
     * Returns the filters: every fact the rules of any version test, by the values they compare it with or the bands
     * their thresholds make; then the facts it cannot filter by, and whether the filters combine.
     */
    private static Html filters(List<AuthorityMatrix> matrices) {
        AuthorityMatrix first = matrices.get(0);
        List<MatrixFacts.Filter> filters = first.factFilters();
        List<Html> parts = new ArrayList<>();
        if (!filters.isEmpty()) {
            Tag div = Html.tag("div").cls("filters").attr("data-combined", first.combined() ? "yes" : "no");
            for (int i = 0; i < filters.size(); i++) {
                div.add(Html.tag("span").cls("filter").add(select(i, filters.get(i))).html());
            }
            parts.add(div.html());
            parts.add(Html.tag("p").cls("muted").add(first.combined()
                    ? "Each cell is decided for every combination of these facts; a fact not chosen is one the case"
                            + " does not give."
                    : "All these facts together make more than " + AuthorityMatrix.MAX_COMBINATIONS
                            + " combinations: each cell is decided for every choice of at most " + first.together()
                            + " of them (a fact not chosen is one the case does not give); a cell says so when more"
                            + " are chosen.").html());
        }
        if (!first.notFiltered().isEmpty()) {
            Tag ul = Html.tag("ul").cls("not-filtered");
            first.notFiltered().forEach((fact, why) -> ul.add(Html.tag("li").attr("data-fact", fact)
                    .add(Html.tag("b").add(fact).html()).add(": " + why).html()));
            parts.add(Html.tag("p").add("The rules also test these, which no filter offers: a cell shows a case"
                    + " that does not give them.").html());
            parts.add(ul.html());
        }
        return Html.concat(parts);
    }

    private static Html select(int index, MatrixFacts.Filter filter) {
        String fact = filter.fact();
        String alias = fact.equals(AuthorityMatrix.TIER) ? "tier" : fact.equals(AuthorityMatrix.CATEGORY) ? "category"
                : null;
        String id = "filter-" + (alias != null ? alias : fact);
        String label = fact.equals(AuthorityMatrix.TIER) ? "customer tier" : fact;
        Tag select = Html.tag("select").attr("id", id).attr("data-filter", Integer.toString(index))
                .attr("data-fact", fact);
        if (alias != null) {
            select.attr("data-alias", alias);
        }
        select.add(Html.tag("option").attr("value", "").add(filter.kind() == MatrixFacts.Kind.TEXT
                ? "any other " + label : "not given").html());
        filter.options().forEach(o -> select.add(Html.tag("option").attr("value", o.label()).add(o.label()).html()));
        return Html.concat(Html.tag("label").attr("for", id).add(label).html(), select.html());
    }

    /** Returns the charts: baseline limits of every role and remedy, and how many rules do what to each remedy. */
    private static Html glance(AuthorityTable table) {
        List<String> remedies = table.remedies().stream().map(AuthorityTable.Remedy::remedy).toList();
        double[][] values = new double[table.roles().size()][remedies.size()];
        String[][] labels = new String[table.roles().size()][remedies.size()];
        for (int c = 0; c < remedies.size(); c++) {
            AuthorityTable.Remedy remedy = table.remedies().get(c);
            double top = 0;
            for (AuthorityTable.Role role : remedy.roles()) {
                top = Math.max(top, role.perGrant().amount().map(java.math.BigDecimal::doubleValue).orElse(0.0));
            }
            for (int r = 0; r < table.roles().size(); r++) {
                Limit limit = remedy.roles().get(r).perGrant();
                values[r][c] = limit.isUnlimited() ? 1 : top == 0 ? 0 : limit.amount().orElseThrow().doubleValue() / top;
                String computed = remedy.roles().get(r).computed();
                labels[r][c] = computed == null ? shown(limit, remedy.unit()) : remedy.roles().get(r).perGrantText();
            }
        }
        // in the palette's order: grants green as ALONE, require amber as ESCALATE, then SWAT, deny and follow-ups
        List<String> effects = List.of("grant", "require", "swat", "deny", "follow-up");
        List<Charts.Bar> bars = new ArrayList<>();
        for (String remedy : remedies) {
            double[] counts = new double[effects.size()];
            for (AuthorityTable.Rule r : table.rules()) {
                if (r.enabled() && r.appliesTo(remedy)) {
                    int i = effects.indexOf(r.effect().name().toLowerCase(Locale.ROOT));
                    if (i >= 0) {
                        counts[i]++;
                    }
                    if (r.followUp() != null) {
                        counts[4]++;
                    }
                }
            }
            bars.add(new Charts.Bar(remedy, counts));
        }
        return Html.tag("div").cls("charts")
                .add(Html.tag("figure").cls("chart")
                        .add(Html.tag("figcaption").add("Per grant alone, before any rule (darker is more)").html())
                        .add(Charts.heatMap(table.roles(), remedies, values, labels)).html())
                .add(Html.tag("figure").cls("chart")
                        .add(Html.tag("figcaption").add("Rules that apply to each remedy, by effect").html())
                        .add(Charts.stackedBars(effects, bars)).html())
                .html();
    }

    /** Returns a limit as a cell shows it: {@code yes}/{@code no} for a remedy without amounts, {@code 20%} for percent. */
    static String shown(Limit limit, RemedyUnit unit) {
        if (unit == RemedyUnit.NONE) {
            return limit.equals(Limit.zero()) ? "no" : "yes";
        }
        if (limit.isUnlimited()) {
            return "unlimited";
        }
        return unit == RemedyUnit.PERCENT ? limit + "%" : limit.toString();
    }
}
