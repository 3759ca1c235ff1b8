package org.resolutionpolicy.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.resolutionpolicy.api.Policies;
import org.resolutionpolicy.api.Policy;
import org.resolutionpolicy.replay.BadLine;
import org.resolutionpolicy.replay.BadLines;
import org.resolutionpolicy.replay.Diff;
import org.resolutionpolicy.replay.DiffReport;
import org.resolutionpolicy.replay.History;
import org.resolutionpolicy.replay.Replay;
import org.resolutionpolicy.replay.ReplayReport;

/**
 * A report echoes a bad line's message as a bounded prefix and says alike lines once, counted: a history of nearly a
 * hundred megabytes of bad lines gives a report of kilobytes, where each message was repeated in full (338 MB).
 */
class BadLineEchoTests {

    static final Policy SHOP = Policies.parse("""
            policy: shop
            version: "1"
            roles: [agent, supervisor]
            remedies: { refund: { unit: money }, apology: { unit: none } }
            authority:
              agent: { refund: 50, apology: unlimited }
              supervisor: { refund: 500 }
            """);

    static final String GOOD = "{\"id\":\"ok\",\"severity\":\"LOW\",\"employee\":{\"role\":\"agent\"},"
            + "\"proposals\":[{\"remedy\":\"refund\",\"amount\":5}]}\n";

    /** A line of a case proposing 900 unknown remedies of long names: a message of 170,000 characters. */
    static final String MANY_PROBLEMS = manyProblems();

    /** The same mistake on every line: one problem, the same message. */
    static final String SAME = "{\"id\":\"same\",\"severity\":\"NOPE\",\"employee\":{\"role\":\"agent\"}}\n";

    static String manyProblems() {
        StringBuilder line = new StringBuilder("{\"id\":\"many\",\"severity\":\"LOW\",\"employee\":{\"role\":\"agent\"},"
                + "\"proposals\":[");
        for (int i = 0; i < 900; i++) {
            line.append(i == 0 ? "" : ",").append("{\"remedy\":\"r").append(i).append("Y".repeat(300))
                    .append("\",\"amount\":5}");
        }
        return line.append("]}\n").toString();
    }

    /**
     * Returns a history of a good line, then bad lines up to about {@code megabytes}, streamed (never held whole):
     * the many-problems line and the same line in turns.
     */
    static History history(int megabytes) {
        byte[] good = GOOD.getBytes(StandardCharsets.UTF_8);
        byte[] many = MANY_PROBLEMS.getBytes(StandardCharsets.UTF_8);
        byte[] same = SAME.getBytes(StandardCharsets.UTF_8);
        long total = megabytes * 1024L * 1024L;
        InputStream in = new InputStream() {
            long written;
            int turn = -1;
            byte[] current = good;
            int at;

            @Override
            public int read() {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (at == current.length) {
                    if (written >= total) {
                        return -1;
                    }
                    turn++;
                    current = turn % 2 == 0 ? many : same;
                    at = 0;
                }
                int n = Math.min(len, current.length - at);
                System.arraycopy(current, at, b, off, n);
                at += n;
                written += n;
                return n;
            }
        };
        return History.of("bad.jsonl", in);
    }

    @Test
    void a_hundred_megabytes_of_bad_lines_give_a_report_of_kilobytes_in_text_json_and_html() {
        ReplayReport r = Replay.of(SHOP).onBadLine(BadLines.SKIP).run(history(96));

        assertThat(r.cases()).isEqualTo(1);
        assertThat(r.skippedLines()).isGreaterThan(500);
        String text = ReportFormat.text(r);
        String json = ReportFormat.json(r).toString();
        String html = ReplayPage.of(r).html();
        assertThat(text.length()).isLessThan(64 * 1024);
        assertThat(json.length()).isLessThan(128 * 1024);
        assertThat(html.length()).isLessThan(128 * 1024);
        // the long message is its first 500 characters and its length; the same mistake is said once, counted
        assertThat(r.badLines()).allSatisfy(b -> assertThat(b.message().length()).isLessThan(600));
        assertThat(text).containsPattern("lines 2, 4, 6, 8, 10 and 45 more \\(50 lines\\): invalid case \\[many\\]: .{400,}\\.\\.\\. \\(\\d{6} characters\\)")
                .contains("lines 3, 5, 7, 9, 11 and 45 more (50 lines): invalid case [same]");
        assertThat(text.lines().filter(l -> l.contains("invalid case [same]")).count()).isEqualTo(1);
    }

    @Test
    void a_diff_says_alike_bad_lines_once_too() {
        StringBuilder lines = new StringBuilder(GOOD);
        for (int i = 0; i < 40; i++) {
            lines.append(SAME);
        }
        DiffReport d = Diff.of(SHOP, SHOP).onBadLine(BadLines.SKIP).run(History.of("bad.jsonl",
                new java.io.ByteArrayInputStream(lines.toString().getBytes(StandardCharsets.UTF_8))));

        String text = ReportFormat.text(d);
        assertThat(text).contains("skipped 40 bad lines:").contains("lines 2-41 (40 lines): invalid case [same by the");
        assertThat(DiffPage.of(d).html()).contains("lines 2-41 (40 lines): invalid case [same by the");
    }

    @Test
    void messages_that_differ_only_in_their_own_line_number_are_alike() {
        List<String> alike = Tables.alike(List.of(new BadLine(7, "h.jsonl:7:3: error: invalid JSON"),
                new BadLine(8, "h.jsonl:8:3: error: invalid JSON"), new BadLine(9, "unknown remedy [x]"),
                new BadLine(12, "h.jsonl:12:3: error: invalid JSON")));

        assertThat(alike).containsExactly("lines 7-8, 12 (3 lines): h.jsonl:7:3: error: invalid JSON",
                "line 9: unknown remedy [x]");
    }

    @Test
    void a_bad_line_keeps_the_first_500_characters_of_its_message_and_its_length_once() {
        BadLine b = new BadLine(3, "x".repeat(10_000));

        assertThat(b.message()).isEqualTo("x".repeat(500) + "... (10000 characters)");
        assertThat(new BadLine(3, b.message())).isEqualTo(b);
        assertThat(new BadLine(3, "y".repeat(520)).message()).hasSize(520);
    }
}
