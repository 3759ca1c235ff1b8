package org.resolutionpolicy.api;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.resolutionpolicy.api.spi.PolicyEngine;

/**
 * Loads and compiles policies as {@link Policies} does, with {@link LoadOptions} of its own choosing.
 *
 * <pre>{@code
 * PolicyLoader loader = Policies.loader(LoadOptions.builder().maxSourceChars(64 * 1024).build());
 * Policy policy = loader.load(Path.of("policies/coffee-shop.yaml"));
 * }</pre>
 *
 * <p>A loader is immutable and thread-safe; keep one and use it for every load. Each method documents the same
 * behaviour as its static twin on {@link Policies}; a source beyond a limit of the options fails to load with a
 * {@link PolicyLoadException} whose problem names the source and the limit.
 */
public final class PolicyLoader {

    private static final PolicyLoader DEFAULT = new PolicyLoader(LoadOptions.defaults());

    private final LoadOptions options;

    private PolicyLoader(LoadOptions options) {
        this.options = options;
    }

    /**
     * Returns a loader with the given options.
     *
     * @param options the limits and the clock
     * @return the loader
     * @throws NullPointerException if options is null
     */
    static PolicyLoader of(LoadOptions options) {
        Objects.requireNonNull(options, "options must not be null");
        return options.equals(LoadOptions.defaults()) ? DEFAULT : new PolicyLoader(options);
    }

    /**
     * Returns the options this loader loads with.
     *
     * @return the options
     */
    public LoadOptions options() {
        return options;
    }

    /**
     * Loads a policy from files or directories, as {@link Policies#load(Path, Path...)}.
     *
     * @param first a policy file or directory
     * @param more further files or directories of the same policy
     * @return the compiled policy
     * @throws NullPointerException if any path is null
     * @throws PolicyLoadException if the policy has errors, or a file is beyond a limit of the options
     * @throws PolicyException if a file cannot be read or no engine is on the classpath
     */
    public Policy load(Path first, Path... more) {
        List<Path> paths = new ArrayList<>();
        paths.add(Objects.requireNonNull(first, "path must not be null"));
        for (Path p : more) {
            paths.add(Objects.requireNonNull(p, "path must not be null"));
        }
        return load(paths);
    }

    /**
     * Loads a policy from files or directories, as {@link Policies#load(Collection)}.
     *
     * @param paths policy files or directories, at least one
     * @return the compiled policy
     * @throws NullPointerException if the collection or any path is null
     * @throws IllegalArgumentException if the collection is empty
     * @throws PolicyLoadException if the policy has errors, or a file is beyond a limit of the options
     * @throws PolicyException if a file cannot be read or no engine is on the classpath
     */
    public Policy load(Collection<Path> paths) {
        Objects.requireNonNull(paths, "paths must not be null");
        if (paths.isEmpty()) {
            throw new IllegalArgumentException("at least one policy path is needed");
        }
        return compile(read(paths));
    }

    /** Reads the sources of a policy's files and directories, as {@link #load(Collection)} does. */
    List<PolicySource> read(Collection<Path> paths) {
        List<PolicySource> sources = new ArrayList<>();
        for (Path path : paths) {
            sources.addAll(Sources.policyFiles(Objects.requireNonNull(path, "path must not be null"), options));
        }
        return sources;
    }

    /**
     * Prepares a live policy that follows its files and directories, as {@link Policies#watch}, with this loader's
     * options for every revision it loads.
     *
     * @param first a policy file or directory
     * @param more further files or directories of the same policy
     * @return the watch, to configure and start
     * @throws NullPointerException if any path is null
     */
    public PolicyWatch watch(Path first, Path... more) {
        List<Path> paths = new ArrayList<>();
        paths.add(Objects.requireNonNull(first, "path must not be null"));
        for (Path p : more) {
            paths.add(Objects.requireNonNull(p, "path must not be null"));
        }
        return new PolicyWatch(this, paths);
    }

