package org.resolutionpolicy.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.resolutionpolicy.api.Outcome;
import org.resolutionpolicy.api.Policies;
import org.resolutionpolicy.replay.BadLines;
import org.resolutionpolicy.replay.Granularity;
import org.resolutionpolicy.replay.History;
import org.resolutionpolicy.replay.HistoryException;
import org.resolutionpolicy.replay.Replay;
import org.resolutionpolicy.replay.ReplayReport;

/** A replay on Spark reports what the local replay reports for the same history, number for number. */
class SparkReplayTests {

    @TempDir
    static Path dir;
    static Path history;
    static SparkSession spark;
    static PolicyText yaml;
    /** The YAML policy's decisions of the history, decided once for the tests that read them. */
    static Dataset<Row> yamlDecisions;

    @BeforeAll
    static void decide() {
        spark = LocalSpark.session();
        history = GeneratedHistory.write(dir.resolve("history.jsonl"), 1_500, 20261130L, 200);
        yaml = PolicyText.of(Fixtures.sources(Fixtures.YAML));
        yamlDecisions = SparkReplay.of(yaml).decide(SparkHistory.json(spark, history.toString()))
                .persist(StorageLevel.MEMORY_ONLY());
    }

    @AfterAll
    static void release() {
        yamlDecisions.unpersist();
    }

    @Nested
    @DisplayName("equals the local replay")
    class EqualsTheLocalReplay {

        @Test
        void for_a_yaml_policy_every_count_and_sum() {
            ReplayReport local = Replay.of(Policies.load(Fixtures.YAML)).onBadLine(BadLines.SKIP).run(History.of(history));

            ReplayReport onSpark = SparkReplay.of(yaml).onBadLine(BadLines.SKIP).report(yamlDecisions, history.toString());

            assertThat(onSpark).isEqualTo(local);
            // the history is not trivial: every part of the report has something to compare
            assertThat(local.cases()).isGreaterThan(1_400);
            assertThat(local.latitudeCases()).isPositive();
            assertThat(local.escalations()).isNotEmpty();
            assertThat(local.swatByRule()).isNotEmpty();
            assertThat(local.followUps()).isNotEmpty();
            assertThat(local.remedies()).anySatisfy(r -> assertThat(r.money().get(Outcome.Kind.ALONE)).isPositive());
        }

        @Test
        void for_a_drl_policy_every_count_and_sum_with_workload_per_day() {
            ReplayReport local = Replay.of(Policies.load(Fixtures.DRL)).onBadLine(BadLines.SKIP)
                    .granularity(Granularity.DAY).run(History.of(history));

            SparkReplay replay = SparkReplay.of(PolicyText.load(List.of(Fixtures.DRL))).onBadLine(BadLines.SKIP)
                    .granularity(Granularity.DAY);
            ReplayReport onSpark = replay.report(replay.decide(SparkHistory.json(spark, history.toString())),
                    history.toString());

            assertThat(onSpark).isEqualTo(local);
            assertThat(onSpark.escalations()).allSatisfy(w -> assertThat(w.byPeriod()).isNotEmpty());
        }

        @Test
        void for_a_history_cut_into_partitions_counted_and_added_in_any_order() {
            ReplayReport local = Replay.of(Policies.load(Fixtures.YAML)).onBadLine(BadLines.SKIP).threads(3)
                    .run(History.of(history));

            SparkReplay replay = SparkReplay.of(yaml).onBadLine(BadLines.SKIP);
            ReplayReport onSpark = replay.report(replay.decide(SparkHistory.json(spark, history.toString())
                    .repartition(7)), history.toString());

            assertThat(onSpark).isEqualTo(local);
        }

        @Test
        void for_a_mixed_policy_read_from_its_directory() {
            PolicyText text = PolicyText.load(List.of(Fixtures.MIXED));
            ReplayReport local = Replay.of(Policies.load(Fixtures.MIXED)).onBadLine(BadLines.SKIP)
                    .run(History.of(history));

            SparkReplay replay = SparkReplay.of(text).onBadLine(BadLines.SKIP);
            ReplayReport onSpark = replay.report(replay.decide(SparkHistory.json(spark, history.toString())),
                    history.toString());

            assertThat(text.revision()).isEqualTo(Policies.load(Fixtures.MIXED).revision());
            assertThat(onSpark).isEqualTo(local);
        }
    }

    @Nested
    @DisplayName("bad lines")
    class BadLinesOfAHistory {

        @Test
        void are_counted_and_reported_with_their_file_and_line_never_dropped() {
            List<SparkBadLine> bad = SparkReplay.badLines(yamlDecisions, 10);
            ReplayReport report = SparkReplay.of(yaml).onBadLine(BadLines.SKIP).report(yamlDecisions, history.toString());

            // an odd line follows every 200th case: malformed JSON, a bad severity, a blank, a reload, an intern, ...
            assertThat(bad).extracting(SparkBadLine::file).containsOnly(history.toString());
            assertThat(bad).extracting(SparkBadLine::line).containsExactly(201L, 402L, 1005L, 1206L, 1407L);
            assertThat(bad.get(0).message()).contains("invalid JSON");
            assertThat(bad.get(1).message()).contains("severity").contains("URGENT");
            assertThat(bad.get(2).message()).contains("C-intern");
            assertThat(bad.get(3).toString()).startsWith(history + ":1206: ").contains("invalid JSON");
            assertThat(report.skippedLines()).isEqualTo(5);
            assertThat(report.badLines()).extracting(b -> b.line()).containsExactly(201L, 402L, 1005L, 1206L, 1407L);
            assertThat(report.passedOver()).isEqualTo(1);
            // every line is accounted for: cases, bad, passed over, and the one blank line
            assertThat(report.lines()).isEqualTo(report.cases() + report.skippedLines() + report.passedOver() + 1);
        }

        @Test
        void fail_the_report_by_default_naming_the_first() {
            assertThatThrownBy(() -> SparkReplay.of(yaml).report(yamlDecisions, history.toString()))
                    .isInstanceOf(HistoryException.class)
                    .hasMessageContaining("line 201")
                    .satisfies(e -> assertThat(((HistoryException) e).badLine().line()).isEqualTo(201));
        }
    }
}
