package org.resolutionpolicy.engine.reload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.resolutionpolicy.engine.reload.ReloadFixtures.await;
import static org.resolutionpolicy.engine.reload.ReloadFixtures.broken;
import static org.resolutionpolicy.engine.reload.ReloadFixtures.policy;
import static org.resolutionpolicy.engine.reload.ReloadFixtures.refund;
import static org.resolutionpolicy.engine.reload.ReloadFixtures.renameSave;
import static org.resolutionpolicy.engine.reload.ReloadFixtures.writeInPlace;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.resolutionpolicy.api.Decision;
import org.resolutionpolicy.api.DecisionLog;
import org.resolutionpolicy.api.LivePolicy;
import org.resolutionpolicy.api.Outcome;
import org.resolutionpolicy.api.Policies;
import org.resolutionpolicy.api.Policy;
import org.resolutionpolicy.api.PolicyLoadException;
import org.resolutionpolicy.api.Problem;
import org.resolutionpolicy.api.ReloadEvent;

/** Hot reload: the last good revision keeps serving through every kind of bad edit, and good edits are served. */
class HotReloadTests {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    private final List<LivePolicy> started = new ArrayList<>();
    private final ReloadFixtures.Events events = new ReloadFixtures.Events();

    @AfterEach
    void close() {
        started.forEach(LivePolicy::close);
    }

    private LivePolicy watch(Path path) {
        LivePolicy live = Policies.watch(path).debounce(Duration.ofMillis(50)).pollInterval(Duration.ofMillis(200))
                .listener(events).start();
        started.add(live);
        return live;
    }

    private static Outcome.Kind outcome(Policy policy, double amount) {
        return policy.decide(refund(amount)).proposals().get(0).outcome().kind();
    }

    private boolean serves(LivePolicy live, String version) throws InterruptedException {
        return await(() -> live.version().equals(version), WAIT);
    }

    @Nested
    @DisplayName("revisions")
    class Revisions {

        @Test
        void every_decision_names_the_revision_that_decided_it() throws IOException {
            Path file = dir.resolve("policy.yaml");
            writeInPlace(file, policy(10));
            LivePolicy live = watch(file);

            Decision d = live.decide(refund(5));

            assertThat(d.revision()).isEqualTo(live.revision()).startsWith("v10@").hasSize("v10@".length() + 12);
            assertThat(live.status().revision()).isEqualTo(d.revision());
            assertThat(live.current().revision()).isEqualTo(d.revision());
        }

        @Test
        void the_same_sources_give_the_same_revision_and_any_edit_another() {
            assertThat(Policies.parse(policy(10)).revision()).isEqualTo(Policies.parse(policy(10)).revision());
            assertThat(Policies.parse(policy(10)).revision())
                    .isNotEqualTo(Policies.parse(policy(10) + "# a comment\n").revision());
        }

        @Test
        void reload_now_swaps_to_the_new_revision_and_says_so() throws IOException {
            Path file = dir.resolve("policy.yaml");
            writeInPlace(file, policy(10));
            LivePolicy live = watch(file);
            String before = live.revision();
            writeInPlace(file, policy(50));

            ReloadEvent event = live.reloadNow();

            assertThat(event.result()).isIn(ReloadEvent.Result.LOADED, ReloadEvent.Result.UNCHANGED);
            assertThat(live.revision()).startsWith("v50@").isNotEqualTo(before);
            assertThat(outcome(live, 40)).isEqualTo(Outcome.Kind.ALONE);
            assertThat(live.reloadNow().result()).isEqualTo(ReloadEvent.Result.UNCHANGED);
        }

        @Test
        void a_snapshot_never_changes_after_a_swap() throws Exception {
            Path file = dir.resolve("policy.yaml");
            writeInPlace(file, policy(10));
            LivePolicy live = watch(file);
            Policy snapshot = live.current();
            renameSave(file, policy(50));
            assertThat(serves(live, "v50")).isTrue();

            assertThat(outcome(snapshot, 40)).isEqualTo(Outcome.Kind.ESCALATE);
            assertThat(outcome(live, 40)).isEqualTo(Outcome.Kind.ALONE);
        }

