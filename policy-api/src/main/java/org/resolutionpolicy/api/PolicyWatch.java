package org.resolutionpolicy.api;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.resolutionpolicy.api.spi.PolicyEngine;
import org.resolutionpolicy.api.spi.WatchRequest;

/**
 * Configures a {@link LivePolicy} before it starts: how long to wait for a burst of saves to settle, how often to
 * re-read the files when the file system sends no events, and who hears about reloads. Obtained from
 * {@link Policies#watch}; not thread-safe, and meant to be used once.
 *
 * <pre>{@code
 * LivePolicy policy = Policies.watch(Path.of("policies"))
 *         .debounce(Duration.ofMillis(200))
 *         .listener(event -> log.info("{}", event))
 *         .start();
 * }</pre>
 */
public final class PolicyWatch {

    /** The default time a burst of file events must be quiet before the sources are read: 100 ms. */
    public static final Duration DEFAULT_DEBOUNCE = Duration.ofMillis(100);
    /** The default interval of the polling fallback, which re-reads the files and compares their content: 5 s. */
    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(5);
    /**
     * The default time the watched files must have been unchanged before the watcher reads them: 500 ms. A program
     * that writes a policy in several steps pausing less than this between them is never read half-way.
     */
    public static final Duration DEFAULT_SETTLE = WatchRequest.DEFAULT_SETTLE;

    private final PolicyLoader loader;
    private final List<Path> paths;
    private Duration debounce = DEFAULT_DEBOUNCE;
    private Duration pollInterval = DEFAULT_POLL_INTERVAL;
    private final List<ReloadListener> listeners = new ArrayList<>();
    private boolean allowDrl;
    private Duration settle = DEFAULT_SETTLE;
    private boolean allowIdChange;

    PolicyWatch(PolicyLoader loader, List<Path> paths) {
        this.loader = loader;
        this.paths = List.copyOf(paths);
    }

    /**
     * Sets how long file events must be quiet before the sources are read (editors write a file in several steps).
     *
     * @throws NullPointerException if debounce is null
     * @throws IllegalArgumentException if it is negative or over one minute
     */
    public PolicyWatch debounce(Duration debounce) {
        Objects.requireNonNull(debounce, "debounce must not be null");
        if (debounce.isNegative() || debounce.compareTo(Duration.ofMinutes(1)) > 0) {
            throw new IllegalArgumentException("debounce must be between 0 and 1 minute, not [" + debounce + "]");
        }
        this.debounce = debounce;
        return this;
    }

    /**
     * Sets how often the files are read and compared by content even without file events, for file systems whose
     * events are slow or missing (network mounts; the JDK polls every ~10 s on macOS).
     *
     * @throws NullPointerException if the interval is null
     * @throws IllegalArgumentException if it is under 10 ms
     */
    public PolicyWatch pollInterval(Duration interval) {
        Objects.requireNonNull(interval, "interval must not be null");
        if (interval.compareTo(Duration.ofMillis(10)) < 0) {
            throw new IllegalArgumentException("poll interval must be at least 10 ms, not [" + interval + "]");
        }
        this.pollInterval = interval;
        return this;
    }

    /**
     * Adds a listener for every reload attempt after the start.
     *
     * @throws NullPointerException if the listener is null
     */
    public PolicyWatch listener(ReloadListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener must not be null"));
        return this;
    }

    /**
     * Sets how long the files must have been unchanged before the watcher reads them. A file modified more recently
     * than this (by its modification time, or since the watcher last looked at it), or while it was read or compiled,
     * is read again later: a file still being written never serves, nor are its errors reported. A longer time
     * suits writers that pause between the parts of a file; 0 reads as soon as events are quiet for the debounce
     * time. {@link LivePolicy#reloadNow()} does not wait for it (the caller says the files are complete), but reads
     * again files that change while it reads them.
     *
     * @throws NullPointerException if settle is null
     * @throws IllegalArgumentException if it is negative or over one minute
     */
    public PolicyWatch settle(Duration settle) {
        Objects.requireNonNull(settle, "settle must not be null");
        if (settle.isNegative() || settle.compareTo(Duration.ofMinutes(1)) > 0) {
            throw new IllegalArgumentException("settle must be between 0 and 1 minute, not [" + settle + "]");
        }
        this.settle = settle;
        return this;
    }

    /**
     * Lets the live policy become a policy of another id when the {@code policy:} of its files changes. Without this
     * call such an edit is refused as a {@link ReloadEvent.Result#FAILED} reload and the policy of the old id keeps
     * serving, since whatever reports under the id (metrics, logs, a registry) would silently describe another
     * policy. It has no effect on {@link #startRegistry()}, where ids come and go with files (and are reported).
     *
     * @return this watch
     */
    public PolicyWatch allowIdChange() {
        this.allowIdChange = true;
        return this;
    }

    /**
     * Allows DRL sources among the watched files. DRL is trusted code: a rule's consequence is Java and can do
     * whatever the application can (write files, call {@code System.exit}), so whoever can write a watched
     * directory can run code in the application. Without this call, a policy whose sources include DRL does not
     * start, and a reload that brings a DRL file is refused; call it only when the directories are as trusted as
     * the application's own code.
     *
     * @return this watch
     */
    public PolicyWatch allowDrl() {
        this.allowDrl = true;
        return this;
    }

    /**
     * Loads the policy and starts watching its files.
     *
     * @return the live policy, serving the revision on disk now
     * @throws PolicyLoadException if the policy has errors now: with no last good revision, it fails fast
     * @throws PolicyException if a file cannot be read, no engine is on the classpath, or the sources include DRL
     *                         and {@link #allowDrl()} was not called
     */
    public LivePolicy start() {
        WatchRequest request = new WatchRequest(paths, () -> loader.read(paths), debounce, pollInterval, listeners,
                loader.options(), allowDrl, settle, allowIdChange);
        return PolicyEngine.find().watch(request);
    }

    /**
     * Loads a {@link PolicyRegistry} from the one watched directory and starts following it as one unit: each
     * file directly inside it is a policy, and each subdirectory one policy (see {@link PolicyRegistry}).
     *
     * @return the live registry, serving what is on disk now
     * @throws IllegalStateException if the watch was not given exactly one directory
     * @throws PolicyLoadException if any policy has errors now, or two have the same id: every problem of every
     *                             policy, one per mistake
     * @throws PolicyException if a file cannot be read, no engine is on the classpath, or the sources include DRL
     *                         and {@link #allowDrl()} was not called
     */
    public LivePolicyRegistry startRegistry() {
        if (paths.size() != 1 || !Files.isDirectory(paths.get(0))) {
            throw new IllegalStateException("a registry watches one directory, not " + paths);
        }
        Path dir = paths.get(0);
        WatchRequest request = new WatchRequest(paths, () -> loader.read(paths), debounce, pollInterval, listeners,
                loader.options(), allowDrl, settle, allowIdChange);
        return PolicyEngine.find().watchRegistry(request, sources -> Sources.registryEntries(dir, sources));
    }
}
