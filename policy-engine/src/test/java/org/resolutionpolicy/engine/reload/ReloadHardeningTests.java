package org.resolutionpolicy.engine.reload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.resolutionpolicy.engine.reload.ReloadFixtures.await;
import static org.resolutionpolicy.engine.reload.ReloadFixtures.broken;
import static org.resolutionpolicy.engine.reload.ReloadFixtures.policy;
import static org.resolutionpolicy.engine.reload.ReloadFixtures.writeInPlace;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.resolutionpolicy.api.LivePolicy;
import org.resolutionpolicy.api.LivePolicyRegistry;
import org.resolutionpolicy.api.Policies;
import org.resolutionpolicy.api.PolicyWatch;
import org.resolutionpolicy.api.Problem;
import org.resolutionpolicy.api.ReloadEvent;

/**
 * Issue 30's reload hardening: a live policy reacts only to its own files, serves a file only once it holds still,
 * refuses what is not a regular file without blocking or dying, and says when a policy's id changes or goes away.
 */
class ReloadHardeningTests {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    private final List<AutoCloseable> started = new ArrayList<>();
    private final ReloadFixtures.Events events = new ReloadFixtures.Events();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : started) {
            c.close();
        }
    }

    /** A live policy whose polling fallback never runs during a test: only file events and reloadNow reload it. */
    private LivePolicy watch(Path path, Duration settle) {
        LivePolicy live = Policies.watch(path).debounce(Duration.ofMillis(20)).settle(settle)
                .pollInterval(Duration.ofMinutes(10)).listener(events).start();
        started.add(live);
        return live;
    }

    private static boolean watcherAlive() {
        return Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.getName().equals("policy-watch-live") && t.isAlive());
    }

    @Nested
    @DisplayName("the watcher reacts to its own files only")
    class OwnFiles {

        @Test
        void an_application_log_written_beside_a_broken_policy_causes_no_reload_and_no_failure() throws Exception {
            Path file = dir.resolve("policy.yaml");
            writeInPlace(file, policy(10));
            LivePolicy live = watch(file, Duration.ofMillis(50));
            writeInPlace(file, broken());
            assertThat(await(() -> events.failed() == 1, WAIT)).as("the broken edit is reported").isTrue();

            // ten lines a second for a second and a half, in the policy's folder: none is about the policy
            Path log = dir.resolve("application.log");
            for (int i = 0; i < 15; i++) {
                Files.writeString(log, "line " + i + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                Thread.sleep(100);
            }
            Thread.sleep(300);

            assertThat(events.events).hasSize(1);
            assertThat(live.version()).isEqualTo("v10");
            writeInPlace(file, policy(20));
            assertThat(await(() -> live.version().equals("v20"), WAIT)).as("its own file still reloads").isTrue();
        }

        @Test
        void files_of_a_watched_directory_that_are_no_policy_files_cause_no_reload() throws Exception {
            writeInPlace(dir.resolve("policy.yaml"), policy(10));
            LivePolicy live = watch(dir, Duration.ofMillis(50));
            writeInPlace(dir.resolve("policy.yaml"), broken());
            assertThat(await(() -> events.failed() == 1, WAIT)).isTrue();

            for (int i = 0; i < 10; i++) {
                Files.writeString(dir.resolve("notes.txt"), "note " + i);
                Files.writeString(dir.resolve(".policy.yaml.swp"), "swap " + i);
                Files.writeString(dir.resolve("scenarios.test.yaml"), "# scenario " + i);
                Thread.sleep(100);
            }
            Thread.sleep(300);

            assertThat(events.events).hasSize(1);
            assertThat(live.version()).isEqualTo("v10");
        }
    }

    @Nested
    @DisplayName("a file is served only once it holds still")
    class Settle {

        /** A policy of five rules, written so that every cut between two rules is a valid policy of fewer rules. */
        private static String fiveRules(String version) {
            StringBuilder text = new StringBuilder(policy(10).replace("\"v10\"", "\"" + version + "\""));
            for (int i = 1; i <= 4; i++) {
                text.append("""
                          - id: rule-%d
                            when: { category: category-%d }
                            remedies: [refund]
                            require: supervisor
                            because: Rule %d
                        """.formatted(i, i, i));
            }
            return text.toString();
        }

        @Test
        void a_policy_written_in_chunks_never_serves_half_written() throws Exception {
            Path file = dir.resolve("policy.yaml");
            writeInPlace(file, fiveRules("v0"));
            // a debounce far shorter than the writer's pauses: only the settle time keeps the parts from serving
            LivePolicy live = watch(file, Duration.ofSeconds(2));
            List<Integer> served = new CopyOnWriteArrayList<>();
            live.addReloadListener(e -> served.add(live.current().ruleIds().size()));

            for (int round = 1; round <= 2; round++) {
                String text = fiveRules("v" + round);
                List<String> chunks = chunks(text);
                try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.TRUNCATE_EXISTING)) {
                    for (String chunk : chunks) {
                        out.write(chunk.getBytes(StandardCharsets.UTF_8));
                        out.flush();
                        Thread.sleep(150);
                    }
                }
                String version = "v" + round;
                assertThat(await(() -> live.version().equals(version), WAIT)).as("round %d serves", round).isTrue();
            }

            assertThat(events.events).extracting(ReloadEvent::result).containsOnly(ReloadEvent.Result.LOADED);
            assertThat(served).hasSize(2).containsOnly(5);
        }

        /** The header, then one rule a chunk. */
        private List<String> chunks(String text) {
            List<String> chunks = new ArrayList<>();
            int from = 0;
            for (int at = text.indexOf("  - id:"); at >= 0; at = text.indexOf("  - id:", at + 1)) {
                chunks.add(text.substring(from, at));
                from = at;
            }
            chunks.add(text.substring(from));
            return chunks;
        }

        @Test
        void the_settle_time_is_checked_and_documented() {
            assertThat(PolicyWatch.DEFAULT_SETTLE).isEqualTo(Duration.ofMillis(500));
            assertThatThrownBy(() -> Policies.watch(dir).settle(Duration.ofMillis(-1)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("settle must be between 0");
            assertThatThrownBy(() -> Policies.watch(dir).settle(Duration.ofMinutes(2)))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    @DisplayName("what is not a regular file is refused")
    class SpecialFiles {

        private Path file;
        private LivePolicy live;

        private void start() throws IOException {
            file = dir.resolve("policy.yaml");
            writeInPlace(file, policy(10));
            live = watch(file, Duration.ofMillis(50));
        }

        private void mkfifo(Path path) throws Exception {
            Process p = new ProcessBuilder("mkfifo", path.toString()).redirectErrorStream(true).start();
            Assumptions.assumeTrue(p.waitFor() == 0, "mkfifo is needed to make a named pipe");
        }

        private void assertRefusedAndDegraded(ReloadEvent event, String what) {
            assertThat(event.result()).isEqualTo(ReloadEvent.Result.FAILED);
            assertThat(event.problems()).singleElement().satisfies(p -> assertThat(p.message()).contains(what)
                    .contains("not a regular file"));
            assertThat(live.version()).isEqualTo("v10");
            assertThat(live.status().degraded()).isTrue();
        }

        @Test
        void a_named_pipe_neither_blocks_reload_now_nor_the_watcher() throws Exception {
            start();
            Files.delete(file);
            mkfifo(file);

            ReloadEvent event = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> live.reloadNow());

            assertRefusedAndDegraded(event, "is a named pipe (FIFO)");
            assertThat(await(() -> events.failed() >= 2, WAIT)).as("the watcher reports it too").isTrue();
            Files.delete(file);
            writeInPlace(file, policy(20));
            assertThat(await(() -> live.version().equals("v20"), WAIT)).as("the watcher lives on").isTrue();
        }

        @Test
        void a_link_to_dev_zero_is_refused_and_the_watcher_lives_on() throws Exception {
            Assumptions.assumeTrue(Files.exists(Path.of("/dev/zero")), "/dev/zero is needed");
            start();
            Files.delete(file);
            Files.createSymbolicLink(file, Path.of("/dev/zero"));

            assertThat(await(() -> events.failed() >= 1, WAIT)).as("the watcher reports it").isTrue();
            assertRefusedAndDegraded(events.last(), "is a character device");
            assertThat(events.last().problems().get(0).message()).contains("a link to [/dev/zero]");
            assertThat(watcherAlive()).isTrue();
            Files.delete(file);
            writeInPlace(file, policy(20));
            assertThat(await(() -> live.version().equals("v20"), WAIT)).as("the watcher lives on").isTrue();
        }
    }

    @Nested
    @DisplayName("a policy's id")
    class Ids {

        private String withId(String id, int limit) {
            return policy(limit).replace("policy: live", "policy: " + id);
        }

        @Test
        void that_changes_is_refused_and_the_old_policy_keeps_serving() throws Exception {
            Path file = dir.resolve("policy.yaml");
            writeInPlace(file, policy(10));
            LivePolicy live = Policies.watch(file).debounce(Duration.ofMinutes(1)).pollInterval(Duration.ofMinutes(10))
                    .start();
            started.add(live);
            writeInPlace(file, withId("someone-else", 20));

            ReloadEvent event = live.reloadNow();

            assertThat(event.result()).isEqualTo(ReloadEvent.Result.FAILED);
            assertThat(event.problems()).singleElement().satisfies(p -> {
                assertThat(p.isError()).isTrue();
                assertThat(p.message()).isEqualTo("the policy id changed from [live] to [someone-else]: a live policy "
                        + "keeps its id, and [live] keeps serving");
                assertThat(p.source()).endsWith("policy.yaml");
                assertThat(p.line()).isEqualTo(1);
                assertThat(p.hint()).contains("PolicyWatch.allowIdChange()");
            });
            assertThat(live.id()).isEqualTo("live");
            assertThat(live.version()).isEqualTo("v10");
            assertThat(live.status().degraded()).isTrue();
        }

        @Test
        void that_changes_serves_when_the_caller_allows_it_and_says_so() throws Exception {
            Path file = dir.resolve("policy.yaml");
            writeInPlace(file, policy(10));
            LivePolicy live = Policies.watch(file).allowIdChange().debounce(Duration.ofMinutes(1))
                    .pollInterval(Duration.ofMinutes(10)).start();
            started.add(live);
            writeInPlace(file, withId("renamed", 20));

            ReloadEvent event = live.reloadNow();

            assertThat(event.result()).isEqualTo(ReloadEvent.Result.LOADED);
            assertThat(live.id()).isEqualTo("renamed");
            assertThat(event.problems()).anySatisfy(p -> assertThat(p.message())
                    .isEqualTo("the policy id changed from [live] to [renamed]"));
        }

        @Test
        void that_disappears_from_a_registry_is_reported_and_get_says_why() throws Exception {
            writeInPlace(dir.resolve("alpha.yaml"), withId("alpha", 10));
            writeInPlace(dir.resolve("beta.yaml"), withId("beta", 10));
            writeInPlace(dir.resolve("gamma.yaml"), withId("gamma", 10));
            LivePolicyRegistry registry = Policies.watch(dir).debounce(Duration.ofMinutes(1))
                    .pollInterval(Duration.ofMinutes(10)).startRegistry();
            started.add(registry);
            Files.delete(dir.resolve("beta.yaml"));
            writeInPlace(dir.resolve("gamma.yaml"), withId("delta", 10));

            ReloadEvent event = registry.reloadNow();

            assertThat(event.result()).isEqualTo(ReloadEvent.Result.LOADED);
            assertThat(registry.ids()).containsExactly("alpha", "delta");
            assertThat(event.problems()).filteredOn(p -> !p.isError()).extracting(Problem::message).containsExactly(
                    "policy [beta] is gone from the registry: [" + dir.resolve("beta.yaml") + "] was removed",
                    "policy [gamma] is gone from the registry: [" + dir.resolve("gamma.yaml") + "] declares [delta] now");
            assertThatThrownBy(() -> registry.get("beta")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("policy [beta] is no longer in this registry: the reload at ")
                    .hasMessageEndingWith("took it away ([" + dir.resolve("beta.yaml") + "] was removed); it has "
                            + "[alpha, delta]");
            assertThatThrownBy(() -> registry.get("never")).hasMessage("no policy [never] in this registry; it has "
                    + "[alpha, delta]");

            writeInPlace(dir.resolve("beta.yaml"), withId("beta", 10));
            assertThat(registry.reloadNow().result()).isEqualTo(ReloadEvent.Result.LOADED);
            assertThat(registry.get("beta").id()).isEqualTo("beta");
        }
    }
}
