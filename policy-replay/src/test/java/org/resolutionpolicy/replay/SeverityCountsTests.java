package org.resolutionpolicy.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.resolutionpolicy.api.Policies;
import org.resolutionpolicy.api.Policy;
import org.resolutionpolicy.replay.DiffReport.SeverityCount;

/** Replays and diffs count cases by the severity they were decided at: a severity scale moves cases up. */
class SeverityCountsTests {

    /** The shop with a scale: a viral case is CRITICAL, a customer out of pocket at least MEDIUM. */
    static final Policy SCALED = Policies.parse(ReplayTests.resource("shop.yaml").replace("rules:", """
            severityScale:
              - id: viral-is-critical
                when: { impact.socialReach: { atLeast: 10000 } }
                severity: CRITICAL
              - id: out-of-pocket-is-medium
                when: { impact.outOfPocket: { above: 0 } }
                severity: MEDIUM
            rules:"""));

    @Test
    void a_replay_of_a_policy_without_a_scale_has_no_severity_counts_its_cases_decide_at_their_own() {
        ReplayReport r = Replay.of(ReplayTests.SHOP).run(ReplayTests.history(ReplayTests.HISTORY));

        assertThat(r.severities()).isEmpty();
    }

    @Test
    void a_replay_counts_cases_by_the_severity_the_scale_raised_them_to() {
        ReplayReport r = Replay.of(SCALED).run(ReplayTests.history(ReplayTests.HISTORY));

        // C-5 (20,000 reached) is raised from MEDIUM to CRITICAL, C-6 (10 out of pocket) from LOW to MEDIUM
        assertThat(r.severities()).containsExactly(Map.entry("LOW", 5L), Map.entry("MEDIUM", 1L), Map.entry("HIGH", 1L),
                Map.entry("CRITICAL", 1L));
    }

    @Test
    void a_diff_counts_the_cases_a_new_scale_moves_between_severities() {
        DiffReport d = Diff.of(ReplayTests.SHOP, SCALED).run(ReplayTests.history(ReplayTests.HISTORY));

        assertThat(d.severities()).containsExactly(new SeverityCount("LOW", 6, 5), new SeverityCount("MEDIUM", 1, 1),
                new SeverityCount("HIGH", 1, 1), new SeverityCount("CRITICAL", 0, 1));
    }

    @Test
    void the_counts_of_two_halves_add_up_to_the_counts_of_the_whole() {
        List<String> lines = ReplayTests.HISTORY.lines().toList();
        ReplayCounter first = ReplayCounter.of(SCALED, Granularity.WEEK);
        ReplayCounter second = ReplayCounter.of(SCALED, Granularity.WEEK);
        DiffCounter firstDiff = DiffCounter.of(ReplayTests.SHOP, SCALED);
        DiffCounter secondDiff = DiffCounter.of(ReplayTests.SHOP, SCALED);
        for (int i = 0; i < lines.size(); i++) {
            HistoryCountsProperties.count(i < 4 ? first : second, i + 1, lines.get(i));
            HistoryCountsProperties.count(i < 4 ? firstDiff : secondDiff, i + 1, lines.get(i));
        }

        assertThat(first.snapshot().plus(second.snapshot()).report("history.jsonl"))
                .isEqualTo(Replay.of(SCALED).run(ReplayTests.history(ReplayTests.HISTORY)));
        assertThat(firstDiff.snapshot().plus(secondDiff.snapshot()).report("history.jsonl"))
                .isEqualTo(Diff.of(ReplayTests.SHOP, SCALED).run(ReplayTests.history(ReplayTests.HISTORY)));
    }
}
