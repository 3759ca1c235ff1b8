package org.resolutionpolicy.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.resolutionpolicy.api.Policies;
import org.resolutionpolicy.api.Policy;
import org.resolutionpolicy.replay.BadLines;
import org.resolutionpolicy.replay.Diff;
import org.resolutionpolicy.replay.DiffReport;
import org.resolutionpolicy.replay.History;
import org.resolutionpolicy.replay.Replay;
import org.resolutionpolicy.replay.ReplayReport;

/**
 * Opens every kind of page in headless Chromium at the width of a 1,280 px screen and at the printable width of an
 * A4 page (about 720 px), and checks what a reader would see: no sideways scrolling, every label of every chart
 * inside its chart, no table cell whose content overflows, every dated version present, the changed cells of a
 * matrix diff highlighted. Each test leaves a screenshot under {@code target/pages/}; docs/images holds copies.
 * Skipped without Chromium, except on CI (see {@link Chromium}).
 */
@DisplayName("page layout in a real browser")
class PageLayoutBrowserTests {

    static final Path OUT = Path.of("target", "pages");
    static final Path EXAMPLES = Path.of("..", "examples", "policies");
    static final Path PINNED = Path.of("..", "policy-cli", "src", "test", "resources", "replay", "pinned");
    /** A screen's width, and an A4 page's printable width (210 mm less 2 x 12 mm margins at 96 dpi). */
    static final int SCREEN = 1280;
    static final int A4 = 703;

    Chromium chromium;

    @BeforeEach
    void browser() {
        chromium = Chromium.require();
    }

    private void fits(Path page) throws IOException, InterruptedException {
        for (int width : new int[] {SCREEN, A4}) {
            assertThat(chromium.layoutProblems(page, width)).as("layout of %s at %d px", page, width).isEmpty();
        }
    }

    static Policy shop() {
        return Policies.load(PINNED.resolve("coffee-shop.yaml"));
    }

    /** Returns the sample history, which holds a malformed line and two refused cases on purpose. */
    static History history() {
        return History.of(PINNED.resolve("history.jsonl.gz"));
    }

    static Policy edited() {
        return Policies.load(PINNED.resolve("coffee-shop-edited.yaml"));
    }

    @Test
    void the_replay_page_of_a_real_history_fits_a_screen_and_an_a4_page() throws IOException, InterruptedException {
        ReplayReport report = Replay.of(shop()).onBadLine(BadLines.SKIP).run(history());
        Path page = OUT.resolve("replay.html");
        ReplayPage.of(report, shop()).write(page);

        fits(page);
        String dom = chromium.dumpDom(page, null);
        assertThat(dom).contains("<svg class=\"chart time-series\"").contains("data-breakdown=\"requesting role\"")
                .contains("Rules that never decided");
        assertThat(chromium.screenshot(page, null, OUT.resolve("replay.png"), SCREEN, 1800, 0.75)).isNotEmptyFile();
    }

    @Test
    void the_fixture_pages_with_long_role_names_cut_no_label() throws IOException, InterruptedException {
        Path replay = OUT.resolve("replay-fixture.html");
        ReplayPage.of(ReportFixtures.replay()).write(replay);
        Path diff = OUT.resolve("diff-long-names.html");
        DiffPage.of(ReportFixtures.longNames()).write(diff);

        fits(replay);
        fits(diff);
        String dom = chromium.dumpDom(diff, null);
        assertThat(dom).contains(">to customer-relations-manager-of-the-north-region</text>")
                .containsPattern("<g class=\"heat changed\" data-row=\"ALONE\" data-column=\"ESCALATE to "
                        + "customer-relations-manager-of-the-north-region\">");
    }

    @Test
    void the_diff_page_of_a_real_edit_fits_and_marks_its_changed_squares() throws IOException, InterruptedException {
        DiffReport report = Diff.of(shop(), edited()).onBadLine(BadLines.SKIP).run(history());
        Path page = OUT.resolve("diff.html");
        DiffPage.of(report).write(page);

        fits(page);
        String dom = chromium.dumpDom(page, null);
        long changed = report.changes().stream().map(t -> t.remedy() + t.from() + t.to()).distinct().count();
        assertThat(Pattern.compile("<g class=\"heat changed\"").matcher(dom).results().count()).isEqualTo(changed);
        assertThat(chromium.screenshot(page, null, OUT.resolve("diff.png"), SCREEN, 1800, 0.75)).isNotEmptyFile();
    }

    @Test
    void the_matrix_diff_with_its_priced_replay_fits_and_highlights_every_changed_cell()
            throws IOException, InterruptedException {
        Policy before = shop();
        Policy after = edited();
        MatrixDiffPage diff = MatrixDiffPage.of(before, after)
                .withHistory(Diff.of(before, after).onBadLine(BadLines.SKIP).run(history()));
        Path page = OUT.resolve("matrix-diff.html");
        diff.write(page);

        fits(page);
        String dom = chromium.dumpDom(page, null);
        assertThat(diff.changedCells()).isNotEmpty();
        for (MatrixDiffPage.CellChange c : diff.changedCells()) {
            assertThat(dom).contains("<td data-cell=\"" + c.remedy() + "|" + c.role() + "|" + c.severity()
                    + "\" data-changed=\"true\" class=\"cell changed-cell\">");
        }
        long highlighted = Pattern.compile("class=\"cell changed-cell\"").matcher(dom).results().count();
        long cells = diff.changedCells().stream().map(c -> c.remedy() + c.role() + c.severity()).distinct().count();
        assertThat(highlighted).isEqualTo(cells);
        assertThat(dom).contains("Priced over the history");
        assertThat(chromium.screenshot(page, null, OUT.resolve("matrix-diff.png"), SCREEN, 1800, 0.75))
                .isNotEmptyFile();
    }

