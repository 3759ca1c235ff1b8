package org.resolutionpolicy.api.spi;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.resolutionpolicy.api.LoadOptions;
import org.resolutionpolicy.api.PolicySource;
import org.resolutionpolicy.api.ReloadListener;

/**
 * What an engine needs to start a live policy: the paths to watch, how to read them into sources (as
 * {@link org.resolutionpolicy.api.Policies#load} does), and the watch settings.
 *
 * @param paths the files and directories of the policy
 * @param read reads every source of the policy now; throws {@link org.resolutionpolicy.api.PolicyException} when a
 *             file cannot be read
 * @param debounce how long file events must be quiet before reading
 * @param pollInterval how often to read and compare content without events
 * @param listeners who hears each reload attempt
 * @param options the limits and clock every revision is loaded with
 * @param allowDrl whether the watched sources may include DRL, which is trusted code: without it, a policy with a
 *                 DRL source does not start and a reload that brings one is refused
 * @param settle how long the files must have been unchanged before the watcher reads them: a file changed more
 *               recently, or while it was read, is read again later, never served half-written
 * @param allowIdChange whether a live policy may become a policy of another id when its files' {@code policy:}
 *                      changes; without it, such a reload is refused
 */
public record WatchRequest(List<Path> paths, Supplier<List<PolicySource>> read, Duration debounce,
                           Duration pollInterval, List<ReloadListener> listeners, LoadOptions options,
                           boolean allowDrl, Duration settle, boolean allowIdChange) {

    /**
     * The default time the watched files must have been unchanged before the watcher reads them: 500 ms (what
     * {@code PolicyWatch.DEFAULT_SETTLE} says too).
     */
    public static final Duration DEFAULT_SETTLE = Duration.ofMillis(500);

    /**
     * Creates a request that refuses DRL sources, with the default settle time, refusing a change of id.
     *
     * @throws NullPointerException if any part is null
     */
    public WatchRequest(List<Path> paths, Supplier<List<PolicySource>> read, Duration debounce, Duration pollInterval,
                        List<ReloadListener> listeners, LoadOptions options) {
        this(paths, read, debounce, pollInterval, listeners, options, false);
    }

    /**
     * Creates a request with the default settle time ({@link #DEFAULT_SETTLE}), refusing a change of id.
     *
     * @throws NullPointerException if any part is null
     */
    public WatchRequest(List<Path> paths, Supplier<List<PolicySource>> read, Duration debounce, Duration pollInterval,
                        List<ReloadListener> listeners, LoadOptions options, boolean allowDrl) {
        this(paths, read, debounce, pollInterval, listeners, options, allowDrl, DEFAULT_SETTLE, false);
    }

    /**
     * Creates a request.
     *
     * @throws NullPointerException if any part is null
     * @throws IllegalArgumentException if the settle time is negative
     */
    public WatchRequest {
        paths = List.copyOf(paths);
        Objects.requireNonNull(read, "read must not be null");
        Objects.requireNonNull(debounce, "debounce must not be null");
        Objects.requireNonNull(pollInterval, "pollInterval must not be null");
        listeners = List.copyOf(listeners);
        Objects.requireNonNull(options, "options must not be null");
        Objects.requireNonNull(settle, "settle must not be null");
        if (settle.isNegative()) {
            throw new IllegalArgumentException("settle must not be negative, not [" + settle + "]");
        }
    }
}
