package org.resolutionpolicy.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The main class for spark-submit: replay writes decisions and prints the report, diff exits 1 on a change. */
class SparkReplayMainTests {

    @TempDir
    static Path dir;
    static Path history;

    @BeforeAll
    static void history() {
        // the session the tests share: getOrCreate in the main class finds it
        LocalSpark.session();
        history = GeneratedHistory.write(dir.resolve("cases.jsonl"), 300, 3L, 100);
    }

    /** The output of one run. */
    record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = SparkReplayMain.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void replay_writes_the_decisions_as_json_lines_and_reports_bad_lines_with_file_and_line() throws Exception {
        Path out = dir.resolve("decisions");

        Run run = run("replay", Fixtures.YAML.toString(), "--history", history.toString(), "--on-bad-line", "skip",
                "--out", out.toString(), "--out-format", "json", "--master", "local[2]");

        assertThat(run.code()).isZero();
        assertThat(run.out()).contains("replay of " + history + " by coffee-shop 2026.11")
                .contains("lines 303, cases 300,").contains("bad lines skipped 2");
        assertThat(run.err()).contains("bad line " + history + ":101: ").contains("bad line " + history + ":202: ");
        try (var files = Files.list(out)) {
            List<Path> parts = files.filter(f -> f.getFileName().toString().endsWith(".json")).toList();
            assertThat(parts).isNotEmpty();
            assertThat(Files.readString(parts.get(0))).contains("\"revision\":\"" + PolicyText.of(
                    Fixtures.sources(Fixtures.YAML)).revision() + "\"");
        }
    }

    @Test
    void diff_exits_1_when_the_edit_changes_a_decision_and_0_when_it_does_not() throws Exception {
        Path edited = Files.writeString(dir.resolve("edited.yaml"), Fixtures.edited(Fixtures.YAML).get(0).text());

        Run changed = run("diff", Fixtures.YAML.toString(), "--against", edited.toString(), "--history",
                history.toString(), "--on-bad-line", "skip");
        Run same = run("diff", Fixtures.YAML.toString(), "--against", Fixtures.YAML.toString(), "--history",
                history.toString(), "--on-bad-line", "skip");

        assertThat(changed.code()).isEqualTo(1);
        assertThat(changed.out()).contains("transitions:").contains("workload");
        assertThat(same.code()).isZero();
        assertThat(same.out()).contains("no case is decided differently");
    }

    @Test
    void a_bad_line_fails_the_run_by_default_and_a_wrong_argument_is_named() {
        Run failed = run("replay", Fixtures.YAML.toString(), "--history", history.toString());
        Run wrong = run("replay", Fixtures.YAML.toString(), "--histroy", history.toString());

        assertThat(failed.code()).isEqualTo(2);
        assertThat(failed.err()).contains("line 101").contains("skipped");
        assertThat(wrong.code()).isEqualTo(2);
        assertThat(wrong.err()).contains("unknown option [--histroy]").contains("usage:");
    }
}
