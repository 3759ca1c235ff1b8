package org.resolutionpolicy.api;

import java.nio.file.Path;
import java.util.Objects;
import org.resolutionpolicy.api.spi.Formats;

/**
 * Reads cases written in YAML or JSON (the case format of the policy-format guide).
 *
 * <p>Reading checks the shape of the case (known fields, value types, valid dates); whether the case fits a
 * particular policy (its severities, roles, remedies, attributes) is checked by {@link Policy#decide}. A case is
 * held to the default limits of {@link LoadOptions}.
 */
public final class Cases {

    private Cases() {
    }

    /**
     * Reads a case from a YAML or JSON file.
     *
     * @param file the case file
     * @return the case
     * @throws NullPointerException if file is null
     * @throws InvalidCaseException if the case is malformed, naming every offending field
     * @throws PolicyException if the file cannot be read or {@code policy-format} is not on the classpath
     */
    public static CustomerCase load(Path file) {
        return Formats.find().readCase(Sources.read(Objects.requireNonNull(file, "file must not be null")));
    }

    /**
     * Reads a case from YAML or JSON text.
     *
     * @param text the case text
     * @return the case
     * @throws NullPointerException if text is null
     * @throws InvalidCaseException if the case is malformed, naming every offending field
     * @throws PolicyException if {@code policy-format} is not on the classpath
     */
    public static CustomerCase parse(String text) {
        return Formats.find().readCase(PolicySource.of("<string>", Objects.requireNonNull(text, "text must not be null")));
    }
}
