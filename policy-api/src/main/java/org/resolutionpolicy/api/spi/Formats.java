package org.resolutionpolicy.api.spi;

import java.util.Iterator;
import java.util.Objects;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import org.resolutionpolicy.api.CustomerCase;
import org.resolutionpolicy.api.PolicyException;
import org.resolutionpolicy.api.PolicySource;

/**
 * Reads and writes the public formats behind the API's conveniences ({@link org.resolutionpolicy.api.Cases}, the
 * deprecated {@link org.resolutionpolicy.api.Decision#toJson()}); implemented by {@code policy-format} and found
 * with {@link ServiceLoader}. Users call {@code Cases}; tools that read or write formats call the plain classes of
 * {@code policy-format} directly.
 *
 * <p>A value to write is typed {@code Object}, so that the API's values never import this interface back.
 * Implementations are thread-safe and keep no state between calls.
 */
public interface Formats {

    /** The Maven coordinates named when no implementation is found. */
    String ARTIFACT = "org.resolutionpolicy:policy-format";

    /**
     * Reads a case from YAML or JSON text, within the default limits of
     * {@link org.resolutionpolicy.api.LoadOptions}.
     *
     * @param source the case text and its name
     * @return the case
     * @throws org.resolutionpolicy.api.InvalidCaseException naming every malformed field
     */
    CustomerCase readCase(PolicySource source);

    /**
     * Writes a value of the API as the JSON of the policy-format guide, on one line: a
     * {@link org.resolutionpolicy.api.Decision} with its {@code decisionId} first.
     *
     * @param value the value
     * @return the JSON text
     * @throws IllegalArgumentException if the value has no JSON form
     */
    String json(Object value);

    /**
     * Returns the implementation visible to the class loader of this API, looked up on the first call only.
     *
     * @return the formats
     * @throws PolicyException naming the artifact to add when none is on the class path
     */
    static Formats find() {
        return FoundFormats.get();
    }

    /**
     * Returns the first implementation visible to a class loader, looking it up anew.
     *
     * @param loader the class loader whose {@code META-INF/services} (or module layer) is searched
     * @return the formats
     * @throws NullPointerException if loader is null
     * @throws PolicyException naming the artifact to add when none is visible
     */
    static Formats find(ClassLoader loader) {
        Objects.requireNonNull(loader, "loader must not be null");
        try {
            Iterator<Formats> found = ServiceLoader.load(Formats.class, loader).iterator();
            if (found.hasNext()) {
                return found.next();
            }
        } catch (ServiceConfigurationError e) {
            throw new PolicyException("the policy formats on the classpath could not be started: " + e.getMessage(), e);
        }
        throw new PolicyException("no policy formats on the classpath: add the artifact ["
                + PolicyEngine.ENGINE_ARTIFACT + "] as a runtime dependency (it brings [" + ARTIFACT + "])");
    }
}
