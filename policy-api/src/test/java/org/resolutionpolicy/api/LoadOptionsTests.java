package org.resolutionpolicy.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoadOptionsTests {

    @Nested
    @DisplayName("the defaults")
    class Defaults {

        @Test
        void are_the_documented_limits_and_the_system_clock() {
            LoadOptions defaults = LoadOptions.defaults();

            assertThat(defaults.maxSourceChars()).isEqualTo(524_288).isEqualTo(LoadOptions.DEFAULT_MAX_SOURCE_CHARS);
            assertThat(defaults.maxNestingDepth()).isEqualTo(32).isEqualTo(LoadOptions.DEFAULT_MAX_NESTING_DEPTH);
            assertThat(defaults.maxAliases()).isEqualTo(20).isEqualTo(LoadOptions.DEFAULT_MAX_ALIASES);
            assertThat(defaults.maxNodes()).isEqualTo(100_000).isEqualTo(LoadOptions.DEFAULT_MAX_NODES);
            assertThat(defaults.clock()).isEqualTo(Clock.systemUTC());
        }

        @Test
        void are_what_an_untouched_builder_builds() {
            assertThat(LoadOptions.builder().build()).isEqualTo(LoadOptions.defaults())
                    .hasSameHashCodeAs(LoadOptions.defaults());
            assertThat(LoadOptions.defaults()).isSameAs(LoadOptions.defaults());
        }

        @Test
        void are_what_the_static_entry_points_load_with() {
            assertThat(Policies.loader(LoadOptions.defaults()).options()).isSameAs(LoadOptions.defaults());
        }
    }

    @Nested
    @DisplayName("the builder")
    class BuilderTests {

        @Test
        void sets_every_option_and_leaves_the_defaults_alone() {
            Clock clock = Clock.fixed(Instant.parse("2026-11-20T12:00:00Z"), ZoneOffset.UTC);

            LoadOptions options = LoadOptions.builder().maxSourceChars(1000).maxNestingDepth(5).maxAliases(0)
                    .maxNodes(50).clock(clock).build();

            assertThat(options.maxSourceChars()).isEqualTo(1000);
            assertThat(options.maxNestingDepth()).isEqualTo(5);
            assertThat(options.maxAliases()).isZero();
            assertThat(options.maxNodes()).isEqualTo(50);
            assertThat(options.clock()).isSameAs(clock);
            assertThat(LoadOptions.defaults().maxSourceChars()).isEqualTo(524_288);
            assertThat(options).isNotEqualTo(LoadOptions.defaults())
                    .hasToString("LoadOptions[maxSourceChars=1000, maxNestingDepth=5, maxAliases=0, maxNodes=50, clock="
                            + clock + "]");
        }

        @Test
        void starts_from_existing_options_with_to_builder() {
            LoadOptions small = LoadOptions.builder().maxSourceChars(1000).maxAliases(3).build();

            LoadOptions changed = small.toBuilder().maxAliases(4).build();

            assertThat(changed.maxSourceChars()).isEqualTo(1000);
            assertThat(changed.maxAliases()).isEqualTo(4);
            assertThat(small.maxAliases()).isEqualTo(3);
            assertThat(small.toBuilder().build()).isEqualTo(small);
        }

        @Test
        void checks_each_argument_with_a_precise_message() {
            LoadOptions.Builder b = LoadOptions.builder();

            assertThatThrownBy(() -> b.maxSourceChars(0)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("maxSourceChars must be at least 1, was [0]");
            assertThatThrownBy(() -> b.maxNestingDepth(0)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("maxNestingDepth must be at least 1, was [0]");
            assertThatThrownBy(() -> b.maxAliases(-1)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("maxAliases must be at least 0, was [-1]");
            assertThatThrownBy(() -> b.maxNodes(-5)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("maxNodes must be at least 1, was [-5]");
            assertThatThrownBy(() -> b.clock(null)).isInstanceOf(NullPointerException.class)
                    .hasMessage("clock must not be null");
            assertThatThrownBy(() -> Policies.loader(null)).isInstanceOf(NullPointerException.class)
                    .hasMessage("options must not be null");
        }
    }

    @Nested
    @DisplayName("the source size, checked before any engine is needed")
    class SourceSize {

        @Test
        void a_file_larger_than_four_bytes_per_allowed_character_is_refused_unread(@TempDir Path dir) throws Exception {
            Path file = Files.writeString(dir.resolve("big.yaml"), "policy: big\n# " + "x".repeat(100) + "\n");
            long size = Files.size(file);
            PolicyLoader loader = Policies.loader(LoadOptions.builder().maxSourceChars(10).build());

            assertThatThrownBy(() -> loader.load(file)).isInstanceOfSatisfying(PolicyLoadException.class, e ->
                    assertThat(e.problems()).singleElement().satisfies(p -> {
                        assertThat(p.source()).isEqualTo(file.toString());
                        assertThat(p.message()).isEqualTo("file is too large: [" + size
                                + "] bytes, at most [40] bytes for [10] characters");
                        assertThat(p.hint()).contains("LoadOptions.maxSourceChars");
                    }));
        }

        @Test
        void a_classpath_resource_is_held_to_the_same_limit() {
            PolicyLoader loader = Policies.loader(LoadOptions.builder().maxSourceChars(2).build());

            assertThatThrownBy(() -> loader.fromClasspath("org/resolutionpolicy/api/LoadOptionsTests.class"))
                    .isInstanceOfSatisfying(PolicyLoadException.class, e -> assertThat(e.problems()).singleElement()
                            .satisfies(p -> {
                                assertThat(p.source()).isEqualTo("classpath:org/resolutionpolicy/api/LoadOptionsTests.class");
                                assertThat(p.message()).isEqualTo(
                                        "file is too large: more than [8] bytes, at most [8] bytes for [2] characters");
                            }));
        }

        @Test
        void a_file_within_the_byte_bound_goes_on_to_the_engine(@TempDir Path dir) throws Exception {
            Path file = Files.writeString(dir.resolve("small.yaml"), "policy: x\n");
            PolicyLoader loader = Policies.loader(LoadOptions.builder().maxSourceChars(10).build());

            // no engine on this module's test classpath: reaching it proves the file was read, not refused
            assertThatThrownBy(() -> loader.load(file)).isInstanceOf(PolicyException.class)
                    .isNotInstanceOf(PolicyLoadException.class)
                    .hasMessageContaining("no policy engine on the classpath");
        }
    }
}
