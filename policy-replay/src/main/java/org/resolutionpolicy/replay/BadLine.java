package org.resolutionpolicy.replay;

import java.util.Objects;

/**
 * Names a history line that could not be decided and why: malformed JSON, a malformed case, or a case that does not
 * fit the policy.
 *
 * @param line the line's number in the history, 1-based
 * @param message what is wrong, with every problem of the case
 */
public record BadLine(long line, String message) {

    /**
     * Creates a bad line.
     *
     * @throws NullPointerException if message is null
     * @throws IllegalArgumentException if line is not positive
     */
    public BadLine {
        Objects.requireNonNull(message, "message must not be null");
        if (line < 1) {
            throw new IllegalArgumentException("line must be positive, was [" + line + "]");
        }
    }

    /** Returns {@code line N: message}. */
    @Override
    public String toString() {
        return "line " + line + ": " + message;
    }
}
