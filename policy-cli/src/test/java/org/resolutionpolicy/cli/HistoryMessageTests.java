package org.resolutionpolicy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.resolutionpolicy.cli.PolicyCliTests.Run;

/** The messages of issue 30's unclear list that concern histories and reports: each says what is wrong, exit 2. */
class HistoryMessageTests extends ShopFiles {

    private static final String CASE = "{\"id\": \"C-9\", \"severity\": \"LOW\", \"openedAt\": \"2026-01-05T10:00:00Z\", "
            + "\"employee\": {\"role\": \"clerk\"}, \"proposals\": [{\"remedy\": \"refund\", \"amount\": %s}]}\n";

    private static Run withStdin(byte[] in, String... args) {
        InputStream before = System.in;
        System.setIn(new ByteArrayInputStream(in));
        try {
            return PolicyCliTests.run(args);
        } finally {
            System.setIn(before);
        }
    }

    @Test
    void a_history_of_dash_is_read_from_standard_input_plain_or_gzip() throws IOException {
        Run plain = withStdin(Files.readAllBytes(history), "replay", shop.toString(), "--history", "-");
        Run gzip = withStdin(gzip(Files.readAllBytes(history)), "diff", shop.toString(), "--against",
                edited.toString(), "--history", "-");

        assertThat(plain.exit()).isZero();
        assertThat(plain.err()).isEmpty();
        assertThat(plain.out()).contains("over standard input").contains("8 cases (1 latitude questions), 9 proposals");
        assertThat(gzip.err()).isEmpty();
        assertThat(gzip.exit()).isEqualTo(1);
        assertThat(gzip.out()).contains("standard input");
    }

