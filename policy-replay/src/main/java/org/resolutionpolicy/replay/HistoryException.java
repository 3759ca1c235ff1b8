package org.resolutionpolicy.replay;

import org.resolutionpolicy.api.PolicyException;

/**
 * Signals that a history cannot be replayed: it cannot be read (the cause is the {@link java.io.IOException}), a
 * line is bad and the run was told to fail on bad lines ({@link #badLine()} names it), every line was refused
 * and nothing could be decided, or its money amounts are in more than one currency and no policy names the one they
 * must be in ({@link #mixedCurrencies()}): amounts are never converted, and never added across currencies.
 */
public class HistoryException extends PolicyException {

    private static final long serialVersionUID = 1L;

    private final transient BadLine badLine;
    private final boolean nothingDecided;
    private final boolean mixedCurrencies;

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
        this(message, cause, badLine, nothingDecided, false);
    }

    private HistoryException(String message, Throwable cause, BadLine badLine, boolean nothingDecided,
                             boolean mixedCurrencies) {
        super(message, cause);
        this.badLine = badLine;
        this.nothingDecided = nothingDecided;
        this.mixedCurrencies = mixedCurrencies;
    }

    /** Returns the exception for a history whose money amounts are in more than one currency, saying which. */
    static HistoryException mixedCurrencies(String message) {
        return new HistoryException(message, null, null, false, true);
    }

    /**
     * Returns true if the history's money amounts are in more than one currency (or some state one and some none)
     * and no policy names the currency: a report would have added amounts in different currencies.
     */
    public boolean mixedCurrencies() {
        return mixedCurrencies;
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
