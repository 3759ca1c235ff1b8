package org.resolutionpolicy.api;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Signals that a policy could not be loaded, carrying every problem found, not only the first.
 *
 * <p>A policy with errors never loads partially: when this is thrown, nothing was compiled.
 * The message lists the problems compiler-style, one per line.
 */
public class PolicyLoadException extends PolicyException {

    private static final long serialVersionUID = 1L;

    private final transient List<Problem> problems;

    /**
     * Creates an exception from the problems found.
     *
     * @param problems every problem found, errors and warnings; at least one
     * @throws IllegalArgumentException if problems is empty
     */
    public PolicyLoadException(List<Problem> problems) {
        super(format(problems));
        this.problems = List.copyOf(problems);
    }

    private static String format(List<Problem> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a load failure must carry at least one problem");
        }
        long errors = problems.stream().filter(Problem::isError).count();
        String header = "policy could not be loaded: " + errors + (errors == 1 ? " error" : " errors");
        return problems.stream().map(Problem::toString)
                .collect(Collectors.joining("\n", header + "\n", ""));
    }

    /** Returns every problem found, errors and warnings, in the order of the sources. */
    public List<Problem> problems() {
        return problems;
    }

    /** Returns only the problems that stopped the policy from loading. */
    public List<Problem> errors() {
        return problems.stream().filter(Problem::isError).collect(Collectors.toUnmodifiableList());
    }
}
