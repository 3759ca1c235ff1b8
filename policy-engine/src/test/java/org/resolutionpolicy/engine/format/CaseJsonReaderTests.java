package org.resolutionpolicy.engine.format;

import org.resolutionpolicy.format.json.*;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.resolutionpolicy.api.CaseProblem;
import org.resolutionpolicy.api.Cases;
import org.resolutionpolicy.api.CustomerCase;
import org.resolutionpolicy.api.InvalidCaseException;
import org.resolutionpolicy.api.PolicySource;
import org.resolutionpolicy.format.yaml.CaseReader;

/** The streaming JSON reader gives the YAML reader's case and problems for the same JSON, and JSON's own places. */
class CaseJsonReaderTests {

    /** JSON texts, valid and not, each of which both readers must read alike. */
    static Stream<String> corpus() {
        return Stream.of(
                "{}",
                "{\"currency\": \"EUR\", \"proposals\": [{\"remedy\": \"refund\", \"amount\": 5, \"currency\": \"EUR\"},"
                        + " {\"remedy\": \"refund\", \"currency\": 7}]}",
                "{\"id\": \"C-1\", \"severity\": \"HIGH\", \"category\": \"late-order\", \"channel\": \"phone\","
                        + " \"openedAt\": \"2026-11-20T09:30:00Z\", \"employee\": {\"id\": \"E-17\", \"role\": \"barista\"},"
                        + " \"customer\": {\"id\": \"K-7\", \"tier\": \"GOLD\", \"lifetimeValue\": 5400.50,"
                        + " \"history\": [{\"remedy\": \"voucher\", \"amount\": 10, \"at\": \"2026-11-02T10:00:00Z\"}]},"
                        + " \"impact\": {\"outOfPocket\": 12.50, \"affectedCustomers\": 1, \"socialReach\": 0,"
                        + " \"legalThreat\": false, \"safetyIssue\": true, \"regulatorInvolved\": null},"
                        + " \"attributes\": {\"delayHours\": 1.5, \"store\": \"Main St\", \"vip\": true, \"none\": null,"
                        + " \"deliveredAt\": \"2026-11-19\"},"
                        + " \"proposals\": [{\"remedy\": \"voucher\", \"amount\": 15}, {\"remedy\": \"apology\"}]}",
                "{\"id\": 42, \"severity\": 3, \"category\": true, \"proposals\": [{\"remedy\": \"refund\", \"amount\": 1e2}]}",
                "{\"severty\": \"HIGH\", \"employee\": {\"role\": \"agent\", \"name\": \"Ann\"}}",
                "{\"id\": \"C-3\", \"customer\": {\"lifetimeValue\": \"lots\", \"history\": [{\"remedy\": \"refund\", \"amount\": 5}]},"
                        + " \"impact\": {\"legalThreat\": \"yes\", \"affectedCustomers\": 2.5, \"socialReach\": \"9\"},"
                        + " \"openedAt\": \"yesterday\", \"proposals\": [{\"remedy\": \"refund\", \"amount\": \"ten\"}]}",
                "{\"proposals\": []}",
                "{\"proposals\": {\"remedy\": \"refund\"}}",
                "{\"proposals\": [[1], 2, {\"amount\": 5}, {\"remedy\": null}, {\"remedy\": \"x\", \"amount\": true}]}",
                "{\"severity\": [\"LOW\"], \"attributes\": {\"store\": [\"a\"], \"big\": 1e999999, \"m\": {}}}",
                "{\"severity\": \"LOW\", \"severity\": \"HIGH\", \"employee\": {\"role\": \"a\", \"role\": \"b\"}}",
                "{\"employee\": {\"role\": 5, \"role\": 6}, \"severity\": \"LOW\", \"severity\": 1, \"category\": {}}",
                "{\"openedAt\": \"+300000000-01-01T00:00:00Z\", \"customer\": {\"history\": [{\"at\": {}}, 5, {\"remedy\": \"v\","
                        + " \"at\": \"2026-01-01T00:00:00Z\", \"extra\": [1, {\"a\": 2}]}]}}",
                "{\"employee\": [], \"customer\": \"K-1\", \"impact\": 5, \"attributes\": [], \"unknownThing\": {\"a\": [1]}}",
                "{\"id\": {\"nested\": 1}, \"channel\": [1, 2]}",
                "{\"customer\": {\"history\": null, \"teir\": \"GOLD\"}, \"impact\": {\"outOfPockt\": 3}}",
                "{\"proposals\": [{\"remedy\": \"refund\", \"amount\": 12345678901234567890123}, {\"remedy\": \"r\", \"amount\": -0.0}]}",
                "{\"id\": \"" + "q".repeat(200) + "\", \"" + "k".repeat(100) + "\": 1}",
                // duplicate keys at every depth, after problems of earlier values: each goes before its own map's values
                "{\"customer\": {\"id\": \"a\", \"history\": [{\"remedy\": \"x\", \"remedy\": 1, \"at\": 5}, {\"at\": 1,"
                        + " \"at\": 2}], \"id\": [1]}, \"severity\": [], \"customer\": 2,"
                        + " \"impact\": {\"outOfPocket\": \"5\", \"outOfPocket\": 1}, \"employee\": {}}",
                manyAttributes());
    }

