package org.resolutionpolicy.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.resolutionpolicy.api.CustomerCase;
import org.resolutionpolicy.api.LivePolicyRegistry;
import org.resolutionpolicy.api.Outcome;
import org.resolutionpolicy.api.Policies;
import org.resolutionpolicy.api.PolicyLoadException;
import org.resolutionpolicy.api.PolicyRegistry;
import org.resolutionpolicy.api.Problem;
import org.resolutionpolicy.api.ReloadEvent;

/** Several policies in one directory: a registry keyed by id, one error per mistake, reloaded as one unit. */
class RegistryTests {

    @TempDir
    Path dir;

    static String policy(String id, int limit) {
        return """
                policy: %s
                version: "v%d"
                roles: [agent, supervisor]
                remedies:
                  refund: { unit: money }
                authority:
                  agent: { refund: %d }
                  supervisor: { refund: unlimited }
                rules:
                  - id: no-refund-for-gift-cards
                    when: { category: gift-card }
                    remedies: [refund]
                    deny: true
                    because: Gift cards are not refunded
                """.formatted(id, limit, limit);
    }

    static CustomerCase refund(double amount) {
        return CustomerCase.builder().id("C-1").severity("LOW").category("late-order").employee("agent")
                .propose("refund", amount).build();
    }

    @Test
    void loads_a_policy_per_file_and_one_per_subdirectory_keyed_by_id() throws IOException {
        Files.writeString(dir.resolve("brand-a.yaml"), policy("brand-a", 10));
        Path b = Files.createDirectory(dir.resolve("brand-b"));
        Files.writeString(b.resolve("policy.yaml"), policy("brand-b", 50).replaceAll("(?s)rules:.*", ""));
        Files.writeString(b.resolve("rules.yaml"), """
                rules:
                  - id: b-gift-cards
                    when: { category: gift-card }
                    remedies: [refund]
                    deny: true
                    because: Gift cards are not refunded
                """);
        Files.writeString(b.resolve("policy.test.yaml"), "not a policy: [");

        PolicyRegistry registry = Policies.registry(dir);

        assertThat(registry.ids()).containsExactly("brand-a", "brand-b");
        assertThat(registry.decide("brand-a", refund(30)).proposal("refund").outcome())
                .isEqualTo(Outcome.escalate("supervisor"));
        assertThat(registry.get("brand-b").decide(refund(30)).proposal("refund").outcome()).isEqualTo(Outcome.alone());
        assertThat(registry.get("brand-b").ruleIds()).containsExactly("b-gift-cards");
        assertThat(registry.revision()).startsWith("brand-a@v10@").contains(", brand-b@v50@");
        assertThatThrownBy(() -> registry.get("brand-c")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no policy [brand-c] in this registry; it has [brand-a, brand-b]");
    }

    @Test
    void reports_one_error_per_real_mistake_across_policies() throws IOException {
        Files.writeString(dir.resolve("a.yaml"), policy("brand-a", 10).replace("agent: { refund: 10 }",
                "agnet: { refund: 10 }"));
        Files.writeString(dir.resolve("b.yaml"), policy("brand-b", 10));
        Files.writeString(dir.resolve("c.yaml"), policy("brand-b", 20));

        assertThatThrownBy(() -> Policies.registry(dir)).asInstanceOf(type(PolicyLoadException.class))
                .satisfies(e -> assertThat(e.errors()).extracting(Problem::message).containsExactly(
                        "unknown role [agnet] in authority",
                        "policy id [brand-b] is declared by [" + dir.resolve("b.yaml") + "] too"));
    }

    @Test
    void two_policies_loaded_as_one_give_one_error_not_one_per_reference() throws IOException {
        Files.writeString(dir.resolve("a.yaml"), policy("brand-a", 10));
        Files.writeString(dir.resolve("b.yaml"), policy("brand-b", 10));

        assertThatThrownBy(() -> Policies.load(dir)).asInstanceOf(type(PolicyLoadException.class))
                .satisfies(e -> assertThat(e.errors()).singleElement().satisfies(p -> {
                    assertThat(p.message()).isEqualTo("a second policy header: [" + dir.resolve("a.yaml")
                            + "] already declares the policy");
                    assertThat(p.hint()).contains("Policies.registry(directory)");
                }));
    }

    @Test
    void a_live_registry_swaps_all_policies_together_and_keeps_all_through_a_broken_one() throws Exception {
        Path a = dir.resolve("a.yaml");
        Path b = dir.resolve("b.yaml");
        Files.writeString(a, policy("brand-a", 10));
        Files.writeString(b, policy("brand-b", 10));
        List<ReloadEvent> events = new CopyOnWriteArrayList<>();
        // the watcher waits a minute for quiet, so only reloadNow reloads here
        try (LivePolicyRegistry live = Policies.watch(dir).debounce(Duration.ofMinutes(1))
                .pollInterval(Duration.ofMinutes(1)).listener(events::add).startRegistry()) {
            String first = live.revision();

            // one good edit and one broken one: neither serves, the listeners hear every problem
            Files.writeString(a, policy("brand-a", 100));
            Files.writeString(b, policy("brand-b", 100).replace("agent: { refund: 100 }", "agnet: { refund: 1 }"));
            ReloadEvent failed = live.reloadNow();
            assertThat(failed.result()).isEqualTo(ReloadEvent.Result.FAILED);
            assertThat(failed.problems()).filteredOn(Problem::isError).singleElement()
                    .satisfies(p -> assertThat(p.source()).isEqualTo(b.toString()));
            assertThat(live.revision()).isEqualTo(first);
            assertThat(live.status().degraded()).isTrue();
            assertThat(live.decide("brand-a", refund(30)).proposal("refund").outcome())
                    .isEqualTo(Outcome.escalate("supervisor"));

            // the fix serves both edits at once, and a third policy added counts
            Files.writeString(b, policy("brand-b", 100));
            Files.writeString(dir.resolve("c.yaml"), policy("brand-c", 5));
            ReloadEvent loaded = live.reloadNow();
            assertThat(loaded.result()).isEqualTo(ReloadEvent.Result.LOADED);
            assertThat(loaded.previousRevision()).isEqualTo(first);
            assertThat(live.ids()).containsExactly("brand-a", "brand-b", "brand-c");
            assertThat(live.decide("brand-a", refund(30)).proposal("refund").outcome()).isEqualTo(Outcome.alone());
            assertThat(live.decide("brand-b", refund(30)).proposal("refund").outcome()).isEqualTo(Outcome.alone());
            assertThat(live.status().degraded()).isFalse();
            assertThat(events).extracting(ReloadEvent::result)
                    .containsExactly(ReloadEvent.Result.FAILED, ReloadEvent.Result.LOADED);
        }
    }
}
