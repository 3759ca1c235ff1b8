package org.resolutionpolicy.spark;

import java.util.Objects;
import org.resolutionpolicy.replay.BadLine;

/**
 * Names a history line that could not be decided, with its file: a Spark history is often many files.
 *
 * @param file the file, as {@link SparkHistory} names it
 * @param line the line's number in that file, 1-based
 * @param message what is wrong, as the local replay says it
 */
public record SparkBadLine(String file, long line, String message) {

    /**
     * Creates a bad line.
     *
     * @throws NullPointerException if file or message is null
     */
    public SparkBadLine {
        Objects.requireNonNull(file, "file must not be null");
        Objects.requireNonNull(message, "message must not be null");
    }

    /** Returns the local replay's bad line, which has no file. */
    public BadLine toBadLine() {
        return new BadLine(line, message);
    }

    /** Returns {@code file:line: message}. */
    @Override
    public String toString() {
        return file + ":" + line + ": " + message;
    }
}
