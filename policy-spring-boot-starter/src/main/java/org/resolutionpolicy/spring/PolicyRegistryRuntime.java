package org.resolutionpolicy.spring;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.resolutionpolicy.api.LivePolicyRegistry;
import org.resolutionpolicy.api.LoadOptions;
import org.resolutionpolicy.api.Policies;
import org.resolutionpolicy.api.Policy;
import org.resolutionpolicy.api.PolicyLoader;
import org.resolutionpolicy.api.PolicyRegistry;
import org.resolutionpolicy.api.PolicyWatch;
import org.resolutionpolicy.api.ReloadListener;
import org.resolutionpolicy.api.ReloadStatus;

/**
 * Holds the several policies of {@code resolution.policy.policies.<id>.locations} (each loaded, and watched, on its
 * own) or of {@code resolution.policy.directory} (loaded as {@code Policies.registry}, followed as one unit when
 * watched). The {@link PolicyRegistry} bean decides through it; health and metrics read it. Closing it stops
 * watching.
 */
public final class PolicyRegistryRuntime implements AutoCloseable {

    private final Map<String, PolicyRuntime> entries;
    private final PolicyRegistry registry;
    private final LivePolicyRegistry live;
    private final Path directory;

    private PolicyRegistryRuntime(Map<String, PolicyRuntime> entries, PolicyRegistry registry,
                                  LivePolicyRegistry live, Path directory) {
        this.entries = entries;
        this.registry = registry;
        this.live = live;
        this.directory = directory;
    }

    /**
     * Loads the policies the properties name: those of {@code policies}, or of {@code directory}.
     *
     * @param properties the policies, or the directory, and the watch settings
     * @param reloadListeners hear each reload attempt of a watched policy or directory
     * @return the runtime
     * @throws IllegalArgumentException if both or neither are set, an entry has no location, or an entry's key is not
     *                                  the id of its policy
     * @throws org.resolutionpolicy.api.PolicyLoadException with every problem of every policy located
     */
    public static PolicyRegistryRuntime load(PolicyProperties properties, List<ReloadListener> reloadListeners) {
        String prefix = PolicyProperties.PREFIX;
        if (properties.policies().isEmpty() == (properties.directory() == null)) {
            throw new IllegalArgumentException("several policies come from [" + prefix + ".policies.<id>.locations] or"
                    + " from [" + prefix + ".directory], one of them: " + (properties.directory() == null ? "neither"
                    : "both") + " is set");
        }
        if (properties.directory() != null) {
            return directory(properties, reloadListeners);
        }
        Map<String, PolicyRuntime> entries = new LinkedHashMap<>();
        try {
            properties.policies().forEach((id, source) -> {
                if (source.locations().isEmpty()) {
                    throw new IllegalArgumentException("no location for the policy [" + id + "]: set [" + prefix
                            + ".policies." + id + ".locations]");
                }
                PolicyRuntime runtime = PolicyRuntime.load(new PolicyProperties(source.locations(),
                        properties.watch(), properties.debounce(), properties.pollInterval(), properties.allowDrl(),
                        properties.maxLoadTime(), properties.decisionLog(), properties.health()), reloadListeners);
                entries.put(id, runtime);
                if (!runtime.policy().id().equals(id)) {
                    throw new IllegalArgumentException("[" + prefix + ".policies." + id + ".locations] "
                            + source.locations() + " hold the policy [" + runtime.policy().id() + "], not [" + id
                            + "]: key each entry by the id its policy declares");
                }
            });
        } catch (RuntimeException e) {
            entries.values().forEach(PolicyRuntime::close);
            throw e;
        }
        List<Policy> policies = entries.values().stream().map(PolicyRuntime::policy).toList();
        return new PolicyRegistryRuntime(Map.copyOf(entries), PolicyRegistry.of(policies), null, null);
    }

    private static PolicyRegistryRuntime directory(PolicyProperties properties, List<ReloadListener> listeners) {
        LoadOptions.Builder options = LoadOptions.builder();
        if (properties.maxLoadTime() != null) {
            options.maxLoadTime(properties.maxLoadTime());
        }
        PolicyLoader loader = Policies.loader(options.build());
        Path directory = properties.directory();
        if (!properties.watch()) {
            return new PolicyRegistryRuntime(Map.of(), loader.registry(directory), null, directory);
        }
        PolicyWatch watch = loader.watch(directory).debounce(properties.debounce())
                .pollInterval(properties.pollInterval());
        if (properties.allowDrl()) {
            watch.allowDrl();
        }
        listeners.forEach(watch::listener);
        LivePolicyRegistry live = watch.startRegistry();
        return new PolicyRegistryRuntime(Map.of(), live, live, directory);
    }

    /** Returns the policies: each always decides with the revision serving, when watched. */
    public PolicyRegistry registry() {
        return registry;
    }

    /** Returns the policies as the health indicator and the gauges see them, in id order. */
    List<ServedPolicy> served() {
        List<ServedPolicy> served = new ArrayList<>();
        for (String id : registry.ids()) {
            PolicyRuntime entry = entries.get(id);
            served.add(new ServedPolicy(id, () -> registry.find(id).orElseThrow(),
                    entry != null ? entry::status : this::directoryStatus));
        }
        return served;
    }

    /** Returns the reload status of a watched directory (one for all its policies), or empty. */
    private Optional<ReloadStatus> directoryStatus() {
        return Optional.ofNullable(live).map(LivePolicyRegistry::status);
    }

    /** Adds a listener to every watched policy, or to the watched directory. */
    void addReloadListener(ReloadListener listener) {
        entries.values().forEach(e -> e.live().ifPresent(l -> l.addReloadListener(listener)));
        if (live != null) {
            live.addReloadListener(listener);
        }
    }

    /**
     * Adds a listener to every watched policy, made for its id, or one to the watched directory, made for all its ids.
     *
     * @param listener makes the listener for the ids a reload attempt reloads; null adds none
     */
    void addReloadListeners(java.util.function.Function<java.util.function.Supplier<List<String>>, ReloadListener>
                                    listener) {
        entries.forEach((id, e) -> e.live().ifPresent(l -> {
            ReloadListener made = listener.apply(() -> List.of(id));
            if (made != null) {
                l.addReloadListener(made);
            }
        }));
        if (live != null) {
            ReloadListener made = listener.apply(live::ids);
            if (made != null) {
                live.addReloadListener(made);
            }
        }
    }

    /** Returns the directory of the policies, or null when each has locations of its own. */
    public Path directory() {
        return directory;
    }

    /** Stops watching, if watched; the policies keep deciding with their last revisions. */
    @Override
    public void close() {
        entries.values().forEach(PolicyRuntime::close);
        if (live != null) {
            live.close();
        }
    }

    @Override
    public String toString() {
        return "PolicyRegistryRuntime" + registry.ids() + (live != null ? ", watched" : "");
    }
}
