package org.resolutionpolicy.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.resolutionpolicy.api.Policies;
import org.resolutionpolicy.api.PolicyLoadException;
import org.resolutionpolicy.api.Problem;

/** Hostile YAML fails fast with a located error: no object is built, no memory is exhausted. */
class YamlHardeningTests {

    static List<Problem> problems(String yaml) {
        try {
            Policies.parse(yaml);
        } catch (PolicyLoadException e) {
            return e.problems();
        }
        throw new AssertionError("policy loaded, but should not have");
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void a_billion_laughs_alias_bomb_is_refused() {
        StringBuilder bomb = new StringBuilder("policy: bomb\nversion: '1'\nroles: [a]\nremedies: { r: { unit: none } }\n");
        bomb.append("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (int i = 1; i <= 9; i++) {
            bomb.append("a").append(i).append(": &a").append(i).append(" [");
            for (int k = 0; k < 10; k++) {
                bomb.append(k == 0 ? "" : ", ").append("*a").append(i - 1);
            }
            bomb.append("]\n");
        }

        // 90 aliases: the 21st, on the line of a3, crosses the limit of 20
        assertThat(problems(bomb.toString())).singleElement().satisfies(p -> {
            assertThat(p.message()).contains("invalid YAML").containsIgnoringCase("aliases");
            assertThat(p.line()).isEqualTo(8);
            assertThat(p.column()).isEqualTo(10);
        });
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void an_expansion_below_the_alias_limit_is_still_capped() {
        StringBuilder wide = new StringBuilder("policy: wide\nversion: '1'\nroles: [a]\nremedies: { r: { unit: none } }\n");
        wide.append("a0: &a0 [");
        for (int k = 0; k < 2000; k++) {
            wide.append(k == 0 ? "" : ",").append("x");
        }
        wide.append("]\n");
        for (int i = 1; i <= 3; i++) {
            wide.append("a").append(i).append(": &a").append(i).append(" [");
            for (int k = 0; k < 6; k++) {
                wide.append(k == 0 ? "" : ", ").append("*a").append(i - 1);
            }
            wide.append("]\n");
        }

        assertThat(problems(wide.toString())).singleElement().satisfies(p -> {
            assertThat(p.message()).isEqualTo("document expands to more than [100000] nodes");
            assertThat(p.line()).isPositive();
        });
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void a_recursive_alias_is_refused() {
        assertThat(problems("policy: loop\nversion: '1'\nroles: [a]\nremedies: { r: { unit: none } }\nx: &x [ *x ]\n"))
                .extracting(Problem::message).anySatisfy(m -> assertThat(m).contains("recursive alias"));
    }

    @Test
    void nesting_deeper_than_the_limit_is_refused() {
        String deep = "policy: deep\nversion: '1'\nroles: [a]\nremedies: { r: { unit: none } }\nx: "
                + "[".repeat(60) + "]".repeat(60) + "\n";
        assertThat(problems(deep)).first().satisfies(p -> assertThat(p.message()).contains("invalid YAML")
                .containsIgnoringCase("nesting depth"));
    }

    @Test
    void a_file_above_the_size_limit_is_refused_before_parsing() {
        String huge = "policy: huge\n# " + "x".repeat(600_000) + "\n";
        assertThat(problems(huge)).singleElement().satisfies(p -> assertThat(p.message())
                .isEqualTo("file is too large: [" + huge.length() + "] characters, at most [524288]"));
    }

    @Test
    void an_empty_file_and_two_documents_are_errors() {
        assertThat(problems("")).singleElement().extracting(Problem::message).isEqualTo("file is empty");
        assertThat(problems("# just a comment\n")).singleElement().extracting(Problem::message).isEqualTo("file is empty");
        assertThat(problems("policy: a\n---\npolicy: b\n")).singleElement().satisfies(p -> {
            assertThat(p.message()).isEqualTo("more than one YAML document in one file");
            assertThat(p.line()).isEqualTo(3);
        });
    }

    @Test
    void a_global_tag_never_constructs_an_object() {
        assertThatThrownBy(() -> Policies.parse("policy: t\nversion: '1'\nroles: [a]\nremedies: { r: { unit: none } }\n"
                + "x: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL [\"http://localhost/\"]]]]\n"))
                .isInstanceOf(PolicyLoadException.class)
                .hasMessageContaining("<string>:5:4: error: invalid YAML: Global tag is not allowed");
    }

    @Test
    void duplicate_keys_are_errors_not_last_wins() {
        assertThat(problems("policy: a\nversion: '1'\nroles: [x]\nroles: [y]\nremedies: { r: { unit: none } }\n"))
                .singleElement().hasToString(
                        "<string>:4:1: error: duplicate key [roles] in a policy file (first defined at line 3)");
    }

    static final String VALID_START = "policy: hardened\nversion: '1'\nroles: [a]\nremedies: { r: { unit: money } }\n";

    /** Would record its construction if any YAML tag ever made the loader build it. */
    public static final class Canary {
        static volatile boolean constructed;

        public Canary() {
            constructed = true;
        }
    }

    @Test
    void a_global_tag_naming_a_class_on_the_classpath_is_refused_and_the_class_is_never_constructed() {
        String tagged = VALID_START + "description: !!org.resolutionpolicy.engine.YamlHardeningTests$Canary {}\n";

        assertThat(problems(tagged)).singleElement().satisfies(p -> {
            assertThat(p.message()).contains("Global tag is not allowed");
            assertThat(p.line()).isEqualTo(5);
        });
        assertThat(Canary.constructed).isFalse();
    }

    @Test
    void a_custom_tag_is_refused_where_it_stands() {
        assertThat(problems(VALID_START + "description: !foo bar\n")).singleElement().hasToString(
                "<string>:5:14: error: tag [!foo] is not allowed (policies hold plain values only: remove the tag)");
    }

    @Test
    void a_standard_tag_that_builds_objects_is_refused_too() {
        assertThat(problems(VALID_START + "description: !!binary aGVsbG8=\n")).singleElement()
                .satisfies(p -> assertThat(p.message()).isEqualTo("tag [tag:yaml.org,2002:binary] is not allowed"));
    }

    @Test
    void invalid_yaml_syntax_is_reported_with_its_line_and_column() {
        assertThat(problems("policy: x\nversion: '1'\nroles: [a\nremedies: { r: { unit: none } }\n")).singleElement()
                .satisfies(p -> {
                    assertThat(p.message()).startsWith("invalid YAML: expected ',' or ']'");
                    // where the unclosed bracket opens, not where SnakeYAML noticed it (the line after)
                    assertThat(p).extracting(Problem::line, Problem::column).containsExactly(3, 8);
                });
        assertThat(problems("policy: x\nversion: '1'\nroles: [a]\n  remedies: {}\n")).singleElement()
                .satisfies(p -> assertThat(p.line()).isEqualTo(4));
    }

    @Test
    void a_duplicate_key_inside_a_rule_is_an_error_at_the_second_with_the_first_line() {
        String rule = VALID_START + "rules:\n  - id: r\n    deny: true\n    because: x\n    deny: true\n";

        assertThat(problems(rule)).singleElement()
                .hasToString("<string>:9:5: error: duplicate key [deny] in a rule (first defined at line 7)");
    }

    @Test
    void a_duplicate_key_inside_a_flow_map_is_an_error_too() {
        String authority = VALID_START + "authority: { a: { r: 5, r: 6 } }\n";

        assertThat(problems(authority)).singleElement()
                .hasToString("<string>:5:25: error: duplicate key [r] in the authority of [a] (first defined at line 5)");
    }

    @Test
    void nesting_deeper_than_the_limit_is_located() {
        // PRODUCT C3: every problem reported "with file:line:column and a hint"
        StringBuilder deep = new StringBuilder(VALID_START + "description:\n");
        for (int i = 0; i < 40; i++) {
            deep.append("  ".repeat(i + 1)).append("k").append(i).append(":\n");
        }

        assertThat(problems(deep.toString())).singleElement().satisfies(p -> {
            assertThat(p.message()).containsIgnoringCase("nest");
            assertThat(p.line()).isBetween(6, 46);
        });
    }

    @Test
    void a_block_nested_deeper_than_the_limit_is_refused() {
        StringBuilder deep = new StringBuilder(VALID_START + "description:\n");
        for (int i = 0; i < 40; i++) {
            deep.append("  ".repeat(i + 1)).append("k").append(i).append(":\n");
        }

        assertThat(problems(deep.toString())).singleElement()
                .satisfies(p -> assertThat(p.message()).containsIgnoringCase("nesting depth"));
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void a_number_with_a_huge_exponent_fails_fast_or_loads() {
        // QUALITY: random and mutated policy files may only load or fail with a PolicyException; no hang
        String huge = VALID_START + "authority: { a: { r: 1e999999 } }\n";

        try {
            assertThat(Policies.parse(huge).roles()).containsExactly("a");
        } catch (PolicyLoadException e) {
            assertThat(e.errors()).singleElement().satisfies(p -> assertThat(p.line()).isEqualTo(5));
        }
    }

    @Test
    void a_nul_byte_is_named_by_its_code_point_at_its_line_and_column() {
        String withNul = "policy: nul\nversion: '1'\nroles: [a]\nremedies: { r: { unit: none } }\ndescription: ab\u0000c\n";

        assertThat(problems(withNul)).singleElement().satisfies(p -> {
            assertThat(p.message()).isEqualTo("invalid YAML: control character [U+0000] is not allowed");
            assertThat(p.line()).isEqualTo(5);
            assertThat(p.column()).isEqualTo(16);
            assertThat(p.hint()).contains("UTF-16");
        });
    }

    @Test
    void another_control_character_is_named_after_non_ascii_text_on_its_line() {
        // columns count characters, so the two-char emoji before the escape character counts once
        String withEscape = "policy: esc\nversion: '1'\nroles: [a]\n# caf\u00e9 \uD83D\uDE00 \u001b[0m\nremedies: { r: { unit: none } }\n";

        assertThat(problems(withEscape)).singleElement()
                .hasToString("<string>:4:10: error: invalid YAML: control character [U+001B] is not allowed"
                        + " (only tabs, line breaks and printable characters may appear: remove it)");
    }

    @Test
    void a_noncharacter_is_named_as_a_character_not_a_control() {
        String withNoncharacter = "policy: nonchar\nversion: '1'\nroles: [a]\nremedies: { r: { unit: none } }\n# \uFFFE\n";

        assertThat(problems(withNoncharacter)).singleElement()
                .hasToString("<string>:5:3: error: invalid YAML: character [U+FFFE] is not allowed"
                        + " (only tabs, line breaks and printable characters may appear: remove it)");
    }
}