        @Test
        void the_decision_log_names_each_decisions_revision_and_records_each_reload() throws Exception {
            Path file = dir.resolve("policy.yaml");
            writeInPlace(file, policy(10));
            Path logFile = dir.resolve("decisions.jsonl");
            // reloads come from reloadNow alone: the watcher waits out a long debounce and is closed before
            LivePolicy live = Policies.watch(file).debounce(Duration.ofSeconds(30)).pollInterval(Duration.ofMinutes(1))
                    .start();
            started.add(live);
            try (DecisionLog log = DecisionLog.jsonLines(logFile)) {
                live.addReloadListener(log);
                Policy logged = live.withListener(log);
                logged.decide(refund(1));
                writeInPlace(file, broken());
                live.reloadNow();
                writeInPlace(file, policy(50));
                live.reloadNow();
                logged.decide(refund(1));
            }

            List<Map<String, Object>> lines = new ArrayList<>();
            for (String line : Files.readAllLines(logFile)) {
                lines.add(new org.yaml.snakeyaml.Yaml().load(line));
            }
            assertThat(lines).extracting(l -> l.containsKey("reload") ? "reload " + l.get("reload")
                    : "decision " + l.get("revision")).satisfiesExactly(
                        l -> assertThat(l).startsWith("decision v10@"),
                        l -> assertThat(l).isEqualTo("reload FAILED"),
                        l -> assertThat(l).isEqualTo("reload LOADED"),
                        l -> assertThat(l).startsWith("decision v50@"));
            assertThat(lines.get(1).get("problems").toString()).contains("policy.yaml:7:3: error: unknown role [agnet]");
        }

        @Test
        void decision_listeners_follow_the_serving_revision() throws Exception {
            Path file = dir.resolve("policy.yaml");
            writeInPlace(file, policy(10));
            LivePolicy live = watch(file);
            List<String> heard = new java.util.concurrent.CopyOnWriteArrayList<>();
            Policy listening = live.withListener((c, d) -> heard.add(d.revision()));
            listening.decide(refund(1));
            renameSave(file, policy(50));
            assertThat(serves(live, "v50")).isTrue();
            listening.decide(refund(1));

            assertThat(heard).hasSize(2);
            assertThat(heard.get(0)).startsWith("v10@");
            assertThat(heard.get(1)).startsWith("v50@");
        }
    }

    @Nested
    @DisplayName("saves the watcher picks up")
    class Saves {

        @Test
        void an_in_place_write() throws Exception {
            Path file = dir.resolve("policy.yaml");
            writeInPlace(file, policy(10));
            LivePolicy live = watch(file);
            writeInPlace(file, policy(20));
            assertThat(serves(live, "v20")).isTrue();
            assertThat(events.last().loaded()).isTrue();
            assertThat(events.last().previousRevision()).startsWith("v10@");
        }

        @Test
        void an_editors_atomic_rename_save() throws Exception {
            Path file = dir.resolve("policy.yaml");
            writeInPlace(file, policy(10));
            LivePolicy live = watch(file);
            renameSave(file, policy(30));
            assertThat(serves(live, "v30")).isTrue();
        }

        @Test
        void a_kubernetes_configmap_symlink_swap() throws Exception {
            // the kubelet's layout: policy.yaml -> ..data/policy.yaml, ..data -> ..<timestamp>, swapped by a rename
            Path first = Files.createDirectory(dir.resolve("..2026_01"));
            writeInPlace(first.resolve("policy.yaml"), policy(10));
            Files.createSymbolicLink(dir.resolve("..data"), first.getFileName());
            Path file = Files.createSymbolicLink(dir.resolve("policy.yaml"), Path.of("..data", "policy.yaml"));
            LivePolicy live = watch(file);
            assertThat(live.version()).isEqualTo("v10");

            Path second = Files.createDirectory(dir.resolve("..2026_02"));
            writeInPlace(second.resolve("policy.yaml"), policy(40));
            Path tmp = Files.createSymbolicLink(dir.resolve("..data_tmp"), second.getFileName());
            Files.move(tmp, dir.resolve("..data"), java.nio.file.StandardCopyOption.ATOMIC_MOVE);

            assertThat(serves(live, "v40")).isTrue();
        }

