package org.resolutionpolicy.spring;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.resolutionpolicy.api.LivePolicy;
import org.resolutionpolicy.api.LoadOptions;
import org.resolutionpolicy.api.Policies;
import org.resolutionpolicy.api.Policy;
import org.resolutionpolicy.api.PolicyLoader;
import org.resolutionpolicy.api.PolicyWatch;
import org.resolutionpolicy.api.ReloadListener;
import org.resolutionpolicy.api.ReloadStatus;

/**
 * Holds the policy the starter loaded from {@code resolution.policy.locations}: compiled once, or live when
 * {@code resolution.policy.watch} is on. The {@link Policy} bean decides through it; health and info read it. Closing
 * it stops watching.
 */
public final class PolicyRuntime implements AutoCloseable {

    private static final String CLASSPATH = "classpath:";

    private final Policy policy;
    private final LivePolicy live;
    private final List<String> locations;

    private PolicyRuntime(Policy policy, LivePolicy live, List<String> locations) {
        this.policy = policy;
        this.live = live;
        this.locations = locations;
    }

    /**
     * Loads the policy the properties name.
     *
     * @param properties the locations and watch settings
     * @param reloadListeners hear each reload attempt of a watched policy
     * @return the runtime
     * @throws IllegalArgumentException if no location is given, classpath resources and files are mixed, or
     *                                  classpath resources are to be watched
     * @throws org.resolutionpolicy.api.PolicyLoadException with every problem located, if the policy has errors
     * @throws org.resolutionpolicy.api.PolicyException if a file cannot be read
     */
    public static PolicyRuntime load(PolicyProperties properties, List<ReloadListener> reloadListeners) {
        List<String> locations = properties.locations();
        if (locations.isEmpty()) {
            throw new IllegalArgumentException("no policy location: set [" + PolicyProperties.PREFIX + ".locations]");
        }
        LoadOptions.Builder options = LoadOptions.builder();
        if (properties.maxLoadTime() != null) {
            options.maxLoadTime(properties.maxLoadTime());
        }
        PolicyLoader loader = Policies.loader(options.build());
        long resources = locations.stream().filter(l -> l.startsWith(CLASSPATH)).count();
        if (resources == locations.size()) {
            if (properties.watch()) {
                throw new IllegalArgumentException("classpath resources " + locations + " cannot be watched: point ["
                        + PolicyProperties.PREFIX + ".locations] at files, or turn ["
                        + PolicyProperties.PREFIX + ".watch] off");
            }
            String[] names = locations.stream().map(l -> l.substring(CLASSPATH.length())).toArray(String[]::new);
            return new PolicyRuntime(loader.fromClasspath(names), null, locations);
        }
        if (resources > 0) {
            throw new IllegalArgumentException("the locations " + locations + " mix classpath resources and files: "
                    + "one policy comes from one of them");
        }
        List<Path> paths = locations.stream().map(l -> Path.of(l.startsWith("file:") ? l.substring(5) : l)).toList();
        if (!properties.watch()) {
            return new PolicyRuntime(loader.load(paths), null, locations);
        }
        PolicyWatch watch = loader.watch(paths.get(0), paths.subList(1, paths.size()).toArray(Path[]::new))
                .debounce(properties.debounce()).pollInterval(properties.pollInterval());
        if (properties.allowDrl()) {
            watch.allowDrl();
        }
        reloadListeners.forEach(watch::listener);
        LivePolicy live = watch.start();
        return new PolicyRuntime(live, live, locations);
    }

    /** Returns the policy: the live policy when watched, which always decides with the revision serving. */
    public Policy policy() {
        return policy;
    }

    /** Returns the live policy, or empty when the policy was compiled once. */
    public Optional<LivePolicy> live() {
        return Optional.ofNullable(live);
    }

    /** Returns the reload status of a watched policy, or empty when it was compiled once. */
    public Optional<ReloadStatus> status() {
        return live().map(LivePolicy::status);
    }

    /** Returns the locations the policy was loaded from, as configured. */
    public List<String> locations() {
        return locations;
    }

    /** Stops watching the files, if watched; the policy keeps deciding with its last revision. */
    @Override
    public void close() {
        if (live != null) {
            live.close();
        }
    }

    @Override
    public String toString() {
        return "PolicyRuntime[" + policy + (live != null ? ", watched" : "") + "]";
    }
}
