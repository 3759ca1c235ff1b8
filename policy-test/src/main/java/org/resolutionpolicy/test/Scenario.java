package org.resolutionpolicy.test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.resolutionpolicy.api.CustomerCase;

/**
 * One scenario of a {@code *.test.yaml} file: a named case and what the policy must decide for it.
 *
 * @param name the scenario's name, which names its test
 * @param file the scenario file
 * @param line the line of the scenario in the file
 * @param customerCase the case
 * @param outcomes per remedy, what its (first) proposal must get
 * @param followUps the follow-up actions the decision must have, exactly; null when not checked
 */
public record Scenario(String name, Path file, int line, CustomerCase customerCase, Map<String, Expected> outcomes,
                       List<String> followUps) {

    /** Creates a scenario. */
    public Scenario {
        Objects.requireNonNull(name, "name must not be null");
        outcomes = Map.copyOf(outcomes);
        followUps = followUps == null ? null : List.copyOf(followUps);
    }

    /** Returns {@code file:line}, for messages. */
    public String location() {
        return file + ":" + line;
    }
}
