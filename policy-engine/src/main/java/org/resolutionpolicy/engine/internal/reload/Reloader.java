package org.resolutionpolicy.engine.internal.reload;

import java.time.Clock;
import java.time.Instant;
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
 * <p>A candidate is compiled again after any file event even when its content failed before (the failure may have
 * been a file read mid-save); the polling fallback skips content that already failed. Once compiled, the files are
 * read again, and if they changed meanwhile they are compiled as they are now (at most {@link #SETTLE_ATTEMPTS}
 * times): a file read between its truncation and its write can compile (an empty DRL file, YAML cut between two
 * rules) or fail, and neither should serve or be reported.
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
    }

    /** What serves: a value, the hash of its sources and when it was loaded. */
    record Snapshot<T>(T value, String hash, Instant loadedAt) {
    }

    /** How many times one reload compiles the files at most, when they change while it compiles them. */
    static final int SETTLE_ATTEMPTS = 3;

    private final Function<List<PolicySource>, T> compiler;
    private final Served<T> served;
    private final WatchRequest request;
    private final Clock clock;
    private final Logger log;
    /** Names what serves in messages: "this policy is" or "these policies are". */
    private final String watched;
    private final List<ReloadListener> listeners = new CopyOnWriteArrayList<>();
    private final Object reloading = new Object();
    private volatile Snapshot<T> current;
    private volatile ReloadEvent lastAttempt;
    /** The hash of the last candidate that failed, so that polling does not compile it again and again. */
    private String failedHash;

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
     * Reads, compiles and swaps if the sources changed and compile; returns the attempt, or null when polling found
     * content that already failed.
     *
     * @param event true after a file event or when asked, false for the polling fallback
     */
    ReloadEvent reload(boolean event) {
        synchronized (reloading) {
            List<PolicySource> sources;
            try {
                sources = request.read().get();
            } catch (PolicyException e) {
                return failed(served.revision(current.value), null, List.of(Problem.error(
                        String.valueOf(request.paths()), 0, 0, e.getMessage(), "the last good revision keeps serving")));
            }
            return reload(event, sources, SETTLE_ATTEMPTS);
        }
    }

    private ReloadEvent reload(boolean event, List<PolicySource> sources, int attempts) {
        Snapshot<T> serving = current;
        String previous = served.revision(serving.value);
        String hash = Revisions.hash(sources);
        if (hash.equals(serving.hash)) {
            failedHash = null;
            ReloadEvent unchanged = new ReloadEvent(ReloadEvent.Result.UNCHANGED, previous, previous, previous,
                    clock.instant(), List.of());
            // back to what serves after a refused edit (the edit was undone): the status is no longer degraded, and
            // the listeners hear of it
            ReloadEvent last = lastAttempt;
            return last != null && last.result() == ReloadEvent.Result.FAILED ? publish(unchanged) : unchanged;
        }
        if (!event && hash.equals(failedHash)) {
            return null;
        }
        String candidate = "?@" + hash.substring(0, 12);
        List<String> drl = refusedDrl(sources);
        if (!drl.isEmpty()) {
            failedHash = hash;
            return failed(previous, candidate, drl.stream().map(name -> Problem.error(name, 0, 0,
                    "DRL source refused: DRL is code that runs in the application, and " + watched + " watched "
                    + "without PolicyWatch.allowDrl()", "remove the file, or start the watch with allowDrl()"))
                    .toList());
        }
        T next = null;
        PolicyLoadException errors = null;
        try {
            next = compiler.apply(sources);
        } catch (PolicyLoadException e) {
            errors = e;
        }
        List<PolicySource> now = attempts > 1 ? settled(sources, hash) : sources;
        if (now != sources) {
            log.debug("the files of {} changed while being compiled; compiling them again", request.paths());
            if (next != null) {
                served.release(next);
            }
            return reload(event, now, attempts - 1);
        }
        if (errors != null) {
            failedHash = hash;
            return failed(previous, candidate, errors.problems());
        }
        failedHash = null;
        current = new Snapshot<>(next, hash, clock.instant());
        served.release(serving.value);
        String revision = served.revision(next);
        log.info("reloaded {}: revision [{}] replaces [{}]", request.paths(), revision, previous);
        return publish(new ReloadEvent(ReloadEvent.Result.LOADED, revision, previous, revision, current.loadedAt,
                served.warnings(next)));
    }

    /**
     * Returns the sources read, if the files still hold them once compiled, else the files as they are now; when they
     * cannot be read now, the sources read (the next check will see what happened).
     */
    private List<PolicySource> settled(List<PolicySource> read, String hash) {
        try {
            List<PolicySource> now = request.read().get();
            return Revisions.hash(now).equals(hash) ? read : now;
        } catch (PolicyException e) {
            return read;
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
            return new FileWatcher(request.paths(), request.debounce(), request.pollInterval(), this::reload, name);
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
