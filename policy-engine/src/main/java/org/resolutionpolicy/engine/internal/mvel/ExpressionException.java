package org.resolutionpolicy.engine.internal.mvel;

/**
 * Reports why an expression was rejected, at which offset of the expression text.
 */
public final class ExpressionException extends Exception {

    private static final long serialVersionUID = 1L;

    private final int offset;
    private final String hint;

    ExpressionException(String message, int offset, String hint) {
        super(message);
        this.offset = offset;
        this.hint = hint;
    }

    /** Returns the 0-based offset in the expression text. */
    public int offset() {
        return offset;
    }

    /** Returns a hint, or null. */
    public String hint() {
        return hint;
    }
}
