package org.resolutionpolicy.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.resolutionpolicy.api.Outcome;
import org.resolutionpolicy.replay.BadLines;
import org.resolutionpolicy.replay.ReplayReport;
import org.resolutionpolicy.replay.ReplayReport.RemedyOutcomes;

/** Decisions written as Parquet or JSON lines carry the revision and read back to the same report; Parquet input. */
class DecisionsOutputTests {

    @TempDir
    static Path dir;
    static Path history;
    static SparkSession spark;
    static PolicyText policy;

    @BeforeAll
    static void history() {
        spark = LocalSpark.session();
        history = GeneratedHistory.write(dir.resolve("history.jsonl"), 300, 11L, 0);
        policy = PolicyText.of(Fixtures.sources(Fixtures.YAML));
    }

    @Test
    void written_as_parquet_and_json_lines_they_name_the_revision_and_report_the_same() {
        SparkReplay replay = SparkReplay.of(policy);
        Dataset<Row> decisions = replay.decide(SparkHistory.json(spark, history.toString())).cache();
        String parquet = dir.resolve("decisions.parquet").toString();
        String json = dir.resolve("decisions.json").toString();

        decisions.write().parquet(parquet);
        decisions.write().json(json);

        ReplayReport direct = replay.report(decisions, "h");
        for (Dataset<Row> back : List.of(spark.read().parquet(parquet),
                spark.read().schema(Schemas.DECISIONS).json(json))) {
            assertThat(back.select("revision").distinct().collectAsList()).extracting(r -> r.getString(0))
                    .containsExactly(policy.revision());
            assertThat(back.count()).isEqualTo(300);
            assertThat(replay.report(back, "h")).isEqualTo(direct);
        }
        decisions.unpersist();
    }

    @Test
    void a_parquet_history_with_the_case_fields_decides_as_its_json_lines() {
        String parquet = dir.resolve("history.parquet").toString();
        spark.read().json(history.toString()).coalesce(1).write().parquet(parquet);
        SparkReplay replay = SparkReplay.of(policy);

        ReplayReport fromJson = replay.report(replay.decide(SparkHistory.json(spark, history.toString())), "h");
        ReplayReport fromParquet = replay.report(replay.decide(SparkHistory.parquet(spark, parquet)), "h");

        assertThat(fromParquet.cases()).isEqualTo(fromJson.cases()).isEqualTo(300);
        assertThat(fromParquet.escalations()).isEqualTo(fromJson.escalations());
        assertThat(fromParquet.followUps()).isEqualTo(fromJson.followUps());
        // JSON's numbers become doubles in an inferred schema: the same amounts, at another scale
        for (int i = 0; i < fromJson.remedies().size(); i++) {
            RemedyOutcomes a = fromJson.remedies().get(i);
            RemedyOutcomes b = fromParquet.remedies().get(i);
            assertThat(b.outcomes()).isEqualTo(a.outcomes());
            for (Outcome.Kind k : a.money().keySet()) {
                assertThat(b.money().get(k)).isEqualByComparingTo(a.money().get(k));
            }
        }
    }

    @Test
    void the_policy_travels_as_text_and_compiles_once_per_jvm() throws IOException, ClassNotFoundException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(PolicyText.of(Fixtures.sources(Fixtures.DRL)));
        }
        PolicyText copy;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            copy = (PolicyText) in.readObject();
        }

        assertThat(copy.sources()).isEqualTo(Fixtures.sources(Fixtures.DRL));
        assertThat(copy.compiled()).isSameAs(copy.compiled()).isSameAs(PolicyText.of(copy.sources()).compiled());
        assertThat(copy.compiled().revision()).isEqualTo(copy.revision());
        assertThat(SparkReplay.of(copy).onBadLine(BadLines.FAIL).report(
                SparkReplay.of(copy).decide(SparkHistory.json(spark, history.toString())), "h").cases()).isEqualTo(300);
    }
}
