package org.resolutionpolicy.api;

/**
 * Hears every reload attempt of a {@link LivePolicy}: each new revision served, and each candidate refused with its
 * problems. Called on the watcher's thread (or the thread that called {@link LivePolicy#reloadNow()}), after the
 * swap; a listener that throws is logged and never stops reloading.
 */
@FunctionalInterface
public interface ReloadListener {

    /** Receives one reload attempt. */
    void onReload(ReloadEvent event);
}
