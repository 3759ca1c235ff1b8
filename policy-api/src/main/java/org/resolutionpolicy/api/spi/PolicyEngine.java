package org.resolutionpolicy.api.spi;

import java.io.Writer;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.function.Function;
import org.resolutionpolicy.api.CustomerCase;
import org.resolutionpolicy.api.Decision;
import org.resolutionpolicy.api.DecisionLog;
import org.resolutionpolicy.api.LivePolicy;
import org.resolutionpolicy.api.LivePolicyRegistry;
import org.resolutionpolicy.api.LoadOptions;
import org.resolutionpolicy.api.Policy;
import org.resolutionpolicy.api.PolicyException;
import org.resolutionpolicy.api.PolicyLoadException;
import org.resolutionpolicy.api.PolicyRegistry;
import org.resolutionpolicy.api.PolicySource;

/**
 * Compiles and watches policy sources: the service interface of an engine, implemented by {@code policy-engine}
 * and found with {@link ServiceLoader}. An engine implements {@link #compile(List, LoadOptions)}, and
 * {@link #watch} and {@link #watchRegistry} when it follows files; the rest of this interface is deprecated and goes
 * in a later release (cases and JSON are read and written by {@code policy-format}, see {@link Formats}).
 *
 * <p>Users call {@link org.resolutionpolicy.api.Policies}, not this. Implementations must be thread-safe and keep no
 * state between calls.
 */
public interface PolicyEngine {

    /** The Maven coordinates named when no engine is found. */
    String ENGINE_ARTIFACT = "org.resolutionpolicy:policy-engine";

    /**
     * Compiles sources into one immutable, thread-safe policy, each source held to the limits of the options and
     * the policy deciding by their clock.
     *
     * @param sources the sources of one policy, not empty
     * @param options the limits and the clock
     * @return the compiled policy
     * @throws org.resolutionpolicy.api.PolicyLoadException listing every problem, if there is any error, including
     *     a source beyond a limit of the options
     */
    Policy compile(List<PolicySource> sources, LoadOptions options);

    /**
     * Compiles sources with {@link LoadOptions#defaults()}, as {@link #compile(List, LoadOptions)}.
     *
     * @param sources the sources of one policy, not empty
     * @return the compiled policy
     * @throws org.resolutionpolicy.api.PolicyLoadException listing every problem, if there is any error
     */
    default Policy compile(List<PolicySource> sources) {
        return compile(sources, LoadOptions.defaults());
    }

    /**
     * Reads a case from YAML or JSON text, within the default limits of {@link LoadOptions}.
     *
     * @param source the case text and its name
     * @return the case
     * @throws org.resolutionpolicy.api.InvalidCaseException naming every malformed field
     * @deprecated reading a case is a format's, not an engine's: use {@link Formats#readCase}; this method goes in a
     *             later release
     */
    @Deprecated(since = "0.1.0", forRemoval = true)
    default CustomerCase readCase(PolicySource source) {
        return Formats.find().readCase(source);
    }

    /**
     * Writes a decision as the JSON of the policy-format guide, for {@link Decision#toJson()}.
     *
     * @param decision the decision
     * @return one JSON object on one line, with the decision id first when it has one
     * @deprecated writing JSON is a format's, not an engine's: use {@link Formats#json}; this method goes in a later
     *             release
     */
    @Deprecated(since = "0.1.0", forRemoval = true)
    default String toJson(Decision decision) {
        return Formats.find().json(decision);
    }

    /**
     * Opens a JSON-lines decision log on a file, appending.
     *
     * @param file the log file, created if missing
     * @param options how ids are masked
     * @return the open log
     * @throws PolicyException if the file cannot be opened
     * @deprecated the decision log is {@code policy-format}'s: use {@link DecisionLog#jsonLines(Path,
     *             DecisionLog.Options)}; this method goes in a later release
     */
    @Deprecated(since = "0.1.0", forRemoval = true)
    default DecisionLog openLog(Path file, DecisionLog.Options options) {
        return DecisionLog.jsonLines(file, options);
    }

