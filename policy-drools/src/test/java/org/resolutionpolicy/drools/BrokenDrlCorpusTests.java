package org.resolutionpolicy.drools;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.resolutionpolicy.api.Policies;
import org.resolutionpolicy.api.PolicyLoadException;
import org.resolutionpolicy.api.PolicySource;
import org.resolutionpolicy.api.Problem;

/**
 * The broken-DRL corpus beside the YAML one: every file under {@code drl-broken/} loads with exactly the problems
 * its {@code // expect: error|warning LINE:COLUMN message (hint)} lines list, in that order, no more, no fewer. An
 * expectation ending in {@code (*)} has a hint that is Drools' own text, not compared. A file whose expectations
 * are all warnings loads, and the policy carries them.
 */
class BrokenDrlCorpusTests {

    static final Path CORPUS = Path.of("src", "test", "resources", "drl-broken");
    private static final Pattern EXPECT = Pattern.compile("(?m)^// expect: (error|warning) (\\d+):(\\d+) (.+)$");

    @TestFactory
    Stream<DynamicTest> every_broken_drl_file_reports_exactly_its_expected_problems() throws IOException {
        List<Path> files;
        try (Stream<Path> list = Files.list(CORPUS)) {
            files = list.filter(p -> p.toString().endsWith(".drl")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(23);
        return files.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            String name = file.getFileName().toString();
            String text = Files.readString(file, StandardCharsets.UTF_8);
            List<String> expected = new ArrayList<>();
            Matcher m = EXPECT.matcher(text);
            while (m.find()) {
                expected.add(m.group(1) + " " + m.group(2) + ":" + m.group(3) + " " + m.group(4));
            }
            assertThat(expected).as("expectations in %s", name).isNotEmpty();

            List<Problem> actual = problems(name, text);

            assertThat(actual).allSatisfy(p -> assertThat(p.source()).isEqualTo(name));
            List<String> shown = new ArrayList<>();
            for (int i = 0; i < actual.size(); i++) {
                boolean drools = i < expected.size() && expected.get(i).endsWith(" (*)");
                shown.add(show(actual.get(i), drools));
            }
            assertThat(shown).as("problems of %s", name).containsExactlyElementsOf(expected);
        }));
    }

    private static List<Problem> problems(String name, String text) {
        try {
            return Policies.compile(List.of(PolicySource.of(name, text))).warnings();
        } catch (PolicyLoadException e) {
            return e.problems();
        }
    }

    private static String show(Problem p, boolean droolsHint) {
        String hint = p.hint() == null ? "" : droolsHint ? " (*)" : " (" + p.hint() + ")";
        return (p.isError() ? "error " : "warning ") + p.line() + ":" + p.column() + " " + p.message() + hint;
    }
}
