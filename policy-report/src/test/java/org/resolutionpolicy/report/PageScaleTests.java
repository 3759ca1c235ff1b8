package org.resolutionpolicy.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.resolutionpolicy.api.CustomerCase;
import org.resolutionpolicy.api.Decision;
import org.resolutionpolicy.api.InvalidCaseException;
import org.resolutionpolicy.api.Policy;
import org.resolutionpolicy.api.Cases;
import org.resolutionpolicy.replay.DiffCounter;
import org.resolutionpolicy.replay.DiffReport;
import org.resolutionpolicy.replay.Granularity;
import org.resolutionpolicy.replay.ReplayCounter;
import org.resolutionpolicy.replay.ReplayReport;

/**
 * A page is drawn from a report's distinct keys (periods, approvers, rules, transitions), never from its cases: the
 * pages of a 1,000,000-case replay and diff are drawn in well under a second. The counts are real: the coffee shop's
 * decisions of the sample history, counted again and again over a year of days, as a year of a busy service would.
 */
class PageScaleTests {

    static final int CASES = 1_000_000;

    @Test
    void the_pages_of_a_million_case_replay_and_diff_are_drawn_in_under_a_second() throws IOException {
        Policy before = PageLayoutBrowserTests.shop();
        Policy after = PageLayoutBrowserTests.edited();
        List<CustomerCase> cases = new ArrayList<>();
        List<Decision> was = new ArrayList<>();
        List<Decision> now = new ArrayList<>();
        for (CustomerCase c : sample()) {
            try {
                Decision b = before.decideWithoutSentences(c);
                Decision a = after.decideWithoutSentences(c);
                cases.add(c);
                was.add(b);
                now.add(a);
            } catch (InvalidCaseException e) {
                // the sample history holds two cases the policy refuses, on purpose: a replay skips them too
            }
        }
        assertThat(cases).hasSizeGreaterThan(400);
        ReplayCounter replay = ReplayCounter.of(before, Granularity.DAY);
        DiffCounter diff = DiffCounter.of(before, after);
        Instant start = Instant.parse("2026-01-01T09:00:00Z");
        for (int i = 0; i < CASES; i++) {
            int k = i % cases.size();
            CustomerCase c = cases.get(k);
            replay.count(was.get(k), start.plus(Duration.ofDays(i % 365)), c.employee().role(), c.category(),
                    c.channel());
            diff.count(i + 1, c.id(), was.get(k), now.get(k));
        }
        ReplayReport replayReport = replay.snapshot().report("a year");
        DiffReport diffReport = diff.snapshot().report("a year");
        assertThat(replayReport.cases()).isEqualTo(CASES);
        assertThat(diffReport.cases()).isEqualTo(CASES);
        assertThat(replayReport.periods()).isEqualTo(365);

        // warm the page code once, as a service drawing pages would be, then time the drawing alone
        ReplayPage.of(replayReport, before).html();
        DiffPage.of(diffReport).html();
        long t0 = System.nanoTime();
        String replayPage = ReplayPage.of(replayReport, before).html();
        String diffPage = DiffPage.of(diffReport).html();
        String text = ReportFormat.text(replayReport) + ReportFormat.text(diffReport);
        long millis = (System.nanoTime() - t0) / 1_000_000;

        assertThat(millis).as("drawing the pages of %d cases took %d ms", CASES, millis).isLessThan(1000);
        assertThat(replayPage).contains(CASES + " cases").contains("365 days");
        assertThat(diffPage).contains(CASES + " cases");
        assertThat(text).contains("1000000 cases");
    }

    /** Returns the sample history's cases. */
    static List<CustomerCase> sample() throws IOException {
        List<CustomerCase> cases = new ArrayList<>();
        try (InputStream in = new GZIPInputStream(Files.newInputStream(
                PageLayoutBrowserTests.PINNED.resolve("history.jsonl.gz")))) {
            for (String line : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
                if (line.startsWith("{\"id\"")) {
                    try {
                        cases.add(Cases.parse(line));
                    } catch (InvalidCaseException e) {
                        // the malformed line the sample history holds on purpose
                    }
                }
            }
        }
        return cases;
    }
}
