package org.resolutionpolicy.api;

/**
 * Root of every exception this library throws for bad policies, bad cases and missing engines.
 *
 * <p>Unchecked, so that callers who cannot recover do not have to declare it; callers who can
 * catch the specific subtypes {@link PolicyLoadException} and {@link InvalidCaseException}.
 */
public class PolicyException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception with a message.
     *
     * @param message what went wrong, with the values involved in square brackets
     */
    public PolicyException(String message) {
        super(message);
    }

    /**
     * Creates an exception with a message and a cause.
     *
     * @param message what went wrong, with the values involved in square brackets
     * @param cause the underlying failure
     */
    public PolicyException(String message, Throwable cause) {
        super(message, cause);
    }
}
