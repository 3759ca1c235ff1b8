package org.resolutionpolicy.api;

import java.util.Objects;

/**
 * Describes one thing wrong with a case, naming the field: {@code proposals[1].amount}.
 *
 * @param field the path of the offending field, as in the case format ({@code customer.history[0].at})
 * @param message what is wrong, with the values involved in square brackets
 */
public record CaseProblem(String field, String message) {

    /**
     * Creates a case problem.
     *
     * @throws NullPointerException if field or message is null
     */
    public CaseProblem {
        Objects.requireNonNull(field, "field must not be null");
        Objects.requireNonNull(message, "message must not be null");
    }

    /** Returns {@code field: message}. */
    @Override
    public String toString() {
        return field.isEmpty() ? message : field + ": " + message;
    }
}
