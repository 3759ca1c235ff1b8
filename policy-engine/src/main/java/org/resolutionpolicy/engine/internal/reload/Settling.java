package org.resolutionpolicy.engine.internal.reload;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Says whether a live policy's files hold still enough to be read and served: a program writing a file in several
 * steps leaves it half-written between them, and what is read then must neither serve nor be reported.
 *
 * <p>Files hold still when a look at them (see {@link FileStamps}) is the same before and after they are read (and
 * after they are compiled), and, for the watcher, when they have not changed for the settle time: the newest
 * modification time is at least that old, or the watcher's own looks found them the same for that long (a file with
 * a modification time in the future, from another machine's clock, or a file that is missing). Files that do not
 * hold still for {@link #patience()} are reported. Used under the reload lock, or by the watcher's thread alone.
 */
final class Settling {

    /**
     * Files that do not hold still yet.
     *
     * @param file the file that changed, or null when unknown
     * @param why what was seen, in the user's words
     * @param retry when to look again
     */
    record Unsettled(Path file, String why, Duration retry) {
    }

    /** The shortest wait before looking again, so that a settle time of 0 does not spin. */
    private static final Duration SHORTEST = Duration.ofMillis(10);
    /** The shortest patience, however short the settle time. */
    private static final Duration LEAST_PATIENCE = Duration.ofSeconds(2);

    private final Duration settle;
    private final Duration patience;
    /** The last look at the files and when it first looked like that (System.nanoTime). */
    private FileStamps lastLook;
    private long lastLookSince;
    /** Since when the watcher's checks found the files still changing (System.nanoTime), or -1. */
    private long unsettledSince = -1;
    private boolean reported;

    Settling(List<Path> paths, Duration settle) {
        this.settle = settle;
        Duration tenfold = settle.multipliedBy(10);
        this.patience = tenfold.compareTo(LEAST_PATIENCE) > 0 ? tenfold : LEAST_PATIENCE;
        this.lastLook = FileStamps.of(paths);
        this.lastLookSince = System.nanoTime();
    }

    /** How long files may keep changing before that is reported: ten times the settle time, at least 2 s. */
    Duration patience() {
        return patience;
    }

    /**
     * Returns whether the files changed within the settle time, by their modification time or by the looks at them,
     * or null when they have not.
     */
    Unsettled recent(FileStamps look) {
        long now = System.nanoTime();
        if (!look.equals(lastLook)) {
            lastLook = look;
            lastLookSince = now;
        }
        long quiet = now - lastLookSince;
        if (quiet >= settle.toNanos()) {
            return null;
        }
        long newest = look.newest();
        long age = newest == Long.MAX_VALUE ? -1 : epochNanos() - newest;
        if (age >= settle.toNanos()) {
            return null;
        }
        // a time in the future (another clock) or a file that is not there: the looks must stay the same
        long wait = age < 0 ? settle.toNanos() - quiet : settle.toNanos() - age;
        Path file = look.newestFile();
        String why = age < 0 ? (file == null ? String.valueOf(look.files().keySet()) : "[" + file + "]")
                + " changed less than " + text(settle) + " ago"
                : "[" + file + "] was modified " + text(Duration.ofNanos(age)) + " ago, less than " + text(settle);
        return new Unsettled(file, why, atLeastShortest(Duration.ofNanos(wait)));
    }

    /** Returns whether the files changed between two looks, while they were read or compiled, or null. */
    Unsettled changed(FileStamps before, FileStamps after, String doing) {
        if (before.equals(after)) {
            return null;
        }
        return unsettled(after.differentFrom(before), doing);
    }

    /** Returns files that changed while they were read or compiled: they are read again a settle time later. */
    Unsettled unsettled(Path file, String doing) {
        String name = file == null ? "a file" : "[" + file + "]";
        return new Unsettled(file, name + " changed while it was " + doing, atLeastShortest(settle));
    }

    /** Tells that a check found the files holding still. */
    void settled() {
        unsettledSince = -1;
        reported = false;
    }

    /** Returns true, once, when the watcher's checks have found the files changing for longer than the patience. */
    boolean overdue() {
        long now = System.nanoTime();
        if (unsettledSince < 0) {
            unsettledSince = now;
        }
        if (!reported && now - unsettledSince >= patience.toNanos()) {
            reported = true;
            return true;
        }
        return false;
    }

    private static Duration atLeastShortest(Duration wait) {
        return wait.compareTo(SHORTEST) < 0 ? SHORTEST : wait;
    }

    private static long epochNanos() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    /** A duration as people write it: 500 ms, 2 s. */
    static String text(Duration d) {
        long ms = d.truncatedTo(ChronoUnit.MILLIS).toMillis();
        return ms % 1000 == 0 && ms > 0 ? ms / 1000 + " s" : ms + " ms";
    }
}
