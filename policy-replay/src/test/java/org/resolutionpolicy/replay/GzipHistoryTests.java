package org.resolutionpolicy.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/** A compressed history is read whole, member after member, and what is not gzip after it is refused, not dropped. */
class GzipHistoryTests {

    static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    static History history(byte[]... parts) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            all.write(part);
        }
        return History.of("history.jsonl.gz", new ByteArrayInputStream(all.toByteArray()));
    }

    @Test
    void reads_every_member_of_a_concatenated_gzip_history() throws IOException {
        ReplayReport whole = Replay.of(ReplayTests.SHOP).run(ReplayTests.history(ReplayTests.HISTORY));
        String[] lines = ReplayTests.HISTORY.split("\n", 2);

        ReplayReport members = Replay.of(ReplayTests.SHOP).run(history(gzip(lines[0] + "\n"), gzip(lines[1])));

        assertThat(members.cases()).isEqualTo(whole.cases());
        assertThat(members.remedies()).isEqualTo(whole.remedies());
    }

    @Test
    void refuses_plain_lines_appended_after_the_gzip_stream_instead_of_dropping_them() throws IOException {
        byte[] appended = "{\"id\":\"C-100\",\"severity\":\"LOW\",\"employee\":{\"role\":\"agent\"}}\n".repeat(100)
                .getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> Replay.of(ReplayTests.SHOP).run(history(gzip(ReplayTests.HISTORY), appended)))
                .isInstanceOf(HistoryException.class)
                .hasMessageContaining("cannot read history [history.jsonl.gz]")
                .hasMessageContaining("data follows the end of the gzip stream and is not gzip");
    }

    @Test
    void refuses_a_few_bytes_of_garbage_after_the_gzip_stream() throws IOException {
        byte[] garbage = "oops".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> Replay.of(ReplayTests.SHOP).run(history(gzip(ReplayTests.HISTORY), garbage)))
                .isInstanceOf(HistoryException.class).hasMessageContaining("data follows the end of the gzip stream");
    }
}
