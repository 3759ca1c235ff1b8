package org.resolutionpolicy.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.resolutionpolicy.api.LoadOptions;
import org.resolutionpolicy.api.Policies;
import org.resolutionpolicy.api.PolicyLoadException;
import org.resolutionpolicy.api.Problem;

/** A caller can bound the wall time of one load; the engine refuses a load that takes longer, with its source. */
class LoadTimeBudgetTests {

    static final String POLICY = ExactAmountTests.policy("\"amount > 100\"");

    @TempDir
    Path dir;

    @Test
    void a_load_over_its_budget_fails_with_a_problem_naming_the_source_and_the_budget() throws IOException {
        Path file = Files.writeString(dir.resolve("slow.yaml"), POLICY);
        LoadOptions options = LoadOptions.builder().maxLoadTime(Duration.ofNanos(1)).build();

        assertThatThrownBy(() -> Policies.loader(options).load(file))
                .isInstanceOfSatisfying(PolicyLoadException.class, e -> assertThat(e.problems()).singleElement()
                        .satisfies(p -> {
                            assertThat(p.source()).endsWith("slow.yaml");
                            assertThat(p.message()).startsWith("loading took longer than [1 ns]");
                            assertThat(p.hint()).contains("LoadOptions.maxLoadTime");
                        }));
    }

    @Test
    void a_load_over_its_budget_stops_before_reading_the_rest_of_its_rules() {
        StringBuilder yaml = new StringBuilder(POLICY);
        for (int i = 0; i < 2_000; i++) {
            yaml.append("  - id: r").append(i).append("\n    when: \"amount > ").append(i)
                    .append(" && attributes.delayHours < ").append(i + 1).append("\"\n    require: manager\n")
                    .append("    because: x\n");
        }
        yaml.append("  - id: last\n    require: nobody\n    because: never read\n");
        LoadOptions options = LoadOptions.builder().maxLoadTime(Duration.ofMillis(20)).build();

        assertThatThrownBy(() -> Policies.loader(options).parse(yaml.toString()))
                .isInstanceOfSatisfying(PolicyLoadException.class, e -> assertThat(e.problems()).singleElement()
                        .satisfies(p -> assertThat(p.message()).startsWith("loading took longer than [20 ms]")));
        assertThatThrownBy(() -> Policies.parse(yaml.toString())).hasMessageContaining("[nobody]");
    }

    @Test
    void a_generous_budget_and_no_budget_load_alike() {
        LoadOptions generous = LoadOptions.builder().maxLoadTime(Duration.ofMinutes(1)).build();

        assertThat(Policies.loader(generous).parse(POLICY).revision()).isEqualTo(Policies.parse(POLICY).revision());
        assertThat(LoadOptions.defaults().maxLoadTime()).isEmpty();
    }

    @Test
    void the_budget_is_kept_by_to_builder_and_equality() {
        LoadOptions options = LoadOptions.builder().maxLoadTime(Duration.ofSeconds(2)).build();

        assertThat(options.toBuilder().build()).isEqualTo(options).hasSameHashCodeAs(options);
        assertThat(options).isNotEqualTo(LoadOptions.defaults());
        assertThat(options.toString()).contains("maxLoadTime=PT2S");
        assertThat(options.toBuilder().maxLoadTime(null).build()).isEqualTo(LoadOptions.defaults());
    }

    @Test
    void a_budget_must_be_positive() {
        assertThatThrownBy(() -> LoadOptions.builder().maxLoadTime(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("maxLoadTime must be positive, was [PT0S]");
    }

    @Test
    void a_watched_policy_loads_with_the_budget_of_its_loader() throws IOException {
        Files.writeString(dir.resolve("live.yaml"), POLICY);
        LoadOptions options = LoadOptions.builder().maxLoadTime(Duration.ofNanos(1)).build();

        assertThatThrownBy(() -> Policies.loader(options).watch(dir).start().close())
                .isInstanceOf(PolicyLoadException.class).hasMessageContaining("loading took longer than");
    }
}
