package org.resolutionpolicy.format;

import java.util.Objects;
import org.resolutionpolicy.api.CustomerCase;
import org.resolutionpolicy.api.PolicySource;
import org.resolutionpolicy.format.json.CaseJsonReader;
import org.resolutionpolicy.format.yaml.CaseReader;

/**
 * Reads a case written in YAML or JSON (the case format of the policy-format guide), whichever its text is: JSON
 * through the streaming parser, many times faster than YAML, and with JSON's syntax errors. The same fields, checks
 * and messages either way. Thread-safe.
 */
public final class CaseFormat {

    private CaseFormat() {
    }

    /**
     * Reads a case, held to the default limits of {@link org.resolutionpolicy.api.LoadOptions}.
     *
     * @param source the case text and its name
     * @return the case
     * @throws NullPointerException if source is null
     * @throws org.resolutionpolicy.api.InvalidCaseException naming every malformed field
     */
    public static CustomerCase read(PolicySource source) {
        Objects.requireNonNull(source, "source must not be null");
        return CaseJsonReader.looksLikeJson(source.text()) ? CaseJsonReader.read(source) : CaseReader.read(source);
    }
}
