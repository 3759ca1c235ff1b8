package org.resolutionpolicy.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.io.Text;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.resolutionpolicy.api.Policies;
import org.resolutionpolicy.replay.BadLines;
import org.resolutionpolicy.replay.History;
import org.resolutionpolicy.replay.HistoryException;
import org.resolutionpolicy.replay.Replay;
import org.resolutionpolicy.replay.ReplayReport;

/**
 * A history line is never built longer than a case may be (a gzip bomb is one bad line, not a dead executor), and data
 * after a gzip stream is refused with the file's name, in the local replay's words.
 */
class HistoryBoundsTests {

    @TempDir
    static Path dir;
    static SparkSession spark;
    static PolicyText yaml;
    static String first;
    static String second;

    @BeforeAll
    static void session() {
        spark = LocalSpark.session();
        yaml = PolicyText.of(Fixtures.sources(Fixtures.YAML));
        Random random = new Random(7L);
        first = GeneratedHistory.caseJson(random, 1);
        second = GeneratedHistory.caseJson(random, 2);
    }

    /** Writes a gzip member of a case, a line of {@code bombBytes} zeros' worth of one letter, and a case. */
    private static Path bomb(String name, int bombBytes) throws IOException {
        Path file = dir.resolve(name);
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file), 1 << 16)) {
            out.write((first + "\n").getBytes(StandardCharsets.UTF_8));
            byte[] chunk = new byte[1 << 16];
            Arrays.fill(chunk, (byte) 'x');
            chunk[0] = '{';
            for (int written = 0; written < bombBytes; written += chunk.length) {
                out.write(chunk);
                chunk[0] = 'x';
            }
            out.write(("\n" + second + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return file;
    }

    @Test
    void a_gzip_bomb_line_is_one_bad_line_with_its_number_and_the_lines_after_it_keep_theirs() throws IOException {
        Path file = bomb("bomb.jsonl.gz", 8 << 20);
        assertThat(Files.size(file)).as("a few MB of one line, compressed").isLessThan(100_000);

        SparkReplay replay = SparkReplay.of(yaml).onBadLine(BadLines.SKIP);
        var decisions = replay.decide(SparkHistory.json(spark, file.toString()));
        ReplayReport report = replay.report(decisions, "bomb");

        assertThat(report.lines()).isEqualTo(3);
        assertThat(report.cases()).isEqualTo(2);
        assertThat(report.skippedLines()).isEqualTo(1);
        assertThat(SparkReplay.badLines(decisions, 10)).singleElement().satisfies(b -> {
            assertThat(b.file()).isEqualTo(file.toString());
            assertThat(b.line()).isEqualTo(2);
            assertThat(b.message()).contains("longer than [" + HistoryLines.MAX_LINE_BYTES + "] bytes");
        });
        List<Row> rows = decisions.select("line", "status").orderBy("line").collectAsList();
        assertThat(rows).extracting(r -> r.getLong(0) + " " + r.getString(1))
                .containsExactly("1 case", "2 bad", "3 case");
    }

    @Test
    void a_gzip_bomb_line_fails_a_run_that_fails_on_bad_lines_naming_its_line() throws IOException {
        Path file = bomb("bomb-fail.jsonl.gz", 2 << 20);
        SparkReplay replay = SparkReplay.of(yaml);

        assertThatThrownBy(() -> replay.report(replay.decide(SparkHistory.json(spark, file.toString())), "bomb"))
                .isInstanceOf(HistoryException.class)
                .satisfies(e -> assertThat(((HistoryException) e).badLine().line()).isEqualTo(2));
    }

    @Test
    void a_line_of_any_length_is_read_past_keeping_one_byte_over_the_limit() throws IOException {
        long huge = 300L << 20;
        InputStream endless = new InputStream() {
            long left = huge;

            @Override
            public int read() {
                return left-- > 0 ? 'x' : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (left <= 0) {
                    return -1;
                }
                int n = (int) Math.min(len, left);
                Arrays.fill(b, off, off + n, (byte) 'x');
                left -= n;
                return n;
            }
        };
        HistoryInputFormat.BoundedLines lines = new HistoryInputFormat.BoundedLines(
                new java.io.SequenceInputStream(endless, new ByteArrayInputStream("\r\nnext\rlast".getBytes())));
        Text line = new Text();

        assertThat(lines.next(line)).isEqualTo(huge + 2);
        assertThat(line.getLength()).isEqualTo(HistoryLines.MAX_LINE_BYTES + 1);
        assertThat(lines.next(line)).isEqualTo(5);
        assertThat(line.toString()).isEqualTo("next");
        assertThat(lines.next(line)).isEqualTo(4);
        assertThat(line.toString()).isEqualTo("last");
        assertThat(lines.next(line)).isEqualTo(-1);
    }

    @Test
    void a_plain_history_cut_into_many_splits_is_numbered_and_counted_as_the_local_replay_counts_it() {
        Path history = GeneratedHistory.write(dir.resolve("split.jsonl"), 400, 11L, 20);
        Configuration conf = spark.sparkContext().hadoopConfiguration();
        String key = "mapreduce.input.fileinputformat.split.maxsize";
        String before = conf.get(key);
        conf.set(key, "7777");
        try {
            var rows = SparkHistory.json(spark, history.toString());
            assertThat(rows.javaRDD().getNumPartitions()).isGreaterThan(10);
            ReplayReport local = Replay.of(Policies.load(Fixtures.YAML)).onBadLine(BadLines.SKIP).run(History.of(history));
            SparkReplay replay = SparkReplay.of(yaml).onBadLine(BadLines.SKIP);

            assertThat(replay.report(replay.decide(rows), history.toString())).isEqualTo(local);
        } finally {
            if (before == null) {
                conf.unset(key);
            } else {
                conf.set(key, before);
            }
        }
    }

    @Test
    void gzip_members_one_after_another_are_all_read() throws IOException {
        Path file = dir.resolve("members.jsonl.gz");
        Files.write(file, gzip(first + "\n"));
        Files.write(file, gzip(second + "\n"), StandardOpenOption.APPEND);

        SparkReplay replay = SparkReplay.of(yaml);
        assertThat(replay.report(replay.decide(SparkHistory.json(spark, file.toString())), "members").cases())
                .isEqualTo(2);
    }

    /** What the local replay says of data after a gzip stream. */
    static final String TRAILING = "data follows the end of the gzip stream and is not gzip (plain lines appended to"
            + " a compressed history?): decompress the history and compress it whole, or append gzip members only";

    @Test
    void data_after_the_gzip_stream_is_refused_naming_the_file_in_the_local_replays_words() throws IOException {
        Path file = dir.resolve("appended.jsonl.gz");
        Files.write(file, gzip(first + "\n"));
        Files.write(file, (second + "\n").getBytes(StandardCharsets.UTF_8), StandardOpenOption.APPEND);
        String local = catchMessage(() -> Replay.of(Policies.load(Fixtures.YAML)).run(History.of(file)));

        SparkReplay replay = SparkReplay.of(yaml).onBadLine(BadLines.SKIP);
        assertThatThrownBy(() -> replay.report(replay.decide(SparkHistory.json(spark, file.toString())), "appended"))
                .isInstanceOf(HistoryException.class)
                .hasMessageStartingWith("cannot read history [" + file + "]: ")
                .hasMessageContaining(TRAILING);
        assertThat(local).contains(TRAILING);
    }

    @Test
    void the_main_class_says_which_file_has_data_after_its_gzip_stream_and_exits_2() throws IOException {
        Path file = dir.resolve("main-appended.jsonl.gz");
        Files.write(file, gzip(first + "\n"));
        Files.write(file, "plain\n".getBytes(StandardCharsets.UTF_8), StandardOpenOption.APPEND);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int code = SparkReplayMain.run(new String[] {"replay", Fixtures.YAML.toString(), "--history", file.toString(),
            "--on-bad-line", "skip"}, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("error: cannot read history [" + file + "]: ")
                .contains("data follows the end of the gzip stream").doesNotContain("\tat ");
    }

    private static String catchMessage(Runnable run) {
        try {
            run.run();
            return "";
        } catch (RuntimeException e) {
            return e.getMessage();
        }
    }

    private static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }
}
