package org.resolutionpolicy.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The snapshots of a replay and a diff: what they hold, how they travel, and what they refuse to add up. */
class HistoryCountsTests {

    static <S extends HistoryCounts<S, ?>> S counted(HistoryCounter<S> counter) {
        List<String> lines = ReplayTests.HISTORY.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            HistoryCountsProperties.count(counter, i + 1, lines.get(i));
        }
        return counter.snapshot();
    }

    @SuppressWarnings("unchecked")
    static <T> T copied(T value) throws IOException, ClassNotFoundException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (T) in.readObject();
        }
    }

    @Test
    void a_counter_of_every_line_reports_what_the_local_replay_and_diff_report() {
        ReplayCounts replay = counted(ReplayCounter.of(ReplayTests.SHOP, Granularity.WEEK));
        DiffCounts diff = counted(DiffCounter.of(ReplayTests.SHOP, DiffTests.EDITED));

        assertThat(replay.report("history.jsonl")).isEqualTo(Replay.of(ReplayTests.SHOP)
                .run(ReplayTests.history(ReplayTests.HISTORY)));
        assertThat(diff.report("history.jsonl")).isEqualTo(Diff.of(ReplayTests.SHOP, DiffTests.EDITED)
                .run(ReplayTests.history(ReplayTests.HISTORY)));
        assertThat(replay.lines()).isEqualTo(9);
        assertThat(replay.cases()).isEqualTo(8);
        assertThat(replay).hasToString("ReplayCounts[shop 1 (" + ReplayTests.SHOP.revision() + ") per week]: 8 cases"
                + " of 9 lines");
    }

    @Test
    void a_snapshot_travels_through_java_serialization_unchanged() throws Exception {
        ReplayCounts replay = counted(ReplayCounter.of(ReplayTests.SHOP, Granularity.DAY));
        DiffCounts diff = counted(DiffCounter.of(ReplayTests.SHOP, DiffTests.EDITED));

        ReplayCounts replayCopy = copied(replay);
        DiffCounts diffCopy = copied(diff);

        assertThat(replayCopy).isEqualTo(replay).isNotSameAs(replay);
        assertThat(replayCopy.report("h")).isEqualTo(replay.report("h"));
        assertThat(diffCopy).isEqualTo(diff);
        assertThat(diffCopy.report("h")).isEqualTo(diff.report("h"));
        assertThat(diffCopy.report("h").changes()).isNotEmpty();
        // what the copy adds up to is what the original adds up to
        assertThat(diffCopy.plus(diff)).isEqualTo(diff.plus(diff));
    }

    @Test
    void a_snapshot_does_not_change_when_its_counter_counts_on() {
        ReplayCounter counter = ReplayCounter.of(ReplayTests.SHOP, Granularity.WEEK);
        HistoryCountsProperties.count(counter, 1, ReplayTests.HISTORY.lines().findFirst().orElseThrow());
        ReplayCounts first = counter.snapshot();

        HistoryCountsProperties.count(counter, 2, "");
        counter.skip(new BadLine(3, "bad"));
        counter.passOver();

        assertThat(first.cases()).isEqualTo(1);
        assertThat(first.lines()).isEqualTo(1);
        assertThat(counter.snapshot().lines()).isEqualTo(4);
        assertThat(counter.snapshot().badLines()).containsExactly(new BadLine(3, "bad"));
        assertThat(counter.snapshot().passedOver()).isEqualTo(1);
        assertThat(counter.snapshot().skippedLines()).isEqualTo(1);
    }

    @Test
    void the_counts_of_another_policy_or_of_other_periods_do_not_add_up() {
        ReplayCounts shop = ReplayCounts.empty(ReplayTests.SHOP, Granularity.WEEK);

        assertThatThrownBy(() -> shop.plus(ReplayCounts.empty(DiffTests.EDITED, Granularity.WEEK)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[shop 2 (").hasMessageContaining("[shop 1 (");
        assertThatThrownBy(() -> shop.plus(ReplayCounts.empty(ReplayTests.SHOP, Granularity.DAY)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("per day");
        assertThatThrownBy(() -> DiffCounts.empty(ReplayTests.SHOP, DiffTests.EDITED)
                .plus(DiffCounts.empty(DiffTests.EDITED, ReplayTests.SHOP)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> shop.plus(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("other must not be null");
    }

    @Test
    void the_first_bad_lines_are_kept_by_line_whatever_the_order_they_are_counted_in() {
        ReplayCounter late = ReplayCounter.of(ReplayTests.SHOP, Granularity.WEEK);
        ReplayCounter early = ReplayCounter.of(ReplayTests.SHOP, Granularity.WEEK);
        for (long line = ReplayReport.BAD_LINE_SAMPLES + 50; line > 50; line--) {
            late.skip(new BadLine(line, "late"));
        }
        for (long line = 1; line <= 50; line++) {
            early.skip(new BadLine(line, "early"));
        }

        ReplayCounts both = late.snapshot().plus(early.snapshot());

        assertThat(both.skippedLines()).isEqualTo(ReplayReport.BAD_LINE_SAMPLES + 50);
        assertThat(both.badLines()).hasSize(ReplayReport.BAD_LINE_SAMPLES)
                .extracting(BadLine::line).isSorted().startsWith(1L).endsWith((long) ReplayReport.BAD_LINE_SAMPLES);
        assertThat(both).isEqualTo(early.snapshot().plus(late.snapshot()));
    }
}
