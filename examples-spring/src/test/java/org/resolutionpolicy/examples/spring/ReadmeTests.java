package org.resolutionpolicy.examples.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The README's Spring Boot and registry sections and docs/spring-boot.md quote this module's code, and name the
 * starter's properties.
 */
class ReadmeTests {

    static final Path README = Path.of("..", "README.md");
    static final Path GUIDE = Path.of("..", "docs", "spring-boot.md");

    @Test
    void every_java_block_of_the_spring_and_registry_sections_is_quoted_from_this_module() throws IOException {
        List<String> sources = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src", "main", "java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                sources.add(trimmedLines(Files.readString(file)));
            }
        }
        String readme = Files.readString(README);
        int blocks = 0;
        for (String heading : List.of("## Spring Boot", "## Several policies")) {
            Matcher m = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL).matcher(section(readme, heading));
            while (m.find()) {
                blocks++;
                String block = trimmedLines(m.group(1));
                assertThat(sources).as("java block of [%s], not quoted from examples-spring:%n%s", heading, block)
                        .anySatisfy(source -> assertThat(source).contains(block));
            }
        }
        assertThat(blocks).isEqualTo(2);
        Matcher guide = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL).matcher(Files.readString(GUIDE));
        int guideBlocks = 0;
        while (guide.find()) {
            guideBlocks++;
            String block = trimmedLines(guide.group(1));
            assertThat(sources).as("java block of docs/spring-boot.md, not quoted from examples-spring:%n%s", block)
                    .anySatisfy(source -> assertThat(source).contains(block));
        }
        assertThat(guideBlocks).isEqualTo(1);
    }

    @Test
    void every_property_the_readme_names_is_in_the_starters_metadata() throws IOException {
        String metadata;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            metadata = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String spring = section(Files.readString(README), "## Spring Boot");
        // the keys of the properties example and of the table's first column; the metric names are not properties
        Matcher m = Pattern.compile("(?m)^(?:\\| `)?(resolution\\.policy\\.[a-z.-]+)(?:=|`)").matcher(spring);
        List<String> named = new ArrayList<>();
        while (m.find()) {
            named.add(property(m.group(1)));
        }
        assertThat(named).hasSizeGreaterThanOrEqualTo(12).allSatisfy(p -> assertThat(metadata).contains("\"" + p + "\""));
        Matcher guide = Pattern.compile("(?m)^\\| `(resolution\\.policy\\.[a-z.<>-]+)`")
                .matcher(section(Files.readString(GUIDE), "## Every property"));
        List<String> documented = new ArrayList<>();
        while (guide.find()) {
            documented.add(property(guide.group(1)));
        }
        // every property of these classes is in the guide's table, and the table names no property that is not
        List<String> all = new ArrayList<>();
        for (tools.jackson.databind.JsonNode property : tools.jackson.databind.json.JsonMapper.builder().build()
                .readTree(metadata).get("properties")) {
            String source = property.get("sourceType").asString();
            if (source.matches("org\\.resolutionpolicy\\.spring\\.(Policy(Properties|RequestProperties|"
                    + "ActuatorProperties)|ShadowProperties)(\\$.*)?")) {
                all.add(property.get("name").asString());
            }
        }
        assertThat(all).hasSizeGreaterThanOrEqualTo(20);
        assertThat(documented).as("the properties of docs/spring-boot.md#every-property").containsAll(all)
                .allSatisfy(p -> assertThat(metadata).contains("\"" + p + "\""));
    }

    /** Returns the property of a name: {@code resolution.policy.policies.<id>.locations} is the map's. */
    private static String property(String name) {
        return name.replaceFirst("^(resolution\\.policy\\.policies)\\..*", "$1");
    }

    private static String section(String markdown, String heading) {
        int start = markdown.indexOf("\n" + heading + "\n");
        assertThat(start).as("section [%s]", heading).isNotNegative();
        int end = markdown.indexOf("\n## ", start + heading.length() + 2);
        return markdown.substring(start, end < 0 ? markdown.length() : end);
    }

    private static String trimmedLines(String text) {
        return text.strip().lines().map(String::strip).collect(Collectors.joining("\n"));
    }
}
