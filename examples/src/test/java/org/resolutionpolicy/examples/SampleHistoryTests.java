package org.resolutionpolicy.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.resolutionpolicy.api.CustomerCase;
import org.resolutionpolicy.api.Outcome;
import org.resolutionpolicy.api.Policies;
import org.resolutionpolicy.api.Policy;
import org.resolutionpolicy.replay.DiffReport;
import org.resolutionpolicy.replay.History;
import org.resolutionpolicy.replay.HistoryWriter;
import org.resolutionpolicy.replay.Replay;
import org.resolutionpolicy.replay.ReplayReport;

/** The generated history is seeded, fits the example policies case for case, and exercises what they decide. */
class SampleHistoryTests {

    static final Policy COFFEE = Policies.load(Path.of("policies", "coffee-shop.yaml"));

    @Test
    void the_same_seed_gives_the_same_history_and_another_seed_another() {
        List<String> first = SampleHistory.of(COFFEE, 200, 14).toList().stream().map(HistoryWriter::line).toList();
        List<String> again = SampleHistory.of(COFFEE, 200, 14).toList().stream().map(HistoryWriter::line).toList();
        List<String> other = SampleHistory.of(COFFEE, 200, 15).toList().stream().map(HistoryWriter::line).toList();

        assertThat(again).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
    }

    @ParameterizedTest
    @ValueSource(strings = {"coffee-shop.yaml", "online-retailer.yaml"})
    void every_case_fits_its_example_policy_and_every_outcome_occurs(String file, @TempDir Path dir) {
        Policy policy = Policies.load(Path.of("policies", file));
        Path history = dir.resolve("history.jsonl.gz");
        SampleHistory.write(policy, 5_000, 14, history);

        // bad lines fail the run: every generated case must read and fit the policy
        ReplayReport r = Replay.of(policy).run(History.of(history));

        assertThat(r.cases()).isEqualTo(5_000);
        assertThat(r.latitudeCases()).isBetween(100L, 250L);
        assertThat(r.remedies()).allSatisfy(o -> assertThat(o.total()).isPositive());
        assertThat(r.remedies().stream().flatMap(o -> o.outcomes().entrySet().stream())
                .filter(e -> e.getValue() > 0).map(java.util.Map.Entry::getKey).distinct())
                .containsExactlyInAnyOrder(Outcome.Kind.values());
        assertThat(r.escalations()).isNotEmpty();
        assertThat(r.escalations().get(0).byPeriod()).hasSizeBetween(50, 53);
        assertThat(r.followUps()).isNotEmpty();
        assertThat(r.swatByRule()).isNotEmpty();
    }

    @Test
    void cases_span_a_year_with_tiers_categories_and_earlier_remedies_inside_the_windows() {
        List<CustomerCase> cases = SampleHistory.of(COFFEE, 2_000, 14).toList();

        assertThat(cases).extracting(c -> c.customer().tier()).contains("BRONZE", "SILVER", "GOLD", "PLATINUM");
        assertThat(cases).extracting(CustomerCase::category).contains("late-order", "gift-card", "spill");
        assertThat(cases).allSatisfy(c -> assertThat(c.openedAt()).isBetween(SampleHistory.YEAR_START,
                SampleHistory.YEAR_START.plus(Duration.ofDays(365))));
        assertThat(cases).filteredOn(c -> c.customer().history().stream()
                .anyMatch(h -> h.at().isAfter(c.openedAt().minus(Duration.ofDays(30))))).hasSizeGreaterThan(200);
    }

    @Test
    void writes_gzip_when_the_name_ends_in_gz(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("h.jsonl.gz");
        SampleHistory.write(COFFEE, 10, 1, file);

        try (GZIPInputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            assertThat(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines()).hasSize(10);
        }
    }

    @Test
    void the_readme_shows_the_diff_of_the_example_edit_over_the_sample_history(@TempDir Path dir) throws IOException {
        Path history = dir.resolve("history.jsonl.gz");
        SampleHistory.write(COFFEE, 10_000, 14, history);

        DiffReport d = ReplayExample.whatWouldChange(Path.of("policies", "coffee-shop.yaml"),
                Path.of("edits", "coffee-shop-2026.12.yaml"), history);

        String readme = Files.readString(Path.of("..", "README.md"));
        assertThat(d.isEmpty()).isFalse();
        assertThat(readme).contains("  " + d.cases() + " cases, " + d.proposals() + " proposals; " + d.changedCases()
                + " cases change (" + d.changedProposals() + " proposals, " + d.followUps().cases()
                + " cases' follow-ups, " + d.latitude().cases() + " latitude questions)");
        d.changes().forEach(t -> assertThat(readme).contains(t.remedy() + ": " + t.from() + " -> " + t.to() + "  "
                + t.count() + "  money " + t.money().stripTrailingZeros().toPlainString()));
        d.workload().forEach(w -> assertThat(readme).containsPattern(w.approver() + "\\s+" + w.before() + " -> "
                + w.after()));
    }
}
