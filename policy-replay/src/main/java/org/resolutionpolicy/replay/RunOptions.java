package org.resolutionpolicy.replay;

import java.util.Objects;

/**
 * How a replay or diff runs: its threads, what it does with bad lines, who hears its progress.
 *
 * @param threads deciding threads, at least 1
 * @param badLines skip or fail
 * @param progress the listener
 */
record RunOptions(int threads, BadLines badLines, Progress progress) {

    static final RunOptions DEFAULTS = new RunOptions(Runtime.getRuntime().availableProcessors(), BadLines.FAIL,
            Progress.NONE);

    RunOptions {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, was [" + threads + "]");
        }
        Objects.requireNonNull(badLines, "badLines must not be null");
        Objects.requireNonNull(progress, "progress must not be null");
    }

    RunOptions threads(int n) {
        return new RunOptions(n, badLines, progress);
    }

    RunOptions badLines(BadLines b) {
        return new RunOptions(threads, b, progress);
    }

    RunOptions progress(Progress p) {
        return new RunOptions(threads, badLines, p);
    }
}