    /** A map of more keys than a few, with duplicates among them, beside maps read before and after it. */
    private static String manyAttributes() {
        StringBuilder attributes = new StringBuilder();
        for (int i = 0; i < 24; i++) {
            attributes.append("\"a").append(i % 20).append("\": ").append(i).append(", ");
        }
        return "{\"employee\": {\"role\": 1, \"role\": 2}, \"attributes\": {" + attributes + "\"z\": {}},"
                + " \"proposals\": [{\"remedy\": \"r\", \"remedy\": \"s\"}]}";
    }

    @ParameterizedTest
    @MethodSource("corpus")
    void reads_json_as_the_yaml_reader_does(String json) {
        PolicySource source = PolicySource.of("case.json", json);
        Object yaml = outcome(() -> CaseReader.read(source));
        Object streamed = outcome(() -> CaseJsonReader.read(source));

        assertThat(streamed).isEqualTo(yaml);
    }

    private static Object outcome(java.util.function.Supplier<CustomerCase> read) {
        try {
            return read.get();
        } catch (InvalidCaseException e) {
            return List.of(e.getMessage(), e.problems());
        }
    }

    @Test
    void reads_the_spec_example_as_yaml_reads_it() {
        CustomerCase yaml = Cases.parse(classpath("spec/case-C-1042.yaml"));

        CustomerCase json = Cases.parse(CaseJson.line(yaml));

        assertThat(json).isEqualTo(yaml);
    }

