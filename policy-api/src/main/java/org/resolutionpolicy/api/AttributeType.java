package org.resolutionpolicy.api;

import java.util.Locale;

/** Lists the types a policy can declare for its case attributes under {@code attributes:}. */
public enum AttributeType {
    /** A number (BigDecimal in cases). */
    NUMBER,
    /** Text. */
    STRING,
    /** true or false. */
    BOOLEAN,
    /** A date-time (Instant in cases, ISO-8601 text accepted). */
    DATE;

    /** Returns the lower-case name used in policy files. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