        @Test
        void a_kubernetes_configmap_mount_directory_reads_each_file_once() throws Exception {
            Path first = Files.createDirectory(dir.resolve("..2026_01"));
            writeInPlace(first.resolve("policy.yaml"), policy(10));
            Files.createSymbolicLink(dir.resolve("..data"), first.getFileName());
            Files.createSymbolicLink(dir.resolve("policy.yaml"), Path.of("..data", "policy.yaml"));
            LivePolicy live = watch(dir);
            assertThat(live.version()).isEqualTo("v10");

            Path second = Files.createDirectory(dir.resolve("..2026_02"));
            writeInPlace(second.resolve("policy.yaml"), policy(40));
            Path tmp = Files.createSymbolicLink(dir.resolve("..data_tmp"), second.getFileName());
            Files.move(tmp, dir.resolve("..data"), java.nio.file.StandardCopyOption.ATOMIC_MOVE);

            assertThat(serves(live, "v40")).isTrue();
            assertThat(events.failed()).isZero();
        }

        @Test
        void a_rule_file_added_to_and_removed_from_a_watched_directory() throws Exception {
            writeInPlace(dir.resolve("policy.yaml"), policy(10));
            LivePolicy live = watch(dir);
            String rules = """
                    rules:
                      - id: big-refunds-need-a-supervisor
                        when: { amount: { above: 5 } }
                        remedies: [refund]
                        require: supervisor
                        because: Refunds over 5 are reviewed
                    """;
            writeInPlace(dir.resolve("more-rules.yaml"), rules);
            assertThat(await(() -> live.ruleIds().contains("big-refunds-need-a-supervisor"), WAIT)).isTrue();
            assertThat(outcome(live, 8)).isEqualTo(Outcome.Kind.ESCALATE);

            Files.delete(dir.resolve("more-rules.yaml"));
            assertThat(await(() -> !live.ruleIds().contains("big-refunds-need-a-supervisor"), WAIT)).isTrue();
            assertThat(outcome(live, 8)).isEqualTo(Outcome.Kind.ALONE);
        }

        @Test
        void a_burst_of_50_saves_in_100_ms_gives_few_reloads_and_serves_the_last() throws Exception {
            Path file = dir.resolve("policy.yaml");
            writeInPlace(file, policy(1));
            LivePolicy live = watch(file);
            for (int i = 2; i <= 51; i++) {
                writeInPlace(file, policy(i));
                Thread.sleep(2);
            }
            assertThat(serves(live, "v51")).isTrue();
            Thread.sleep(300);

            assertThat(live.version()).isEqualTo("v51");
            assertThat(events.loaded()).isBetween(1L, 10L);
        }

        @Test
        void a_directory_swapped_for_a_new_one_is_found_by_polling() throws Exception {
            Path policies = Files.createDirectory(dir.resolve("policies"));
            writeInPlace(policies.resolve("policy.yaml"), policy(10));
            LivePolicy live = watch(policies);
            // the watch on the old directory dies with it; the new one is watched from the next poll on
            Path next = Files.createDirectory(dir.resolve("next"));
            writeInPlace(next.resolve("policy.yaml"), policy(70));
            Files.move(policies, dir.resolve("old"));
            Files.move(next, policies);

            assertThat(serves(live, "v70")).isTrue();
        }
    }

    @Nested
    @DisplayName("the last good revision keeps serving")
    class LastGood {

        private LivePolicy live;
        private Path file;

        private void start() throws IOException {
            file = dir.resolve("policy.yaml");
            writeInPlace(file, policy(10));
            live = watch(file);
        }

        private void assertStillServesV10AndReported(String message) throws InterruptedException {
            assertThat(await(() -> events.failed() > 0, WAIT)).as("a failed reload is reported").isTrue();
            assertThat(live.version()).isEqualTo("v10");
            assertThat(outcome(live, 10)).isEqualTo(Outcome.Kind.ALONE);
            assertThat(outcome(live, 11)).isEqualTo(Outcome.Kind.ESCALATE);
            ReloadEvent failed = events.events.stream().filter(e -> !e.loaded()).findFirst().orElseThrow();
            assertThat(failed.revision()).startsWith("v10@");
            assertThat(failed.problems()).anySatisfy(p -> assertThat(p.toString()).contains(message));
            assertThat(live.status().degraded()).isTrue();
        }

