package org.resolutionpolicy.engine.internal.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The JSON Schema knows the keys of issue 33 as the loader does: timeZone, calendars and calendar periods. */
class ZoneSchemaTests {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    static JsonNode schema() throws IOException {
        return JSON.readTree(Files.readString(Path.of("..", "schema", "policy.schema.json")));
    }

    static List<String> keys(JsonNode objectSchema) {
        List<String> keys = new ArrayList<>();
        objectSchema.get("properties").fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    static boolean valid(String yaml) throws IOException {
        JsonSchema s = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(schema());
        return s.validate(YAML.readTree(yaml)).isEmpty();
    }

    static final String HEAD = """
            policy: p
            version: "1"
            roles: [agent]
            remedies: { payment: { unit: money } }
            """;

    @Test
    void names_the_keys_of_time_zones_and_regional_calendars() throws IOException {
        JsonNode top = schema().at("/properties");
        assertThat(keys(top.at("/timeZone/oneOf/1"))).containsExactlyInAnyOrderElementsOf(ZoneReader.ZONE_KEYS);
        assertThat(keys(top.at("/calendars"))).containsExactlyInAnyOrderElementsOf(ZoneReader.CALENDARS_KEYS);
    }

    @Test
    void accepts_what_the_loader_accepts() throws IOException {
        assertThat(valid(HEAD + """
                timeZone: { by: attributes.state, regions: { NSW: Australia/Sydney }, default: Australia/Sydney }
                calendars: { by: attributes.state, regions: { NSW: { holidays: [2026-01-26] }, ACT: NSW } }
                authority:
                  agent: { payment: { perGrant: 10, perCustomer: { count: 1, window: calendar year from 1 April } } }
                """)).isTrue();
        assertThat(valid(HEAD + "timeZone: Australia/Sydney\n")).isTrue();
    }

    @Test
    void rejects_the_shapes_the_loader_rejects() throws IOException {
        assertThat(valid(HEAD + "calendars: { regions: { NSW: { holidays: [] } } }\n")).as("no by").isFalse();
        assertThat(valid(HEAD + "timeZone: { by: attributes.state, zones: {} }\n")).as("unknown key").isFalse();
        assertThat(valid(HEAD + """
                authority:
                  agent: { payment: { perGrant: 10, perCustomer: { count: 1, window: financial year } } }
                """)).as("a window that is no period").isFalse();
    }
}
