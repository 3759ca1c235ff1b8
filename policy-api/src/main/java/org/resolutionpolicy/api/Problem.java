package org.resolutionpolicy.api;

import java.util.Objects;

/**
 * Describes one problem found while loading a policy: what is wrong, where, and how to fix it.
 *
 * <p>Problems are data: a policy editor or CI job can read {@link #line()} and {@link #column()}
 * instead of parsing the message. {@link #toString()} prints them compiler-style:
 * {@code coffee.yaml:41:14: error: unknown role [store-mgr] in rule [late-refund] (did you mean [store-manager]?)}.
 *
 * @param severity whether the problem stops the policy from loading
 * @param source the file or source name the problem is in
 * @param line the 1-based line, or 0 when the problem concerns the whole source
 * @param column the 1-based column, or 0 when unknown
 * @param message what is wrong, with the values involved in square brackets
 * @param hint how to fix it, or {@code null} when there is nothing useful to add
 */
public record Problem(Severity severity, String source, int line, int column, String message, String hint) {

    /** Whether a problem stops a policy from loading. */
    public enum Severity {
        /** The policy cannot be loaded. */
        ERROR,
        /** The policy loads, but something is probably not what its owner meant. */
        WARNING;

        /** Returns the lower-case word used in compiler-style output. */
        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * Creates a problem.
     *
     * @throws NullPointerException if severity, source or message is null
     * @throws IllegalArgumentException if line or column is negative
     */
    public Problem {
        Objects.requireNonNull(severity, "severity must not be null");
        Objects.requireNonNull(source, "source must not be null");
        Objects.requireNonNull(message, "message must not be null");
        if (line < 0 || column < 0) {
            throw new IllegalArgumentException("line and column must not be negative: " + line + ":" + column);
        }
    }

    /**
     * Creates an error at a place.
     *
     * @return a problem of severity {@link Severity#ERROR}
     */
    public static Problem error(String source, int line, int column, String message, String hint) {
        return new Problem(Severity.ERROR, source, line, column, message, hint);
    }

    /**
     * Creates a warning at a place.
     *
     * @return a problem of severity {@link Severity#WARNING}
     */
    public static Problem warning(String source, int line, int column, String message, String hint) {
        return new Problem(Severity.WARNING, source, line, column, message, hint);
    }

    /** Returns true if this problem stops the policy from loading. */
    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** Returns {@code file:line:col: error|warning: message (hint)}. */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder(source);
        if (line > 0) {
            out.append(':').append(line);
            if (column > 0) {
                out.append(':').append(column);
            }
        }
        out.append(": ").append(severity.label()).append(": ").append(message);
        if (hint != null && !hint.isEmpty()) {
            out.append(" (").append(hint).append(')');
        }
        return out.toString();
    }
}
