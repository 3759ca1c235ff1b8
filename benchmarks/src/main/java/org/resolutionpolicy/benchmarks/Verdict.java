package org.resolutionpolicy.benchmarks;

import org.resolutionpolicy.api.Outcome;

/**
 * The outcome of one proposal as every implementation can state it: the kind and, for an escalation, the approver.
 *
 * @param kind ALONE, ESCALATE, SWAT or DENIED
 * @param approver for ESCALATE, the approver; otherwise null
 */
record Verdict(String kind, String approver) {

    static final Verdict ALONE = new Verdict("ALONE", null);
    static final Verdict SWAT = new Verdict("SWAT", null);
    static final Verdict DENIED = new Verdict("DENIED", null);
    private static final Verdict[] ESCALATIONS = new Verdict[Lattice.ROLES.length];

    static {
        for (int i = 0; i < ESCALATIONS.length; i++) {
            ESCALATIONS[i] = new Verdict("ESCALATE", Lattice.ROLES[i]);
        }
    }

    static Verdict escalate(String role) {
        return ESCALATIONS[java.util.Arrays.asList(Lattice.ROLES).indexOf(role)];
    }

    static Verdict of(Outcome o) {
        return o.kind() == Outcome.Kind.ESCALATE ? escalate(o.approver()) : new Verdict(o.kind().name(), null);
    }
}
