package org.resolutionpolicy.api;

import java.nio.file.Path;
import java.util.Collection;
import java.util.List;

/**
 * Loads and compiles policies from files, directories, the classpath or strings.
 *
 * <p>Every method compiles all of its sources into one {@link Policy}: a YAML policy file, optionally with
 * more rule files beside it. The result is immutable and thread-safe. Loading either succeeds completely or
 * throws a {@link PolicyLoadException} listing every problem; a policy is never half-loaded.
 *
 * <pre>{@code
 * Policy policy = Policies.load(Path.of("policies/coffee-shop.yaml"));
 * Decision decision = policy.decide(customerCase);
 * }</pre>
 *
 * <p>These methods hold every source to {@link LoadOptions#defaults()}; {@link #loader(LoadOptions)} gives the
 * same methods with other limits or another clock.
 *
 * <p>The compiler is found with {@link java.util.ServiceLoader}, once: put
 * {@code org.resolutionpolicy:policy-engine} on the runtime classpath.
 */
public final class Policies {

    private Policies() {
    }

    /**
     * Returns a loader that loads with the given options.
     *
     * @param options the limits and the clock
     * @return the loader, immutable and thread-safe
     * @throws NullPointerException if options is null
     */
    public static PolicyLoader loader(LoadOptions options) {
        return PolicyLoader.of(options);
    }

    /**
     * Loads a policy from files or directories. A directory contributes every {@code *.yaml}, {@code *.yml}
     * and {@code *.drl} file below it, in name order, except scenario files ({@code *.test.yaml}).
     *
     * @param first a policy file or directory
     * @param more further files or directories of the same policy
     * @return the compiled policy
     * @throws NullPointerException if any path is null
     * @throws PolicyLoadException if the policy has errors
     * @throws PolicyException if a file cannot be read or no engine is on the classpath
     */
    public static Policy load(Path first, Path... more) {
        return defaults().load(first, more);
    }

    /**
     * Loads a policy from files or directories, as {@link #load(Path, Path...)}.
     *
     * @param paths policy files or directories, at least one
     * @return the compiled policy
     * @throws NullPointerException if the collection or any path is null
     * @throws IllegalArgumentException if the collection is empty
     * @throws PolicyLoadException if the policy has errors
     * @throws PolicyException if a file cannot be read or no engine is on the classpath
     */
    public static Policy load(Collection<Path> paths) {
        return defaults().load(paths);
    }

    /**
     * Compiles a YAML policy held in a string; problems name the source {@code <string>}.
     *
     * @param yaml the policy text
     * @return the compiled policy
     * @throws NullPointerException if yaml is null
     * @throws PolicyLoadException if the policy has errors
     * @throws PolicyException if no engine is on the classpath
     */
    public static Policy parse(String yaml) {
        return defaults().parse(yaml);
    }

    /**
     * Loads a policy from classpath resources, found by the current thread's context class loader (so that
     * application servers and test runners, which set it, see their own resources), or by this library's class
     * loader when the thread has none.
     *
     * @param resources resource names such as {@code policies/coffee-shop.yaml}
     * @return the compiled policy
     * @throws NullPointerException if a resource name is null
     * @throws IllegalArgumentException if no resource is given
     * @throws PolicyLoadException if the policy has errors
     * @throws PolicyException if a resource is missing or no engine is on the classpath
     */
    public static Policy fromClasspath(String... resources) {
        return defaults().fromClasspath(resources);
    }

    /**
     * Loads a policy from classpath resources of a given class loader.
     *
     * @param loader the class loader that finds the resources
     * @param resources resource names such as {@code policies/coffee-shop.yaml}
     * @return the compiled policy
     * @throws NullPointerException if the loader or a resource name is null
     * @throws IllegalArgumentException if no resource is given
     * @throws PolicyLoadException if the policy has errors
     * @throws PolicyException if a resource is missing or no engine is on the classpath
     */
    public static Policy fromClasspath(ClassLoader loader, String... resources) {
        return defaults().fromClasspath(loader, resources);
    }

    /**
     * Compiles a policy from sources already in memory: one YAML policy, optionally with further rule files.
     *
     * @param sources the sources of one policy
     * @return the compiled policy
     * @throws NullPointerException if the list or a source is null
     * @throws IllegalArgumentException if the list is empty
     * @throws PolicyLoadException if the policy has errors
     * @throws PolicyException if no engine is on the classpath
     */
    public static Policy compile(List<PolicySource> sources) {
        return defaults().compile(sources);
    }

    /**
     * Prepares a live policy that follows its files and directories: it serves the revision on disk and swaps to
     * each later revision that compiles without errors. Directories contribute their files as for {@link #load};
     * files added to or removed from them count. Call {@link PolicyWatch#start()} to load and start watching.
     *
     * <pre>{@code
     * try (LivePolicy policy = Policies.watch(Path.of("policies")).start()) {
     *     policy.decide(customerCase);
     * }
     * }</pre>
     *
     * @param first a policy file or directory
     * @param more further files or directories of the same policy
     * @return the watch, to configure and start
     * @throws NullPointerException if any path is null
     */
    public static PolicyWatch watch(Path first, Path... more) {
        return defaults().watch(first, more);
    }

    /**
     * Loads several policies from one directory into a registry keyed by their ids: each {@code *.yaml},
     * {@code *.yml} or {@code *.drl} file directly in it is a policy of its own, and each subdirectory is one policy
     * made of every policy file below it. Every problem of every policy is reported together, one per mistake.
     *
     * <pre>{@code
     * PolicyRegistry policies = Policies.registry(Path.of("policies"));
     * Decision decision = policies.get("coffee-shop").decide(customerCase);
     * }</pre>
     *
     * @param directory the directory of the policies
     * @return the registry
     * @throws NullPointerException if directory is null
     * @throws IllegalArgumentException if it is not a directory
     * @throws PolicyLoadException if any policy has errors, or two policies have the same id
     * @throws PolicyException if a file cannot be read or no engine is on the classpath
     */
    public static PolicyRegistry registry(Path directory) {
        return defaults().registry(directory);
    }

    private static PolicyLoader defaults() {
        return PolicyLoader.of(LoadOptions.defaults());
    }

    /**
     * Returns a builder of a shadow around a serving policy: a candidate decides every case off the request path
     * while the serving policy's decision is returned unchanged (see {@link ShadowPolicy}).
     *
     * @param serving the policy whose decisions are served: compiled, live or from a registry
     * @return the builder
     * @throws NullPointerException if serving is null
     */
    public static ShadowBuilder shadow(Policy serving) {
        return new ShadowBuilder(serving);
    }
}
