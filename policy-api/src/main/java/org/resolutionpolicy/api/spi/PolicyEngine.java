package org.resolutionpolicy.api.spi;

import java.io.Writer;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import org.resolutionpolicy.api.CustomerCase;
import org.resolutionpolicy.api.DecisionLog;
import org.resolutionpolicy.api.LivePolicy;
import org.resolutionpolicy.api.Policy;
import org.resolutionpolicy.api.PolicyException;
import org.resolutionpolicy.api.PolicySource;

/**
 * Compiles policy sources and reads cases; implemented by {@code policy-engine} and found with {@link ServiceLoader}.
 *
 * <p>Users call {@link org.resolutionpolicy.api.Policies} and {@link org.resolutionpolicy.api.Cases}, not this.
 * Implementations must be thread-safe and keep no state between calls.
 */
public interface PolicyEngine {

    /** The Maven coordinates named when no engine is found. */
    String ENGINE_ARTIFACT = "org.resolutionpolicy:policy-engine";

    /**
     * Compiles sources into one immutable, thread-safe policy.
     *
     * @throws org.resolutionpolicy.api.PolicyLoadException listing every problem, if there is any error
     */
    Policy compile(List<PolicySource> sources);

    /**
     * Reads a case from YAML or JSON text.
     *
     * @throws org.resolutionpolicy.api.InvalidCaseException naming every malformed field
     */
    CustomerCase readCase(PolicySource source);

    /**
     * Opens a JSON-lines decision log on a file, appending.
     *
     * @throws PolicyException if the file cannot be opened
     */
    DecisionLog openLog(Path file, DecisionLog.Options options);

    /** Opens a JSON-lines decision log on a writer. */
    DecisionLog openLog(Writer writer, DecisionLog.Options options);

    /**
     * Loads a policy and starts watching its files, for {@link org.resolutionpolicy.api.Policies#watch}.
     *
     * @throws org.resolutionpolicy.api.PolicyLoadException if the policy has errors now
     * @throws UnsupportedOperationException if this engine cannot watch files
     */
    default LivePolicy watch(WatchRequest request) {
        throw new UnsupportedOperationException("this policy engine cannot watch files: " + getClass().getName());
    }

    /**
     * Returns the first engine on the classpath.
     *
     * @throws PolicyException naming the artifact to add when no engine is on the classpath
     */
    static PolicyEngine find() {
        return find(PolicyEngine.class.getClassLoader());
    }

    /**
     * Returns the first engine visible to a class loader.
     *
     * @throws PolicyException naming the artifact to add when no engine is visible
     */
    static PolicyEngine find(ClassLoader loader) {
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
