package org.resolutionpolicy.engine.internal.reload;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.resolutionpolicy.api.LoadOptions;
import org.resolutionpolicy.api.PolicyException;
import org.resolutionpolicy.api.PolicySource;
import org.resolutionpolicy.api.ReloadEvent;
import org.resolutionpolicy.api.spi.WatchRequest;
import org.resolutionpolicy.engine.internal.YamlPolicyEngine;
import org.resolutionpolicy.engine.internal.eval.CompiledPolicy;

/** The live policy's own rules, with sources read by a test: unreadable sources and the polling fallback. */
class WatchedPolicyTests {

    /** A one-remedy policy whose version is the one argument. */
    static final String POLICY = """
            policy: live
            version: "%s"
            roles: [agent]
            remedies:
              apology: { unit: none }
            authority:
              agent: { apology: unlimited }
            """;

    /** A short settle time: these sources are no files, whose looks never change. */
    static final Duration SETTLE = Duration.ofMillis(20);

    @TempDir
    Path dir;

    private final AtomicReference<Supplier<List<PolicySource>>> sources = new AtomicReference<>();

    private WatchedPolicy start(Duration poll) {
        YamlPolicyEngine engine = new YamlPolicyEngine();
        WatchRequest request = new WatchRequest(List.of(dir.resolve("policy.yaml")), () -> sources.get().get(),
                Duration.ofMillis(10), poll, List.of(), LoadOptions.defaults(), false, SETTLE, false);
        return WatchedPolicy.start(s -> (CompiledPolicy) engine.compile(s), request, Clock.systemUTC());
    }

    private void serve(String version) {
        sources.set(() -> List.of(PolicySource.of("policy.yaml", POLICY.formatted(version))));
    }

    @Test
    void an_unreadable_source_keeps_the_last_good_revision_and_says_why() {
        serve("1");
        try (WatchedPolicy live = start(Duration.ofHours(1))) {
            sources.set(() -> {
                throw new PolicyException("cannot read [policy.yaml]: Permission denied");
            });

            ReloadEvent event = live.reloadNow();

            assertThat(event.result()).isEqualTo(ReloadEvent.Result.FAILED);
            assertThat(event.candidate()).isNull();
            assertThat(event.problems()).singleElement()
                    .satisfies(p -> assertThat(p.message()).contains("Permission denied"));
            assertThat(live.version()).isEqualTo("1");
            assertThat(live.status().lastAttempt()).isEqualTo(event);
        }
    }

    @Test
    void polling_finds_a_change_without_any_file_event() throws InterruptedException {
        serve("1");
        try (WatchedPolicy live = start(Duration.ofMillis(20))) {
            // nothing on disk changes: only the polling fallback can see the new content
            serve("2");
            long end = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (!live.version().equals("2") && System.nanoTime() < end) {
                Thread.sleep(10);
            }
            assertThat(live.version()).isEqualTo("2");
        }
    }

    @Test
    void polling_does_not_compile_content_that_already_failed() throws InterruptedException {
        serve("1");
        AtomicReference<Integer> reads = new AtomicReference<>(0);
        try (WatchedPolicy live = start(Duration.ofMillis(20))) {
            List<ReloadEvent> events = new java.util.concurrent.CopyOnWriteArrayList<>();
            live.addReloadListener(events::add);
            sources.set(() -> {
                reads.getAndUpdate(n -> n + 1);
                return List.of(PolicySource.of("policy.yaml", "policy: [broken"));
            });
            Thread.sleep(400);

            assertThat(reads.get()).isGreaterThan(3);
            assertThat(events).hasSize(1);
            assertThat(events.get(0).result()).isEqualTo(ReloadEvent.Result.FAILED);
            assertThat(live.version()).isEqualTo("1");
        }
    }
    @Test
    void polling_reports_a_read_that_keeps_failing_once() throws InterruptedException {
        serve("1");
        AtomicInteger reads = new AtomicInteger();
        try (WatchedPolicy live = start(Duration.ofMillis(20))) {
            List<ReloadEvent> events = new java.util.concurrent.CopyOnWriteArrayList<>();
            live.addReloadListener(events::add);
            sources.set(() -> {
                reads.incrementAndGet();
                throw new PolicyException("cannot read [policy.yaml]: permission denied");
            });
            long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (reads.get() < 5 && System.nanoTime() < end) {
                Thread.sleep(10);
            }

            assertThat(reads.get()).isGreaterThanOrEqualTo(5);
            assertThat(events).singleElement().satisfies(e -> assertThat(e.result())
                    .isEqualTo(ReloadEvent.Result.FAILED));
            assertThat(live.status().degraded()).isTrue();
        }
    }

