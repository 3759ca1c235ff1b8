package org.resolutionpolicy.engine.format;

import org.resolutionpolicy.format.json.*;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.resolutionpolicy.api.Cases;
import org.resolutionpolicy.api.InvalidCaseException;

/** The case schema (one history line) names the reader's fields and agrees with it on valid and malformed cases. */
class CaseSchemaTests {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNode TREE = read();
    private static final JsonSchema SCHEMA = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(TREE);

    private static JsonNode read() {
        try (InputStream in = CaseSchemaTests.class.getClassLoader()
                .getResourceAsStream("org/resolutionpolicy/schema/case.schema.json")) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void the_jar_ships_the_repositorys_schema_and_it_names_the_readers_fields() throws IOException {
        assertThat(JSON.readTree(Files.readString(Path.of("..", "schema", "case.schema.json")))).isEqualTo(TREE);
        List<String> keys = new ArrayList<>();
        Iterator<String> names = TREE.get("properties").fieldNames();
        names.forEachRemaining(keys::add);
        assertThat(keys).containsExactlyElementsOf(CaseJsonReader.CASE_KEYS);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"severity\": \"LOW\"}",
        "{\"id\": \"C-1\", \"severity\": \"HIGH\", \"openedAt\": \"2026-11-20T09:30:00Z\", \"employee\": {\"role\": \"a\"},"
                + " \"customer\": {\"tier\": \"GOLD\", \"history\": [{\"remedy\": \"v\", \"amount\": 5, \"at\": \"2026-11-01\"}]},"
                + " \"impact\": {\"outOfPocket\": 2.5, \"socialReach\": 3, \"legalThreat\": true},"
                + " \"attributes\": {\"store\": \"Main\", \"n\": 1, \"b\": false}, \"proposals\": [{\"remedy\": \"r\", \"amount\": 1}]}"})
    void a_case_the_reader_accepts_is_valid(String json) throws IOException {
        assertThat(Cases.parse(json)).isNotNull();
        assertThat(SCHEMA.validate(JSON.readTree(json))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"severty\": \"LOW\"}",
        "{\"proposals\": []}",
        "{\"proposals\": [{\"amount\": 5}]}",
        "{\"impact\": {\"legalThreat\": \"yes\"}}",
        "{\"impact\": {\"affectedCustomers\": 2.5}}",
        "{\"customer\": {\"history\": [{\"remedy\": \"v\"}]}}",
        "{\"attributes\": {\"a\": [1]}}",
        "{\"openedAt\": \"yesterday\"}",
        "{\"employee\": {\"name\": \"Ann\"}}"})
    void a_case_the_reader_refuses_is_invalid(String json) throws IOException {
        assertThat(catchThrowableOfType(InvalidCaseException.class, () -> Cases.parse(json))).isNotNull();
        assertThat(SCHEMA.validate(JSON.readTree(json))).isNotEmpty();
    }
}