    private static String classpath(String resource) {
        try (var in = CaseJsonReaderTests.class.getClassLoader().getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Nested
    @DisplayName("numbers beyond the bounds")
    class Bounds {

        @Test
        void a_huge_json_amount_is_too_large_not_no_number() {
            assertThatThrownBy(() -> Cases.parse("{\"severity\": \"LOW\", \"employee\": {\"role\": \"agent\"},"
                    + " \"proposals\": [{\"remedy\": \"refund\", \"amount\": 1e308}]}"))
                    .isInstanceOf(InvalidCaseException.class)
                    .hasMessageContaining("proposals[0].amount: is too large: [309] digits before the point, at most [18]")
                    .hasMessageNotContaining("must be a number");
        }

        @Test
        void a_tiny_yaml_attribute_is_too_precise() {
            assertThatThrownBy(() -> Cases.parse("severity: LOW\nemployee: { role: agent }\nattributes: { rate: 1e-400 }\n"))
                    .isInstanceOf(InvalidCaseException.class)
                    .hasMessageContaining("attributes.rate: is too precise: [400] digits after the point, at most [18]");
        }

        @Test
        void an_exponent_of_a_billion_is_answered_at_once() {
            assertThatThrownBy(() -> Cases.parse("severity: LOW\nemployee: { role: agent }\n"
                    + "proposals: [{ remedy: refund, amount: 1e999999999 }]\n"))
                    .isInstanceOf(InvalidCaseException.class)
                    .hasMessageContaining("is too large: [1000000000] digits before the point");
        }
    }

    @Nested
    @DisplayName("malformed JSON")
    class Malformed {

        @Test
        void is_reported_as_json_with_line_and_column() {
            assertThatThrownBy(() -> Cases.parse("{\"severity\": \"LOW\",\n  \"employee\": {\"role\": \"agent\"\n}"))
                    .isInstanceOf(InvalidCaseException.class)
                    .hasMessageContaining("<string>:3:2: error: invalid JSON: Unexpected end-of-input")
                    .hasMessageNotContaining("YAML");
        }

        @Test
        void a_missing_quote_is_named_at_its_column() {
            assertThatThrownBy(() -> Cases.parse("{\"severity\": LOW}"))
                    .isInstanceOf(InvalidCaseException.class)
                    .satisfies(e -> assertThat(((InvalidCaseException) e).problems()).singleElement()
                            .satisfies(p -> assertThat(p.message()).startsWith("<string>:1:17: error: invalid JSON: ")
                                    .contains("Unrecognized token 'LOW'")));
        }

        @Test
        void a_second_value_after_the_case_is_refused() {
            assertThatThrownBy(() -> Cases.parse("{\"severity\": \"LOW\"}\n{\"severity\": \"HIGH\"}"))
                    .isInstanceOf(InvalidCaseException.class)
                    .hasMessageContaining("<string>:2:1: error: invalid JSON: more than one value");
        }

        @Test
        void a_yaml_flow_map_stays_yaml() {
            CustomerCase c = Cases.parse("{severity: LOW, employee: {role: agent}}");

            assertThat(c.severity()).isEqualTo("LOW");
            assertThat(c.employee().role()).isEqualTo("agent");
        }

        @Test
        void nesting_beyond_the_limit_is_refused_at_its_place() {
            String deep = "[".repeat(40) + "]".repeat(40);

            assertThatThrownBy(() -> Cases.parse("{\"attributes\": {\"a\": " + deep + "}}"))
                    .isInstanceOf(InvalidCaseException.class)
                    .hasMessageContaining("<string>:1:")
                    .hasMessageContaining("invalid JSON")
                    .hasMessageContaining("nesting depth");
        }
    }

    @Nested
    @DisplayName("history lines")
    class HistoryLines {

        private Optional<CustomerCase> line(String text, long number) {
            byte[] bytes = ("xx" + text).getBytes(StandardCharsets.UTF_8);
            return CaseJsonReader.readLine(bytes, 2, bytes.length - 2, "history.jsonl", number);
        }

        @Test
        void a_decision_log_line_with_two_inputs_is_refused_not_read_from_the_first() {
            String input = "{\"severity\": \"LOW\", \"employee\": {\"role\": \"agent\"}}";

            assertThatThrownBy(() -> line("{\"decisionId\": \"d-1\", \"input\": " + input + ", \"input\": " + input + "}", 7))
                    .isInstanceOf(InvalidCaseException.class)
                    .hasMessageContaining("history.jsonl:7:")
                    .hasMessageContaining("duplicate key [input]: a decision-log line holds each key once");
        }

        @Test
        void a_case_line_reads_as_its_case() {
            assertThat(line("{\"severity\": \"LOW\", \"proposals\": [{\"remedy\": \"refund\", \"amount\": 5}]}", 1))
                    .hasValueSatisfying(c -> assertThat(c.proposals()).hasSize(1));
        }

        @Test
        void a_malformed_line_is_placed_at_its_line_in_the_file() {
            assertThatThrownBy(() -> line("{\"severity\": }", 17))
                    .isInstanceOf(InvalidCaseException.class)
                    .hasMessageContaining("history.jsonl:17:14: error: invalid JSON");
        }

        @Test
        void a_duplicate_key_names_the_line_of_the_file() {
            assertThatThrownBy(() -> line("{\"severity\": \"LOW\", \"severity\": \"HIGH\"}", 9))
                    .isInstanceOf(InvalidCaseException.class)
                    .satisfies(e -> assertThat(((InvalidCaseException) e).problems())
                            .containsExactly(new CaseProblem("severity", "duplicate key (line 9)")));
        }

        @Test
        void a_duplicate_key_is_found_in_a_map_of_many_keys_too() {
            StringBuilder attributes = new StringBuilder();
            for (int i = 0; i < 40; i++) {
                attributes.append("\"a").append(i).append("\": ").append(i).append(", ");
            }
            String text = "{\"severity\": \"LOW\", \"attributes\": {" + attributes + "\"a3\": 1, \"a39\": 2, \"a40\": 3}}";

            assertThatThrownBy(() -> line(text, 2))
                    .isInstanceOf(InvalidCaseException.class)
                    .satisfies(e -> assertThat(((InvalidCaseException) e).problems()).containsExactly(
                            new CaseProblem("attributes.a3", "duplicate key (line 2)"),
                            new CaseProblem("attributes.a39", "duplicate key (line 2)")));
        }

        @Test
        void a_decision_log_line_gives_its_input_and_a_reload_line_nothing() {
            String input = "{\"id\": \"C-1\", \"severity\": \"LOW\", \"proposals\": [{\"remedy\": \"apology\"}]}";

            assertThat(line("{\"decisionId\": \"d\", \"proposals\": [{\"remedy\": \"x\", \"rules\": []}], \"input\": "
                    + input + "}", 3)).hasValue(Cases.parse(input));
            assertThat(line("{\"reload\": \"LOADED\", \"problems\": []}", 4)).isEmpty();
        }

        @Test
        void a_line_naming_a_shadow_outcome_gives_nothing() {
            assertThat(line("{\"shadow\": \"DISAGREED\", \"decisionId\": \"d\", \"sequence\": 7, \"moves\": []}", 5))
                    .isEmpty();
        }

        @Test
        void a_line_is_told_a_log_line_by_its_first_key_however_that_key_is_written() {
            String input = "{\"severity\": \"LOW\", \"proposals\": [{\"remedy\": \"apology\"}]}";

            // spaces around the brace, a key written with an escape, a key with non-ASCII letters: the same reading
            assertThat(line(" \t{ \"decisionId\":\"d\", \"input\": " + input + "}", 1)).hasValue(Cases.parse(input));
            assertThat(line("{\"decision\\u0049d\": \"d\", \"input\": " + input + "}", 2)).hasValue(Cases.parse(input));
            assertThat(line("{\"rel\\u006fad\": \"LOADED\"}", 3)).isEmpty();
            // keys that only begin like a log's are a case's, and refused as one
            assertThatThrownBy(() -> line("{\"decisionIds\": \"d\"}", 4))
                    .isInstanceOf(InvalidCaseException.class)
                    .satisfies(e -> assertThat(((InvalidCaseException) e).problems()).extracting(CaseProblem::field)
                            .containsExactly("decisionIds"));
            assertThatThrownBy(() -> line("{\"reloadé\": 1}", 5))
                    .isInstanceOf(InvalidCaseException.class)
                    .satisfies(e -> assertThat(((InvalidCaseException) e).problems()).extracting(CaseProblem::field)
                            .containsExactly("reloadé"));
        }

        @Test
        void a_decision_log_line_without_its_case_is_refused_saying_how_to_log_cases() {
            assertThatThrownBy(() -> line("{\"decisionId\": \"d\", \"case\": \"C-1\"}", 5))
                    .isInstanceOf(InvalidCaseException.class)
                    .satisfies(e -> assertThat(((InvalidCaseException) e).problems()).singleElement()
                            .satisfies(p -> assertThat(p.field()).isEqualTo("input"))
                            .satisfies(p -> assertThat(p.message()).contains("DecisionLog.Options.withCases()")));
        }
    }
}
