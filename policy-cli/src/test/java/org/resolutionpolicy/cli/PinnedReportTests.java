package org.resolutionpolicy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.resolutionpolicy.cli.PolicyCliTests.Run;

/**
 * The replay and diff reports of a sample history, in every format, are the bytes they were when pinned: the coffee
 * shop policy and an edit of it, 500 generated cases ({@code SampleHistory}, seed 14) with a malformed line, a blank,
 * a reload line and two cases the policy refuses among them. A change to how a report is counted or rendered that
 * changes a byte fails here; one that is meant to does so with the pinned files written again
 * ({@code -Dpinned.rewrite=true}). The pages are kept
 * gzip-compressed: most of each is the stylesheet they share.
 */
class PinnedReportTests {

    static final String PINNED = "replay/pinned/";

    @TempDir
    Path dir;

    @BeforeEach
    void files() throws IOException {
        for (String name : List.of("coffee-shop.yaml", "coffee-shop-edited.yaml", "history.jsonl.gz")) {
            Files.write(dir.resolve(name), resource(name));
        }
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = PinnedReportTests.class.getClassLoader().getResourceAsStream(PINNED + name)) {
            return in.readAllBytes();
        }
    }

    @ParameterizedTest(name = "{0} --format {1} {2}")
    @CsvSource({
        "replay, text, '', replay.text",
        "replay, json, '', replay.json",
        "replay, json, day, replay-day.json",
        "replay, html, '', replay.html.gz",
        "diff, text, '', diff.text",
        "diff, json, '', diff.json",
        "diff, html, '', diff.html.gz"})
    void a_report_of_the_sample_history_is_the_pinned_one_byte_for_byte(String command, String format, String per,
                                                                         String pinned) throws IOException {
        Path out = dir.resolve(pinned.replace(".gz", ""));
        List<String> args = new ArrayList<>(List.of(command, dir.resolve("coffee-shop.yaml").toString()));
        if (command.equals("diff")) {
            args.addAll(List.of("--against", dir.resolve("coffee-shop-edited.yaml").toString()));
        }
        if (!per.isEmpty()) {
            args.addAll(List.of("--per", per));
        }
        args.addAll(List.of("--history", dir.resolve("history.jsonl.gz").toString(), "--on-bad-line", "skip",
                "--threads", "3", "--format", format, "--out", out.toString()));

        Run run = PolicyCliTests.run(args.toArray(String[]::new));

        assertThat(run.exit()).as(run.err()).isEqualTo(command.equals("diff") ? 1 : 0);
        // the pinned reports name the history as given on the command line there: by its file name
        String report = Files.readString(out, StandardCharsets.UTF_8).replace(dir + File.separator, "");
        if (Boolean.getBoolean("pinned.rewrite")) {
            // a change meant to change the reports: -Dpinned.rewrite=true writes them again, to be reviewed in the diff
            Path file = Path.of("src", "test", "resources", PINNED, pinned);
            byte[] bytes = report.getBytes(StandardCharsets.UTF_8);
            if (pinned.endsWith(".gz")) {
                java.io.ByteArrayOutputStream zipped = new java.io.ByteArrayOutputStream();
                try (java.util.zip.GZIPOutputStream gz = new java.util.zip.GZIPOutputStream(zipped)) {
                    gz.write(bytes);
                }
                bytes = zipped.toByteArray();
            }
            Files.write(file, bytes);
        }
        assertThat(report).isEqualTo(new String(pinned.endsWith(".gz")
                ? new GZIPInputStream(new ByteArrayInputStream(resource(pinned))).readAllBytes() : resource(pinned),
                StandardCharsets.UTF_8));
    }
}
