package org.resolutionpolicy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.resolutionpolicy.cli.PolicyCliTests.Run;
import org.yaml.snakeyaml.Yaml;

/** {@code policy replay} and {@code policy diff} over a small history whose figures are known. */
class ReplayCommandTests extends ShopFiles {

    @Nested
    @DisplayName("policy replay")
    class Replay {

        @Test
        void prints_the_replay_as_text_and_quietly_without_a_terminal() {
            Run r = PolicyCliTests.run("replay", shop.toString(), "--history", history.toString());

            assertThat(r.exit()).isZero();
            assertThat(r.err()).isEmpty();
            assertThat(r.out()).contains("replay of shop 1").contains("8 cases (1 latitude questions), 9 proposals")
                    .containsPattern("refund\\s+1\\s+4\\s+1\\s+1")
                    .containsPattern("refund\\s+30\\s+840\\s+40\\s+20")
                    // two dated escalations over the history's two weeks, not over the one week that had them
                    .contains("the history spans 2026-01-05 to 2026-01-12, 2 weeks (every average is over them)")
                    .containsPattern("manager\\s+3  in 1 of 2 weeks, 1.00 cases a week, busiest 2026-01-05: 2, 1 undated")
                    .containsPattern("2  viral")
                    .containsPattern("1  call-back \\(manager\\)");
        }

        @Test
        @SuppressWarnings("unchecked")
        void prints_json_to_a_file_when_asked() throws IOException {
            Path out = dir.resolve("report.json");

            Run r = PolicyCliTests.run("replay", shop.toString(), "--history", history.toString(), "--format", "json",
                    "--out", out.toString(), "--per", "day");

            assertThat(r.exit()).isZero();
            assertThat(r.out()).isEmpty();
            Map<String, Object> json = new Yaml().load(Files.readString(out));
            assertThat(json).containsEntry("cases", 8).containsEntry("proposals", 9).containsEntry("granularity", "day");
            Map<String, Object> refund = ((List<Map<String, Object>>) json.get("remedies")).get(0);
            assertThat(refund).containsEntry("remedy", "refund")
                    .containsEntry("outcomes", Map.of("ALONE", 1, "ESCALATE", 4, "SWAT", 1, "DENIED", 1))
                    .containsEntry("money", Map.of("ALONE", 30, "ESCALATE", 840, "SWAT", 40, "DENIED", 20));
            assertThat((List<Map<String, Object>>) json.get("escalations")).first()
                    .satisfies(w -> assertThat(w).containsEntry("approver", "manager")
                            .containsEntry("byPeriod", Map.of("2026-01-06", 2)));
        }

        @Test
        void a_bad_line_fails_the_run_with_its_number_unless_skipped() throws IOException {
            Files.writeString(history, Files.readString(history) + "{\"severity\": \n");

            Run failed = PolicyCliTests.run("replay", shop.toString(), "--history", history.toString());
            Run skipped = PolicyCliTests.run("replay", shop.toString(), "--history", history.toString(),
                    "--on-bad-line", "skip");

            assertThat(failed.exit()).as("a bad input, not an answer").isEqualTo(2);
            assertThat(failed.err()).contains("line 10: ").contains(":10:").contains("invalid JSON")
                    .contains("(--on-bad-line skip goes on past bad lines)");
            assertThat(skipped.exit()).isZero();
            assertThat(skipped.out()).contains("skipped 1 bad line:").contains("line 10: ");
        }

        @Test
        void usage_errors_exit_2() {
            assertThat(PolicyCliTests.run("replay", shop.toString(), "--history", dir.resolve("none.jsonl").toString())
                    .exit()).isEqualTo(2);
            assertThat(PolicyCliTests.run("replay", shop.toString(), "--history", history.toString(), "--on-bad-line",
                    "guess").exit()).isEqualTo(2);
            assertThat(PolicyCliTests.run("replay", shop.toString()).exit()).isEqualTo(2);
        }

        @Test
        void a_thread_count_beyond_a_few_per_core_is_refused_with_the_range() {
            PolicyCliTests.Run r = PolicyCliTests.run("replay", shop.toString(), "--history", history.toString(),
                    "--threads", "2147483647");

            assertThat(r.exit()).isEqualTo(2);
            assertThat(r.err()).contains("--threads must be from 1 to [" + ReplayCommand.HistoryOptions.maxThreads()
                    + "] (4 per core), not [2147483647]");
        }
    }

    @Nested
    @DisplayName("policy diff")
    class DiffCommandTests {

        @Test
        void an_edit_that_refuses_every_line_is_an_error_exit_2_not_no_change() throws IOException {
            Path renamed = Files.writeString(dir.resolve("renamed.yaml"), Files.readString(shop)
                    .replace("clerk", "agent").replace("manager", "supervisor").replace("director", "head"));

            PolicyCliTests.Run r = PolicyCliTests.run("diff", shop.toString(), "--against", renamed.toString(),
                    "--history", history.toString(), "--on-bad-line", "skip");

            assertThat(r.exit()).isEqualTo(2);
            assertThat(r.err()).contains("no line of history [" + history + "] could be decided");
        }

        @Test
        void the_same_policy_exits_0_with_no_change() {
            Run r = PolicyCliTests.run("diff", shop.toString(), "--against", shop.toString(), "--history", history.toString());

            assertThat(r.exit()).isZero();
            assertThat(r.out()).contains("no change: the edit decides every case as before");
        }

        @Test
        void an_edit_exits_1_and_names_its_transitions_money_workload_and_follow_ups() {
            Run r = PolicyCliTests.run("diff", shop.toString(), "--against", edited.toString(), "--history",
                    history.toString());

            assertThat(r.exit()).isEqualTo(1);
            assertThat(r.out()).contains("diff of shop 1 -> shop 2")
                    .contains("2 cases change (1 proposals, 1 cases' follow-ups, 1 latitude questions)")
                    .contains("refund: ESCALATE to manager -> ALONE  1  money 100  rules authority (1)  e.g. C-6")
                    .contains("refund: newly alone 100, newly escalated 0, newly SWAT 0, newly denied 0")
                    .containsPattern("manager\\s+3 -> 2\\s+\\(-1\\)")
                    .containsPattern("call-back\\s+\\+0 -1")
                    .contains("latitude changes in 1 cases without proposals, e.g. C-8");
        }

        @Test
        @SuppressWarnings("unchecked")
        void prints_json_with_the_whole_matrix() {
            Run r = PolicyCliTests.run("diff", shop.toString(), "--against", edited.toString(), "--history",
                    history.toString(), "--format", "json");

            Map<String, Object> json = new Yaml().load(r.out());
            assertThat(json).containsEntry("changed", true).containsEntry("changedCases", 2);
            List<Map<String, Object>> changed = ((List<Map<String, Object>>) json.get("transitions")).stream()
                    .filter(t -> Boolean.TRUE.equals(t.get("changed"))).toList();
            assertThat(changed).singleElement().satisfies(t -> assertThat(t)
                    .containsEntry("from", Map.of("outcome", "ESCALATE", "approver", "manager"))
                    .containsEntry("to", Map.of("outcome", "ALONE"))
                    .containsEntry("samples", List.of(Map.of("line", 6, "case", "C-6"))));
        }
    }
}
