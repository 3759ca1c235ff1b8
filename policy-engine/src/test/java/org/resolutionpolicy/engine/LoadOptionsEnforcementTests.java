package org.resolutionpolicy.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.resolutionpolicy.api.Customer;
import org.resolutionpolicy.api.CustomerCase;
import org.resolutionpolicy.api.LoadOptions;
import org.resolutionpolicy.api.Outcome;
import org.resolutionpolicy.api.Policies;
import org.resolutionpolicy.api.Policy;
import org.resolutionpolicy.api.PolicyLoadException;
import org.resolutionpolicy.api.PolicyLoader;
import org.resolutionpolicy.api.PolicySource;
import org.resolutionpolicy.api.Problem;
import org.resolutionpolicy.api.spi.PolicyEngine;
import org.resolutionpolicy.engine.internal.YamlPolicyEngine;

/** Each limit of {@link LoadOptions} can be set, and a source beyond it fails with a located problem. */
class LoadOptionsEnforcementTests {

    static final String VALID = "policy: limited\nversion: '1'\nroles: [a]\nremedies: { r: { unit: none } }\n";

    static List<Problem> problems(LoadOptions options, String yaml) {
        try {
            Policies.loader(options).parse(yaml);
        } catch (PolicyLoadException e) {
            return e.problems();
        }
        throw new AssertionError("policy loaded, but should not have");
    }

    /** Returns the messages of the problems, or none if the policy loads. */
    static List<String> messages(LoadOptions options, String yaml) {
        try {
            Policies.loader(options).parse(yaml);
            return List.of();
        } catch (PolicyLoadException e) {
            return e.problems().stream().map(Problem::message).toList();
        }
    }

    static String aliases(int n) {
        StringBuilder yaml = new StringBuilder(VALID + "a0: &a0 [x]\nall: [");
        for (int i = 0; i < n; i++) {
            yaml.append(i == 0 ? "" : ", ").append("*a0");
        }
        return yaml.append("]\n").toString();
    }

    @Nested
    @DisplayName("maxSourceChars")
    class SourceChars {

        @Test
        void a_yaml_source_above_the_limit_is_refused_at_the_source() {
            String yaml = VALID + "# " + "x".repeat(100) + "\n";
            LoadOptions options = LoadOptions.builder().maxSourceChars(yaml.length() - 1).build();

            assertThat(problems(options, yaml)).singleElement().hasToString("<string>: error: file is too large: ["
                    + yaml.length() + "] characters, at most [" + (yaml.length() - 1)
                    + "] (a policy is usually a few kilobytes; split it into several files)");
            assertThat(Policies.loader(options.toBuilder().maxSourceChars(yaml.length()).build()).parse(yaml).id())
                    .isEqualTo("limited");
        }

        @Test
        void a_drl_source_above_the_limit_is_refused_before_any_drl_compiler_is_asked() {
            LoadOptions options = LoadOptions.builder().maxSourceChars(200).build();
            String drl = "package x;\n// " + "x".repeat(300) + "\n";

            assertThatThrownBy(() -> Policies.loader(options).compile(List.of(PolicySource.of("policy.yaml", VALID),
                    PolicySource.of("rules.drl", drl))))
                    .isInstanceOfSatisfying(PolicyLoadException.class, e -> assertThat(e.errors()).singleElement()
                            .satisfies(p -> {
                                assertThat(p.source()).isEqualTo("rules.drl");
                                assertThat(p.message()).isEqualTo("file is too large: [" + drl.length()
                                        + "] characters, at most [200]");
                            }));
        }

        @Test
        void the_default_limit_is_512_k_characters() {
            String yaml = VALID + "# " + "x".repeat(LoadOptions.DEFAULT_MAX_SOURCE_CHARS - VALID.length() - 3) + "\n";

            assertThat(yaml).hasSize(524_288);
            assertThat(Policies.parse(yaml).id()).isEqualTo("limited");
            assertThat(YamlHardeningTests.problems(yaml + "#")).singleElement().extracting(Problem::message)
                    .isEqualTo("file is too large: [524289] characters, at most [524288]");
        }
    }

    @Nested
    @DisplayName("maxNestingDepth")
    class NestingDepth {

