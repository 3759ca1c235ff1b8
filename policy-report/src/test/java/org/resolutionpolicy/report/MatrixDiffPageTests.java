package org.resolutionpolicy.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.resolutionpolicy.api.Policy;
import org.resolutionpolicy.replay.BadLines;
import org.resolutionpolicy.replay.Diff;

class MatrixDiffPageTests {

    final Policy before = PageLayoutBrowserTests.shop();
    final Policy after = PageLayoutBrowserTests.edited();

    @Test
    void names_every_changed_cell_with_its_value_before_and_after() {
        MatrixDiffPage diff = MatrixDiffPage.of(before, after);

        // the barista's voucher went from 10 to 15, the store manager's refund from 200 to 120
        assertThat(diff.changedCells()).anySatisfy(c -> {
            assertThat(c.remedy() + "|" + c.role() + "|" + c.severity()).isEqualTo("voucher|barista|LOW");
            assertThat(c.tier()).isNull();
            assertThat(c.before().toString()).isEqualTo("10; beyond: ESCALATE to shift-lead");
            assertThat(c.after().toString()).isEqualTo("15; beyond: ESCALATE to shift-lead");
        });
        assertThat(diff.changedCells()).anySatisfy(c -> {
            assertThat(c.remedy() + "|" + c.role()).isEqualTo("refund|store-manager");
            assertThat(c.before().aloneUpTo().toString()).isEqualTo("200");
            assertThat(c.after().aloneUpTo().toString()).isEqualTo("120");
        });
        assertThat(diff.changedCells()).allSatisfy(c -> assertThat(c.remedy()).isIn("voucher", "refund"));
        assertThat(diff.authorityChanges()).contains(
                new MatrixDiffPage.Change("voucher / barista", "limit per grant", "10", "15"),
                new MatrixDiffPage.Change("refund / store-manager", "limit per grant", "200", "120"));
        assertThat(diff.ruleChanges()).singleElement().satisfies(c -> {
            assertThat(c.subject()).isEqualTo("out-of-pocket-callback");
            assertThat(c.before()).contains("within P2D");
            assertThat(c.after()).contains("within P3D");
        });
    }

    @Test
    void highlights_the_changed_cells_and_strikes_through_their_old_values() {
        String html = MatrixDiffPage.of(before, after).html();

        assertThat(html).contains("<td data-cell=\"voucher|barista|LOW\" data-changed=\"true\" class=\"cell changed-cell\">"
                        + "<span class=\"was\">10; beyond: ESCALATE to shift-lead</span>"
                        + "<span class=\"value\">15; beyond: ESCALATE to shift-lead</span>")
                .contains("<td data-cell=\"apology|barista|LOW\" data-changed=\"false\" class=\"cell\">")
                .contains("<table class=\"cell-changes\">").contains("<table class=\"rule-changes\">")
                .doesNotContain("<script").doesNotContain("Priced over");
    }

    @Test
    void the_same_policy_on_both_sides_changes_nothing() {
        MatrixDiffPage same = MatrixDiffPage.of(before, before);

        assertThat(same.changedCells()).isEmpty();
        assertThat(same.authorityChanges()).isEmpty();
        assertThat(same.ruleChanges()).isEmpty();
        assertThat(same.html()).contains("No change: every cell, limit, window, grant and rule is as before.")
                .doesNotContain("class=\"cell changed-cell\"");
    }

    @Test
    void with_a_history_the_priced_diff_stands_beside_the_matrix() {
        String html = MatrixDiffPage.of(before, after)
                .withHistory(Diff.of(before, after).onBadLine(BadLines.SKIP).run(PageLayoutBrowserTests.history()))
                .html();

        assertThat(html).contains("<div class=\"side-by-side\"><section class=\"matrix-changes\">")
                .contains("<section class=\"priced\"><h2>Priced over the history ")
                .contains("<svg class=\"chart heat-map\"").contains("Money per outcome, before and after");
    }

    /** The versions of an edit of the dated shop: 2025.04 ends three months later, 2026.07 gives GOLD 100. */
    static Policy datedEdit(java.nio.file.Path dir) throws java.io.IOException {
        java.nio.file.Files.createDirectories(dir);
        java.nio.file.Path old = java.nio.file.Files.writeString(dir.resolve("v2025.yaml"),
                PageLayoutBrowserTests.VERSION_2025.replace("validUntil: 2026-04-01", "validUntil: 2026-07-01"));
        java.nio.file.Path now = java.nio.file.Files.writeString(dir.resolve("v2026.yaml"),
                PageLayoutBrowserTests.VERSION_2026.replace("validFrom: 2026-04-01", "validFrom: 2026-07-01")
                        .replace("version: \"2026.04\"", "version: \"2026.07\"").replace("upTo: 80", "upTo: 100"));
        return org.resolutionpolicy.api.Policies.load(java.util.List.of(old, now));
    }

    static Policy dated(java.nio.file.Path dir) throws java.io.IOException {
        java.nio.file.Files.createDirectories(dir);
        return org.resolutionpolicy.api.Policies.load(java.util.List.of(
                java.nio.file.Files.writeString(dir.resolve("v2025.yaml"), PageLayoutBrowserTests.VERSION_2025),
                java.nio.file.Files.writeString(dir.resolve("v2026.yaml"), PageLayoutBrowserTests.VERSION_2026)));
    }

    @Test
    void dated_versions_are_compared_period_by_period_with_the_versions_in_force_together(
            @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws java.io.IOException {
        MatrixDiffPage diff = MatrixDiffPage.of(dated(dir.resolve("old")), datedEdit(dir.resolve("new")));

        assertThat(diff.periods()).extracting(MatrixDiffPage.Period::period, MatrixDiffPage.Period::beforeVersion,
                MatrixDiffPage.Period::afterVersion).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("from 2025-04-01 until 2026-04-01", "2025.04", "2025.04"),
                        org.assertj.core.groups.Tuple.tuple("from 2026-04-01 until 2026-07-01", "2026.04", "2025.04"),
                        org.assertj.core.groups.Tuple.tuple("from 2026-07-01 on", "2026.04", "2026.07"));
        assertThat(diff.periods().get(0).changedCells()).isEmpty();
        // April to July 2026: the edit keeps 2025.04 in force, whose agent may refund 40, not half of what was paid
        assertThat(diff.periods().get(1).changedCells()).anySatisfy(c -> {
            assertThat(c.remedy() + "|" + c.role() + "|" + c.severity()).isEqualTo("refund|agent|LOW");
            assertThat(c.tier()).isNull();
            assertThat(c.after().toString()).isEqualTo("40; beyond: ESCALATE to customer-relations-manager");
        });
        // from July 2026: only GOLD's grant to the agent changes, 80 to 100, at every severity and category
        assertThat(diff.periods().get(2).changedCells()).hasSize(8).allSatisfy(c -> {
            assertThat(c.tier()).isEqualTo("GOLD");
            assertThat(c.role()).isEqualTo("agent");
            assertThat(c.before().toString()).startsWith("80;");
            assertThat(c.after().toString()).startsWith("100;");
        });
        assertThat(diff.changedCells()).hasSize(diff.periods().stream().mapToInt(p -> p.changedCells().size()).sum());
        String html = diff.html();
        assertThat(html).contains("data-period=\"from 2026-07-01 on\"")
                .contains("<h2>from 2026-04-01 until 2026-07-01 \u00b7 version 2026.04 \u2192 2025.04</h2>")
                .contains("from 2025-04-01 until 2026-04-01</b>: version 2025.04 \u2192 2025.04, 0 cells change");
    }
}
