package org.resolutionpolicy.api;

import java.util.Objects;

/**
 * States what an employee may do with one proposal: grant it alone, escalate it, hand it to SWAT, or not at all.
 *
 * <p>Outcomes form a lattice: {@code ALONE < ESCALATE(role) < SWAT}, with {@code DENIED} overriding.
 *
 * @param kind the kind of outcome
 * @param approver for {@link Kind#ESCALATE}, the lowest role that may approve; otherwise {@code null}
 * @param team for {@link Kind#SWAT}, the team it goes to; otherwise {@code null}
 */
public record Outcome(Kind kind, String approver, String team) {

    /** The kinds of outcome, as written in JSON and scenario files. */
    public enum Kind {
        /** The employee may grant it now. */
        ALONE,
        /** A higher role must approve it. */
        ESCALATE,
        /** The SWAT team takes over. */
        SWAT,
        /** The policy forbids it. */
        DENIED
    }

    private static final Outcome ALONE = new Outcome(Kind.ALONE, null, null);
    private static final Outcome DENIED = new Outcome(Kind.DENIED, null, null);

    /**
     * Creates an outcome, checking that approver and team go with the kind.
     *
     * @throws NullPointerException if kind is null, or if an escalation has no approver or SWAT no team
     * @throws IllegalArgumentException if an approver or team is given to a kind that has none
     */
    public Outcome {
        Objects.requireNonNull(kind, "kind must not be null");
        if (kind == Kind.ESCALATE) {
            Objects.requireNonNull(approver, "an escalation needs an approver");
        } else if (approver != null) {
            throw new IllegalArgumentException("only an escalation has an approver, not " + kind);
        }
        if (kind == Kind.SWAT) {
            Objects.requireNonNull(team, "a SWAT outcome needs a team");
        } else if (team != null) {
            throw new IllegalArgumentException("only a SWAT outcome has a team, not " + kind);
        }
    }

    /** Returns the outcome "the employee may grant it alone". */
    public static Outcome alone() {
        return ALONE;
    }

    /** Returns the outcome "escalate to this role". */
    public static Outcome escalate(String approver) {
        return new Outcome(Kind.ESCALATE, approver, null);
    }

    /** Returns the outcome "route to this SWAT team". */
    public static Outcome swat(String team) {
        return new Outcome(Kind.SWAT, null, team);
    }

    /** Returns the outcome "the policy forbids it". */
    public static Outcome denied() {
        return DENIED;
    }

    /** Returns {@code ALONE}, {@code ESCALATE to <role>}, {@code SWAT (<team>)} or {@code DENIED}. */
    @Override
    public String toString() {
        switch (kind) {
            case ESCALATE:
                return "ESCALATE to " + approver;
            case SWAT:
                return "SWAT (" + team + ")";
            default:
                return kind.name();
        }
    }
}
