package org.resolutionpolicy.analysis;

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
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class GuaranteesSchemaTests {

    static final ObjectMapper JSON = new ObjectMapper();
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    static JsonNode schemaTree() throws IOException {
        return JSON.readTree(Files.readString(Path.of("../schema/guarantees.schema.json")));
    }

    @Test
    void every_guarantee_file_of_the_repository_is_valid() throws IOException {
        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(schemaTree());
        List<Path> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(Path.of("src/test/resources"))) {
            walk.filter(f -> f.toString().endsWith(".guarantees.yaml")).forEach(files::add);
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(3);
        for (Path f : files) {
            assertThat(schema.validate(YAML.readTree(f.toFile()))).as(f.toString()).isEmpty();
        }
    }

    @Test
    void a_guarantee_with_both_always_and_never_is_invalid_to_the_schema_as_to_the_reader() throws IOException {
        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(schemaTree());
        String text = "policy: p.yaml\nguarantees:\n  - name: both\n    always: SWAT\n    never: DENIED\n";
        assertThat(schema.validate(YAML.readTree(text))).isNotEmpty();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> GuaranteeFile.parse(Path.of("g.guarantees.yaml"), text))
                .isInstanceOf(GuaranteeException.class).hasMessageContaining("g.guarantees.yaml:3:5: guarantee [both]"
                        + " needs exactly one of [always] and [never]");
    }

    @Test
    void names_the_keys_the_reader_reads() throws IOException {
        JsonNode schema = schemaTree();
        List<String> top = new ArrayList<>();
        schema.get("properties").fieldNames().forEachRemaining(top::add);
        List<String> guarantee = new ArrayList<>();
        schema.at("/definitions/guarantee/properties").fieldNames().forEachRemaining(guarantee::add);
        assertThat(top).containsExactly("policy", "guarantees");
        assertThat(guarantee).containsExactly("name", "when", "always", "never");
    }
}
