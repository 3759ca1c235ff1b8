package org.resolutionpolicy.engine.internal.reload;

import org.resolutionpolicy.api.ReloadEvent;
import org.resolutionpolicy.api.ReloadListener;
import org.resolutionpolicy.api.ReloadStatus;
import org.resolutionpolicy.api.spi.WatchRequest;

/**
 * What a live policy and a live registry share: a {@link Reloader} of what they serve, the request they follow and
 * the watcher of its files, with the status, listeners, reload and close of both.
 *
 * @param <T> what is served: a compiled policy or a registry
 */
abstract class Watched<T> {

    final Reloader<T> reloader;
    final WatchRequest request;
    private volatile FileWatcher watcher;

    Watched(Reloader<T> reloader, WatchRequest request) {
        this.reloader = reloader;
        this.request = request;
    }

    /** Starts watching the request's files under a thread name; called once, when the first revision serves. */
    final void watch(String name) {
        watcher = reloader.watch(name);
    }

    /** Reads and compiles the sources now, on the calling thread. */
    public final ReloadEvent reloadNow() {
        return reloader.reloadNow();
    }

    /** Returns the serving revision, when it was loaded and how the last attempt went. */
    public final ReloadStatus status() {
        return reloader.status();
    }

    /** Adds a listener for every later reload attempt. */
    public final void addReloadListener(ReloadListener listener) {
        reloader.addListener(listener);
    }

    /** Stops watching the files; what serves keeps serving. Idempotent. */
    public final void close() {
        FileWatcher w = watcher;
        if (w != null) {
            w.close();
        }
    }
}
