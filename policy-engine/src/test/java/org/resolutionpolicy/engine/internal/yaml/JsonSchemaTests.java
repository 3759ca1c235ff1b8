package org.resolutionpolicy.engine.internal.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The JSON Schema editors use says what the loader accepts: same keys, same enums, same verdict on examples. */
class JsonSchemaTests {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final JsonNode SCHEMA_TREE = readSchema();
    private static final JsonSchema SCHEMA = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7)
            .getSchema(SCHEMA_TREE);

    private static JsonNode readSchema() {
        try (InputStream in = JsonSchemaTests.class.getClassLoader()
                .getResourceAsStream("org/resolutionpolicy/schema/policy.schema.json")) {
            assertThat(in).as("the schema is shipped in the engine jar").isNotNull();
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void the_jar_ships_the_same_schema_as_the_repository() throws IOException {
        assertThat(JSON.readTree(Files.readString(Path.of("..", "schema", "policy.schema.json")))).isEqualTo(SCHEMA_TREE);
    }

    @Nested
    @DisplayName("names the same keys as the loader")
    class Keys {

        @Test
        void at_the_top_level() {
            assertThat(keys(SCHEMA_TREE)).containsExactlyInAnyOrderElementsOf(PolicyReader.TOP_KEYS);
        }

        @Test
        void of_a_rule_and_its_parts() {
            JsonNode rule = def("rule");
            assertThat(keys(rule)).containsExactlyInAnyOrderElementsOf(RuleReader.RULE_KEYS);
            assertThat(keys(rule.at("/properties/grant"))).containsExactlyInAnyOrderElementsOf(RuleReader.GRANT_KEYS);
            assertThat(keys(rule.at("/properties/followUp"))).containsExactlyInAnyOrderElementsOf(RuleReader.FOLLOW_UP_KEYS);
        }

        @Test
        void of_matchers() {
            List<String> keys = new ArrayList<>();
            for (int i = 2; i <= 4; i++) {
                keys.addAll(keys(def("matcherValue").at("/oneOf/" + i)));
            }
            assertThat(keys).containsExactlyInAnyOrderElementsOf(ConditionReader.MATCHER_KEYS);
        }

        @Test
        void of_authority_entries_swat_and_remedies() {
            JsonNode entry = def("authorityEntry").at("/oneOf/1");
            assertThat(keys(entry)).containsExactlyInAnyOrderElementsOf(PolicyReader.AUTHORITY_ENTRY_KEYS);
            assertThat(keys(entry.at("/properties/perCustomer"))).containsExactlyInAnyOrderElementsOf(PolicyReader.PER_CUSTOMER_KEYS);
            assertThat(keys(SCHEMA_TREE.at("/properties/swat"))).containsExactlyInAnyOrderElementsOf(PolicyReader.SWAT_KEYS);
            assertThat(keys(SCHEMA_TREE.at("/properties/remedies/additionalProperties")))
                    .containsExactlyInAnyOrderElementsOf(PolicyReader.REMEDY_KEYS);
        }

        @Test
        void of_the_calendar_and_tables() {
            assertThat(keys(SCHEMA_TREE.at("/properties/calendar"))).containsExactlyInAnyOrderElementsOf(TimeReader.CALENDAR_KEYS);
            assertThat(keys(SCHEMA_TREE.at("/properties/tables/additionalProperties")))
                    .containsExactlyInAnyOrderElementsOf(DefinitionReader.TABLE_KEYS);
            assertThat(strings(SCHEMA_TREE.at("/properties/tables/additionalProperties/properties/hit/enum")))
                    .containsExactlyInAnyOrderElementsOf(DefinitionReader.HITS);
        }

        @Test
        void of_a_severity_scale_entry() {
            assertThat(keys(SCHEMA_TREE.at("/definitions/scaleEntry")))
                    .containsExactlyInAnyOrderElementsOf(SeverityScaleReader.ENTRY_KEYS);
        }

        @Test
        void and_the_same_units_and_attribute_types() {
            assertThat(strings(SCHEMA_TREE.at("/properties/remedies/additionalProperties/properties/unit/enum")))
                    .containsExactlyInAnyOrderElementsOf(PolicyReader.UNITS);
            assertThat(strings(SCHEMA_TREE.at("/properties/attributes/additionalProperties/enum")))
                    .containsExactlyInAnyOrderElementsOf(PolicyReader.ATTRIBUTE_TYPES);
        }
    }

    @Test
    void names_the_follow_up_outcomes_the_loader_knows() {
        assertThat(strings(def("followUpOutcome").at("/enum")))
                .containsExactlyElementsOf(org.resolutionpolicy.model.FollowUpSpec.OUTCOMES.keySet());
    }

    @Test
    void accepts_the_format_guide_example() throws IOException {
        assertThat(validate(resource("spec/coffee-shop.yaml"))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"unknown-top-level-key", "missing-version", "rule-unknown-key-hint", "rule-without-id",
        "rule-without-effect", "rule-with-two-effects", "deny-false", "route-not-swat", "grant-without-upto",
        "reserved-rule-id", "negative-limit", "limit-not-a-number", "unknown-unit", "unknown-attribute-type",
        "bad-policy-id", "duplicate-role", "exists-with-comparison", "empty-one-of-list", "require-empty-list",
        "followup-unknown-outcome", "currency-not-iso"})
    void rejects_what_the_loader_rejects_for_its_shape(String corpusFile) throws IOException {
        assertThat(validate(resource("corpus/broken/" + corpusFile + ".yaml"))).isNotEmpty();
    }

    private static Set<ValidationMessage> validate(String yaml) throws IOException {
        return SCHEMA.validate(YAML.readTree(yaml));
    }

    private static JsonNode def(String name) {
        return SCHEMA_TREE.at("/definitions/" + name);
    }

    private static List<String> keys(JsonNode objectSchema) {
        List<String> keys = new ArrayList<>();
        Iterator<String> it = objectSchema.get("properties").fieldNames();
        it.forEachRemaining(keys::add);
        return keys;
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(n -> values.add(n.asText()));
        return values;
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = JsonSchemaTests.class.getClassLoader().getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
