package org.resolutionpolicy.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.resolutionpolicy.api.Cases;
import org.resolutionpolicy.api.DecisionLog;
import org.resolutionpolicy.api.DecisionLog.Masking;
import org.resolutionpolicy.api.Outcome.Kind;
import org.resolutionpolicy.api.Policies;
import org.resolutionpolicy.api.Policy;
import org.resolutionpolicy.replay.ReplayReport.FollowUpCount;
import org.resolutionpolicy.replay.ReplayReport.RemedyOutcomes;
import org.resolutionpolicy.replay.ReplayReport.Workload;

/** A replay counts what the policy decided over a history: figures computed by hand for a nine-line history. */
class ReplayTests {

    static final Policy SHOP = Policies.fromClasspath("shop.yaml");
    static final String HISTORY = resource("shop-history.jsonl");

    static String resource(String name) {
        try (var in = ReplayTests.class.getClassLoader().getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static History history(String text) {
        return History.of("history.jsonl", new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    static Map<Kind, BigDecimal> money(int alone, int escalate, int swat, int denied) {
        return Map.of(Kind.ALONE, BigDecimal.valueOf(alone), Kind.ESCALATE, BigDecimal.valueOf(escalate),
                Kind.SWAT, BigDecimal.valueOf(swat), Kind.DENIED, BigDecimal.valueOf(denied));
    }

    @Test
    void counts_lines_cases_and_proposals() {
        ReplayReport r = Replay.of(SHOP).run(history(HISTORY));

        assertThat(r.lines()).isEqualTo(9);
        assertThat(r.cases()).isEqualTo(8);
        assertThat(r.proposals()).isEqualTo(9);
        assertThat(r.latitudeCases()).isEqualTo(1);
        assertThat(r.swatCases()).isEqualTo(1);
        assertThat(r.skippedLines()).isZero();
        assertThat(r.policy().id()).isEqualTo("shop");
    }

    @Test
    void counts_outcomes_and_money_per_remedy() {
        ReplayReport r = Replay.of(SHOP).run(history(HISTORY));

        RemedyOutcomes refund = r.remedies().get(0);
        assertThat(refund.remedy()).isEqualTo("refund");
        assertThat(refund.outcomes()).containsExactly(entry(Kind.ALONE, 1L), entry(Kind.ESCALATE, 4L),
                entry(Kind.SWAT, 1L), entry(Kind.DENIED, 1L));
        // alone: C-1 30; escalated: C-2 120 + C-3 500 + C-6 100 + C-9 120; SWAT: C-5 40; denied: C-4 20
        assertThat(refund.money()).isEqualTo(money(30, 840, 40, 20));
        RemedyOutcomes apology = r.remedies().get(1);
        assertThat(apology.outcomes()).containsEntry(Kind.ALONE, 1L).containsEntry(Kind.SWAT, 1L);
        assertThat(apology.money()).isEmpty();
    }

    @Test
    void counts_each_roles_escalated_cases_per_week_of_opening() {
        ReplayReport r = Replay.of(SHOP).run(history(HISTORY));

        assertThat(r.escalations()).containsExactly(
                new Workload("manager", 3, 1, new java.util.TreeMap<>(Map.of(LocalDate.parse("2026-01-05"), 2L))),
                new Workload("director", 1, 0, new java.util.TreeMap<>(Map.of(LocalDate.parse("2026-01-12"), 1L))));
    }

    @Test
    void averages_over_the_span_of_the_history_not_over_the_periods_that_had_escalations() {
        ReplayReport weeks = Replay.of(SHOP).run(history(HISTORY));
        ReplayReport days = Replay.of(SHOP).granularity(Granularity.DAY).run(history(HISTORY));

        // opened from Monday 5 to Monday 12 January: two weeks, eight days
        assertThat(weeks.timeline().first()).isEqualTo(LocalDate.parse("2026-01-05"));
        assertThat(weeks.timeline().last()).isEqualTo(LocalDate.parse("2026-01-12"));
        assertThat(weeks.periods()).isEqualTo(2);
        assertThat(days.periods()).isEqualTo(8);
        // the manager's two dated escalations (C-2, C-9) both fell on 6 January: 1 a week, 0.25 a day, not 2 a day
        assertThat(weeks.averagePerPeriod(weeks.escalations().get(0))).isEqualTo(1.0);
        assertThat(days.averagePerPeriod(days.escalations().get(0))).isEqualTo(0.25);
        // every dated case per week, and the one sent to SWAT (C-5)
        assertThat(weeks.timeline().cases()).containsExactly(entry(LocalDate.parse("2026-01-05"), 6L),
                entry(LocalDate.parse("2026-01-12"), 1L));
        assertThat(weeks.timeline().swat()).containsExactly(entry(LocalDate.parse("2026-01-05"), 1L));
        assertThat(weeks.timeline().periodStarts(Granularity.WEEK)).containsExactly(LocalDate.parse("2026-01-05"),
                LocalDate.parse("2026-01-12"));
    }

    @Test
    void counts_escalated_cases_by_remedy_requesting_role_category_and_channel() {
        ReplayReport r = Replay.of(SHOP).run(history(HISTORY));

        // C-2, C-3, C-6 and C-9 escalate a refund; each is a clerk's, none states a category or channel
        assertThat(r.escalationsBy()).containsExactly(entry(ReplayReport.REMEDY, Map.of("refund", 4L)),
                entry(ReplayReport.ROLE, Map.of("clerk", 4L)), entry(ReplayReport.CATEGORY, Map.of("(none)", 4L)),
                entry(ReplayReport.CHANNEL, Map.of("(none)", 4L)));
    }

    @Test
    void counts_per_day_when_asked() {
        ReplayReport r = Replay.of(SHOP).granularity(Granularity.DAY).run(history(HISTORY));

        assertThat(r.escalations().get(0).byPeriod()).containsExactly(entry(LocalDate.parse("2026-01-06"), 2L));
    }

    @Test
    void counts_swat_routes_deciding_rules_and_follow_ups() {
        ReplayReport r = Replay.of(SHOP).run(history(HISTORY));

        assertThat(r.swatByRule()).containsExactly(entry("viral", 2L));
        assertThat(r.decidingRules()).containsExactly(entry("authority", 4L), entry("viral", 2L),
                entry("no-gift-card-refunds", 1L));
        assertThat(r.followUps()).containsExactly(new FollowUpCount("call-back", "manager", 1));
    }

    @Test
    void gives_the_same_report_on_one_thread_and_on_many() {
        ReplayReport one = Replay.of(SHOP).threads(1).run(history(HISTORY));
        ReplayReport many = Replay.of(SHOP).threads(4).run(history(HISTORY.repeat(1)));

        assertThat(many).isEqualTo(one);
    }

    @Test
    void reads_a_gzip_file_by_its_first_bytes(@TempDir Path dir) throws IOException {
        Path plain = dir.resolve("history.jsonl");
        Files.writeString(plain, HISTORY);
        Path gzip = dir.resolve("history.data");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gzip))) {
            out.write(HISTORY.getBytes(StandardCharsets.UTF_8));
        }

        ReplayReport fromPlain = Replay.of(SHOP).run(History.of(plain));
        ReplayReport fromGzip = Replay.of(SHOP).run(History.of(gzip));

        assertThat(fromGzip.cases()).isEqualTo(8);
        assertThat(fromGzip.remedies()).isEqualTo(fromPlain.remedies());
        assertThat(fromGzip.escalations()).isEqualTo(fromPlain.escalations());
        assertThat(fromGzip.history()).isEqualTo(gzip.toString());
    }

    @Test
    void a_file_history_may_be_replayed_again_and_progress_is_heard(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("history.jsonl");
        Files.writeString(file, HISTORY);
        long[] last = new long[3];
        History history = History.of(file);

        Replay.of(SHOP).run(history);
        Replay.of(SHOP).progress((lines, bytes, total) -> {
            last[0] = lines;
            last[1] = bytes;
            last[2] = total;
        }).run(history);

        assertThat(last).containsExactly(9, Files.size(file), Files.size(file));
    }

    @Test
    void replays_a_decision_log_written_with_cases_as_the_history_it_came_from() {
        StringWriter log = new StringWriter();
        try (DecisionLog decisions = DecisionLog.jsonLines(log,
                new DecisionLog.Options(Masking.KEEP, Masking.HASH, Masking.KEEP, "").withCases())) {
            Policy logged = SHOP.withListener(decisions);
            HISTORY.lines().filter(l -> !l.isBlank()).forEach(l -> logged.decide(Cases.parse(l)));
        }
        String withReload = "{\"reload\": \"LOADED\", \"timestamp\": \"2026-01-01T00:00:00Z\"}\n" + log;

        ReplayReport fromLog = Replay.of(SHOP).run(history(withReload));
        ReplayReport fromHistory = Replay.of(SHOP).run(history(HISTORY));

        assertThat(fromLog.cases()).isEqualTo(8);
        assertThat(fromLog.passedOver()).isEqualTo(1);
        assertThat(fromLog.remedies()).isEqualTo(fromHistory.remedies());
        assertThat(fromLog.escalations()).isEqualTo(fromHistory.escalations());
        assertThat(fromLog.followUps()).isEqualTo(fromHistory.followUps());
    }

    @Nested
    @DisplayName("bad lines")
    class BadLinesTests {

        static final String GOOD = "{\"severity\": \"LOW\", \"employee\": {\"role\": \"clerk\"}, \"proposals\": [{\"remedy\": \"apology\"}]}";
        static final String WITH_BAD = GOOD + "\n{\"severity\": \n" + GOOD + "\r\n"
                + "{\"id\": \"C-4\", \"severity\": \"NOPE\", \"employee\": {\"role\": \"clerk\"}}\n" + GOOD + "\n";

        @Test
        void are_skipped_counted_and_named_by_line_number_when_skipping() {
            ReplayReport r = Replay.of(SHOP).onBadLine(BadLines.SKIP).run(history(WITH_BAD));

            assertThat(r.cases()).isEqualTo(3);
            assertThat(r.lines()).isEqualTo(5);
            assertThat(r.skippedLines()).isEqualTo(2);
            assertThat(r.badLines()).extracting(BadLine::line).containsExactly(2L, 4L);
            assertThat(r.badLines().get(0).message()).contains("history.jsonl:2:").contains("invalid JSON");
            assertThat(r.badLines().get(1).message()).contains("invalid case [C-4]").contains("severity")
                    .contains("[NOPE]");
        }

        @Test
        void fail_the_run_at_the_first_bad_line_by_default() {
            assertThatThrownBy(() -> Replay.of(SHOP).threads(3).run(history(WITH_BAD)))
                    .isInstanceOf(HistoryException.class)
                    .hasMessageStartingWith("history [history.jsonl] line 2: ")
                    .satisfies(e -> assertThat(((HistoryException) e).badLine().line()).isEqualTo(2));
        }

        @Test
        void the_first_bad_line_is_named_even_when_later_batches_fail_first() {
            StringBuilder text = new StringBuilder();
            for (int i = 1; i <= 5000; i++) {
                text.append(i == 1200 || i == 4000 ? "nonsense" : GOOD).append('\n');
            }

            assertThatThrownBy(() -> Replay.of(SHOP).threads(4).run(history(text.toString())))
                    .isInstanceOf(HistoryException.class)
                    .satisfies(e -> assertThat(((HistoryException) e).badLine().line()).isEqualTo(1200));
        }

        @Test
        void a_line_longer_than_the_limit_is_bad_without_being_held_in_memory() {
            String longLine = "{\"id\": \"" + "x".repeat(LineSplitter.MAX_LINE_BYTES) + "\"}";

            ReplayReport r = Replay.of(SHOP).onBadLine(BadLines.SKIP).run(history(GOOD + "\n" + longLine + "\n" + GOOD));

            assertThat(r.cases()).isEqualTo(2);
            assertThat(r.badLines()).singleElement().satisfies(b -> {
                assertThat(b.line()).isEqualTo(2);
                assertThat(b.message()).contains("longer than [524288] bytes");
            });
        }

        @Test
        void a_history_that_cannot_be_read_is_named(@TempDir Path dir) {
            assertThatThrownBy(() -> Replay.of(SHOP).run(History.of(dir.resolve("missing.jsonl"))))
                    .isInstanceOf(HistoryException.class)
                    .hasMessageContaining("cannot read history [")
                    .hasCauseInstanceOf(IOException.class);
        }
    }
}