    @Test
    void a_matrix_of_two_dated_versions_shows_both_with_their_periods_tables_and_computed_limits()
            throws IOException, InterruptedException {
        Path dir = OUT.resolve("versions");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("v2025.yaml"), VERSION_2025);
        Files.writeString(dir.resolve("v2026.yaml"), VERSION_2026);
        Policy policy = Policies.load(List.of(dir.resolve("v2025.yaml"), dir.resolve("v2026.yaml")));
        Path page = OUT.resolve("matrix-versions.html");
        MatrixPage.of(policy).write(page);

        fits(page);
        String dom = chromium.dumpDom(page, null);
        String gold = chromium.dumpDom(page, "tier=GOLD");
        assertThat(dom).contains("data-version=\"2025.04\" data-period=\"in force from 2025-04-01 until 2026-04-01\"")
                .contains("data-version=\"2026.04\" data-period=\"in force from 2026-04-01 on\"")
                .contains("per case: attributes.paid / 2")
                .contains("data-table=\"tables.band\"").contains("attributes.distanceKm");
        // the 2025 version's rules never name GOLD: filtered, its cells are those of any other tier; 2026 grants 80
        assertThat(dom).contains("id=\"filter-tier\"");
        assertThat(Pattern.compile("data-cell=\"refund\\|agent\\|LOW\"[^>]*data-shown=\"([^\"]*)\"").matcher(gold)
                .results().map(m -> m.group(1)).toList()).containsExactly(
                        "40; beyond: ESCALATE to customer-relations-manager",
                        "80; beyond: ESCALATE to customer-relations-manager");
        assertThat(chromium.screenshot(page, null, OUT.resolve("matrix-versions.png"), SCREEN, 1800, 0.75))
                .isNotEmptyFile();
    }

    @Test
    void the_matrix_diff_of_dated_versions_compares_each_period_fits_and_highlights_its_changes(
            @org.junit.jupiter.api.io.TempDir Path dir) throws IOException, InterruptedException {
        MatrixDiffPage diff = MatrixDiffPage.of(MatrixDiffPageTests.dated(dir.resolve("old")),
                MatrixDiffPageTests.datedEdit(dir.resolve("new")));
        Path page = OUT.resolve("matrix-diff-dated.html");
        diff.write(page);

        fits(page);
        String dom = chromium.dumpDom(page, null);
        assertThat(diff.periods()).hasSize(3);
        for (MatrixDiffPage.Period p : diff.periods()) {
            int at = dom.indexOf("data-period=\"" + p.period() + "\"");
            assertThat(at).as("section of %s", p.period()).isPositive();
            int end = dom.indexOf("<section class=\"period\"", at + 1);
            String section = dom.substring(at, end < 0 ? dom.length() : end);
            long highlighted = Pattern.compile("class=\"cell changed-cell\"").matcher(section).results().count();
            long cells = p.changedCells().stream().map(c -> c.remedy() + c.role() + c.severity()).distinct().count();
            assertThat(highlighted).as("highlighted cells of %s", p.period()).isEqualTo(cells);
        }
        assertThat(chromium.screenshot(page, null, OUT.resolve("matrix-diff-dated.png"), SCREEN, 1800, 0.75))
                .isNotEmptyFile();
    }

    @Test
    void the_matrix_with_a_filter_for_every_fact_fits_a_screen_and_an_a4_page() throws IOException,
            InterruptedException {
        Path page = OUT.resolve("matrix-filters.html");
        MatrixPage.of(Policies.load(EXAMPLES.resolve("coffee-shop.yaml"))).write(page);
        Path bands = OUT.resolve("matrix-bands.html");
        MatrixPage.of(MatrixFiltersTests.POLICY).write(bands);

        fits(page);
        fits(bands);
        assertThat(chromium.dumpDom(page, null)).contains("id=\"filter-impact.socialReach\"")
                .contains("<option value=\"at least 10000\">at least 10000</option>");
    }

    static final String VERSION_2025 = """
            policy: versioned-shop
            version: "2025.04"
            currency: EUR
            validFrom: 2025-04-01
            validUntil: 2026-04-01
            roles: [agent, customer-relations-manager]
            attributes:
              paid: number
            remedies:
              refund: { unit: money }
            authority:
              agent: { refund: 40 }
              customer-relations-manager: { refund: 400 }
            rules:
              - id: no-refund-of-gift-cards
                when: "category == 'gift-card'"
                remedies: [refund]
                deny: true
                because: Gift cards are never refunded
            """;

    static final String VERSION_2026 = """
            policy: versioned-shop
            version: "2026.04"
            currency: EUR
            validFrom: 2026-04-01
            roles: [agent, customer-relations-manager]
            attributes:
              paid: number
              distanceKm: number
            remedies:
              refund: { unit: money }
            authority:
              agent: { refund: "attributes.paid / 2" }
              customer-relations-manager: { refund: 500 }
            tables:
              band:
                inputs: [attributes.distanceKm]
                complete: true
                rows:
                  - [{ atMost: 1500 }, 250]
                  - [{ above: 1500 }, 400]
            rules:
              - id: gold-customers-get-more
                when: { customer.tier: GOLD }
                remedies: [refund]
                grant: { role: agent, upTo: 80 }
                because: Gold customers get more
            """;
}
