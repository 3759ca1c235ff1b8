package org.resolutionpolicy.replay;

import org.resolutionpolicy.api.PolicyException;

/**
 * Signals that a history cannot be replayed: it cannot be read (the cause is the {@link java.io.IOException}), or a
 * line is bad and the run was told to fail on bad lines ({@link #badLine()} names it).
 */
public class HistoryException extends PolicyException {

    private static final long serialVersionUID = 1L;

    private final transient BadLine badLine;

    /**
     * Creates the exception for a bad line.
     *
     * @param history the history's name
     * @param badLine the first bad line
     */
    public HistoryException(String history, BadLine badLine) {
        super("history [" + history + "] " + badLine + " (run with bad lines skipped to go on past it)");
        this.badLine = badLine;
    }

    /**
     * Creates the exception for a history that cannot be read.
     *
     * @param message what could not be read
     * @param cause the failure
     */
    public HistoryException(String message, Throwable cause) {
        super(message, cause);
        this.badLine = null;
    }

    /** Returns the bad line that stopped the run, or null when the history could not be read. */
    public BadLine badLine() {
        return badLine;
    }
}
