package org.resolutionpolicy.api.spi;

import org.resolutionpolicy.api.PolicyException;

/** Holds the formats {@link Formats#find()} returns, looked up once, as {@link FoundEngine} holds the engine. */
final class FoundFormats {

    /** Either the formats or the failure of the lookup; set once, never changed. */
    private static final Object FOUND = lookUp();

    private FoundFormats() {
    }

    static Formats get() {
        if (FOUND instanceof Formats formats) {
            return formats;
        }
        PolicyException failure = (PolicyException) FOUND;
        throw new PolicyException(failure.getMessage(), failure.getCause());
    }

    private static Object lookUp() {
        try {
            return Formats.find(Formats.class.getClassLoader());
        } catch (PolicyException e) {
            return e;
        }
    }
}
