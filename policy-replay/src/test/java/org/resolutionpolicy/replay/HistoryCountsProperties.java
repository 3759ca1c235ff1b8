package org.resolutionpolicy.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.Supplier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import org.resolutionpolicy.api.CustomerCase;
import org.resolutionpolicy.api.InvalidCaseException;
import org.resolutionpolicy.format.json.CaseJsonReader;

/**
 * The snapshots of a replay and of a diff add up as counts must, whatever the split of the history and the order
 * of adding (which is what lets threads and Spark partitions count apart): associative and commutative, the empty
 * counts adding nothing, and the counts of the parts of a history adding up to the counts of the whole, which are
 * what the local replay and diff report.
 */
class HistoryCountsProperties {

    /** Lines of the shop's history: cases of every outcome, with and without a day, and lines without one. */
    @Provide
    Arbitrary<List<String>> histories() {
        Arbitrary<String> proposal = Arbitraries.of("{\"remedy\": \"refund\", \"amount\": 30}",
                "{\"remedy\": \"refund\", \"amount\": 120}", "{\"remedy\": \"refund\", \"amount\": 500}",
                "{\"remedy\": \"refund\", \"amount\": 12.50}", "{\"remedy\": \"refund\", \"amount\": 60.25}",
                "{\"remedy\": \"apology\"}");
        Arbitrary<String> aCase = Combinators.combine(Arbitraries.of("LOW", "MEDIUM", "HIGH"),
                Arbitraries.of("", ", \"category\": \"gift-card\""), Arbitraries.integers().between(0, 40),
                Arbitraries.of("clerk", "manager", "director"), Arbitraries.of(0, 500, 20_000),
                Arbitraries.of(0, 10, 80), proposal.list().ofMaxSize(3))
                .as((severity, category, day, role, reach, outOfPocket, proposals) -> "{\"id\": \"C-#\", \"severity\": \""
                        + severity + "\"" + category
                        + (day == 0 ? "" : ", \"openedAt\": \"" + LocalDate.of(2026, 1, 1).plusDays(day) + "T10:00:00Z\"")
                        + ", \"employee\": {\"role\": \"" + role + "\"}, \"impact\": {\"socialReach\": " + reach
                        + ", \"outOfPocket\": " + outOfPocket + "}"
                        + (proposals.isEmpty() ? "" : ", \"proposals\": [" + String.join(", ", proposals) + "]") + "}");
        Arbitrary<String> odd = Arbitraries.of("", "   ", "{\"reload\": \"LOADED\", \"timestamp\": \"2026-01-01T00:00:00Z\"}",
                "{\"severity\": ", "{\"id\": \"C-#\", \"severity\": \"NOPE\", \"employee\": {\"role\": \"clerk\"}}",
                "{\"id\": \"C-#\", \"severity\": \"LOW\", \"employee\": {\"role\": \"intern\"}}");
        return Arbitraries.frequencyOf(Tuple.of(8, aCase), Tuple.of(1, odd)).list().ofMaxSize(60);
    }

    /** Counts one line as the readers of a history do: blank, passed over, bad, or a case decided. */
    static void count(HistoryCounter<?> counter, long line, String text) {
        if (text.isBlank()) {
            counter.blank();
            return;
        }
        byte[] bytes = text.replace("#", Long.toString(line)).getBytes(StandardCharsets.UTF_8);
        try {
            Optional<CustomerCase> c = CaseJsonReader.readLine(bytes, 0, bytes.length, "history.jsonl", line);
            if (c.isEmpty()) {
                counter.passOver();
            } else {
                counter.decide(line, c.get());
            }
        } catch (InvalidCaseException e) {
            counter.skip(BadLine.of(line, e));
        }
    }

    /** Returns the counts of lines numbered from {@code first}. */
    static <S extends HistoryCounts<S, ?>> S counts(Supplier<? extends HistoryCounter<S>> counters, List<String> lines,
                                                 long first) {
        HistoryCounter<S> counter = counters.get();
        for (int i = 0; i < lines.size(); i++) {
            count(counter, first + i, lines.get(i));
        }
        return counter.snapshot();
    }

