package org.resolutionpolicy.api;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Signals that a case cannot be decided because it is malformed or does not fit the policy.
 *
 * <p>Carries every problem found in the case at once, each naming its field, so a CRM developer
 * can fix them in one round. Nothing is guessed: a case with any problem is never decided.
 */
public class InvalidCaseException extends PolicyException {

    private static final long serialVersionUID = 1L;

    private final transient List<CaseProblem> problems;

    /**
     * Creates an exception from the problems found.
     *
     * @param caseName how to name the case in the message, e.g. its id or file
     * @param problems every problem found; at least one
     * @throws IllegalArgumentException if problems is empty
     */
    public InvalidCaseException(String caseName, List<CaseProblem> problems) {
        super(format(caseName, problems));
        this.problems = List.copyOf(problems);
    }

    private static String format(String caseName, List<CaseProblem> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("an invalid case must carry at least one problem");
        }
        String header = "invalid case" + (caseName == null ? "" : " [" + caseName + "]") + ": "
                + problems.size() + (problems.size() == 1 ? " problem" : " problems");
        return problems.stream().map(p -> "  " + p)
                .collect(Collectors.joining("\n", header + "\n", ""));
    }

    /** Returns every problem found in the case. */
    public List<CaseProblem> problems() {
        return problems;
    }
}
