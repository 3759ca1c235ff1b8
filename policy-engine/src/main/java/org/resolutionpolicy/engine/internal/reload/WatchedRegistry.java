package org.resolutionpolicy.engine.internal.reload;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.resolutionpolicy.api.LivePolicyRegistry;
import org.resolutionpolicy.api.Policy;
import org.resolutionpolicy.api.PolicyException;
import org.resolutionpolicy.api.PolicyLoadException;
import org.resolutionpolicy.api.PolicyRegistry;
import org.resolutionpolicy.api.PolicySource;
import org.resolutionpolicy.api.spi.WatchRequest;
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

    /** What the reloader knows of the registries it serves, and why each id a reload took away is gone. */
    private final RegistryServed served;

    private WatchedRegistry(Reloader<PolicyRegistry> reloader, RegistryServed served, WatchRequest request) {
        super(reloader, request);
        this.served = served;
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
        RegistryServed served = new RegistryServed();
        WatchedRegistry registry = new WatchedRegistry(new Reloader<>(compiler, served, request, clock,
                "these policies are", LOG), served, request);
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

    /**
     * Returns the policy serving now with the id; for an id a reload took away, the exception says when and why (its
     * file removed, or declaring another id) rather than only that it is not there.
     */
    @Override
    public Policy get(String id) {
        Objects.requireNonNull(id, "id must not be null");
        return find(id).orElseThrow(() -> {
            String gone = served.gone(id);
            return new IllegalArgumentException((gone != null ? gone : "no policy [" + id + "] in this registry")
                    + "; it has " + ids());
        });
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
