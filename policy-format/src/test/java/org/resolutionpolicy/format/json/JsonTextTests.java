package org.resolutionpolicy.format.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The bytes of every JSON the project writes, pinned: the CLI's JSON, decision-log lines and history lines are read by
 * other programs, and stay as they were when a hand-made writer wrote them.
 */
class JsonTextTests {

    @Nested
    @DisplayName("strings")
    class Strings {

        @Test
        void escape_quote_backslash_and_line_breaks_short_and_other_controls_as_lower_case_hex() {
            String all = "\"\\\n\r\t\b\f\u0000\u001f\u001B";

            assertThat(JsonText.line(all)).isEqualTo("\"\\\"\\\\\\n\\r\\t\\u0008\\u000c\\u0000\\u001f\\u001b\"");
        }

        @Test
        void escape_the_line_and_paragraph_separators_that_end_a_line_in_javascript() {
            assertThat(JsonText.line("a\u2028b\u2029c")).isEqualTo("\"a\\u2028b\\u2029c\"");
        }

        @Test
        void keep_everything_else_as_it_is_slash_delete_accents_and_emoji_too() {
            String plain = "/\u007f\u0080caf\u00e9 \u20ac \uD83D\uDE00";

            assertThat(JsonText.line(plain)).isEqualTo("\"" + plain + "\"");
        }

        @Test
        void escape_keys_as_values() {
            assertThat(JsonText.line(Map.of("a\"\u0001", "b"))).isEqualTo("{\"a\\\"\\u0001\":\"b\"}");
        }
    }

    @Nested
    @DisplayName("numbers")
    class Numbers {

        @Test
        void print_amounts_plainly_and_normalised() {
            List<Object> amounts = List.of(new BigDecimal("15.00"), new BigDecimal("1E-6"), new BigDecimal("1E+3"),
                    new BigDecimal("-0.0"), new BigDecimal("12.50"), new BigDecimal("123456789012345678901234.5"));

            assertThat(JsonText.line(amounts)).isEqualTo("[15,0.000001,1000,0,12.5,123456789012345678901234.5]");
        }

        @Test
        void print_other_numbers_as_java_prints_them() {
            assertThat(JsonText.line(List.of(42, -7L, 1.5d, 1e20d, Double.NaN))).isEqualTo("[42,-7,1.5,1.0E20,NaN]");
        }
    }

    @Nested
    @DisplayName("layout")
    class Layout {

        private final Map<String, Object> tree = tree();

        private static Map<String, Object> tree() {
            Map<String, Object> inner = new LinkedHashMap<>();
            inner.put("flag", true);
            inner.put("none", null);
            Map<String, Object> tree = new LinkedHashMap<>();
            tree.put("policy", "coffee-shop");
            tree.put("list", List.of(1, inner, List.of()));
            tree.put("empty", Map.of());
            tree.put("items", new ArrayList<>());
            return tree;
        }

        @Test
        void indents_by_two_spaces_with_a_space_after_each_colon_and_empty_maps_and_lists_closed_at_once() {
            assertThat(JsonText.pretty(tree)).isEqualTo("""
                    {
                      "policy": "coffee-shop",
                      "list": [
                        1,
                        {
                          "flag": true,
                          "none": null
                        },
                        []
                      ],
                      "empty": {},
                      "items": []
                    }""");
        }

        @Test
        void writes_a_line_with_nothing_between_the_tokens() {
            assertThat(JsonText.line(tree))
                    .isEqualTo("{\"policy\":\"coffee-shop\",\"list\":[1,{\"flag\":true,\"none\":null},[]],\"empty\":{},\"items\":[]}");
        }

        @Test
        void writes_lines_on_a_writer_with_only_the_line_breaks_the_caller_gives() throws Exception {
            StringWriter out = new StringWriter();

            try (JsonGenerator g = JsonText.lines(out)) {
                JsonText.write(g, Map.of("a", 1));
                g.writeRaw('\n');
                JsonText.write(g, List.of("b"));
                g.writeRaw('\n');
            }

            assertThat(out).hasToString("{\"a\":1}\n[\"b\"]\n");
        }

        @Test
        void writes_bare_values_as_a_whole_text() {
            assertThat(JsonText.pretty(null)).isEqualTo("null");
            assertThat(JsonText.pretty(List.of())).isEqualTo("[]");
        }
    }

    @Test
    void refuses_a_value_that_is_no_json_naming_its_class() {
        assertThatThrownBy(() -> JsonText.line(Map.of("at", Instant.EPOCH)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cannot write [java.time.Instant] as JSON");
    }
}
