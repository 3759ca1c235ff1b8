package org.resolutionpolicy.api;

import java.util.List;
import java.util.Objects;

/**
 * States what an employee may do with one proposal: grant it alone, escalate it, hand it to SWAT, or not at all.
 *
 * <p>Outcomes form a lattice: {@code ALONE < ESCALATE(role) < SWAT}, with {@code DENIED} overriding.
 *
 * @param kind the kind of outcome
 * <p>An escalation names its {@link #approver()}: the lowest role that may approve, and, under a dual approval
 * ({@code require: [director, finance]}), the highest of the roles that must each sign off; {@link #approvers()}
 * lists them all, highest first.
 *
 * @param kind the kind of outcome
 * @param approver for {@link Kind#ESCALATE}, the lowest role that may approve (the first of {@code approvers});
 *                 otherwise {@code null}
 * @param team for {@link Kind#SWAT}, the team it goes to; otherwise {@code null}
 * @param approvers for {@link Kind#ESCALATE}, every role that must sign off, highest on the ladder first (one for
 *                  an ordinary escalation); otherwise empty
 */
public record Outcome(Kind kind, String approver, String team, List<String> approvers) {

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
     * Creates an outcome with at most one approver.
     *
     * @throws NullPointerException if kind is null, or if an escalation has no approver or SWAT no team
     * @throws IllegalArgumentException if an approver or team is given to a kind that has none
     */
    public Outcome(Kind kind, String approver, String team) {
        this(kind, approver, team, null);
    }

    /**
     * Creates an outcome, checking that approver and team go with the kind.
     *
     * @throws NullPointerException if kind is null, or if an escalation has no approver or SWAT no team
     * @throws IllegalArgumentException if an approver or team is given to a kind that has none, or if the approvers
     *                                  of an escalation do not start with its approver or name a role twice
     */
    public Outcome {
        Objects.requireNonNull(kind, "kind must not be null");
        if (kind == Kind.ESCALATE) {
            Objects.requireNonNull(approver, "an escalation needs an approver");
            approvers = approvers == null || approvers.isEmpty() ? List.of(approver) : List.copyOf(approvers);
            if (!approvers.get(0).equals(approver)) {
                throw new IllegalArgumentException("the approvers " + approvers + " must start with the approver ["
                        + approver + "]");
            }
            if (approvers.stream().distinct().count() < approvers.size()) {
                throw new IllegalArgumentException("the approvers " + approvers + " name a role twice");
            }
        } else if (approver != null) {
            throw new IllegalArgumentException("only an escalation has an approver, not " + kind);
        } else if (approvers != null && !approvers.isEmpty()) {
            throw new IllegalArgumentException("only an escalation has approvers, not " + kind);
        } else {
            approvers = List.of();
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

    /**
     * Returns the outcome "escalate to every one of these roles": a dual approval, each signing off apart.
     *
     * @param approvers the roles, highest on the ladder first
     * @throws IllegalArgumentException if there are none, or one is named twice
     * @throws NullPointerException if approvers or one of them is null
     */
    public static Outcome escalate(List<String> approvers) {
        if (approvers.isEmpty()) {
            throw new IllegalArgumentException("an escalation needs an approver");
        }
        return new Outcome(Kind.ESCALATE, approvers.get(0), null, approvers);
    }

    /** Returns true if this escalation needs more than one role to sign off. */
    public boolean isDualApproval() {
        return approvers.size() > 1;
    }

    /** Returns the outcome "route to this SWAT team". */
    public static Outcome swat(String team) {
        return new Outcome(Kind.SWAT, null, team);
    }

    /** Returns the outcome "the policy forbids it". */
    public static Outcome denied() {
        return DENIED;
    }

    /**
     * Returns {@code ALONE}, {@code ESCALATE to <role>} ({@code ESCALATE to director and finance} for a dual
     * approval), {@code SWAT (<team>)} or {@code DENIED}.
     */
    @Override
    public String toString() {
        switch (kind) {
            case ESCALATE:
                return "ESCALATE to " + String.join(" and ", approvers);
            case SWAT:
                return "SWAT (" + team + ")";
            default:
                return kind.name();
        }
    }
}
