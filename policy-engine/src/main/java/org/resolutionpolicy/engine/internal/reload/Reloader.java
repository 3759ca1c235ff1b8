package org.resolutionpolicy.engine.internal.reload;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.resolutionpolicy.api.PolicyException;
import org.resolutionpolicy.api.PolicyLoadException;
import org.resolutionpolicy.api.PolicySource;
import org.resolutionpolicy.api.Problem;
import org.resolutionpolicy.api.ReloadEvent;
import org.resolutionpolicy.api.ReloadListener;
import org.resolutionpolicy.api.ReloadStatus;
import org.resolutionpolicy.api.spi.WatchRequest;
import org.resolutionpolicy.engine.internal.support.Revisions;
import org.slf4j.Logger;

/**
 * The reload rules of everything that follows its files (a policy, a registry of them): what serves is swapped, in
 * one volatile write, to each candidate that compiles without errors; reloads run one at a time, deciding never waits
 * for them, and the replaced value is released.
 *
 * <p>Files are served only once they hold still (see {@link Settling}): a check of the watcher reads nothing while a
 * file changed within the settle time, and no check serves (or reports the errors of) files that changed while they
 * were read or compiled; they are read again later. {@link #reloadNow} trusts its caller that the writes are done and
 * does not wait for the settle time, but reads again files that change under it. Files that never hold still are a
 * {@code FAILED} attempt after {@link Settling#patience}.
 *
 * <p>A candidate is compiled again after any file event even when its content failed before (the failure may have
 * been a file read mid-save); the polling fallback skips content, or a read failure, that already failed.
 *
 * @param <T> what serves
 */
final class Reloader<T> {

    /** What a reloader needs to know of what it serves. */
    interface Served<T> {

        String revision(T value);

        List<Problem> warnings(T value);

        /** Releases a value that no longer serves, or a candidate that never will. */
        void release(T value);

        /**
         * Returns what a candidate changes that must be said: errors refuse it (a policy that changes its id), warnings
         * go with its {@code LOADED} event (a registry's policy that is gone).
         */
        default List<Problem> compare(T serving, T candidate) {
            return List.of();
        }

        /** Tells that a candidate now serves in place of the previous value, after the swap. */
        default void swapped(T previous, T next, Instant at) {
        }
    }

    /** What serves: a value, the hash of its sources and when it was loaded. */
    record Snapshot<T>(T value, String hash, Instant loadedAt) {
    }

    /** One check: its event (null when there is nothing to tell), or why the files must be read again later. */
    private record Attempt(ReloadEvent event, Settling.Unsettled unsettled) {
    }

    private final Function<List<PolicySource>, T> compiler;
    private final Served<T> served;
    private final WatchRequest request;
    private final Clock clock;
    private final Logger log;
    /** Names what serves in messages: "this policy is" or "these policies are". */
    private final String watched;
    private final Settling settling;
    private final List<ReloadListener> listeners = new CopyOnWriteArrayList<>();
    private final Object reloading = new Object();
    private volatile Snapshot<T> current;
    private volatile ReloadEvent lastAttempt;
    /** The hash of the last candidate that failed, so that polling does not compile it again and again. */
    private String failedHash;
    /** The message of the last read that failed, so that polling does not report it again and again. */
    private String failedRead;

    /**
     * Reads and compiles the sources for the first time.
     *
     * @param watched names what serves in messages: "this policy is" or "these policies are"
     * @param log the logger of what serves
     * @throws PolicyLoadException if the sources have errors now
     * @throws PolicyException if they cannot be read, or bring DRL that the request does not allow
     */
    Reloader(Function<List<PolicySource>, T> compiler, Served<T> served, WatchRequest request, Clock clock,
             String watched, Logger log) {
        this.compiler = compiler;
        this.served = served;
        this.request = request;
        this.clock = clock;
        this.watched = watched;
        this.log = log;
        this.settling = new Settling(request.paths(), request.settle());
        listeners.addAll(request.listeners());
        List<PolicySource> sources = request.read().get();
        List<String> drl = refusedDrl(sources);
        if (!drl.isEmpty()) {
            throw new PolicyException("the watched sources include DRL " + drl + ", which is code that runs in the "
                    + "application; call PolicyWatch.allowDrl() if whoever can write " + request.paths()
                    + " may run code here");
        }
        current = new Snapshot<>(compiler.apply(sources), Revisions.hash(sources), clock.instant());
    }

    /** Returns what serves now. */
    T current() {
        return current.value;
    }

    ReloadStatus status() {
        Snapshot<T> s = current;
        return new ReloadStatus(served.revision(s.value), s.loadedAt, lastAttempt);
    }

    void addListener(ReloadListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener must not be null"));
    }

