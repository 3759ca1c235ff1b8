package org.resolutionpolicy.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.resolutionpolicy.api.PolicyFiles;

/**
 * The README as a new user meets it. Every Java snippet is quoted from a file the build compiles: the file it links just before it. A
 * snippet's paragraphs (separated by blank lines) appear in that file in the same order, each line for line
 * (indentation aside), so a reader who copies a snippet copies code that compiles, and the linked file has its
 * imports.
 */
class ReadmeTests {

    private static final Path ROOT = Path.of("..");
    private static final Pattern JAVA_BLOCK = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern JAVA_LINK = Pattern.compile("\\]\\(([^)\\s]+\\.java)\\)");

    /** One Java snippet of a Markdown file: where it starts, its text and the Java file linked before it. */
    record Snippet(String doc, int line, String text, String linked) {

        @Override
        public String toString() {
            return doc + ":" + line;
        }
    }

    /** Returns the Java snippets of a Markdown file, each with the last Java file linked between it and the one before. */
    static List<Snippet> snippets(Path doc) throws IOException {
        String text = Files.readString(doc);
        List<Snippet> snippets = new ArrayList<>();
        Matcher m = JAVA_BLOCK.matcher(text);
        int previousEnd = 0;
        while (m.find()) {
            String before = text.substring(previousEnd, m.start());
            Matcher link = JAVA_LINK.matcher(before);
            String linked = null;
            while (link.find()) {
                linked = link.group(1);
            }
            int line = (int) text.substring(0, m.start()).lines().count() + 1;
            snippets.add(new Snippet(doc.getFileName().toString(), line, m.group(1), linked));
            previousEnd = m.end();
        }
        return snippets;
    }

    /** Returns the paragraphs of a snippet that are not in the file, in order: empty when the file quotes it whole. */
    static List<String> missing(String snippet, List<String> file) {
        List<String> trimmed = file.stream().map(String::strip).toList();
        List<String> missing = new ArrayList<>();
        int from = 0;
        for (String paragraph : snippet.strip().split("\\n\\s*\\n")) {
            List<String> lines = paragraph.lines().map(String::strip).toList();
            int at = indexOf(trimmed, lines, from);
            if (at < 0) {
                missing.add(paragraph);
            } else {
                from = at + lines.size();
            }
        }
        return missing;
    }

    private static int indexOf(List<String> file, List<String> lines, int from) {
        for (int i = from; i + lines.size() <= file.size(); i++) {
            if (file.subList(i, i + lines.size()).equals(lines)) {
                return i;
            }
        }
        return -1;
    }

    @TestFactory
    List<DynamicTest> every_java_snippet_of_the_readme_is_quoted_from_the_compiled_file_it_links() throws IOException {
        List<Snippet> snippets = snippets(ROOT.resolve("README.md"));
        assertThat(snippets).hasSizeGreaterThanOrEqualTo(8);
        return snippets.stream().map(s -> DynamicTest.dynamicTest(s.toString(), () -> {
            assertThat(s.linked()).as("%s links the compiled Java file it is quoted from", s).isNotNull();
            Path file = ROOT.resolve(s.linked());
            assertThat(file).as("the file %s links", s).isRegularFile();
            assertThat(s.linked()).as("%s links a file the build compiles", s).contains("/src/");
            assertThat(missing(s.text(), Files.readAllLines(file)))
                    .as("paragraphs of %s not found, in order, in %s", s, s.linked()).isEmpty();
        })).toList();
    }

    @Test
    void the_quick_start_snippet_has_its_imports() throws IOException {
        Snippet quickStart = snippets(ROOT.resolve("README.md")).get(0);

        assertThat(quickStart.linked()).endsWith("QuickStart.java");
        assertThat(quickStart.text()).contains("import org.resolutionpolicy.api.Policies;")
                .contains("import org.resolutionpolicy.api.CustomerCase;");
    }

    @Test
    void the_try_it_section_counts_the_example_policies_there_are() throws IOException {
        long policies;
        try (Stream<Path> files = Files.list(Path.of("policies"))) {
            policies = files.filter(Files::isRegularFile).filter(PolicyFiles::isPolicyFile).count();
        }
        String[] numbers = {"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"};

        assertThat(policies).isBetween(1L, 9L);
        assertThat(Files.readString(ROOT.resolve("README.md")))
                .contains("with the " + numbers[(int) policies] + " example policies in [`examples/policies`]");
    }

    @Test
    void maven_and_gradle_coordinates_name_the_build_version() throws IOException {
        String parent = Files.readString(ROOT.resolve("pom.xml"));
        Matcher own = Pattern.compile("<artifactId>resolution-policy-parent</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(parent);
        assertThat(own.find()).isTrue();
        String version = own.group(1);
        String readme = Files.readString(ROOT.resolve("README.md"));

        Matcher maven = Pattern.compile("<groupId>org.resolutionpolicy</groupId>\\s*<artifactId>([^<]+)</artifactId>"
                + "\\s*<version>([^<]+)</version>").matcher(readme);
        List<String> mavenVersions = new ArrayList<>();
        while (maven.find()) {
            mavenVersions.add(maven.group(1) + ":" + maven.group(2));
        }
        // Kotlin DSL in double quotes, Groovy DSL in single quotes
        Matcher gradle = Pattern.compile("\"org\\.resolutionpolicy:([a-z-]+):([^\"]+)\""
                + "|'org\\.resolutionpolicy:([a-z-]+):([^']+)'").matcher(readme);
        List<String> gradleVersions = new ArrayList<>();
        while (gradle.find()) {
            gradleVersions.add(gradle.group(2) != null ? gradle.group(2) : gradle.group(4));
        }

        assertThat(mavenVersions).hasSizeGreaterThanOrEqualTo(3).allSatisfy(c -> assertThat(c).endsWith(":" + version));
        assertThat(gradleVersions).as("Gradle coordinates beside Maven").hasSizeGreaterThanOrEqualTo(3)
                .containsOnly(version);
    }

    @Test
    void a_snippet_that_differs_from_its_file_is_found() {
        List<String> file = List.of("class A {", "    int a = 1;", "", "    int b = 2;", "}");

        assertThat(missing("int a = 1;\n\nint b = 2;\n", file)).isEmpty();
        assertThat(missing("int b = 2;\n\nint a = 1;\n", file)).as("out of order").containsExactly("int a = 1;");
        assertThat(missing("int a = 1;\nint b = 2;\n", file)).as("lines apart in the file")
                .containsExactly("int a = 1;\nint b = 2;");
        assertThat(missing("int a = 3;\n", file)).containsExactly("int a = 3;");
    }
}
