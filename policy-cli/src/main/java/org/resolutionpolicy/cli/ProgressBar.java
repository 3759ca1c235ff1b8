package org.resolutionpolicy.cli;

import java.io.PrintWriter;
import org.resolutionpolicy.replay.Progress;

/**
 * Draws a replay's progress on one line of stderr: a bar, cases/s and the time left. Only when a person watches: the
 * commands use it only when {@link System#console()} is there, and stay quiet in pipes and CI.
 */
final class ProgressBar implements Progress {

    private static final int WIDTH = 30;

    private final PrintWriter err;
    private final long start = System.nanoTime();
    private boolean drawn;

    private ProgressBar(PrintWriter err) {
        this.err = err;
    }

    /** Returns a bar on err when a terminal is attached, else {@link Progress#NONE}. */
    static Progress forTerminal(PrintWriter err) {
        return System.console() == null ? Progress.NONE : new ProgressBar(err);
    }

    @Override
    public void update(long lines, long bytes, long totalBytes) {
        double seconds = Math.max(1e-3, (System.nanoTime() - start) / 1e9);
        long rate = (long) (lines / seconds);
        StringBuilder line = new StringBuilder("\r");
        if (totalBytes > 0) {
            double done = Math.min(1.0, (double) bytes / totalBytes);
            int filled = (int) Math.round(done * WIDTH);
            line.append('[').append("#".repeat(filled)).append(".".repeat(WIDTH - filled)).append("] ")
                    .append(String.format("%3d%% ", Math.round(done * 100)));
            if (done > 0 && done < 1) {
                long left = Math.round(seconds / done - seconds);
                line.append(String.format("ETA %d:%02d ", left / 60, left % 60));
            }
        }
        line.append(String.format("%,d cases, %,d cases/s  ", lines, rate));
        err.print(line);
        err.flush();
        drawn = true;
    }

    /** Ends the bar's line, so that what follows starts on a line of its own. */
    void end() {
        if (drawn) {
            err.println();
            err.flush();
        }
    }

    /** Ends the line of a bar, when the progress is one. */
    static void end(Progress progress) {
        if (progress instanceof ProgressBar bar) {
            bar.end();
        }
    }
}