    @Test
    void a_history_from_a_pipe_is_read_without_an_illegal_seek() throws Exception {
        Path fifo = dir.resolve("history.pipe");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assertThat(mkfifo.waitFor()).isZero();
        byte[] bytes = Files.readAllBytes(history);
        Thread writer = new Thread(() -> {
            try {
                Files.write(fifo, bytes);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        writer.start();

        Run r = PolicyCliTests.run("replay", shop.toString(), "--history", fifo.toString());
        writer.join(10_000);

        assertThat(r.err()).isEmpty();
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("8 cases (1 latitude questions), 9 proposals");
    }

    @Test
    void infinity_and_nan_are_not_numbers_at_their_place_without_jackson_advice() throws IOException {
        Files.writeString(history, String.format(CASE, "Infinity"));
        Path nan = dir.resolve("nan.json");
        Files.writeString(nan, String.format(CASE, "NaN"));

        Run replay = PolicyCliTests.run("replay", shop.toString(), "--history", history.toString());
        Run decide = PolicyCliTests.run("decide", shop.toString(), "--case", nan.toString());

        assertThat(replay.exit()).isEqualTo(2);
        assertThat(replay.err()).contains("shop-history.jsonl:1:154: error: proposals[0].amount: [Infinity] is not a "
                + "number; numbers are finite decimals").doesNotContain("JsonReadFeature");
        assertThat(decide.exit()).isEqualTo(2);
        assertThat(decide.err()).contains("nan.json:1:149: error: proposals[0].amount: [NaN] is not a number; "
                + "numbers are finite decimals").doesNotContain("JsonReadFeature");
    }

    @Test
    void a_gzip_of_only_its_magic_bytes_is_a_truncated_gzip_named_by_its_file() throws IOException {
        Path cut = dir.resolve("cut.jsonl.gz");
        byte[] whole = gzip(Files.readAllBytes(history));
        Files.write(cut, Arrays.copyOf(whole, 20));
        Files.write(history, new byte[] {0x1f, (byte) 0x8b});

        Run magic = PolicyCliTests.run("replay", shop.toString(), "--history", history.toString());
        Run shortened = PolicyCliTests.run("replay", shop.toString(), "--history", cut.toString());

        assertThat(magic.exit()).isEqualTo(2);
        assertThat(magic.err()).isEqualTo("policy: history [" + history + "] is a truncated gzip file: it ends inside "
                + "its gzip header (a download or copy cut short?)\n");
        assertThat(shortened.exit()).isEqualTo(2);
        assertThat(shortened.err()).startsWith("policy: cannot read history [" + cut + "] after line [0]: it is a "
                + "truncated gzip file: it ends before its compressed data does");
    }

    @Test
    void an_out_path_that_is_a_directory_is_a_usage_error_that_says_so() throws IOException {
        Path folder = Files.createDirectory(dir.resolve("reports"));

        Run replay = PolicyCliTests.run("replay", shop.toString(), "--history", history.toString(), "--out",
                folder.toString());
        Run diff = PolicyCliTests.run("diff", shop.toString(), "--against", edited.toString(), "--history",
                history.toString(), "--out", folder.toString());

        assertThat(replay.exit()).isEqualTo(2);
        assertThat(replay.err()).isEqualTo("policy: --out [" + folder + "] is a directory: name a file to write the "
                + "report to\n");
        assertThat(diff.exit()).isEqualTo(2);
        assertThat(diff.err()).isEqualTo(replay.err());
    }

    @Test
    void an_out_path_in_a_missing_folder_says_which() {
        Path out = dir.resolve("nowhere").resolve("report.txt");

        Run r = PolicyCliTests.run("replay", shop.toString(), "--history", history.toString(), "--out", out.toString());

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("policy: cannot write the report to [" + out + "]: no such directory ["
                + dir.resolve("nowhere") + "]\n");
    }

    @Test
    void a_line_that_is_not_utf8_is_a_bad_line_that_says_so_and_the_page_is_written() throws IOException {
        byte[] first = Files.readAllBytes(history);
        byte[] surrogate = String.format(CASE, "3").replace("C-9", "C-@").getBytes(StandardCharsets.UTF_8);
        int at = new String(surrogate, StandardCharsets.ISO_8859_1).indexOf('@');
        byte[] line = new byte[surrogate.length + 2];
        System.arraycopy(surrogate, 0, line, 0, at);
        line[at] = (byte) 0xed;
        line[at + 1] = (byte) 0xa0;
        line[at + 2] = (byte) 0x80;
        System.arraycopy(surrogate, at + 1, line, at + 3, surrogate.length - at - 1);
        byte[] all = Arrays.copyOf(first, first.length + line.length);
        System.arraycopy(line, 0, all, first.length, line.length);
        Files.write(history, all);
        Path page = dir.resolve("replay.html");

        Run fail = PolicyCliTests.run("replay", shop.toString(), "--history", history.toString());
        Run skip = PolicyCliTests.run("replay", shop.toString(), "--history", history.toString(), "--on-bad-line",
                "skip", "--format", "html", "--out", page.toString());

        assertThat(fail.exit()).isEqualTo(2);
        assertThat(fail.err()).contains("line 10: invalid case [" + history + "]: " + history + ":10:11: error: the "
                + "line is not valid UTF-8: the bytes [ED A0 80] encode a lone surrogate (U+D800), which is no "
                + "character; a history is UTF-8 text").doesNotContain("Input length");
        assertThat(skip.err()).isEmpty();
        assertThat(skip.exit()).isZero();
        assertThat(Files.readString(page)).contains("the line is not valid UTF-8");
    }

    @Test
    void a_lone_surrogate_escape_is_a_bad_line_and_the_report_is_written() throws IOException {
        Files.writeString(history, Files.readString(history) + String.format(CASE, "3").replace("C-9", "C-\\ud800"));
        Path out = dir.resolve("report.txt");

        Run r = PolicyCliTests.run("replay", shop.toString(), "--history", history.toString(), "--on-bad-line",
                "skip", "--out", out.toString());

        assertThat(r.err()).isEmpty();
        assertThat(r.exit()).isZero();
        assertThat(Files.readString(out)).contains("line 10: invalid case [" + history + "]: " + history + ":10:8: "
                + "error: invalid JSON: text holds a lone surrogate (\\uD800), which is no character");
    }

    @Test
    void a_lone_cr_ends_a_line_so_messages_name_the_line_an_editor_shows() throws IOException {
        String lines = Files.readString(history);
        Files.writeString(history, lines.replace("\n", "\r") + "{\"id\": \"C-10\", \"severity\": \"SEVERE\"}\r");

        Run r = PolicyCliTests.run("replay", shop.toString(), "--history", history.toString());

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).startsWith("policy: history [" + history + "] line 10: invalid case [C-10]");
    }

    @Test
    void log_summary_counts_a_lone_cr_as_a_line_break_in_its_messages() throws IOException {
        Path log = dir.resolve("decisions.jsonl");
        Files.writeString(log, "{}\r{}\r\n{}\r" + "x".repeat(BoundedFiles.MAX_LOG_LINE_CHARS + 1) + "\n");

        Run r = PolicyCliTests.run("log-summary", log.toString());

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).startsWith("policy: line 4 of [" + log + "] is longer than 1,048,576 characters");
    }

    private static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        }
        return out.toByteArray();
    }
}
