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
}
