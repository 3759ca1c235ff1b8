package org.resolutionpolicy.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.resolutionpolicy.api.Outcome;
import org.resolutionpolicy.replay.DiffReport;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportPagesTests {

    @Test
    void the_replay_page_charts_the_outcomes_per_remedy_and_keeps_every_table() {
        String html = ReplayPage.of(ReportFixtures.replay()).html();

        assertThat(html).startsWith("<!DOCTYPE html>").contains("<title>Replay: coffee-shop 2026.11</title>")
                .contains(HtmlPage.STYLE)
                .contains("<svg class=\"chart stacked-bars\"")
                .contains("<g class=\"bar\" data-label=\"refund\">")
                .contains("<title>ESCALATE: 8</title>").contains("<title>SWAT: 3</title>")
                .contains("<title>ALONE: 20</title>")
                .contains("<table class=\"outcomes\">")
                .contains("<td>refund</td><td class=\"num\">12</td><td class=\"num\">8</td><td class=\"num\">3</td>"
                        + "<td class=\"num\">2</td><td class=\"num\">25</td>")
                .contains("<td class=\"num\">120.5 EUR</td><td class=\"num\">400 EUR</td>")
                // 8 dated escalations over the six weeks the history spans, not over the two weeks that had some
                .contains("<td>shift-lead</td><td class=\"num\">9</td><td class=\"num\">2</td><td class=\"num\">1.33</td>"
                        + "<td>2026-03-09: 5</td>")
                .contains("the history spans 2026-02-04 to 2026-03-12, 6 weeks")
                .contains("<svg class=\"chart time-series\"").contains("<g class=\"series\" data-series=\"SWAT\">")
                .contains("<title>shift-lead, 2026-02-16: 0</title>").contains("<title>SWAT, 2026-03-09: 3</title>")
                .contains("data-breakdown=\"requesting role\"")
                .contains("<td>customer-relations-manager</td><td class=\"num\">2</td>")
                .contains("<td>authority</td><td class=\"num\">30</td>")
                .contains("<td>call-back</td><td>store-manager</td><td class=\"num\">4</td>")
                .contains("1 bad line").contains("line 17")
                .doesNotContainPattern("(src|href)=\"https?:").doesNotContain("<link").doesNotContain("<script");
    }

    @Test
    void the_rules_that_never_decided_are_the_same_in_the_text_the_json_and_the_page() {
        org.resolutionpolicy.api.Policy shop = org.resolutionpolicy.api.Policies.load(
                Path.of("../examples/policies/coffee-shop.yaml"));
        org.resolutionpolicy.replay.ReplayReport r = ReportFixtures.replay();

        List<String> never = ReportFormat.neverDecided(r, shop);
        // the fixture's rules that decided are not the shop's: every enabled rule of the shop never decided
        assertThat(never).contains("gold-members-get-more-latitude", "going-viral", "safety-first")
                .doesNotContain("summer-promo-misfire", "authority");
        String text = ReportFormat.text(r, shop);
        assertThat(text).contains("\nrules that never decided (no proposal had them as a reason):\n"
                + String.join("", never.stream().map(id -> "  " + id + "\n").toList()));
        assertThat(ReportFormat.json(r, shop)).containsEntry("neverDecided", never);
        String html = ReplayPage.of(r, shop).html();
        never.forEach(id -> assertThat(html).contains("<li data-rule=\"" + id + "\">" + id + "</li>"));
        // without the policy, no list: nothing is claimed about rules the report cannot name
        assertThat(ReportFormat.text(r)).doesNotContain("never decided");
        assertThat(ReportFormat.json(r)).doesNotContainKey("neverDecided");
    }

    @Test
    void the_diff_page_draws_a_transition_heat_map_per_remedy_and_lists_the_changes() {
        String html = DiffPage.of(ReportFixtures.diff()).html();

        assertThat(html).contains("<title>Diff: coffee-shop 2026.11 \u2192 coffee-shop 2026.12</title>")
                .contains("<svg class=\"chart heat-map\"")
                .contains("data-remedy=\"refund\"").contains("data-remedy=\"voucher\"")
                .contains("<g class=\"heat changed\" data-row=\"ALONE\" data-column=\"ESCALATE to shift-lead\">")
                .contains("<g class=\"heat\" data-row=\"ALONE\" data-column=\"ALONE\">")
                .contains("<title>ALONE / ESCALATE to shift-lead: 2</title>")
                .contains("<title>ESCALATE to shift-lead / DENIED: 1</title>")
                .contains("<title>ALONE / ALONE: 10</title>")
                .contains("3 cases change (3 proposals")
                .contains("<td>refund</td><td>ESCALATE to shift-lead</td><td>DENIED</td><td class=\"num\">1</td>"
                        + "<td class=\"num\">90 EUR</td><td>no-big-refunds (1)</td><td>line 12</td>")
                .contains("<td class=\"num\">45.5 EUR</td><td class=\"num\">0 EUR</td><td class=\"num\">90 EUR</td>")
                // what each kind of outcome costs before and after: 100 + 45.50 alone before, 100 after
                .contains("<td>refund</td><td>before</td><td class=\"num\">145.5 EUR</td><td class=\"num\">490 EUR</td>")
                .contains("<td>refund</td><td>after</td><td class=\"num\">100 EUR</td><td class=\"num\">445.5 EUR</td>"
                        + "<td class=\"num\">0 EUR</td><td class=\"num\">90 EUR</td>")
                .contains("<td>call-back</td><td>store-manager</td><td class=\"num\">1</td>")
                .contains("<td>shift-lead</td><td class=\"num\">8</td><td class=\"num\">9</td><td class=\"num\">+1</td>")
                .contains("<td>call-back</td><td class=\"num\">1</td><td class=\"num\">0</td>")
                .doesNotContain("Latitude that changes").doesNotContain("<script");
    }

    @Test
    void an_empty_diff_says_nothing_changes_and_lists_no_changes() {
        String html = DiffPage.of(ReportFixtures.emptyDiff()).html();

        assertThat(html).contains("no change: the edit decides every case as before.")
                .contains("<title>ALONE / ALONE: 22</title>")
                .doesNotContain("Changed outcomes").doesNotContain("Money that moves");
    }

    @Test
    void a_diff_whose_only_change_is_a_follow_up_prints_no_changed_outcomes_header() {
        DiffReport d = ReportFixtures.diff();
        DiffReport followUpsOnly = new DiffReport(d.before(), d.after(), d.history(), d.lines(), d.cases(),
                d.proposals(), 0, 0, List.of(), 1, 0,
                d.transitions().stream().filter(t -> !t.changed()).toList(), List.of(), List.of(), d.followUps(),
                d.latitude(), d.currency());

        assertThat(DiffPage.of(followUpsOnly).html()).contains("Follow-ups that change")
                .doesNotContain("Changed outcomes");
        assertThat(ReportFormat.text(followUpsOnly)).contains("follow-ups change in 1 cases")
                .doesNotContain("changed outcomes");
    }

    @Test
    void the_diff_heat_map_puts_approvers_in_ladder_order_not_alphabetical() {
        // the report lists outcomes in lattice order, approvers by ladder: shift-lead below area-manager
        List<DiffReport.Transition> ts = List.of(
                new DiffReport.Transition("refund", Outcome.escalate("shift-lead"), Outcome.escalate("shift-lead"), 3,
                        java.math.BigDecimal.ZERO, List.of(), Map.of()),
                new DiffReport.Transition("refund", Outcome.escalate("shift-lead"), Outcome.escalate("area-manager"), 1,
                        java.math.BigDecimal.ZERO, List.of(), Map.of()),
                new DiffReport.Transition("refund", Outcome.escalate("area-manager"), Outcome.escalate("area-manager"),
                        2, java.math.BigDecimal.ZERO, List.of(), Map.of()));

        assertThat(DiffPage.ladderOrder(ts)).containsExactly(Outcome.escalate("shift-lead"),
                Outcome.escalate("area-manager"));
    }

    @Test
    void a_hostile_case_id_or_rule_id_stays_text_on_both_pages() {
        String replay = ReplayPage.of(ReportFixtures.replay()).html();
        String diff = DiffPage.of(ReportFixtures.diff()).html();

        for (String html : new String[] {replay, diff}) {
            assertThat(html).doesNotContain("<script>document").doesNotContain("<img")
                    .doesNotContain("<script");
        }
        assertThat(replay).contains("&lt;img src=x onerror=&quot;document.body.setAttribute(&#39;data-pwned&#39;")
                .contains("&lt;script&gt;document.body.setAttribute(&#39;data-pwned&#39;,&#39;case&#39;)");
        assertThat(diff).contains("<td>&lt;script&gt;document.body.setAttribute(&#39;data-pwned&#39;,&#39;case&#39;)"
                + "&lt;/script&gt;, c-9</td>").contains("&lt;img src=x onerror=");
    }

    @Test
    void write_puts_the_page_in_a_new_directory(@TempDir Path dir) throws Exception {
        Path replay = dir.resolve("a/replay.html");
        Path diff = dir.resolve("b/diff.html");

        ReplayPage.of(ReportFixtures.replay()).write(replay);
        DiffPage.of(ReportFixtures.diff()).write(diff);

        assertThat(Files.readString(replay)).isEqualTo(ReplayPage.of(ReportFixtures.replay()).html());
        assertThat(Files.readString(diff)).isEqualTo(DiffPage.of(ReportFixtures.diff()).html());
    }
}
