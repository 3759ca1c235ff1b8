package org.resolutionpolicy.api;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.resolutionpolicy.api.spi.PolicyEngine;

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
 * <p>The compiler is found with {@link java.util.ServiceLoader}: put {@code org.resolutionpolicy:policy-engine}
 * on the runtime classpath.
 */
public final class Policies {

    private Policies() {
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
        List<Path> paths = new ArrayList<>();
        paths.add(Objects.requireNonNull(first, "path must not be null"));
        for (Path p : more) {
            paths.add(Objects.requireNonNull(p, "path must not be null"));
        }
        return load(paths);
    }

    /**
     * Loads a policy from files or directories, as {@link #load(Path, Path...)}.
     *
     * @throws NullPointerException if the collection or any path is null
     * @throws IllegalArgumentException if the collection is empty
     * @throws PolicyLoadException if the policy has errors
     * @throws PolicyException if a file cannot be read or no engine is on the classpath
     */
    public static Policy load(Collection<Path> paths) {
        Objects.requireNonNull(paths, "paths must not be null");
        if (paths.isEmpty()) {
            throw new IllegalArgumentException("at least one policy path is needed");
        }
        return compile(read(paths));
    }

    /** Reads the sources of a policy's files and directories, as {@link #load(Collection)} does. */
    static List<PolicySource> read(Collection<Path> paths) {
        List<PolicySource> sources = new ArrayList<>();
        for (Path path : paths) {
            sources.addAll(Sources.policyFiles(Objects.requireNonNull(path, "path must not be null")));
        }
        return sources;
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
        List<Path> paths = new ArrayList<>();
        paths.add(Objects.requireNonNull(first, "path must not be null"));
        for (Path p : more) {
            paths.add(Objects.requireNonNull(p, "path must not be null"));
        }
        return new PolicyWatch(paths);
    }

    /**
     * Compiles a YAML policy held in a string; problems name the source {@code <string>}.
     *
     * @throws NullPointerException if yaml is null
     * @throws PolicyLoadException if the policy has errors
     * @throws PolicyException if no engine is on the classpath
     */
    public static Policy parse(String yaml) {
        return compile(List.of(PolicySource.of("<string>", Objects.requireNonNull(yaml, "yaml must not be null"))));
    }

    /**
     * Loads a policy from classpath resources, with this library's class loader falling back to the
     * thread's context class loader.
     *
     * @param resources resource names such as {@code policies/coffee-shop.yaml}
     * @throws IllegalArgumentException if no resource is given
     * @throws PolicyLoadException if the policy has errors
     * @throws PolicyException if a resource is missing or no engine is on the classpath
     */
    public static Policy fromClasspath(String... resources) {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return fromClasspath(context != null ? context : Policies.class.getClassLoader(), resources);
    }

    /**
     * Loads a policy from classpath resources of a given class loader.
     *
     * @throws NullPointerException if the loader or a resource name is null
     * @throws IllegalArgumentException if no resource is given
     * @throws PolicyLoadException if the policy has errors
     * @throws PolicyException if a resource is missing or no engine is on the classpath
     */
    public static Policy fromClasspath(ClassLoader loader, String... resources) {
        Objects.requireNonNull(loader, "loader must not be null");
        if (resources.length == 0) {
            throw new IllegalArgumentException("at least one resource is needed");
        }
        List<PolicySource> sources = new ArrayList<>();
        for (String resource : resources) {
            sources.add(Sources.resource(loader, Objects.requireNonNull(resource, "resource must not be null")));
        }
        return compile(sources);
    }

    /**
     * Compiles a policy from sources already in memory: one YAML policy, optionally with further rule files.
     *
     * @throws NullPointerException if the list or a source is null
     * @throws IllegalArgumentException if the list is empty
     * @throws PolicyLoadException if the policy has errors
     * @throws PolicyException if no engine is on the classpath
     */
    public static Policy compile(List<PolicySource> sources) {
        Objects.requireNonNull(sources, "sources must not be null");
        if (sources.isEmpty()) {
            throw new IllegalArgumentException("at least one policy source is needed");
        }
        sources.forEach(s -> Objects.requireNonNull(s, "source must not be null"));
        return PolicyEngine.find().compile(List.copyOf(sources));
    }
}
