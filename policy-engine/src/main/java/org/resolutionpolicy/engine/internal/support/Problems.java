package org.resolutionpolicy.engine.internal.support;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.resolutionpolicy.api.PolicyLoadException;
import org.resolutionpolicy.api.Problem;

/** Collects every problem found while loading, so that one run reports them all. Not thread-safe. */
public final class Problems {

    private final List<Problem> problems = new ArrayList<>();

    /** Adds an error. */
    public void error(Place place, String message) {
        error(place, message, null);
    }

    /** Adds an error with a hint. */
    public void error(Place place, String message, String hint) {
        problems.add(Problem.error(place.source(), place.line(), place.column(), message, hint));
    }

    /** Adds a warning. */
    public void warning(Place place, String message, String hint) {
        problems.add(Problem.warning(place.source(), place.line(), place.column(), message, hint));
    }

    /** Adds problems found elsewhere. */
    public void addAll(Collection<Problem> more) {
        problems.addAll(more);
    }

    /** Returns true if any error was found. */
    public boolean hasErrors() {
        return problems.stream().anyMatch(Problem::isError);
    }

    /** Returns every problem so far. */
    public List<Problem> all() {
        return List.copyOf(problems);
    }

    /** Returns the warnings so far. */
    public List<Problem> warnings() {
        return problems.stream().filter(p -> !p.isError()).collect(java.util.stream.Collectors.toUnmodifiableList());
    }

    /**
     * Throws if any error was found.
     *
     * @throws PolicyLoadException carrying every problem, warnings included
     */
    public void throwIfErrors() {
        if (hasErrors()) {
            throw new PolicyLoadException(all());
        }
    }
}