        @Test
        void nesting_beyond_a_lower_limit_is_refused() {
            String nested = VALID + "description: [[[[x]]]]\n";
            LoadOptions options = LoadOptions.builder().maxNestingDepth(3).build();

            assertThat(problems(options, nested)).first().satisfies(p -> {
                assertThat(p.source()).isEqualTo("<string>");
                assertThat(p.message()).contains("invalid YAML").containsIgnoringCase("nesting depth");
                assertThat(p.line()).isEqualTo(5);
            });
            // within a higher limit, what is left is what the policy format says of such a description
            assertThat(messages(LoadOptions.builder().maxNestingDepth(6).build(), nested)).isNotEmpty()
                    .noneSatisfy(m -> assertThat(m).containsIgnoringCase("nesting depth"));
        }

        @Test
        void a_higher_limit_accepts_what_the_default_refuses() {
            String deep = VALID + "description: " + "[".repeat(40) + "]".repeat(40) + "\n";

            assertThat(YamlHardeningTests.problems(deep)).first().extracting(Problem::message).asString()
                    .containsIgnoringCase("nesting depth");
            assertThat(messages(LoadOptions.builder().maxNestingDepth(50).build(), deep)).isNotEmpty()
                    .noneSatisfy(m -> assertThat(m).containsIgnoringCase("nesting depth"));
        }
    }

    @Nested
    @DisplayName("maxAliases")
    class Aliases {

        @Test
        void the_first_alias_beyond_the_limit_is_located() {
            LoadOptions options = LoadOptions.builder().maxAliases(2).build();

            assertThat(problems(options, aliases(3))).singleElement().satisfies(p -> {
                assertThat(p.message()).contains("invalid YAML").containsIgnoringCase("aliases");
                assertThat(p.hint()).isEqualTo("at most 2 aliases (*name) to lists or maps");
                // the third *a0 on the line of all:, after "all: [*a0, *a0, "
                assertThat(p).extracting(Problem::line, Problem::column).containsExactly(6, 17);
            });
            assertThat(messages(options, aliases(2))).containsExactly(
                    "unknown key [a0] in the policy", "unknown key [all] in the policy");
        }

        @Test
        void zero_forbids_aliases_and_the_default_allows_twenty() {
            assertThat(problems(LoadOptions.builder().maxAliases(0).build(), aliases(1))).singleElement()
                    .extracting(Problem::hint).isEqualTo("at most 0 aliases (*name) to lists or maps");
            assertThat(messages(LoadOptions.defaults(), aliases(20)))
                    .noneSatisfy(m -> assertThat(m).containsIgnoringCase("aliases"));
            assertThat(YamlHardeningTests.problems(aliases(21))).singleElement().extracting(Problem::hint)
                    .isEqualTo("at most 20 aliases (*name) to lists or maps");
        }
    }

    @Nested
    @DisplayName("maxNodes")
    class Nodes {

        @Test
        void an_expansion_beyond_a_lower_limit_is_refused_where_it_crosses() {
            LoadOptions options = LoadOptions.builder().maxNodes(20).build();
            String list = VALID + "description: [" + "x, ".repeat(20) + "x]\n";

            assertThat(problems(options, list)).singleElement().satisfies(p -> {
                assertThat(p.message()).isEqualTo("document expands to more than [20] nodes");
                assertThat(p.line()).isEqualTo(5);
            });
            assertThat(messages(options.toBuilder().maxNodes(100).build(), list))
                    .noneSatisfy(m -> assertThat(m).contains("nodes"));
        }
    }

    @Nested
    @DisplayName("maxSourceChars bounds an expansion too")
    class ExpandedCharacters {

        @Test
        void a_value_aliased_beyond_as_many_characters_as_the_source_may_hold_is_refused_where_it_crosses() {
            String value = "v".repeat(300);
            String yaml = VALID + "a0: &a0 " + value + "\nall: [*a0, *a0, *a0, *a0]\n";
            LoadOptions options = LoadOptions.builder().maxSourceChars(yaml.length() + 600).build();

            assertThat(problems(options, yaml)).singleElement().satisfies(p -> {
                assertThat(p.message()).isEqualTo("document expands to more than [" + options.maxSourceChars()
                        + "] characters of values");
                // the scalars of VALID, the value and two aliases fit; the third alias crosses
                assertThat(p).extracting(Problem::line, Problem::column)
                        .containsExactly((int) VALID.lines().count() + 2, "all: [*a0, *a0, ".length() + 1);
            });
            assertThat(messages(options.toBuilder().maxSourceChars(yaml.length() + 1500).build(), yaml))
                    .noneSatisfy(m -> assertThat(m).contains("characters"));
        }
    }

