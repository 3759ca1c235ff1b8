package org.resolutionpolicy.test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.opentest4j.AssertionFailedError;

/**
 * Runs scenario files under JUnit 5: one dynamic test per scenario, named by its {@code name}, grouped by file.
 *
 * <pre>{@code
 * class PolicyScenarios {
 *     @TestFactory
 *     Stream<DynamicNode> scenarios() {
 *         return Scenarios.in(Path.of("src/test/resources/scenarios"));
 *     }
 * }
 * }</pre>
 *
 * <p>A failing scenario fails its test with the expectation, the decision and its reasons, and names the file
 * and line of the scenario. A file that cannot be read fails a test named after the file, with every problem
 * located. When no scenario is found, one test fails, so a mistyped path never passes silently.
 *
 * <p>Why a {@code @TestFactory} and not a JUnit Platform {@code TestEngine} of our own: Surefire and the IDEs run
 * {@code @TestFactory} methods with no configuration, and the test class says which folder it covers. An engine
 * would have to find files on its own, which build tools do not ask engines to do.
 */
public final class Scenarios {

    private Scenarios() {
    }

    /**
     * Returns the tests of every scenario file ({@code *.test.yaml}) among the given files and directories.
     *
     * @param paths files or directories
     * @return one container per file, one test per scenario
     */
    public static Stream<DynamicNode> in(Path... paths) {
        List<Path> given = Arrays.asList(paths);
        List<Path> files = ScenarioRunner.find(given);
        if (files.isEmpty()) {
            return Stream.of(DynamicTest.dynamicTest("no scenario files", () -> {
                throw new AssertionFailedError("no scenario files (*.test.yaml) found in " + given + ": nothing was tested");
            }));
        }
        List<DynamicNode> nodes = new ArrayList<>();
        for (Path file : files) {
            ScenarioReport report = ScenarioRunner.run(List.of(file));
            if (!report.unreadable().isEmpty()) {
                ScenarioException e = report.unreadable().get(file);
                nodes.add(DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
                    throw new AssertionFailedError(e.getMessage(), e);
                }));
                continue;
            }
            List<DynamicTest> tests = new ArrayList<>();
            for (ScenarioResult r : report.results()) {
                tests.add(DynamicTest.dynamicTest(r.scenario().name(), () -> {
                    if (!r.passed()) {
                        throw new AssertionFailedError(r.report(), expected(r), actual(r));
                    }
                }));
            }
            // no test source URI on purpose: Maven Surefire drops dynamic tests whose source is a file, because it
            // cannot tie them to a test class; the failure message names the file and line instead
            nodes.add(DynamicContainer.dynamicContainer(file.getFileName().toString(), tests.stream()));
        }
        return nodes.stream();
    }

    /**
     * Returns rule coverage of the scenarios among the given files and directories, per policy id.
     *
     * @param paths files or directories
     * @return which rules matched in at least one scenario, and which never did
     */
    public static Map<String, RuleCoverage> coverage(Path... paths) {
        return ScenarioRunner.run(Arrays.asList(paths)).coverage();
    }

    private static String expected(ScenarioResult r) {
        StringBuilder out = new StringBuilder();
        r.scenario().outcomes().forEach((remedy, e) -> out.append(remedy).append(": ").append(e).append('\n'));
        if (r.scenario().followUps() != null) {
            out.append("followUps: ").append(r.scenario().followUps()).append('\n');
        }
        return out.toString();
    }

    private static String actual(ScenarioResult r) {
        if (r.decision() == null) {
            return r.mismatches().get(0);
        }
        StringBuilder out = new StringBuilder();
        r.decision().proposals().forEach(p -> out.append(p.remedy()).append(": ").append(p.outcome())
                .append(" because ").append(new java.util.TreeSet<>(p.ruleIds())).append('\n'));
        out.append("followUps: ").append(r.decision().followUps().stream().map(f -> f.action()).toList()).append('\n');
        return out.toString();
    }
}
