package org.resolutionpolicy.engine.internal.reload;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.resolutionpolicy.api.LivePolicyRegistry;
import org.resolutionpolicy.api.Policy;
import org.resolutionpolicy.api.PolicyException;
import org.resolutionpolicy.api.PolicyLoadException;
import org.resolutionpolicy.api.PolicyRegistry;
import org.resolutionpolicy.api.PolicySource;
import org.resolutionpolicy.api.Problem;
import org.resolutionpolicy.api.spi.WatchRequest;
import org.resolutionpolicy.engine.internal.eval.CompiledPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A registry that follows its directory as one unit: every check reads every source below it, and the set of
 * policies they compile to replaces the serving set, in one volatile write, only when every policy compiles.
 *
 * <p>Reloads follow the rules of {@link Reloader}, for the set: replaced policies are released.
 */
public final class WatchedRegistry extends Watched<PolicyRegistry> implements LivePolicyRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(WatchedRegistry.class);

    /** What a reloader needs to know of a registry. */
    private static final Reloader.Served<PolicyRegistry> REGISTRY = new Reloader.Served<>() {
        @Override
        public String revision(PolicyRegistry registry) {
            return registry.revision();
        }

        @Override
        public List<Problem> warnings(PolicyRegistry registry) {
            return registry.ids().stream().flatMap(id -> registry.get(id).warnings().stream()).toList();
        }

        @Override
        public void release(PolicyRegistry registry) {
            for (String id : registry.ids()) {
                if (registry.get(id) instanceof CompiledPolicy compiled) {
                    compiled.release();
                }
            }
        }
    };

    private WatchedRegistry(Reloader<PolicyRegistry> reloader, WatchRequest request) {
        super(reloader, request);
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
        WatchedRegistry registry = new WatchedRegistry(new Reloader<>(compiler, REGISTRY, request, clock,
                "these policies are", LOG), request);
        registry.watch("registry");
        LOG.info("serving policies [{}], watching {}", registry.revision(), request.paths());
        return registry;
    }

    @Override
    public PolicyRegistry current() {
        return reloader.current();
    }

    @Override
    public List<String> ids() {
        return reloader.current().ids();
    }

    @Override
    public Optional<Policy> find(String id) {
        return reloader.current().find(id);
    }

    @Override
    public String revision() {
        return reloader.current().revision();
    }

    @Override
    public String toString() {
        return "LivePolicyRegistry[" + reloader.current().ids() + ", watching " + request.paths() + "]";
    }
}
