package org.resolutionpolicy.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Renders the replay and diff pages in headless Chromium and reads what a person would see from the DOM; each page
 * also leaves a screenshot under {@code target/reports/}. Skipped without Chromium, except on CI (see
 * {@link Chromium}).
 */
@DisplayName("replay and diff pages in a real browser")
class ReportBrowserTests {

    static final Path OUT = Path.of("target", "reports");

    Chromium chromium;

    /** Each test asks, so that each is reported as skipped without Chromium rather than the class vanishing. */
    @BeforeEach
    void browser() {
        chromium = Chromium.require();
    }

    @Test
    void the_replay_page_renders_its_outcome_bars_and_tables_and_no_injected_markup()
            throws IOException, InterruptedException {
        Path page = OUT.resolve("replay.html");
        ReplayPage.of(ReportFixtures.replay()).write(page);

        String dom = chromium.dumpDom(page, null);

        assertThat(dom).contains("<h1>Replay: coffee-shop 2026.11</h1>")
                .contains("<g class=\"bar\" data-label=\"refund\">").contains("<title>ESCALATE: 8</title>")
                .contains("<td>refund</td><td class=\"num\">12</td>")
                .contains("<td>call-back</td><td>store-manager</td><td class=\"num\">4</td>")
                .contains("&lt;img src=x onerror=")
                .doesNotContainPattern("<body[^>]*data-pwned").doesNotContain("<img");
        assertThat(chromium.screenshot(page, null, OUT.resolve("replay.png"), 1200, 1400)).isNotEmptyFile();
    }

    @Test
    void the_diff_page_renders_its_transition_heat_maps_and_changes_and_no_injected_markup()
            throws IOException, InterruptedException {
        Path page = OUT.resolve("diff.html");
        DiffPage.of(ReportFixtures.diff()).write(page);

        String dom = chromium.dumpDom(page, null);

        assertThat(dom).contains("<h1>Diff: coffee-shop 2026.11 \u2192 coffee-shop 2026.12</h1>")
                .contains("<g class=\"heat changed\" data-row=\"ALONE\" data-column=\"ESCALATE to shift-lead\">")
                .contains("<title>ESCALATE to shift-lead / DENIED: 1</title>")
                .contains("<td class=\"num\">+1</td>")
                .contains("&lt;script&gt;document.body.setAttribute")
                .doesNotContainPattern("<body[^>]*data-pwned").doesNotContain("<img");
        assertThat(chromium.screenshot(page, null, OUT.resolve("diff.png"), 1200, 1400)).isNotEmptyFile();
    }
}
