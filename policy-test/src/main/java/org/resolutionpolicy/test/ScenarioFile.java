package org.resolutionpolicy.test;

import java.nio.file.Path;
import java.util.List;

/**
 * A parsed {@code *.test.yaml} file.
 *
 * @param file the file
 * @param policies the policy files it tests, resolved against the file's directory
 * @param scenarios its scenarios, in file order
 */
public record ScenarioFile(Path file, List<Path> policies, List<Scenario> scenarios) {

    /** Creates a scenario file. */
    public ScenarioFile {
        policies = List.copyOf(policies);
        scenarios = List.copyOf(scenarios);
    }
}
