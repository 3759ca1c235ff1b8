package org.resolutionpolicy.engine.internal.reload;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.resolutionpolicy.api.AttributeType;
import org.resolutionpolicy.api.AuthorityTable;
import org.resolutionpolicy.api.CustomerCase;
import org.resolutionpolicy.api.Decision;
import org.resolutionpolicy.api.DecisionListener;
import org.resolutionpolicy.api.Explanation;
import org.resolutionpolicy.api.LivePolicy;
import org.resolutionpolicy.api.Policy;
import org.resolutionpolicy.api.PolicyException;
import org.resolutionpolicy.api.PolicyLoadException;
import org.resolutionpolicy.api.PolicySource;
import org.resolutionpolicy.api.Problem;
import org.resolutionpolicy.api.ReloadEvent;
import org.resolutionpolicy.api.ReloadListener;
import org.resolutionpolicy.api.ReloadStatus;
import org.resolutionpolicy.api.RemedyUnit;
import org.resolutionpolicy.api.spi.WatchRequest;
import org.resolutionpolicy.engine.internal.eval.CompiledPolicy;
import org.resolutionpolicy.engine.internal.support.Revisions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A policy that follows its files: decides with the snapshot it serves now and swaps, in one volatile write, to each
 * candidate that compiles without errors.
 *
 * <p>Reloads run one at a time (on the watcher's thread, or the caller's for {@link #reloadNow}); deciding never
 * waits for them. A snapshot that is replaced is released once swapped out: a decision still running on it
 * finishes. A candidate is compiled again after any file event even when its content failed before (the failure may
 * have been a half-written file read mid-save); the polling fallback skips content that already failed.
 */
public final class WatchedPolicy implements LivePolicy {

    private static final Logger LOG = LoggerFactory.getLogger(WatchedPolicy.class);

    /** What serves: a compiled policy, the hash of its sources and when it was loaded. */
    private record Snapshot(CompiledPolicy policy, String hash, Instant loadedAt) {
    }

    /** How many times one reload compiles the files at most, when they change while it compiles them. */
    static final int SETTLE_ATTEMPTS = 3;

    private final Function<List<PolicySource>, CompiledPolicy> compiler;
    private final WatchRequest request;
    private final Clock clock;
    private final List<ReloadListener> listeners = new CopyOnWriteArrayList<>();
    private final Object reloading = new Object();
    private volatile Snapshot current;
    private volatile ReloadEvent lastAttempt;
    /** The hash of the last candidate that failed, so that polling does not compile it again and again. */
    private String failedHash;
    private FileWatcher watcher;

    private WatchedPolicy(Function<List<PolicySource>, CompiledPolicy> compiler, WatchRequest request, Clock clock) {
        this.compiler = compiler;
        this.request = request;
        this.clock = clock;
        listeners.addAll(request.listeners());
    }

    /**
     * Loads a policy and starts watching its files.
     *
     * @param compiler compiles sources, throwing {@link PolicyLoadException} on errors
     * @throws PolicyLoadException if the policy has errors now
     * @throws PolicyException if its files cannot be read or watched
     */
    public static WatchedPolicy start(Function<List<PolicySource>, CompiledPolicy> compiler, WatchRequest request,
                                      Clock clock) {
        WatchedPolicy policy = new WatchedPolicy(compiler, request, clock);
        List<PolicySource> sources = request.read().get();
        List<String> drl = policy.refusedDrl(sources);
        if (!drl.isEmpty()) {
            throw new PolicyException("the watched sources include DRL " + drl + ", which is code that runs in the "
                    + "application; call PolicyWatch.allowDrl() if whoever can write " + request.paths()
                    + " may run code here");
        }
        policy.current = new Snapshot(compiler.apply(sources), Revisions.hash(sources), clock.instant());
        try {
            policy.watcher = new FileWatcher(request.paths(), request.debounce(), request.pollInterval(),
                    policy::check, policy.current.policy.id());
        } catch (IOException e) {
            throw new PolicyException("cannot watch policy files " + request.paths() + ": " + e.getMessage(), e);
        }
        LOG.info("serving policy [{}] revision [{}], watching {}", policy.id(), policy.revision(), request.paths());
        return policy;
    }

    private void check(boolean event) {
        reload(event);
    }

    @Override
    public ReloadEvent reloadNow() {
        return reload(true);
    }

    /**
     * Reads, compiles and swaps if the sources changed and compile; returns the attempt, or null when polling found
     * content that already failed.
     */
    private ReloadEvent reload(boolean event) {
        synchronized (reloading) {
            List<PolicySource> sources;
            try {
                sources = request.read().get();
            } catch (PolicyException e) {
                return failed(current.policy.revision(), null, List.of(Problem.error(String.valueOf(request.paths()),
                        0, 0, e.getMessage(), "the last good revision keeps serving")), "unreadable");
            }
            return reload(event, sources, SETTLE_ATTEMPTS);
        }
    }

    /**
     * Compiles sources read and swaps to them, unless the files changed while they were compiled: then (a few times
     * at most) the files as they are now are compiled instead. A file read between its truncation and its write can
     * compile (an empty DRL file, YAML cut between two rules) or fail, and what serves and what is reported should
     * be the content once written.
     */
    private ReloadEvent reload(boolean event, List<PolicySource> sources, int attempts) {
        Snapshot serving = current;
        String previous = serving.policy.revision();
        String hash = Revisions.hash(sources);
        if (hash.equals(serving.hash)) {
            failedHash = null;
            ReloadEvent unchanged = new ReloadEvent(ReloadEvent.Result.UNCHANGED, previous, previous, previous,
                    clock.instant(), List.of());
            // back to what serves after a refused edit (the edit was undone): the status is no longer degraded,
            // and the listeners hear of it
            ReloadEvent last = lastAttempt;
            return last != null && last.result() == ReloadEvent.Result.FAILED ? publish(unchanged) : unchanged;
        }
        if (!event && hash.equals(failedHash)) {
            return null;
        }
        List<String> drl = refusedDrl(sources);
        if (!drl.isEmpty()) {
            failedHash = hash;
            return failed(previous, "?@" + hash.substring(0, 12), drl.stream().map(name -> Problem.error(name, 0, 0,
                    "DRL source refused: DRL is code that runs in the application, and this policy is watched "
                    + "without PolicyWatch.allowDrl()", "remove the file, or start the watch with allowDrl()"))
                    .toList(), "brings DRL");
        }
        CompiledPolicy candidate = null;
        PolicyLoadException errors = null;
        try {
            candidate = compiler.apply(sources);
        } catch (PolicyLoadException e) {
            errors = e;
        }
        List<PolicySource> now = attempts > 1 ? settled(request, sources, hash) : sources;
        if (now != sources) {
            LOG.debug("policy [{}]: the files changed while being compiled; compiling them again", id());
            if (candidate != null) {
                candidate.release();
            }
            return reload(event, now, attempts - 1);
        }
        if (errors != null) {
            failedHash = hash;
            return failed(previous, "?@" + hash.substring(0, 12), errors.problems(), "has errors");
        }
        failedHash = null;
        current = new Snapshot(candidate, hash, clock.instant());
        serving.policy.release();
        ReloadEvent loaded = new ReloadEvent(ReloadEvent.Result.LOADED, candidate.revision(), previous,
                candidate.revision(), current.loadedAt, candidate.warnings());
        LOG.info("policy [{}] reloaded: revision [{}] replaces [{}]", candidate.id(), candidate.revision(), previous);
        return publish(loaded);
    }

    /**
     * Returns the sources read, if the files still hold them once compiled, else the files as they are now; when they
     * cannot be read now, the sources read (the next check will see what happened).
     */
    static List<PolicySource> settled(WatchRequest request, List<PolicySource> read, String hash) {
        try {
            List<PolicySource> now = request.read().get();
            return Revisions.hash(now).equals(hash) ? read : now;
        } catch (PolicyException e) {
            return read;
        }
    }

    /** Returns the names of the DRL sources, unless the request allows DRL. */
    private List<String> refusedDrl(List<PolicySource> sources) {
        return request.allowDrl() ? List.of() : sources.stream().filter(s -> s.kind() == PolicySource.Kind.DRL)
                .map(PolicySource::name).toList();
    }

    private ReloadEvent failed(String serving, String candidate, List<Problem> problems, String why) {
        ReloadEvent event = new ReloadEvent(ReloadEvent.Result.FAILED, serving, serving, candidate, clock.instant(),
                problems);
        if (LOG.isWarnEnabled()) {
            LOG.warn("policy [{}] reload refused (candidate {}), revision [{}] keeps serving:\n  {}", id(), why, serving,
                    String.join("\n  ", problems.stream().map(Problem::toString).toList()));
        }
        return publish(event);
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
    public Policy current() {
        return current.policy;
    }

    @Override
    public ReloadStatus status() {
        Snapshot s = current;
        return new ReloadStatus(s.policy.revision(), s.loadedAt, lastAttempt);
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
    public Decision decide(CustomerCase customerCase) {
        return current.policy.decide(customerCase);
    }

    @Override
    public Explanation explain(CustomerCase customerCase) {
        return current.policy.explain(customerCase);
    }

    /**
     * Returns a policy that decides with whatever revision this one serves at each decision, then tells the listener.
     */
    @Override
    public Policy withListener(DecisionListener listener) {
        return new ListeningView(this, List.of(Objects.requireNonNull(listener, "listener must not be null")));
    }

    @Override
    public String revision() {
        return current.policy.revision();
    }

    @Override
    public String id() {
        return current.policy.id();
    }

    @Override
    public String version() {
        return current.policy.version();
    }

    @Override
    public String description() {
        return current.policy.description();
    }

    @Override
    public List<String> severities() {
        return current.policy.severities();
    }

    @Override
    public List<String> roles() {
        return current.policy.roles();
    }

    @Override
    public Map<String, RemedyUnit> remedies() {
        return current.policy.remedies();
    }

    @Override
    public Map<String, AttributeType> attributes() {
        return current.policy.attributes();
    }

    @Override
    public List<String> ruleIds() {
        return current.policy.ruleIds();
    }

    @Override
    public AuthorityTable authority() {
        return current.policy.authority();
    }

    @Override
    public List<Problem> warnings() {
        return current.policy.warnings();
    }

    @Override
    public String toString() {
        return "LivePolicy[" + current.policy + ", watching " + request.paths() + "]";
    }
}
