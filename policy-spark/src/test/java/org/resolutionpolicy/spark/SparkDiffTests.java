package org.resolutionpolicy.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.resolutionpolicy.api.Policies;
import org.resolutionpolicy.api.PolicySource;
import org.resolutionpolicy.replay.BadLines;
import org.resolutionpolicy.replay.Diff;
import org.resolutionpolicy.replay.DiffReport;
import org.resolutionpolicy.replay.History;

/** A diff on Spark reports what the local diff reports for the same history and edit, number for number. */
class SparkDiffTests {

    @TempDir
    static Path dir;
    static Path history;
    static SparkSession spark;
    static Dataset<Row> lines;

    @BeforeAll
    static void history() {
        spark = LocalSpark.session();
        history = GeneratedHistory.write(dir.resolve("history.jsonl"), 800, 7L, 300);
        lines = SparkHistory.json(spark, history.toString()).cache();
    }

    private static DiffReport local(List<PolicySource> before, List<PolicySource> after) {
        return Diff.of(Policies.compile(before), Policies.compile(after)).onBadLine(BadLines.SKIP)
                .run(History.of(history));
    }

    private static DiffReport onSpark(List<PolicySource> before, List<PolicySource> after) {
        SparkDiff diff = SparkDiff.of(PolicyText.of(before), PolicyText.of(after)).onBadLine(BadLines.SKIP);
        return diff.report(diff.compare(lines), history.toString());
    }

    @Test
    void equals_the_local_diff_of_an_edit_of_a_yaml_policy() {
        DiffReport local = local(Fixtures.sources(Fixtures.YAML), Fixtures.edited(Fixtures.YAML));

        DiffReport onSpark = onSpark(Fixtures.sources(Fixtures.YAML), Fixtures.edited(Fixtures.YAML));

        assertThat(onSpark).isEqualTo(local);
        // the edit moves cases in every respect the report has
        assertThat(local.changedCases()).isPositive();
        assertThat(local.changes()).anySatisfy(t -> assertThat(t.samples()).hasSize(DiffReport.SAMPLES));
        assertThat(local.changes()).allSatisfy(t -> assertThat(t.rules()).isNotEmpty());
        assertThat(local.money()).isNotEmpty();
        assertThat(local.workload()).isNotEmpty();
        assertThat(local.followUps().actions()).isNotEmpty();
        assertThat(local.skippedLines()).isEqualTo(2);
    }

    @Test
    void equals_the_local_diff_of_an_edit_of_a_drl_policy() {
        DiffReport local = local(Fixtures.sources(Fixtures.DRL), Fixtures.edited(Fixtures.DRL));

        DiffReport onSpark = onSpark(Fixtures.sources(Fixtures.DRL), Fixtures.edited(Fixtures.DRL));

        assertThat(onSpark).isEqualTo(local);
        assertThat(local.changedProposals()).isPositive();
    }

    @Test
    void equals_the_local_diff_for_a_history_cut_into_partitions_counted_and_added_in_any_order() {
        SparkDiff diff = SparkDiff.of(PolicyText.of(Fixtures.sources(Fixtures.YAML)),
                PolicyText.of(Fixtures.edited(Fixtures.YAML))).onBadLine(BadLines.SKIP);

        DiffReport onSpark = diff.report(diff.compare(lines.repartition(5)), history.toString());

        assertThat(onSpark).isEqualTo(local(Fixtures.sources(Fixtures.YAML), Fixtures.edited(Fixtures.YAML)));
        assertThat(diff.compare(lines).filter("changed").count()).isEqualTo(onSpark.changedCases());
    }

    @Test
    void is_empty_for_the_same_policy_on_both_sides() {
        DiffReport onSpark = onSpark(Fixtures.sources(Fixtures.YAML), Fixtures.sources(Fixtures.YAML));

        assertThat(onSpark.isEmpty()).isTrue();
        assertThat(onSpark.changes()).isEmpty();
        assertThat(onSpark.cases()).isEqualTo(800);
        assertThat(onSpark).isEqualTo(local(Fixtures.sources(Fixtures.YAML), Fixtures.sources(Fixtures.YAML)));
    }
}
