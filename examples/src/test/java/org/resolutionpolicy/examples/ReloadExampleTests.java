package org.resolutionpolicy.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.resolutionpolicy.api.Decision;
import org.resolutionpolicy.api.LivePolicy;
import org.resolutionpolicy.api.Outcome;
import org.resolutionpolicy.api.Policies;
import org.resolutionpolicy.api.PolicyLoadException;
import org.resolutionpolicy.api.Problem;
import org.resolutionpolicy.api.ReloadEvent;

/** ReloadExample against a copy of the coffee shop that the tests edit: good edits serve, broken ones are refused. */
class ReloadExampleTests {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    @TempDir
    Path dir;
    private Path file;
    private String original;
    private final List<ReloadEvent> events = new CopyOnWriteArrayList<>();
    private LivePolicy live;

    @BeforeEach
    void copy_the_coffee_shop() throws IOException {
        file = dir.resolve("coffee-shop.yaml");
        original = Files.readString(Path.of("policies", "coffee-shop.yaml"));
        Files.writeString(file, original);
    }

    @AfterEach
    void stop() {
        if (live != null) {
            live.close();
        }
    }

    /** The coffee shop of December: gold members' vouchers at the counter only up to 12. */
    private String december() {
        return replaced(replaced(original, "version: \"2026.11\"", "version: \"2026.12\""),
                "grant: { role: barista, upTo: 20 }", "grant: { role: barista, upTo: 12 }");
    }

    /** The coffee shop with a typo in a role name, in every {@code require: store-manager} (three rules). */
    private String broken() {
        return replaced(original, "require: store-manager", "require: store-mgr");
    }

    private static String replaced(String text, String what, String with) {
        assertThat(text).as("the example policy still holds the line the test edits").contains(what);
        return text.replace(what, with);
    }

    /** Saves as editors do (write beside, rename over), so that the watcher never reads a half-written file. */
    private void save(String text) throws IOException {
        Path tmp = dir.resolve(".coffee-shop.yaml.swp");
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Returns the revision the given policy text compiles to, loaded apart from the live policy. */
    private static String revisionOf(String text) {
        return Policies.parse(text).revision();
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + TIMEOUT.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited %s for %s", TIMEOUT, what).isLessThan(end);
            Thread.sleep(20);
        }
    }

    @Test
    void serves_the_revision_on_disk_and_every_decision_names_it() {
        // when
        live = ReloadExample.follow(dir, events::add);
        Decision decision = ReloadExample.decideLateOrder(live);

        // then
        assertThat(decision.revision()).isEqualTo(revisionOf(original)).startsWith("2026.11@")
                .isEqualTo(live.revision()).isEqualTo(live.status().revision());
        assertThat(decision.proposal("voucher").outcome()).isEqualTo(Outcome.alone());
        assertThat(ReloadExample.health(live)).startsWith("UP serving " + decision.revision() + " since ");
        assertThat(live.status().lastAttempt()).isNull();
        assertThat(events).isEmpty();
    }

    @Test
    void a_saved_edit_is_picked_up_by_the_watcher_without_being_asked() throws Exception {
        live = ReloadExample.follow(dir, events::add);

        save(december());

        await("the December revision to serve", () -> live.revision().equals(revisionOf(december())));
        assertThat(ReloadExample.decideLateOrder(live).proposal("voucher").outcome())
                .isEqualTo(Outcome.escalate("shift-lead"));
        assertThat(events).last().satisfies(e -> {
            assertThat(e.result()).isEqualTo(ReloadEvent.Result.LOADED);
            assertThat(e.previousRevision()).isEqualTo(revisionOf(original));
            assertThat(e.revision()).startsWith("2026.12@");
        });
    }

