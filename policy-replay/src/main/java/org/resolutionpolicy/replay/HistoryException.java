package org.resolutionpolicy.replay;

import org.resolutionpolicy.api.PolicyException;

/**
 * Signals that a history cannot be replayed: it cannot be read (the cause is the {@link java.io.IOException}), a
 * line is bad and the run was told to fail on bad lines ({@link #badLine()} names it), or every line was refused
 * and nothing could be decided.
 */
public class HistoryException extends PolicyException {

    private static final long serialVersionUID = 1L;

    private final transient BadLine badLine;
    private final boolean nothingDecided;

    /**
     * Creates the exception for a bad line.
     *
     * @param history the history's name
     * @param badLine the first bad line
     */
    public HistoryException(String history, BadLine badLine) {
        this("history [" + history + "] " + badLine + " (run with bad lines skipped to go on past it)", null, badLine,
                false);
    }

    /**
     * Creates the exception for a history whose every line was refused, bad lines skipped: a run that decided
     * nothing, which a report would show as nothing decided differently.
     *
     * @param history the history's name
     * @param skipped how many lines were refused
     * @param first the first of them
     */
    public HistoryException(String history, long skipped, BadLine first) {
        this("no line of history [" + history + "] could be decided: all " + skipped + " were refused; the first, "
                + first, null, first, true);
    }

    /**
     * Creates the exception for a history that cannot be read.
     *
     * @param message what could not be read
     * @param cause the failure
     */
    public HistoryException(String message, Throwable cause) {
        this(message, cause, null, false);
    }

    private HistoryException(String message, Throwable cause, BadLine badLine, boolean nothingDecided) {
        super(message, cause);
        this.badLine = badLine;
        this.nothingDecided = nothingDecided;
    }

    /** Returns true if the run decided no line at all: every line was refused. */
    public boolean nothingDecided() {
        return nothingDecided;
    }

    /** Returns the bad line that stopped the run, or null when the history could not be read. */
    public BadLine badLine() {
        return badLine;
    }
}
