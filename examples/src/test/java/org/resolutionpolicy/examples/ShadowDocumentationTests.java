package org.resolutionpolicy.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.resolutionpolicy.api.CustomerCase;
import org.resolutionpolicy.api.Policies;
import org.resolutionpolicy.api.Policy;
import org.resolutionpolicy.api.ShadowStatus;
import org.resolutionpolicy.replay.Diff;
import org.resolutionpolicy.replay.DiffReport;
import org.resolutionpolicy.replay.HistoryWriter;
import org.resolutionpolicy.replay.History;
import org.resolutionpolicy.report.ReportFormat;

/**
 * The worked example of docs/shadow.md runs as written: the edit applies to the coffee shop's policy, a day of
 * sample traffic served with it in shadow gives the summary the guide prints, and that summary is the diff over the
 * same cases. The guide's Java is quoted from {@link ShadowExample}.
 */
class ShadowDocumentationTests {

    static final Path GUIDE = Path.of("..", "docs", "shadow.md");
    static final Path COFFEE = Path.of("policies", "coffee-shop.yaml");
    /** The day of traffic of the guide: sample cases of the coffee shop. */
    static final int CASES = 2_000;
    static final long SEED = 7;

    @TempDir
    Path dir;

    static List<String> blocks(String fence) throws IOException {
        Matcher m = Pattern.compile("```" + fence + "\\n(.*?)```", Pattern.DOTALL).matcher(Files.readString(GUIDE));
        List<String> blocks = new ArrayList<>();
        while (m.find()) {
            blocks.add(m.group(1));
        }
        return blocks;
    }

    /** Returns the coffee shop's policy with the guide's edit applied: each removed line of its diff block, once. */
    static String edited() throws IOException {
        String policy = Files.readString(COFFEE);
        List<String> diff = blocks("diff");
        assertThat(diff).as("the guide's edit").hasSize(1);
        List<String> lines = diff.get(0).lines().toList();
        int changes = 0;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("-")) {
                String removed = lines.get(i).substring(1) + "\n";
                String added = lines.get(i + 1).substring(1) + "\n";
                assertThat(lines.get(i + 1)).startsWith("+");
                assertThat(policy.split(Pattern.quote(removed), -1)).as("[%s] once", removed.strip()).hasSize(2);
                policy = policy.replace(removed, added);
                changes++;
            }
        }
        assertThat(changes).isEqualTo(2);
        return policy;
    }

    @Test
    void the_worked_example_prints_the_summary_of_the_guide_which_is_the_diff_over_the_same_cases()
            throws Exception {
        Policy serving = Policies.load(COFFEE);
        Path candidate = Files.writeString(dir.resolve("coffee-shop.yaml"), edited());
        Path log = dir.resolve("shadow.jsonl");
        List<CustomerCase> traffic = new ArrayList<>();
        SampleHistory.of(serving, CASES, SEED).forEachRemaining(traffic::add);

        ShadowStatus status = ShadowExample.tryInShadow(serving, candidate, traffic, log);
        DiffReport summary = ShadowExample.summary(log);

        assertThat(status.shadowed()).isEqualTo(CASES);
        assertThat(status.dropped()).isZero();
        assertThat(status.disagreed()).isEqualTo(summary.changedCases()).isPositive();
        String text = ReportFormat.text(summary).replace(log.toString(), "shadow.jsonl");
        assertThat(blocks("text")).as("the guide prints the summary").contains(text);

        Path history = dir.resolve("history.jsonl");
        try (HistoryWriter writer = HistoryWriter.create(history)) {
            traffic.forEach(writer::write);
        }
        DiffReport diff = Diff.of(serving, Policies.load(candidate)).run(History.of(history));
        assertThat(ReportFormat.text(diff).replace(history.toString(), "shadow.jsonl")).isEqualTo(text);
    }

    @Test
    void every_java_block_of_the_guide_is_quoted_from_the_shadow_example() throws IOException {
        String example = strip(Files.readString(Path.of("src", "main", "java", "org", "resolutionpolicy", "examples",
                "ShadowExample.java")));
        List<String> java = blocks("java");
        assertThat(java).isNotEmpty();
        java.forEach(block -> assertThat(example).as("quoted from ShadowExample:%n%s", block).contains(strip(block)));
    }

    private static String strip(String code) {
        return code.lines().map(String::strip).filter(l -> !l.isEmpty()).collect(Collectors.joining("\n"));
    }
}
