package org.resolutionpolicy.engine.reload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.resolutionpolicy.engine.reload.ReloadFixtures.await;
import static org.resolutionpolicy.engine.reload.ReloadFixtures.policy;
import static org.resolutionpolicy.engine.reload.ReloadFixtures.refund;
import static org.resolutionpolicy.engine.reload.ReloadFixtures.writeInPlace;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.resolutionpolicy.api.LivePolicy;
import org.resolutionpolicy.api.Outcome;
import org.resolutionpolicy.api.Policies;
import org.resolutionpolicy.api.Policy;
import org.resolutionpolicy.api.PolicyException;
import org.resolutionpolicy.api.PolicyFiles;
import org.resolutionpolicy.api.PolicyRegistry;
import org.resolutionpolicy.api.ReloadEvent;

/**
 * The layout the guides describe: scenario files ({@code *.test.yaml}) and guarantees files
 * ({@code *.guarantees.yaml}) beside the policy they test. A directory load, a registry and a watch read the policy
 * files only, by {@link PolicyFiles}' one naming convention.
 */
class FilesBesidePoliciesTests {

    private static final Duration WAIT = Duration.ofSeconds(20);

    /** A guarantees file as docs/analysis.md writes one: it names its policy and has no version of its own. */
    private static final String GUARANTEES = """
            policy: policy.yaml
            guarantees:
              - name: an agent never refunds gift cards
                when: { category: gift-card, remedy: refund }
                never: ALONE
            """;

    private static final String SCENARIOS = """
            policy: policy.yaml
            scenarios:
              - name: a small refund is the agent's
                case: { severity: LOW, category: late-order, employee: agent, propose: { refund: 5 } }
                expect: { refund: ALONE }
            """;

    @TempDir
    Path dir;

    private final List<AutoCloseable> started = new ArrayList<>();
    private final ReloadFixtures.Events events = new ReloadFixtures.Events();

    @BeforeEach
    void layout() throws IOException {
        writeInPlace(dir.resolve("policy.yaml"), policy(10));
        writeInPlace(dir.resolve("policy.guarantees.yaml"), GUARANTEES);
        writeInPlace(dir.resolve("policy.test.yaml"), SCENARIOS);
        writeInPlace(dir.resolve("more.Guarantees.yml"), GUARANTEES);
        writeInPlace(dir.resolve("more.test.yml"), SCENARIOS);
    }

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : started) {
            c.close();
        }
    }

    @Nested
    @DisplayName("a directory load reads the policy files only")
    class Load {

        @Test
        void loads_a_policy_whose_directory_holds_its_guarantees_and_scenarios() {
            Policy policy = Policies.load(dir);

            assertThat(policy.version()).isEqualTo("v10");
            assertThat(policy.decide(refund(30)).proposal("refund").outcome()).isEqualTo(Outcome.escalate("supervisor"));
        }

        @Test
        void a_registry_entry_directory_may_hold_guarantees_and_scenarios() throws IOException {
            Path registry = Files.createDirectory(dir.resolve("brands"));
            Path brand = Files.createDirectory(registry.resolve("brand-a"));
            writeInPlace(brand.resolve("policy.yaml"), policy(40).replace("policy: live", "policy: brand-a"));
            writeInPlace(brand.resolve("policy.guarantees.yaml"), GUARANTEES);
            writeInPlace(brand.resolve("policy.test.yaml"), SCENARIOS);

            PolicyRegistry loaded = Policies.registry(registry);

            assertThat(loaded.ids()).containsExactly("brand-a");
            assertThat(loaded.get("brand-a").version()).isEqualTo("v40");
        }

        @Test
        void a_directory_of_guarantees_and_scenarios_only_says_they_are_not_policy_files() throws IOException {
            Path tests = Files.createDirectory(dir.resolve("tests"));
            writeInPlace(tests.resolve("policy.guarantees.yaml"), GUARANTEES);
            writeInPlace(tests.resolve("policy.test.yaml"), SCENARIOS);

            assertThatThrownBy(() -> Policies.load(tests)).isInstanceOf(PolicyException.class)
                    .hasMessage("no policy files (*.yaml, *.yml, *.drl) in directory [" + tests + "]: scenario files "
                            + "(*.test.yaml) and guarantees files (*.guarantees.yaml) are not policy files");
        }
    }

    @Nested
    @DisplayName("a watched directory reloads its policy files only")
    class Reload {

        private LivePolicy watch() {
            LivePolicy live = Policies.watch(dir).debounce(Duration.ofMillis(20)).settle(Duration.ofMillis(50))
                    .pollInterval(Duration.ofMinutes(10)).listener(events).start();
            started.add(live);
            return live;
        }

        @Test
        void starts_and_reloads_a_policy_whose_directory_holds_its_guarantees_and_scenarios() throws Exception {
            LivePolicy live = watch();
            assertThat(live.version()).isEqualTo("v10");

            writeInPlace(dir.resolve("policy.yaml"), policy(20));

            assertThat(await(() -> events.loaded() == 1, WAIT)).as("the edit is served").isTrue();
            assertThat(live.version()).isEqualTo("v20");
            assertThat(events.failed()).isZero();
        }

        @Test
        void an_edit_of_a_guarantees_or_scenario_file_is_no_reload() throws Exception {
            LivePolicy live = watch();

            // a broken guarantees or scenario file is not the policy's concern: the watcher ignores both
            writeInPlace(dir.resolve("policy.guarantees.yaml"), "guarantees: [");
            writeInPlace(dir.resolve("policy.test.yaml"), "scenarios: [");
            // then an edit of the policy itself, so that the watcher has surely seen the edits before it
            Thread.sleep(100);
            writeInPlace(dir.resolve("policy.yaml"), policy(30));

            assertThat(await(() -> "v30".equals(live.version()), WAIT)).as("the policy's edit is served").isTrue();
            assertThat(events.events).extracting(ReloadEvent::result).containsOnly(ReloadEvent.Result.LOADED);
            assertThat(events.events).extracting(ReloadEvent::revision).allMatch(r -> r.startsWith("v30@"));
        }
    }
}
