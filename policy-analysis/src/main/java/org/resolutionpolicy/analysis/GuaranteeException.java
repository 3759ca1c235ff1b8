package org.resolutionpolicy.analysis;

import org.resolutionpolicy.api.PolicyException;

/** Reports a guarantee file that cannot be read or a guarantee that does not fit its policy, with the place. */
public class GuaranteeException extends PolicyException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception; the message names the file, line and column. */
    public GuaranteeException(String message) {
        super(message);
    }

    /** Creates the exception with its cause; the message names the file, line and column. */
    public GuaranteeException(String message, Throwable cause) {
        super(message, cause);
    }
}