    @Test
    void on_a_network_mount_it_serves_the_same_and_reloads_when_asked() throws Exception {
        live = ReloadExample.followOnNetworkMount(dir, events::add);
        assertThat(ReloadExample.decideLateOrder(live).revision()).isEqualTo(revisionOf(original));

        save(december());
        // LOADED here, or UNCHANGED if the watcher was quicker on a busy machine: either way one swap, one event
        live.reloadNow();

        assertThat(ReloadExample.decideLateOrder(live).revision()).isEqualTo(revisionOf(december()));
        await("the LOADED event", () -> !events.isEmpty());
        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.result()).isEqualTo(ReloadEvent.Result.LOADED);
            assertThat(e.revision()).isEqualTo(revisionOf(december()));
        });
    }

    @Nested
    @DisplayName("a valid edit, then a broken one")
    class ValidThenBroken {

        private String good;

        @BeforeEach
        void serve_the_december_edit() throws Exception {
            live = ReloadExample.follow(dir, events::add);
            save(december());
            // reloadNow makes the swap happen now, whether or not the watcher got there first
            ReloadEvent attempt = live.reloadNow();
            good = revisionOf(december());
            assertThat(attempt.revision()).isEqualTo(good);
            await("the LOADED event of the December revision",
                    () -> events.stream().anyMatch(e -> e.loaded() && e.revision().equals(good)));
        }

        @Test
        void the_valid_edit_serves_and_decides() {
            Decision decision = ReloadExample.decideLateOrder(live);

            assertThat(decision.revision()).isEqualTo(good).isNotEqualTo(revisionOf(original));
            assertThat(decision.proposal("voucher").outcome()).isEqualTo(Outcome.escalate("shift-lead"));
            assertThat(live.status().degraded()).isFalse();
            assertThat(ReloadExample.health(live)).startsWith("UP serving " + good);
        }

        @Test
        void the_broken_edit_is_refused_with_a_located_problem_and_the_last_good_revision_keeps_deciding()
                throws Exception {
            // when
            save(broken());
            ReloadEvent attempt = live.reloadNow();

            // then: the attempt, the event the listener heard, and the status all say so
            assertThat(attempt.result()).isEqualTo(ReloadEvent.Result.FAILED);
            assertThat(attempt.revision()).isEqualTo(good);
            assertThat(attempt.previousRevision()).isEqualTo(good);
            assertThat(attempt.candidate()).startsWith("?@");
            Problem problem = attempt.problems().stream().filter(Problem::isError).findFirst().orElseThrow();
            assertThat(problem.source()).endsWith("coffee-shop.yaml");
            assertThat(problem.line()).isEqualTo(lineOf(broken(), "require: store-mgr"));
            assertThat(problem.column()).isPositive();
            assertThat(problem.message()).contains("[store-mgr]");
            assertThat(problem.hint()).contains("[store-manager]");
            await("the FAILED event", () -> events.stream().anyMatch(e -> e.result() == ReloadEvent.Result.FAILED));
            assertThat(events).filteredOn(e -> e.result() == ReloadEvent.Result.FAILED)
                    .allSatisfy(e -> assertThat(e.problems()).contains(problem));

            Decision decision = ReloadExample.decideLateOrder(live);
            assertThat(decision.revision()).isEqualTo(good);
            assertThat(decision.proposal("voucher").outcome()).isEqualTo(Outcome.escalate("shift-lead"));
            assertThat(live.status().degraded()).isTrue();
            assertThat(ReloadExample.health(live)).startsWith("DEGRADED reload failed, still serving " + good)
                    .contains("[store-mgr]");
        }

        @Test
        void a_fix_of_the_broken_edit_serves_and_clears_the_degraded_status() throws Exception {
            save(broken());
            assertThat(live.reloadNow().result()).isEqualTo(ReloadEvent.Result.FAILED);

            save(original);
            ReloadEvent attempt = live.reloadNow();

            assertThat(attempt.revision()).isEqualTo(revisionOf(original));
            assertThat(ReloadExample.decideLateOrder(live).revision()).isEqualTo(revisionOf(original));
            await("the status to clear", () -> !live.status().degraded());
            assertThat(ReloadExample.health(live)).startsWith("UP serving " + revisionOf(original));
        }

        private int lineOf(String text, String what) {
            List<String> lines = text.lines().toList();
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).contains(what)) {
                    return i + 1;
                }
            }
            throw new AssertionError("no line holds [" + what + "]");
        }
    }

    @Test
    void starting_on_a_broken_policy_fails_fast_with_its_problems() throws IOException {
        Files.writeString(file, broken());

        assertThatThrownBy(() -> live = ReloadExample.follow(dir, events::add))
                .isInstanceOfSatisfying(PolicyLoadException.class, e -> assertThat(e.problems())
                        .anySatisfy(p -> assertThat(p.message()).contains("[store-mgr]")));
        assertThat(events).isEmpty();
    }
}
