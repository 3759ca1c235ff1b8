package org.resolutionpolicy.analysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.resolutionpolicy.api.PolicyFiles;

/**
 * Runs guarantee files under JUnit 5, one test per guarantee, beside {@code Scenarios.in} for scenario files:
 *
 * <pre>{@code
 * @TestFactory
 * Stream<DynamicNode> guarantees() {
 *     return Guarantees.in(Path.of("src/test/resources/policies"));
 * }
 * }</pre>
 *
 * <p>A guarantee passes when it is proven; it fails with the counterexample case when it is violated, and also when
 * the solver could not decide it: a proof not found is not a proof.
 */
public final class Guarantees {

    private Guarantees() {
    }

    /**
     * Returns one container per guarantee file ({@code *.guarantees.yaml}) found in the paths, one test per guarantee.
     *
     * @param paths guarantee files, or directories searched for them
     * @return the tests; a single failing test when no file was found
     */
    public static Stream<DynamicNode> in(Path... paths) {
        List<Path> files = files(paths);
        if (files.isEmpty()) {
            return Stream.of(DynamicTest.dynamicTest("no guarantee files", () -> {
                throw new AssertionError("no *.guarantees.yaml files in " + List.of(paths));
            }));
        }
        List<DynamicNode> nodes = new ArrayList<>();
        for (Path file : files) {
            GuaranteeFile read;
            try {
                read = GuaranteeFile.read(file);
            } catch (GuaranteeException e) {
                nodes.add(DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
                    throw e;
                }));
                continue;
            }
            List<GuaranteeResult> results = Analysis.of(read.policies()).prove(read.guarantees());
            List<DynamicTest> tests = results.stream().map(r -> DynamicTest.dynamicTest(r.guarantee().name(), () -> {
                if (r.status() != GuaranteeResult.Status.PROVEN) {
                    throw new AssertionError(message(r));
                }
            })).collect(Collectors.toList());
            nodes.add(DynamicContainer.dynamicContainer(file.getFileName().toString(), tests));
        }
        return nodes.stream();
    }

    /** Returns why a guarantee failed, with its counterexample case when there is one. */
    static String message(GuaranteeResult r) {
        String head = r.guarantee().place() + ": guarantee [" + r.guarantee().name() + "] ("
                + r.guarantee().expect() + ") is " + r.status() + ": " + r.detail();
        return r.counterexample() == null ? head : head + "\ncounterexample:\n" + r.counterexampleJson();
    }

    private static List<Path> files(Path... paths) {
        List<Path> out = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> walk = Files.walk(p)) {
                    walk.filter(PolicyFiles::isGuaranteesFile).sorted().forEach(out::add);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            } else {
                out.add(p);
            }
        }
        return out;
    }
}