    /**
     * Reads, compiles and swaps now, on the calling thread, if the sources changed and compile; returns the attempt.
     * Files that change while they are read are read again, a settle time later, until they hold still or
     * {@link Settling#patience} has passed (a {@code FAILED} attempt).
     */
    ReloadEvent reloadNow() {
        long deadline = System.nanoTime() + settling.patience().toNanos();
        while (true) {
            Attempt attempt = attempt(true, false);
            if (attempt.unsettled == null) {
                return attempt.event;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return stillChanging(attempt.unsettled);
            }
            try {
                Thread.sleep(Math.max(1, Math.min(attempt.unsettled.retry().toMillis(), left / 1_000_000)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return stillChanging(attempt.unsettled);
            }
        }
    }

    /**
     * Runs one check of the watcher: reads, compiles and swaps if the files hold still, changed and compile.
     *
     * @param event true after a file event, false for the polling fallback
     * @return when to check again because the files did not hold still, or null
     */
    Duration check(boolean event) {
        Attempt attempt = attempt(event, true);
        Settling.Unsettled unsettled = attempt.unsettled;
        if (unsettled == null) {
            settling.settled();
            return null;
        }
        log.debug("{}; reading {} again in {} ms", unsettled.why(), request.paths(), unsettled.retry().toMillis());
        if (settling.overdue()) {
            stillChanging(unsettled);
        }
        return unsettled.retry();
    }

    /** One attempt, under the reload lock: reads the files if they hold still, and compiles them if they changed. */
    private Attempt attempt(boolean event, boolean waitForSettle) {
        synchronized (reloading) {
            FileStamps before = FileStamps.of(request.paths());
            Settling.Unsettled recent = waitForSettle ? settling.recent(before) : null;
            if (recent != null) {
                return new Attempt(null, recent);
            }
            List<PolicySource> sources;
            try {
                sources = request.read().get();
            } catch (PolicyException e) {
                Settling.Unsettled moved = settling.changed(before, FileStamps.of(request.paths()), "read");
                return moved != null ? new Attempt(null, moved) : new Attempt(readFailed(event, e), null);
            }
            failedRead = null;
            FileStamps read = FileStamps.of(request.paths());
            Settling.Unsettled moved = settling.changed(before, read, "read");
            return moved != null ? new Attempt(null, moved) : compile(event, sources, read);
        }
    }

    private ReloadEvent readFailed(boolean event, PolicyException e) {
        String message = String.valueOf(e.getMessage());
        if (!event && message.equals(failedRead)) {
            return null;
        }
        failedRead = message;
        return failed(served.revision(current.value), null, List.of(Problem.error(String.valueOf(request.paths()), 0,
                0, message, "the last good revision keeps serving")));
    }

    /** Compiles sources read from files that held still while read, and swaps if they still hold still. */
    private Attempt compile(boolean event, List<PolicySource> sources, FileStamps read) {
        Snapshot<T> serving = current;
        String previous = served.revision(serving.value);
        String hash = Revisions.hash(sources);
        if (hash.equals(serving.hash)) {
            return new Attempt(unchanged(previous), null);
        }
        if (!event && hash.equals(failedHash)) {
            return new Attempt(null, null);
        }
        String candidate = "?@" + hash.substring(0, 12);
        List<String> drl = refusedDrl(sources);
        if (!drl.isEmpty()) {
            failedHash = hash;
            return new Attempt(failed(previous, candidate, drl.stream().map(name -> Problem.error(name, 0, 0,
                    "DRL source refused: DRL is code that runs in the application, and " + watched + " watched "
                    + "without PolicyWatch.allowDrl()", "remove the file, or start the watch with allowDrl()"))
                    .toList()), null);
        }
        T next = null;
        List<Problem> errors;
        try {
            next = compiler.apply(sources);
            errors = served.compare(serving.value, next);
        } catch (PolicyLoadException e) {
            errors = e.problems();
        } catch (PolicyException e) {
            errors = List.of(Problem.error(String.valueOf(request.paths()), 0, 0, e.getMessage(),
                    "the last good revision keeps serving"));
        } catch (RuntimeException e) {
            // a bug of the compiler must not end reloading, nor pass for a reload that worked
            log.error("compiling {} failed unexpectedly", request.paths(), e);
            errors = List.of(Problem.error(String.valueOf(request.paths()), 0, 0, "internal error while compiling: "
                    + e, "the last good revision keeps serving; please report this"));
        }
        Settling.Unsettled moved = settled(read, hash);
        if (moved != null) {
            if (next != null) {
                served.release(next);
            }
            return new Attempt(null, moved);
        }
        if (errors.stream().anyMatch(Problem::isError)) {
            failedHash = hash;
            if (next != null) {
                served.release(next);
            }
            return new Attempt(failed(previous, candidate, errors), null);
        }
        return new Attempt(swap(serving, next, hash, errors), null);
    }

    /** Returns why files compiled are to be read again: they look different, or hold other content, than when read. */
    private Settling.Unsettled settled(FileStamps read, String hash) {
        Settling.Unsettled moved = settling.changed(read, FileStamps.of(request.paths()), "compiled");
        if (moved != null) {
            return moved;
        }
        try {
            // a look can miss a write (a coarse clock, sources that are not files): the content is compared too
            return Revisions.hash(request.read().get()).equals(hash) ? null
                    : settling.unsettled(request.paths().isEmpty() ? null : request.paths().get(0), "compiled");
        } catch (PolicyException e) {
            // unreadable now: the next check sees what happened
            return null;
        }
    }

    private ReloadEvent swap(Snapshot<T> serving, T next, String hash, List<Problem> notes) {
        failedHash = null;
        current = new Snapshot<>(next, hash, clock.instant());
        served.swapped(serving.value, next, current.loadedAt);
        served.release(serving.value);
        String previous = served.revision(serving.value);
        String revision = served.revision(next);
        log.info("reloaded {}: revision [{}] replaces [{}]", request.paths(), revision, previous);
        List<Problem> problems = new ArrayList<>(notes);
        problems.addAll(served.warnings(next));
        if (!notes.isEmpty() && log.isWarnEnabled()) {
            log.warn("reload of {}:\n  {}", request.paths(),
                    String.join("\n  ", notes.stream().map(Problem::toString).toList()));
        }
        return publish(new ReloadEvent(ReloadEvent.Result.LOADED, revision, previous, revision, current.loadedAt,
                problems));
    }

    private ReloadEvent unchanged(String serving) {
        failedHash = null;
        ReloadEvent unchanged = new ReloadEvent(ReloadEvent.Result.UNCHANGED, serving, serving, serving,
                clock.instant(), List.of());
        // back to what serves after a refused edit (the edit was undone): the status is no longer degraded, and the
        // listeners hear of it
        ReloadEvent last = lastAttempt;
        if (last == null || last.result() != ReloadEvent.Result.FAILED) {
            return unchanged;
        }
        log.info("reload of {}: the refused edit was undone, revision [{}] serves as before and is no longer degraded",
                request.paths(), serving);
        return publish(unchanged);
    }

    /** Reports files that did not hold still for the whole patience: nothing of them serves. */
    private ReloadEvent stillChanging(Settling.Unsettled unsettled) {
        synchronized (reloading) {
            Path file = unsettled.file();
            String name = file == null ? String.valueOf(request.paths()) : file.toString();
            return failed(served.revision(current.value), null, List.of(Problem.error(name, 0, 0,
                    "[" + name + "] is still being written: it kept changing for "
                    + Settling.text(settling.patience()) + " (last seen: " + unsettled.why() + ")",
                    "the last good revision keeps serving, and the file is read once it holds still; a program "
                    + "that writes a policy should write a file beside it and rename it over the old one")));
        }
    }

    /**
     * Starts watching the request's paths, reloading on each change.
     *
     * @param name the watcher thread's name
     * @throws PolicyException if the paths cannot be watched
     */
    FileWatcher watch(String name) {
        try {
            return new FileWatcher(request.paths(), request.debounce(), request.pollInterval(), this::check, name);
        } catch (java.io.IOException e) {
            throw new PolicyException("cannot watch policy files " + request.paths() + ": " + e.getMessage(), e);
        }
    }

    /** Returns the names of the DRL sources, unless the request allows DRL. */
    private List<String> refusedDrl(List<PolicySource> sources) {
        return request.allowDrl() ? List.of() : sources.stream().filter(s -> s.kind() == PolicySource.Kind.DRL)
                .map(PolicySource::name).toList();
    }

    private ReloadEvent failed(String serving, String candidate, List<Problem> problems) {
        if (log.isWarnEnabled()) {
            log.warn("reload of {} refused, revision [{}] keeps serving:\n  {}", request.paths(), serving,
                    String.join("\n  ", problems.stream().map(Problem::toString).toList()));
        }
        return publish(new ReloadEvent(ReloadEvent.Result.FAILED, serving, serving, candidate, clock.instant(),
                problems));
    }

    private ReloadEvent publish(ReloadEvent event) {
        lastAttempt = event;
        for (ReloadListener listener : listeners) {
            try {
                listener.onReload(event);
            } catch (RuntimeException e) {
                log.warn("reload listener [{}] failed on {}; reloading goes on", listener, event, e);
            }
        }
        return event;
    }
}
