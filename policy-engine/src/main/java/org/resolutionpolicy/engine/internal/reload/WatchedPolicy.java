package org.resolutionpolicy.engine.internal.reload;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
import org.resolutionpolicy.api.RemedyUnit;
import org.resolutionpolicy.api.spi.WatchRequest;
import org.resolutionpolicy.engine.internal.eval.CompiledPolicy;
import org.resolutionpolicy.model.source.Place;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A policy that follows its files: decides with the snapshot it serves now and swaps, in one volatile write, to each
 * candidate that compiles without errors.
 *
 * <p>Reloads follow the rules of {@link Reloader}, on the watcher's thread or the caller's for {@link #reloadNow}. A
 * snapshot that is replaced is released once swapped out: a decision still running on it finishes.
 */
public final class WatchedPolicy extends Watched<CompiledPolicy> implements LivePolicy {

    private static final Logger LOG = LoggerFactory.getLogger(WatchedPolicy.class);

    /**
     * What a reloader needs to know of a compiled policy. A candidate of another id is refused unless the request
     * allows it: whatever reports under the id (metrics, logs, a registry's key) would describe another policy.
     */
    private record PolicyServed(boolean allowIdChange) implements Reloader.Served<CompiledPolicy> {
        @Override
        public String revision(CompiledPolicy policy) {
            return policy.revision();
        }

        @Override
        public List<Problem> warnings(CompiledPolicy policy) {
            return policy.warnings();
        }

        @Override
        public void release(CompiledPolicy policy) {
            policy.release();
        }

        @Override
        public List<Problem> compare(CompiledPolicy serving, CompiledPolicy candidate) {
            if (candidate.id().equals(serving.id())) {
                return List.of();
            }
            Place place = candidate.model().declarations().policy();
            String message = "the policy id changed from [" + serving.id() + "] to [" + candidate.id() + "]: a live "
                    + "policy keeps its id, and [" + serving.id() + "] keeps serving";
            String hint = "put back [policy: " + serving.id() + "], or start the watch with "
                    + "PolicyWatch.allowIdChange() if the id may change";
            return List.of(allowIdChange
                    ? Problem.warning(place.source(), place.line(), place.column(), "the policy id changed from ["
                            + serving.id() + "] to [" + candidate.id() + "]", "allowed by PolicyWatch.allowIdChange()")
                    : Problem.error(place.source(), place.line(), place.column(), message, hint));
        }
    }

    private WatchedPolicy(Reloader<CompiledPolicy> reloader, WatchRequest request) {
        super(reloader, request);
    }

    /**
     * Loads a policy and starts watching its files.
     *
     * @param compiler compiles sources, throwing {@link PolicyLoadException} on errors
     * @throws PolicyLoadException if the policy has errors now
     * @throws PolicyException if its files cannot be read or watched, or bring DRL that the request does not allow
     */
    public static WatchedPolicy start(Function<List<PolicySource>, CompiledPolicy> compiler, WatchRequest request,
                                      Clock clock) {
        WatchedPolicy policy = new WatchedPolicy(new Reloader<>(compiler, new PolicyServed(request.allowIdChange()), request,
                clock, "this policy is", LOG), request);
        policy.watch(policy.id());
        LOG.info("serving policy [{}] revision [{}], watching {}", policy.id(), policy.revision(), request.paths());
        return policy;
    }

    @Override
    public Policy current() {
        return reloader.current();
    }

    @Override
    public Decision decide(CustomerCase customerCase) {
        return reloader.current().decide(customerCase);
    }

    @Override
    public Decision decideWithoutSentences(CustomerCase customerCase) {
        return reloader.current().decideWithoutSentences(customerCase);
    }

    @Override
    public Explanation explain(CustomerCase customerCase) {
        return reloader.current().explain(customerCase);
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
        return reloader.current().revision();
    }

    @Override
    public String id() {
        return reloader.current().id();
    }

    @Override
    public String version() {
        return reloader.current().version();
    }

    @Override
    public String description() {
        return reloader.current().description();
    }

    @Override
    public List<String> severities() {
        return reloader.current().severities();
    }

    @Override
    public List<String> roles() {
        return reloader.current().roles();
    }

    @Override
    public Map<String, RemedyUnit> remedies() {
        return reloader.current().remedies();
    }

    @Override
    public Map<String, AttributeType> attributes() {
        return reloader.current().attributes();
    }

    @Override
    public List<String> ruleIds() {
        return reloader.current().ruleIds();
    }

    @Override
    public AuthorityTable authority() {
        return reloader.current().authority();
    }

    @Override
    public List<Problem> warnings() {
        return reloader.current().warnings();
    }

    @Override
    public String toString() {
        return "LivePolicy[" + reloader.current() + ", watching " + request.paths() + "]";
    }
}
