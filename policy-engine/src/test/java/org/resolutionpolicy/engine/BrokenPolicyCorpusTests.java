package org.resolutionpolicy.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.resolutionpolicy.api.Policies;
import org.resolutionpolicy.api.PolicyLoadException;
import org.resolutionpolicy.api.PolicySource;
import org.resolutionpolicy.api.Problem;

/**
 * Every file of the broken-policy corpus fails to load with exactly the problems its header lists:
 * {@code # expect: error LINE:COL message fragment}, no more, no fewer. Hostile files leave no trace.
 */
class BrokenPolicyCorpusTests {

    private static final Pattern EXPECT = Pattern.compile("^# expect: (error|warning) (\\d+):(\\d+) (.+)$",
            Pattern.MULTILINE);

    @TestFactory
    Stream<DynamicTest> every_broken_policy_reports_exactly_its_expected_problems() throws IOException, URISyntaxException {
        Path dir = Path.of(BrokenPolicyCorpusTests.class.getClassLoader().getResource("corpus/broken").toURI());
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(p -> p.toString().endsWith(".yaml")).sorted().collect(Collectors.toList());
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(40);
        return files.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            String name = file.getFileName().toString();
            List<Expected> expected = expectations(name, text);
            assertThat(expected).as("expectations in " + name).isNotEmpty();

            assertThatThrownBy(() -> Policies.compile(List.of(PolicySource.of(name, text))))
                    .isInstanceOf(PolicyLoadException.class)
                    .satisfies(e -> assertSameProblems(name, ((PolicyLoadException) e).problems(), expected));
        }));
    }

    @AfterAll
    static void hostile_expressions_had_no_side_effect() {
        assertThat(Path.of("/tmp/rp-corpus-pwned")).doesNotExist();
        assertThat(Path.of("/tmp/rp-corpus-file")).doesNotExist();
        assertThat(System.getProperty("rp.corpus")).isNull();
    }

    private static void assertSameProblems(String name, List<Problem> actual, List<Expected> expected) {
        List<Problem> unmatched = new ArrayList<>(actual);
        List<Expected> missing = new ArrayList<>();
        for (Expected e : expected) {
            Problem match = unmatched.stream().filter(e::matches).findFirst().orElse(null);
            if (match == null) {
                missing.add(e);
            } else {
                unmatched.remove(match);
            }
        }
        assertThat(missing).as("expected problems not reported for %s; reported:%n%s", name, lines(actual)).isEmpty();
        assertThat(unmatched).as("unexpected problems for %s", name).isEmpty();
        actual.forEach(p -> assertThat(p.source()).isEqualTo(name));
    }

    private static String lines(List<Problem> problems) {
        return problems.stream().map(Problem::toString).collect(Collectors.joining("\n"));
    }

    private static List<Expected> expectations(String name, String text) {
        List<Expected> expected = new ArrayList<>();
        Matcher m = EXPECT.matcher(text);
        while (m.find()) {
            expected.add(new Expected(Problem.Severity.valueOf(m.group(1).toUpperCase(java.util.Locale.ROOT)),
                    Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)), m.group(4).trim()));
        }
        return expected;
    }

    /** One expected problem. */
    private record Expected(Problem.Severity severity, int line, int column, String fragment) {
        boolean matches(Problem p) {
            return p.severity() == severity && p.line() == line && p.column() == column && p.message().contains(fragment);
        }

        @Override
        public String toString() {
            return severity.label() + " " + line + ":" + column + " " + fragment;
        }
    }

    static String read(InputStream in) throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
}
