package org.resolutionpolicy.replay;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;
import org.resolutionpolicy.api.CaseProblem;
import org.resolutionpolicy.api.InvalidCaseException;

/**
 * Names a history line that could not be decided and why: malformed JSON, a malformed case, or a case that does not
 * fit the policy. A message echoes what the line held (an id, a value), so it is kept to its first
 * {@value #MAX_MESSAGE_CHARS} characters and says how long it was: {@code ... (524288 characters)}; a history of
 * half-megabyte bad lines gives a report of a few kilobytes, not a copy of the history.
 *
 * @param line the line's number in the history, 1-based
 * @param message what is wrong, with every problem of the case; past {@value #MAX_MESSAGE_CHARS} characters, its
 *                first {@value #MAX_MESSAGE_CHARS} and how many it had
 */
public record BadLine(long line, String message) implements Serializable {

    /** How many characters of a message a bad line keeps: enough for several problems of a case. */
    public static final int MAX_MESSAGE_CHARS = 500;

    /** The room the end of a shortened message takes, so that a message shortened once is never shortened again. */
    private static final int ENDING = 32;

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
        message = shortened(message);
    }

    /**
     * Returns a message as a bad line keeps it: itself, or past {@value #MAX_MESSAGE_CHARS} characters (and the room
     * of the ending) its first {@value #MAX_MESSAGE_CHARS} and {@code ... (N characters)}.
     */
    static String shortened(String message) {
        if (message.length() <= MAX_MESSAGE_CHARS + ENDING) {
            return message;
        }
        int end = Character.isHighSurrogate(message.charAt(MAX_MESSAGE_CHARS - 1))
                ? MAX_MESSAGE_CHARS - 1 : MAX_MESSAGE_CHARS;
        return message.substring(0, end) + "... (" + message.length() + " characters)";
    }

    /**
     * Returns the bad line of a case that could not be read or decided, its problems on one line:
     * {@code invalid case [C-1]: severity: unknown ...; ...}: the one text a local and a Spark replay give.
     *
     * @param line the line's number in the history, 1-based
     * @param e what the reader or a policy threw
     * @return the bad line
     * @throws IllegalArgumentException if line is not positive
     */
    public static BadLine of(long line, InvalidCaseException e) {
        String header = e.getMessage().lines().findFirst().orElse("invalid case");
        String name = header.contains(":") ? header.substring(0, header.lastIndexOf(':')) : header;
        StringBuilder out = new StringBuilder(name).append(": ");
        List<CaseProblem> problems = e.problems();
        for (int i = 0; i < problems.size(); i++) {
            out.append(i == 0 ? "" : "; ").append(problems.get(i));
        }
        return new BadLine(line, out.toString());
    }

    /** Returns {@code line N: message}. */
    @Override
    public String toString() {
        return "line " + line + ": " + message;
    }
}
