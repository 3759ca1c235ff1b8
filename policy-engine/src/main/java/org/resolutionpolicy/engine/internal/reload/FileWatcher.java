package org.resolutionpolicy.engine.internal.reload;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the files and directories of a policy and says when to read them again, on a daemon thread of its own.
 *
 * <p>It watches the parent directory of every path and every directory below a watched directory, and reacts to
 * any event there: in-place writes, editors' atomic rename-saves, Kubernetes ConfigMap {@code ..data} symlink swaps,
 * files added or removed, a directory replaced. Events are debounced: the check runs once they have been quiet for
 * the debounce time. Without events it still checks every poll interval, for file systems whose events are slow or
 * missing; such a check is told it was not driven by an event. Directories that appear later are watched as soon
 * as they exist.
 */
public final class FileWatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FileWatcher.class);

    private final List<Path> paths;
    private final Duration debounce;
    private final Duration pollInterval;
    private final Consumer<Boolean> check;
    private final WatchService service;
    private final Map<Path, WatchKey> keys = new HashMap<>();
    private final Thread thread;
    private volatile boolean closed;

    /**
     * Starts watching.
     *
     * @param paths the files and directories to watch
     * @param debounce how long events must be quiet before a check
     * @param pollInterval how often to check without events
     * @param check runs each check, given true when file events caused it; its exceptions are logged
     * @param name names the thread, for thread dumps
     * @throws IOException if the file system offers no watch service
     */
    public FileWatcher(List<Path> paths, Duration debounce, Duration pollInterval, Consumer<Boolean> check,
                       String name) throws IOException {
        this.paths = paths.stream().map(p -> p.toAbsolutePath().normalize()).toList();
        this.debounce = debounce;
        this.pollInterval = pollInterval;
        this.check = check;
        this.service = FileSystems.getDefault().newWatchService();
        register();
        this.thread = new Thread(this::run, "policy-watch-" + name);
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        try {
            while (!closed) {
                WatchKey key = service.poll(pollInterval.toMillis(), TimeUnit.MILLISECONDS);
                if (key == null) {
                    register();
                    fire(false);
                    continue;
                }
                drain(key);
                // a save is often several events (truncate, write, rename): wait until they stop
                WatchKey more;
                while ((more = service.poll(Math.max(1, debounce.toMillis()), TimeUnit.MILLISECONDS)) != null) {
                    drain(more);
                }
                register();
                fire(true);
            }
        } catch (ClosedWatchServiceException | InterruptedException e) {
            // closed: stop
        }
    }

    private static void drain(WatchKey key) {
        key.pollEvents();
        key.reset();
    }

    private void fire(boolean event) {
        if (closed) {
            return;
        }
        try {
            check.accept(event);
        } catch (RuntimeException e) {
            LOG.error("checking policy files {} failed; watching goes on", paths, e);
        }
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
