package org.resolutionpolicy.api.spi;

import org.resolutionpolicy.api.PolicyException;

/**
 * Holds the engine {@link PolicyEngine#find()} returns, looked up once.
 *
 * <p>The lookup runs when this class is first used, so the JVM's class initialisation makes it lazy and
 * thread-safe without a lock on later calls (the initialization-on-demand holder idiom). A failed lookup is kept
 * too: a class loader that sees no engine now will not see one later, and {@link java.util.ServiceLoader} would only repeat
 * the scan. It is thrown as a new exception on each call, so the stack trace shows the caller.
 */
final class FoundEngine {

    /** Either the engine or the failure of the lookup; set once, never changed. */
    private static final Object FOUND = lookUp();

    private FoundEngine() {
    }

    static PolicyEngine get() {
        if (FOUND instanceof PolicyEngine engine) {
            return engine;
        }
        PolicyException failure = (PolicyException) FOUND;
        throw new PolicyException(failure.getMessage(), failure.getCause());
    }

    private static Object lookUp() {
        try {
            return PolicyEngine.find(PolicyEngine.class.getClassLoader());
        } catch (PolicyException e) {
            return e;
        }
    }
}
