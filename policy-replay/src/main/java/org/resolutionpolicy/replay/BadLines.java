package org.resolutionpolicy.replay;

/** Says what a replay does with a history line it cannot decide: never guessed, always the user's choice. */
public enum BadLines {
    /** Counts the line in the report, keeps its number and problem among the first samples, and goes on. */
    SKIP,
    /** Stops the run with a {@link HistoryException} naming the first bad line. */
    FAIL
}
