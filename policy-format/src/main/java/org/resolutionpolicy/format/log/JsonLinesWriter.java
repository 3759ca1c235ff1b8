package org.resolutionpolicy.format.log;

import java.io.IOException;
import java.io.Writer;
import java.nio.channels.FileChannel;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.resolutionpolicy.api.DecisionLog.Masking;
import org.slf4j.Logger;

/**
 * The buffer, the failure count and the masking that the decision log and the shadow log share: lines are appended to
 * a buffer of the log's own and written with a flush of the writer, every {@value #BUFFER_CHARS} characters, at every
 * line when the log says so, and whenever the log flushes. When the write or the flush fails, every line of the
 * buffer is counted as lost and the first failure of a run of them is reported through SLF4J, never thrown.
 *
 * <p>Not thread-safe: its log calls it under the log's own lock.
 */
final class JsonLinesWriter {

    private static final int BUFFER_CHARS = 64 * 1024;

    private final Writer out;
    /** Forces what was flushed to the device (a file's channel), or null when the log does not sync. */
    private final FileChannel sync;
    private final boolean everyLine;
    private final String salt;
    private final Logger log;
    /** How the log is named in reports: its kind and name, {@code decision log [decisions.jsonl]}. */
    private final String title;
    /** What goes on when a write fails, for the report. */
    private final String goesOn;
    /** What a failed line is called in the report of a recovery ({@code failed writes}). */
    private final String failures;
    private final StringBuilder buffer = new StringBuilder();
    /** The lines in {@link #buffer}: each is lost if the buffer does not reach the medium. */
    private int buffered;
    private long failed;
    private boolean failing;

    /**
     * Creates the writer of a log.
     *
     * @param out where lines go
     * @param sync the channel to force after each flush, or null
     * @param everyLine whether every line is written and flushed at once
     * @param salt mixed into hashed ids
     * @param log the log's SLF4J logger
     * @param title the log's kind and name for reports
     * @param goesOn what goes on when a write fails
     * @param failures what a failed line is called when the log writes again
     */
    JsonLinesWriter(Writer out, FileChannel sync, boolean everyLine, String salt, Logger log, String title,
                    String goesOn, String failures) {
        this.out = out;
        this.sync = sync;
        this.everyLine = everyLine;
        this.salt = salt;
        this.log = log;
        this.title = title;
        this.goesOn = goesOn;
        this.failures = failures;
    }

    /**
     * Starts a daemon that calls the log's flush every interval, or returns null for an interval of zero.
     *
     * @param interval how often
     * @param thread the thread's name
     * @param flush the log's flush, which takes its lock
     * @return the timer to shut down when the log closes, or null
     */
    static ScheduledExecutorService flusher(Duration interval, String thread, Runnable flush) {
        if (interval.isZero()) {
            return null;
        }
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, thread);
            t.setDaemon(true);
            return t;
        });
        long nanos = Math.max(interval.toNanos(), 1_000_000L);
        timer.scheduleWithFixedDelay(flush, nanos, nanos, TimeUnit.NANOSECONDS);
        return timer;
    }

    /** Appends a line (ending in a line break), written at once when the buffer is full or every line is. */
    void append(String line) {
        buffer.append(line);
        buffered++;
        if (buffer.length() >= BUFFER_CHARS || everyLine) {
            drain();
        }
    }

    /** Counts a line that came after the log was closed. */
    void closedLine() {
        failed++;
        report(null, "the log is closed");
    }

    /** Writes the buffered lines and flushes the writer; when either fails, every buffered line is counted. */
    void drain() {
        if (buffered == 0) {
            return;
        }
        try {
            out.append(buffer);
            out.flush();
            if (sync != null) {
                sync.force(false);
            }
            if (failing) {
                failing = false;
                log.warn("{} writes again after {} {}", title, failed, failures);
            }
        } catch (IOException | RuntimeException e) {
            failed += buffered;
            report(e, e.toString());
        } finally {
            buffer.setLength(0);
            buffered = 0;
        }
    }

    /** Closes the writer, reporting a failure; the log has drained it. */
    void close() {
        try {
            out.close();
        } catch (IOException e) {
            report(e, "close failed: " + e);
        }
    }

    /** Returns how many lines could not be written. */
    long failed() {
        return failed;
    }

    /** Returns a value as the masking writes it: itself, its salted hash, or null (left out); null stays null. */
    String mask(String value, Masking masking) {
        if (value == null) {
            return null;
        }
        return switch (masking) {
            case KEEP -> value;
            case HASH -> Salt.hash(salt, value);
            case DROP -> null;
        };
    }

    /** Reports the first failure of a run of failures; the count keeps the rest. */
    private void report(Exception e, String what) {
        if (!failing) {
            failing = true;
            log.error("{} cannot write: {}; {}", title, what, goesOn, e);
        }
    }
}
