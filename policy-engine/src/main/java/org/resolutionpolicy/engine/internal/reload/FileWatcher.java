package org.resolutionpolicy.engine.internal.reload;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the files and directories of a policy and says when to read them again, on a daemon thread of its own.
 *
 * <p>It watches the parent directory of every path and every directory below a watched directory, and reacts to the
 * events there that concern its own files (see {@link FileStamps}): an event naming one of them, or any event after
 * which they look different (in-place writes, editors' atomic rename-saves, Kubernetes ConfigMap {@code ..data}
 * symlink swaps, files added or removed, a directory replaced). Other events (an application log written beside a
 * policy file, an editor's hidden swap file) are ignored: they neither start nor prolong a check's wait. Events are
 * debounced: the check runs once they have been quiet for the debounce time. A check may ask to run again later
 * (files still being written); without events the watcher still checks every poll interval, for file systems whose
 * events are slow or missing; such a check is told it was not driven by an event. Directories that appear later are
 * watched as soon as they exist.
 */
public final class FileWatcher implements AutoCloseable {

    /** One check of the files. */
    @FunctionalInterface
    interface Check {

        /**
         * Checks the files.
         *
         * @param event true when file events (or an earlier event-driven check) caused it
         * @return when to check again without waiting for events, or null
         */
        Duration run(boolean event);
    }

    private static final Logger LOG = LoggerFactory.getLogger(FileWatcher.class);

    private final List<Path> paths;
    private final Duration debounce;
    private final Duration pollInterval;
    private final Check check;
    private final WatchService service;
    private final Map<Path, WatchKey> keys = new HashMap<>();
    private final Thread thread;
    private volatile boolean closed;
    /** How the own files looked at the last relevant event or check: an event that changes nothing is not ours. */
    private FileStamps seen;
    /** When a check asked to run again (System.nanoTime), or -1. */
    private long again = -1;
    /** Whether the check that asked to run again was driven by events. */
    private boolean againEvent;
    /** When the polling fallback checks next (System.nanoTime), unless a check runs before. */
    private long nextPoll;

    /**
     * Starts watching.
     *
     * @param paths the files and directories to watch
     * @param debounce how long events must be quiet before a check
     * @param pollInterval how often to check without events
     * @param check runs each check; its exceptions and errors are logged and watching goes on
     * @param name names the thread, for thread dumps
     * @throws IOException if the file system offers no watch service
     */
    public FileWatcher(List<Path> paths, Duration debounce, Duration pollInterval, Check check, String name)
            throws IOException {
        this.paths = paths.stream().map(p -> p.toAbsolutePath().normalize()).toList();
        this.debounce = debounce;
        this.pollInterval = pollInterval;
        this.check = check;
        this.service = FileSystems.getDefault().newWatchService();
        this.seen = FileStamps.of(this.paths);
        this.nextPoll = System.nanoTime() + pollInterval.toNanos();
        register();
        this.thread = new Thread(this::run, "policy-watch-" + name);
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        try {
            while (!closed) {
                WatchKey key = service.poll(untilNextCheck(), TimeUnit.NANOSECONDS);
                if (key == null) {
                    // the poll interval passed without an event of ours, or a check asked to run again
                    register();
                    fire(again >= 0 && againEvent);
                    continue;
                }
                if (!ours(key)) {
                    register();
                    continue;
                }
                settleEvents();
                register();
                fire(true);
            }
        } catch (ClosedWatchServiceException | InterruptedException e) {
            // closed: stop
        }
    }

    /** Returns how long to wait for events before checking anyway: until the next poll, or a retry asked for. */
    private long untilNextCheck() {
        long next = again < 0 ? nextPoll : Math.min(nextPoll, again);
        return Math.max(0, next - System.nanoTime());
    }

    /**
     * Waits until no event about the own files has come for the debounce time: a save is often several events
     * (truncate, write, rename). Events about other files do not prolong the wait.
     */
    private void settleEvents() throws InterruptedException {
        long quietUntil = System.nanoTime() + debounce.toNanos();
        for (long left = debounce.toNanos(); left > 0; left = quietUntil - System.nanoTime()) {
            WatchKey more = service.poll(left, TimeUnit.NANOSECONDS);
            if (more == null) {
                return;
            }
            if (ours(more)) {
                quietUntil = System.nanoTime() + debounce.toNanos();
            }
        }
    }

    /** Drains a key's events and returns true if one concerns the own files: names one, or leaves them changed. */
    private boolean ours(WatchKey key) {
        boolean named = false;
        Path dir = key.watchable() instanceof Path p ? p : null;
        for (WatchEvent<?> event : key.pollEvents()) {
            if (event.kind() == StandardWatchEventKinds.OVERFLOW || dir == null) {
                named = true;
            } else if (event.context() instanceof Path name) {
                Path path = dir.resolve(name);
                named |= seen.concerns(path);
            }
        }
        key.reset();
        FileStamps now = FileStamps.of(paths);
        boolean changed = !now.equals(seen);
        seen = now;
        return named || changed;
    }

    private void fire(boolean event) {
        if (closed) {
            return;
        }
        again = -1;
        try {
            Duration later = check.run(event);
            if (later != null) {
                again = System.nanoTime() + later.toNanos();
                againEvent = event;
            }
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            // whatever a check runs into, the files are watched on: the next event or poll checks again
            LOG.error("checking policy files {} failed; watching goes on", paths, e);
        }
        nextPoll = System.nanoTime() + pollInterval.toNanos();
    }

    /** Watches every directory that exists now and is not watched yet: parents of paths and directories below. */
    private void register() {
        for (Path dir : directories()) {
            WatchKey key = keys.get(dir);
            if (key != null && key.isValid()) {
                continue;
            }
            try {
                keys.put(dir, dir.register(service, StandardWatchEventKinds.ENTRY_CREATE,
                        StandardWatchEventKinds.ENTRY_DELETE, StandardWatchEventKinds.ENTRY_MODIFY));
            } catch (IOException | SecurityException e) {
                // gone or unreadable: the next check reports the file itself; the directory is tried again later
                LOG.debug("cannot watch directory [{}]: {}", dir, e.toString());
            } catch (ClosedWatchServiceException e) {
                return;
            }
        }
    }

    private Set<Path> directories() {
        Set<Path> dirs = new LinkedHashSet<>();
        for (Path path : paths) {
            Path parent = path.getParent();
            if (parent != null && Files.isDirectory(parent)) {
                dirs.add(parent);
            }
            if (Files.isDirectory(path)) {
                try (Stream<Path> walk = Files.walk(path)) {
                    walk.filter(p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) || p.equals(path))
                            .forEach(dirs::add);
                } catch (IOException | RuntimeException e) {
                    dirs.add(path);
                }
            }
        }
        return dirs;
    }

    /** Stops watching; a check in progress finishes. Idempotent. */
    @Override
    public void close() {
        closed = true;
        try {
            service.close();
        } catch (IOException e) {
            LOG.debug("closing the watch service of {}: {}", paths, e.toString());
        }
    }
}