    static Supplier<ReplayCounter> replay() {
        return () -> ReplayCounter.of(ReplayTests.SHOP, Granularity.WEEK);
    }

    static Supplier<DiffCounter> diff() {
        return () -> DiffCounter.of(ReplayTests.SHOP, DiffTests.EDITED);
    }

    @Property(tries = 200)
    void adding_is_associative_and_commutative_and_the_empty_counts_add_nothing(
            @ForAll("histories") List<String> a, @ForAll("histories") List<String> b,
            @ForAll("histories") List<String> c) {
        laws(counts(replay(), a, 1), counts(replay(), b, 1000), counts(replay(), c, 2000),
                ReplayCounts.empty(ReplayTests.SHOP, Granularity.WEEK));
        laws(counts(diff(), a, 1), counts(diff(), b, 1000), counts(diff(), c, 2000),
                DiffCounts.empty(ReplayTests.SHOP, DiffTests.EDITED));
    }

    private static <S extends HistoryCounts<S, ?>> void laws(S a, S b, S c, S empty) {
        assertThat(a.plus(b).plus(c)).isEqualTo(a.plus(b.plus(c)));
        assertThat(a.plus(b)).isEqualTo(b.plus(a));
        assertThat(a.plus(empty)).isEqualTo(a).isEqualTo(empty.plus(a));
        assertThat(empty.plus(empty)).isEqualTo(empty);
    }

    @Property(tries = 200)
    void the_counts_of_the_parts_of_a_history_add_up_to_those_of_the_whole(
            @ForAll("histories") List<String> lines, @ForAll @IntRange(min = 1, max = 5) int parts,
            @ForAll Random random) {
        List<Integer> partOf = lines.stream().map(l -> random.nextInt(parts)).toList();

        addsUp(replay(), ReplayCounts.empty(ReplayTests.SHOP, Granularity.WEEK), lines, partOf, parts, random);
        addsUp(diff(), DiffCounts.empty(ReplayTests.SHOP, DiffTests.EDITED), lines, partOf, parts, random);
    }

    private static <S extends HistoryCounts<S, ?>> void addsUp(Supplier<? extends HistoryCounter<S>> counters, S empty,
                                                            List<String> lines, List<Integer> partOf, int parts,
                                                            Random random) {
        List<HistoryCounter<S>> partCounters = new ArrayList<>();
        for (int p = 0; p < parts; p++) {
            partCounters.add(counters.get());
        }
        for (int i = 0; i < lines.size(); i++) {
            count(partCounters.get(partOf.get(i)), i + 1, lines.get(i));
        }
        List<S> snapshots = new ArrayList<>(partCounters.stream().map(HistoryCounter::snapshot).toList());
        Collections.shuffle(snapshots, random);

        S sum = snapshots.stream().reduce(empty, HistoryCounts::plus);

        S whole = counts(counters, lines, 1);
        assertThat(sum).isEqualTo(whole);
        assertThat(sum.lines()).isEqualTo(lines.size());
        Supplier<Object> run = () -> sum instanceof ReplayCounts
                ? Replay.of(ReplayTests.SHOP).onBadLine(BadLines.SKIP).threads(3).run(history(lines))
                : Diff.of(ReplayTests.SHOP, DiffTests.EDITED).onBadLine(BadLines.SKIP).threads(3).run(history(lines));
        if (sum.cases() == 0 && sum.skippedLines() > 0) {
            // a run that decides no line is refused, whatever the parts say
            assertThatThrownBy(run::get).isInstanceOfSatisfying(HistoryException.class,
                    e -> assertThat(e.nothingDecided()).isTrue());
        } else {
            assertThat(sum.report("history.jsonl")).isEqualTo(run.get());
        }
    }

    /** Returns the lines as a history, each case with its line's number as its id, as {@link #count} reads it. */
    private static History history(List<String> lines) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            text.append(lines.get(i).replace("#", Integer.toString(i + 1))).append('\n');
        }
        return ReplayTests.history(text.toString());
    }
}