    @Nested
    @DisplayName("clock")
    class ClockOption {

        static final String WINDOWED = """
                policy: windowed
                version: '1'
                roles: [agent, manager]
                remedies: { voucher: { unit: money } }
                authority:
                  agent: { voucher: { perGrant: 20, perCustomer: { max: 40, window: P30D } } }
                  manager: { voucher: unlimited }
                """;

        static Outcome.Kind voucherOf25(Policy policy) {
            // no openedAt: the window ends at the policy's clock
            CustomerCase c = CustomerCase.builder().id("C-1").severity("MEDIUM").employee("agent")
                    .customer(Customer.builder().id("K-1")
                            .history("voucher", 20, Instant.parse("2026-11-10T12:00:00Z")).build())
                    .propose("voucher", 15).build();
            return policy.decide(c).proposal("voucher").kind();
        }

        static Clock at(String instant) {
            return Clock.fixed(Instant.parse(instant), ZoneOffset.UTC);
        }

        @Test
        void the_policy_decides_by_the_clock_of_its_options() {
            PolicyLoader inWindow = Policies.loader(LoadOptions.builder().clock(at("2026-11-20T12:00:00Z")).build());
            PolicyLoader afterWindow = Policies.loader(LoadOptions.builder().clock(at("2027-06-01T12:00:00Z")).build());

            // 20 granted ten days before plus 15 stays within 40; the same history matters not at all months later
            assertThat(voucherOf25(inWindow.parse(WINDOWED))).isEqualTo(Outcome.Kind.ALONE);
            assertThat(voucherOf25(afterWindow.parse(WINDOWED))).isEqualTo(Outcome.Kind.ALONE);
            String tight = WINDOWED.replace("max: 40", "max: 30");
            assertThat(voucherOf25(inWindow.parse(tight))).isEqualTo(Outcome.Kind.ESCALATE);
            assertThat(voucherOf25(afterWindow.parse(tight))).isEqualTo(Outcome.Kind.ALONE);
        }

        @Test
        void the_engine_takes_the_clock_from_the_options_it_is_given() {
            PolicyEngine engine = new YamlPolicyEngine();
            List<PolicySource> tight = List.of(PolicySource.of("w.yaml", WINDOWED.replace("max: 40", "max: 30")));

            assertThat(voucherOf25(engine.compile(tight, LoadOptions.builder().clock(at("2026-11-20T12:00:00Z")).build())))
                    .isEqualTo(Outcome.Kind.ESCALATE);
            assertThat(voucherOf25(engine.compile(tight, LoadOptions.builder().clock(at("2026-12-20T12:00:00Z")).build())))
                    .isEqualTo(Outcome.Kind.ALONE);
        }
    }

    @Nested
    @DisplayName("the engine")
    class Engine {

        @Test
        void is_found_once_and_the_same_instance_is_returned_after() {
            PolicyEngine first = PolicyEngine.find();

            assertThat(PolicyEngine.find()).isSameAs(first).isInstanceOf(YamlPolicyEngine.class);
            assertThat(PolicyEngine.find(getClass().getClassLoader())).isNotSameAs(first)
                    .isInstanceOf(YamlPolicyEngine.class);
        }

        @Test
        void compiles_with_the_defaults_when_given_no_options() {
            String yaml = VALID + "# " + "x".repeat(600_000) + "\n";

            assertThatThrownBy(() -> PolicyEngine.find().compile(List.of(PolicySource.of("big.yaml", yaml))))
                    .isInstanceOf(PolicyLoadException.class)
                    .hasMessageContaining("big.yaml: error: file is too large: [" + yaml.length()
                            + "] characters, at most [524288]");
        }
    }
}