    /**
     * Opens a JSON-lines decision log on a writer.
     *
     * @param writer where the lines go; closing the log closes it
     * @param options how ids are masked
     * @return the open log
     * @deprecated the decision log is {@code policy-format}'s: use {@link DecisionLog#jsonLines(Writer,
     *             DecisionLog.Options)}; this method goes in a later release
     */
    @Deprecated(since = "0.1.0", forRemoval = true)
    default DecisionLog openLog(Writer writer, DecisionLog.Options options) {
        return DecisionLog.jsonLines(writer, options);
    }

    /**
     * Loads a policy and starts watching its files, for {@link org.resolutionpolicy.api.Policies#watch}.
     *
     * @param request the paths, how to read them, the watch settings and the load options
     * @return the live policy, serving what is on disk now
     * @throws org.resolutionpolicy.api.PolicyLoadException if the policy has errors now
     * @throws UnsupportedOperationException if this engine cannot watch files
     */
    default LivePolicy watch(WatchRequest request) {
        throw new UnsupportedOperationException("this policy engine cannot watch files: " + getClass().getName());
    }

    /**
     * Compiles the policies of a registry with {@link #compile(List, LoadOptions)}, under the registry's rule of ids.
     *
     * @param entries the sources of each policy, keyed by the file or directory they came from
     * @param options the limits and the clock
     * @return the registry
     * @throws PolicyLoadException listing every problem of every policy, if any has an error or two share an id
     * @deprecated the rule of a registry's ids is the registry's, not an engine's: use
     *             {@link PolicyRegistry#compile(Map, Function)}; this method goes in a later release
     */
    @Deprecated(since = "0.1.0", forRemoval = true)
    default PolicyRegistry compileRegistry(Map<String, List<PolicySource>> entries, LoadOptions options) {
        return PolicyRegistry.compile(entries, sources -> compile(sources, options));
    }

    /**
     * Loads a registry and starts following its directory as one unit, for
     * {@link org.resolutionpolicy.api.PolicyWatch#startRegistry()}.
     *
     * @param request the one directory, how to read every source below it, the watch settings and the load options
     * @param entries groups the sources read by the policy they belong to, as
     *                {@link PolicyRegistry#compile(Map, Function)} takes them
     * @return the live registry, serving what is on disk now
     * @throws PolicyLoadException if any policy has errors now, or two share an id
     * @throws UnsupportedOperationException if this engine cannot watch files
     */
    default LivePolicyRegistry watchRegistry(WatchRequest request,
                                             Function<List<PolicySource>, Map<String, List<PolicySource>>> entries) {
        throw new UnsupportedOperationException("this policy engine cannot watch files: " + getClass().getName());
    }

    /**
     * Starts a shadow: a serving policy with a candidate deciding the same cases off the request path.
     *
     * @param settings the serving policy, the candidate and the shadow's queue and workers
     * @return the running shadow
     * @throws UnsupportedOperationException if this engine cannot run shadows
     */
    default org.resolutionpolicy.api.ShadowPolicy shadow(org.resolutionpolicy.api.ShadowPolicy.Settings settings) {
        throw new UnsupportedOperationException("this policy engine cannot run shadows: " + getClass().getName());
    }

    /**
     * Returns the first engine visible to the class loader of this API. It is looked up on the first call only:
     * every later call returns the same instance, since what a class loader sees does not change.
     *
     * @return the engine
     * @throws PolicyException naming the artifact to add when no engine is on the classpath; on every later call
     *     too, as a new exception with the same message
     */
    static PolicyEngine find() {
        return FoundEngine.get();
    }

    /**
     * Returns the first engine visible to a class loader, looking it up anew on every call.
     *
     * @param loader the class loader whose {@code META-INF/services} (or module layer) is searched
     * @return the engine
     * @throws NullPointerException if loader is null
     * @throws PolicyException naming the artifact to add when no engine is visible
     */
    static PolicyEngine find(ClassLoader loader) {
        Objects.requireNonNull(loader, "loader must not be null");
        try {
            Iterator<PolicyEngine> engines = ServiceLoader.load(PolicyEngine.class, loader).iterator();
            if (engines.hasNext()) {
                return engines.next();
            }
        } catch (ServiceConfigurationError e) {
            throw new PolicyException("the policy engine on the classpath could not be started: " + e.getMessage(), e);
        }
        throw new PolicyException("no policy engine on the classpath: add the artifact [" + ENGINE_ARTIFACT
                + "] as a runtime dependency");
    }
}