    /**
     * Loads several policies from one directory, as {@link Policies#registry(Path)}, with this loader's options.
     *
     * @param directory the directory: each policy file directly in it is a policy, each subdirectory one policy
     * @return the registry
     * @throws NullPointerException if directory is null
     * @throws IllegalArgumentException if it is not a directory
     * @throws PolicyLoadException if any policy has errors, or two have the same id: every problem of every policy
     * @throws PolicyException if a file cannot be read or no engine is on the classpath
     */
    public PolicyRegistry registry(Path directory) {
        Objects.requireNonNull(directory, "directory must not be null");
        if (!Files.isDirectory(directory)) {
            throw new IllegalArgumentException("a registry is loaded from a directory, not [" + directory + "]");
        }
        PolicyEngine engine = PolicyEngine.find();
        return PolicyRegistry.compile(Sources.registryEntries(directory, read(List.of(directory))),
                sources -> engine.compile(sources, options));
    }

    /**
     * Compiles a YAML policy held in a string, as {@link Policies#parse(String)}.
     *
     * @param yaml the policy text
     * @return the compiled policy
     * @throws NullPointerException if yaml is null
     * @throws PolicyLoadException if the policy has errors, or the text is beyond a limit of the options
     * @throws PolicyException if no engine is on the classpath
     */
    public Policy parse(String yaml) {
        return compile(List.of(PolicySource.of("<string>", Objects.requireNonNull(yaml, "yaml must not be null"))));
    }

    /**
     * Loads a policy from classpath resources found by the current thread's context class loader, or by this
     * library's class loader when the thread has none, as {@link Policies#fromClasspath(String...)}.
     *
     * @param resources resource names such as {@code policies/coffee-shop.yaml}
     * @return the compiled policy
     * @throws NullPointerException if a resource name is null
     * @throws IllegalArgumentException if no resource is given
     * @throws PolicyLoadException if the policy has errors, or a resource is beyond a limit of the options
     * @throws PolicyException if a resource is missing or no engine is on the classpath
     */
    public Policy fromClasspath(String... resources) {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return fromClasspath(context != null ? context : PolicyLoader.class.getClassLoader(), resources);
    }

    /**
     * Loads a policy from classpath resources of a given class loader, as
     * {@link Policies#fromClasspath(ClassLoader, String...)}.
     *
     * @param loader the class loader that finds the resources
     * @param resources resource names such as {@code policies/coffee-shop.yaml}
     * @return the compiled policy
     * @throws NullPointerException if the loader or a resource name is null
     * @throws IllegalArgumentException if no resource is given
     * @throws PolicyLoadException if the policy has errors, or a resource is beyond a limit of the options
     * @throws PolicyException if a resource is missing or no engine is on the classpath
     */
    public Policy fromClasspath(ClassLoader loader, String... resources) {
        Objects.requireNonNull(loader, "loader must not be null");
        if (resources.length == 0) {
            throw new IllegalArgumentException("at least one resource is needed");
        }
        List<PolicySource> sources = new ArrayList<>();
        for (String resource : resources) {
            sources.add(Sources.resource(loader, Objects.requireNonNull(resource, "resource must not be null"),
                    options));
        }
        return compile(sources);
    }

    /**
     * Compiles a policy from sources already in memory, as {@link Policies#compile(List)}.
     *
     * @param sources one YAML policy, optionally with further rule files
     * @return the compiled policy
     * @throws NullPointerException if the list or a source is null
     * @throws IllegalArgumentException if the list is empty
     * @throws PolicyLoadException if the policy has errors, or a source is beyond a limit of the options
     * @throws PolicyException if no engine is on the classpath
     */
    public Policy compile(List<PolicySource> sources) {
        Objects.requireNonNull(sources, "sources must not be null");
        if (sources.isEmpty()) {
            throw new IllegalArgumentException("at least one policy source is needed");
        }
        sources.forEach(s -> Objects.requireNonNull(s, "source must not be null"));
        return PolicyEngine.find().compile(List.copyOf(sources), options);
    }

    @Override
    public String toString() {
        return "PolicyLoader[" + options + "]";
    }
}
