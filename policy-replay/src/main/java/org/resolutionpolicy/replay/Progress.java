package org.resolutionpolicy.replay;

/**
 * Hears how far a replay has come; called from the thread that reads the history, a few times a second at most,
 * and once at the end. Must be quick and must not throw.
 */
@FunctionalInterface
public interface Progress {

    /** A listener that hears nothing. */
    Progress NONE = (lines, bytes, totalBytes) -> { };

    /**
     * Reports progress.
     *
     * @param lines how many lines have been decided
     * @param bytes how many bytes of the history file have been read (compressed bytes for a gzip file)
     * @param totalBytes the file's size, or -1 when it is unknown (a stream)
     */
    void update(long lines, long bytes, long totalBytes);
}