        @Test
        void through_a_broken_edit_whose_problems_are_located() throws Exception {
            start();
            writeInPlace(file, broken());
            assertStillServesV10AndReported("unknown role [agnet]");
            Problem problem = events.events.stream().filter(e -> !e.loaded()).findFirst().orElseThrow().problems()
                    .stream().filter(Problem::isError).findFirst().orElseThrow();
            assertThat(problem.source()).endsWith("policy.yaml");
            assertThat(problem.line()).isEqualTo(7);
            assertThat(problem.column()).isEqualTo(3);
            assertThat(problem.hint()).contains("agent");
        }

        @Test
        void through_a_truncated_file() throws Exception {
            start();
            String text = policy(99);
            writeInPlace(file, text.substring(0, text.indexOf("authority:") + 14));
            assertStillServesV10AndReported("policy.yaml");
        }

        @Test
        void through_a_deleted_file() throws Exception {
            start();
            Files.delete(file);
            assertStillServesV10AndReported("no such file");
        }

        @Test
        void through_a_file_replaced_by_a_directory() throws Exception {
            start();
            Files.delete(file);
            Files.createDirectory(file);
            assertStillServesV10AndReported("policy.yaml");
        }

        @Test
        void through_a_file_it_may_not_read() throws Exception {
            Assumptions.assumeFalse("root".equals(System.getProperty("user.name")),
                    "root reads files whatever their permissions; WatchedPolicyTests covers an unreadable source");
            start();
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
            writeInPlace(dir.resolve("touch"), "x");
            assertStillServesV10AndReported("policy.yaml");
        }

        @Test
        void and_undoing_the_broken_edit_ends_the_degraded_status_and_says_so() throws Exception {
            start();
            writeInPlace(file, broken());
            assertThat(live.reloadNow().result()).isEqualTo(ReloadEvent.Result.FAILED);
            assertThat(live.status().degraded()).isTrue();

            writeInPlace(file, policy(10));
            ReloadEvent undone = live.reloadNow();

            assertThat(undone.result()).isEqualTo(ReloadEvent.Result.UNCHANGED);
            assertThat(live.status().degraded()).isFalse();
            assertThat(events.events).extracting(ReloadEvent::result).contains(ReloadEvent.Result.UNCHANGED);
            // only after a failure: a second undo-free check says nothing to the listeners
            long heard = events.events.size();
            assertThat(live.reloadNow().result()).isEqualTo(ReloadEvent.Result.UNCHANGED);
            assertThat(events.events).hasSize((int) heard);
        }

        @Test
        void and_a_fix_is_served_even_when_its_content_failed_before() throws Exception {
            start();
            writeInPlace(file, broken());
            assertThat(await(() -> events.failed() == 1, WAIT)).isTrue();
            // the same broken content saved again is compiled again and reported again, never skipped
            renameSave(file, broken());
            assertThat(await(() -> events.failed() == 2, WAIT)).isTrue();
            writeInPlace(file, policy(20));
            assertThat(serves(live, "v20")).isTrue();
            assertThat(live.status().degraded()).isFalse();
        }
    }

    @Test
    void starting_with_a_broken_policy_fails_fast_with_its_problems() throws IOException {
        Path file = dir.resolve("policy.yaml");
        writeInPlace(file, broken());

        assertThatThrownBy(() -> watch(file)).isInstanceOfSatisfying(PolicyLoadException.class,
                e -> assertThat(e.errors()).singleElement().satisfies(p -> {
                    assertThat(p.message()).contains("unknown role [agnet]");
                    assertThat(p.line()).isEqualTo(7);
                }));
    }

    @Test
    void a_listener_that_throws_does_not_stop_reloading() throws Exception {
        Path file = dir.resolve("policy.yaml");
        writeInPlace(file, policy(10));
        LivePolicy live = watch(file);
        live.addReloadListener(e -> {
            throw new IllegalStateException("listener bug");
        });
        writeInPlace(file, policy(20));
        assertThat(serves(live, "v20")).isTrue();
        writeInPlace(file, policy(30));
        assertThat(serves(live, "v30")).isTrue();
    }

    @Test
    void closing_stops_watching_and_keeps_deciding() throws Exception {
        Path file = dir.resolve("policy.yaml");
        writeInPlace(file, policy(10));
        LivePolicy live = watch(file);
        live.close();
        writeInPlace(file, policy(20));
        Thread.sleep(500);

        assertThat(live.version()).isEqualTo("v10");
        assertThat(outcome(live, 10)).isEqualTo(Outcome.Kind.ALONE);
    }
}
