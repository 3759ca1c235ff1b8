package org.resolutionpolicy.analysis.internal;

/**
 * Says that a part of a policy has no formula: a DRL rule, an expression the linear solver cannot express, or a kind
 * of condition or effect this version of the encoder does not know. Checked, so that no caller forgets it.
 */
public final class NotEncoded extends Exception {

    private static final long serialVersionUID = 1L;

    /** Creates the exception with the reason, said for a policy owner. */
    public NotEncoded(String reason) {
        super(reason, null, false, false);
    }
}
