package org.resolutionpolicy.test;

import java.util.List;
import java.util.stream.Collectors;
import org.resolutionpolicy.api.PolicyException;
import org.resolutionpolicy.api.Problem;

/** Signals a scenario file that cannot be read, with every problem located by file, line and column. */
public class ScenarioException extends PolicyException {

    private static final long serialVersionUID = 1L;

    private final transient List<Problem> problems;

    /**
     * Creates the exception.
     *
     * @param problems at least one problem
     */
    public ScenarioException(List<Problem> problems) {
        super("scenario file could not be read:\n"
                + problems.stream().map(Problem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    /** Returns every problem found. */
    public List<Problem> problems() {
        return problems;
    }
}