    /** Serves the given texts, one read after another, then the last one again and again; counts the reads. */
    private AtomicInteger readsOf(String... texts) {
        AtomicInteger reads = new AtomicInteger();
        sources.set(() -> List.of(PolicySource.of("policy.yaml", texts[Math.min(reads.getAndIncrement(),
                texts.length - 1)])));
        return reads;
    }

    @Test
    void a_file_read_mid_save_that_compiles_is_compiled_again_as_written_and_never_serves() {
        serve("1");
        try (WatchedPolicy live = start(Duration.ofHours(1))) {
            List<ReloadEvent> events = new java.util.concurrent.CopyOnWriteArrayList<>();
            live.addReloadListener(events::add);
            // the first read sees a valid file that is not yet what is being written
            readsOf(POLICY.formatted("half-written"), POLICY.formatted("2"));

            ReloadEvent event = live.reloadNow();

            assertThat(event.result()).isEqualTo(ReloadEvent.Result.LOADED);
            assertThat(event.candidate()).startsWith("2@");
            assertThat(live.version()).isEqualTo("2");
            assertThat(events).singleElement().isEqualTo(event);
        }
    }

    @Test
    void a_file_read_mid_save_that_fails_is_not_reported_when_the_written_file_compiles() {
        serve("1");
        try (WatchedPolicy live = start(Duration.ofHours(1))) {
            readsOf("policy: live\nversion: \"2\"\nroles: [ag", POLICY.formatted("2"));

            ReloadEvent event = live.reloadNow();

            assertThat(event.result()).isEqualTo(ReloadEvent.Result.LOADED);
            assertThat(live.version()).isEqualTo("2");
            assertThat(live.status().degraded()).isFalse();
        }
    }

    @Test
    void files_that_keep_changing_are_read_again_until_they_hold_still_and_only_then_serve() {
        serve("1");
        try (WatchedPolicy live = start(Duration.ofHours(1))) {
            List<ReloadEvent> events = new java.util.concurrent.CopyOnWriteArrayList<>();
            live.addReloadListener(events::add);
            AtomicInteger reads = readsOf(POLICY.formatted("2"), POLICY.formatted("3"), POLICY.formatted("4"),
                    POLICY.formatted("5"));

            ReloadEvent event = live.reloadNow();

            // 2, 3 and 4 each changed once compiled: none of them served, nor was heard of
            assertThat(event.result()).isEqualTo(ReloadEvent.Result.LOADED);
            assertThat(live.version()).isEqualTo("5");
            assertThat(events).singleElement().isEqualTo(event);
            assertThat(reads.get()).isGreaterThanOrEqualTo(5);
        }
    }

    @Test
    void files_that_never_hold_still_are_a_failed_reload_and_never_serve() {
        serve("1");
        try (WatchedPolicy live = start(Duration.ofHours(1))) {
            AtomicInteger reads = new AtomicInteger();
            sources.set(() -> List.of(PolicySource.of("policy.yaml", POLICY.formatted("w" + reads.incrementAndGet()))));

            ReloadEvent event = live.reloadNow();

            assertThat(event.result()).isEqualTo(ReloadEvent.Result.FAILED);
            assertThat(event.problems()).singleElement().satisfies(p -> assertThat(p.message())
                    .contains("is still being written: it kept changing for 2 s")
                    .contains("changed while it was compiled"));
            assertThat(live.version()).isEqualTo("1");
            assertThat(live.status().degraded()).isTrue();
        }
    }
}
