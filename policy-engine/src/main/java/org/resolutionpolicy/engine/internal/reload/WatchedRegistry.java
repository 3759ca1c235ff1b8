package org.resolutionpolicy.engine.internal.reload;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.resolutionpolicy.api.LivePolicyRegistry;
import org.resolutionpolicy.api.Policy;
import org.resolutionpolicy.api.PolicyException;
import org.resolutionpolicy.api.PolicyLoadException;
import org.resolutionpolicy.api.PolicyRegistry;
import org.resolutionpolicy.api.PolicySource;
import org.resolutionpolicy.api.Problem;
import org.resolutionpolicy.api.ReloadEvent;
import org.resolutionpolicy.api.ReloadListener;
import org.resolutionpolicy.api.ReloadStatus;
import org.resolutionpolicy.api.spi.WatchRequest;
import org.resolutionpolicy.engine.internal.eval.CompiledPolicy;
import org.resolutionpolicy.engine.internal.support.Revisions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A registry that follows its directory as one unit: every check reads every source below it, and the set of
 * policies they compile to replaces the serving set, in one volatile write, only when every policy compiles.
 *
 * <p>The reload rules are those of {@link WatchedPolicy}, for a set: reloads run one at a time, deciding never waits,
 * content that failed is not compiled again by polling, only after a file event; replaced policies are released.
 */
public final class WatchedRegistry implements LivePolicyRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(WatchedRegistry.class);

    /** What serves: a registry, the hash of all its sources and when it was loaded. */
    private record Snapshot(PolicyRegistry registry, String hash, Instant loadedAt) {
    }

    private final Function<List<PolicySource>, PolicyRegistry> compiler;
    private final WatchRequest request;
    private final Clock clock;
    private final List<ReloadListener> listeners = new CopyOnWriteArrayList<>();
    private final Object reloading = new Object();
    private volatile Snapshot current;
    private volatile ReloadEvent lastAttempt;
    private String failedHash;
    private FileWatcher watcher;

    private WatchedRegistry(Function<List<PolicySource>, PolicyRegistry> compiler, WatchRequest request, Clock clock) {
        this.compiler = compiler;
        this.request = request;
        this.clock = clock;
        listeners.addAll(request.listeners());
    }

    /**
     * Loads a registry and starts watching its directory.
     *
     * @param compiler compiles every source of the directory into a registry, throwing {@link PolicyLoadException}
     *                 with every problem of every policy
     * @throws PolicyLoadException if a policy has errors now
     * @throws PolicyException if the files cannot be read or watched, or bring DRL that the request does not allow
     */
    public static WatchedRegistry start(Function<List<PolicySource>, PolicyRegistry> compiler, WatchRequest request,
                                        Clock clock) {
        WatchedRegistry registry = new WatchedRegistry(compiler, request, clock);
        List<PolicySource> sources = request.read().get();
        List<String> drl = registry.refusedDrl(sources);
        if (!drl.isEmpty()) {
            throw new PolicyException("the watched sources include DRL " + drl + ", which is code that runs in the "
                    + "application; call PolicyWatch.allowDrl() if whoever can write " + request.paths()
                    + " may run code here");
        }
        registry.current = new Snapshot(compiler.apply(sources), Revisions.hash(sources), clock.instant());
        try {
            registry.watcher = new FileWatcher(request.paths(), request.debounce(), request.pollInterval(),
                    registry::reload, "registry");
        } catch (IOException e) {
            throw new PolicyException("cannot watch policy files " + request.paths() + ": " + e.getMessage(), e);
        }
        LOG.info("serving policies [{}], watching {}", registry.revision(), request.paths());
        return registry;
    }

    @Override
    public ReloadEvent reloadNow() {
        return reload(true);
    }

    private ReloadEvent reload(boolean event) {
        synchronized (reloading) {
            List<PolicySource> sources;
            try {
                sources = request.read().get();
            } catch (PolicyException e) {
                return failed(current.registry.revision(), null, List.of(Problem.error(String.valueOf(request.paths()),
                        0, 0, e.getMessage(), "the last good policies keep serving")));
            }
            return reload(event, sources, WatchedPolicy.SETTLE_ATTEMPTS);
        }
    }

    /** Compiles sources read and swaps to them, unless the files changed meanwhile (as {@link WatchedPolicy} does). */
    private ReloadEvent reload(boolean event, List<PolicySource> sources, int attempts) {
        Snapshot serving = current;
        String previous = serving.registry.revision();
        String hash = Revisions.hash(sources);
        if (hash.equals(serving.hash)) {
            failedHash = null;
            ReloadEvent unchanged = new ReloadEvent(ReloadEvent.Result.UNCHANGED, previous, previous, previous,
                    clock.instant(), List.of());
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
                    "DRL source refused: DRL is code that runs in the application, and these policies are watched "
                    + "without PolicyWatch.allowDrl()", "remove the file, or start the watch with allowDrl()"))
                    .toList());
        }
        PolicyRegistry next = null;
        PolicyLoadException errors = null;
        try {
            next = compiler.apply(sources);
        } catch (PolicyLoadException e) {
            errors = e;
        }
        List<PolicySource> now = attempts > 1 ? WatchedPolicy.settled(request, sources, hash) : sources;
        if (now != sources) {
            LOG.debug("the policy files changed while being compiled; compiling them again");
            if (next != null) {
                release(next);
            }
            return reload(event, now, attempts - 1);
        }
        if (errors != null) {
            failedHash = hash;
            return failed(previous, candidate, errors.problems());
        }
        failedHash = null;
        current = new Snapshot(next, hash, clock.instant());
        release(serving.registry);
        LOG.info("policies reloaded: [{}] replace [{}]", next.revision(), previous);
        PolicyRegistry loaded = next;
        return publish(new ReloadEvent(ReloadEvent.Result.LOADED, next.revision(), previous, next.revision(),
                current.loadedAt, next.ids().stream().flatMap(id -> loaded.get(id).warnings().stream()).toList()));
    }

    private static void release(PolicyRegistry replaced) {
        for (String id : replaced.ids()) {
            if (replaced.get(id) instanceof CompiledPolicy compiled) {
                compiled.release();
            }
        }
    }

    private List<String> refusedDrl(List<PolicySource> sources) {
        return request.allowDrl() ? List.of() : sources.stream().filter(s -> s.kind() == PolicySource.Kind.DRL)
                .map(PolicySource::name).toList();
    }

    private ReloadEvent failed(String serving, String candidate, List<Problem> problems) {
        if (LOG.isWarnEnabled()) {
            LOG.warn("policies reload refused, [{}] keep serving:\n  {}", serving,
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
                LOG.warn("reload listener [{}] failed on {}; reloading goes on", listener, event, e);
            }
        }
        return event;
    }

    @Override
    public PolicyRegistry current() {
        return current.registry;
    }

    @Override
    public List<String> ids() {
        return current.registry.ids();
    }

    @Override
    public Optional<Policy> find(String id) {
        return current.registry.find(id);
    }

    @Override
    public String revision() {
        return current.registry.revision();
    }

    @Override
    public ReloadStatus status() {
        Snapshot s = current;
        return new ReloadStatus(s.registry.revision(), s.loadedAt, lastAttempt);
    }

    @Override
    public void addReloadListener(ReloadListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener must not be null"));
    }

    @Override
    public void close() {
        FileWatcher w = watcher;
        if (w != null) {
            w.close();
        }
    }

    @Override
    public String toString() {
        return "LivePolicyRegistry[" + current.registry.ids() + ", watching " + request.paths() + "]";
    }
}
