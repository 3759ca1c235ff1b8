package org.resolutionpolicy.api;

import java.util.Locale;
import java.util.Objects;

/**
 * States what lies beyond a limit: nothing (the limit is unlimited), a higher role that approves, the SWAT team, or a
 * denial. The one type for it: a policy's {@code beyondAuthority}, what lies beyond each role's limit in the
 * {@link AuthorityTable}, and what {@code beyondAuthority} made of a proposal in an {@link Explanation}.
 *
 * <p>Immutable.
 *
 * @param kind what happens
 * @param role for {@link Kind#ESCALATE}, the approving role; otherwise null
 * @param team for {@link Kind#SWAT}, the SWAT team when the policy names one; otherwise null
 */
public record Beyond(Kind kind, String role, String team) {

    /** The kinds of what lies beyond a limit. */
    public enum Kind {
        /** Nothing: the limit is unlimited. */
        NOTHING,
        /** A higher role approves. */
        ESCALATE,
        /** The SWAT team takes it. */
        SWAT,
        /** Nobody may grant more: it is denied. */
        DENY
    }

    private static final Beyond NOTHING = new Beyond(Kind.NOTHING, null, null);
    private static final Beyond DENY = new Beyond(Kind.DENY, null, null);

    /**
     * Creates what lies beyond a limit.
     *
     * @throws NullPointerException if kind is null, or role is null for ESCALATE
     * @throws IllegalArgumentException if a role is given for anything but ESCALATE, or a team for anything but SWAT
     */
    public Beyond {
        Objects.requireNonNull(kind, "kind must not be null");
        if (kind == Kind.ESCALATE) {
            Objects.requireNonNull(role, "role must not be null for ESCALATE");
        } else if (role != null) {
            throw new IllegalArgumentException("only ESCALATE names a role, not " + kind + ": [" + role + "]");
        }
        if (kind != Kind.SWAT && team != null) {
            throw new IllegalArgumentException("only SWAT names a team, not " + kind + ": [" + team + "]");
        }
    }

    /** Returns the beyond of an unlimited limit. */
    public static Beyond nothing() {
        return NOTHING;
    }

    /** Returns a denial: nobody may grant more. */
    public static Beyond deny() {
        return DENY;
    }

    /**
     * Returns an escalation to a role.
     *
     * @throws NullPointerException if role is null
     */
    public static Beyond escalate(String role) {
        return new Beyond(Kind.ESCALATE, role, null);
    }

    /** Returns the SWAT team, named or (with null) not. */
    public static Beyond swat(String team) {
        return new Beyond(Kind.SWAT, null, team);
    }

    /**
     * Returns it as a policy's {@code beyondAuthority} writes it: {@code deny}, {@code swat} or the role; and
     * {@code nothing} for an unlimited limit.
     */
    public String asWritten() {
        return kind == Kind.ESCALATE ? role : kind.name().toLowerCase(Locale.ROOT);
    }

    /** Returns the words a table shows: {@code ESCALATE to shift-lead}, {@code SWAT (team)}, {@code DENIED}, {@code no limit}. */
    @Override
    public String toString() {
        return switch (kind) {
            case NOTHING -> "no limit";
            case ESCALATE -> "ESCALATE to " + role;
            case SWAT -> team == null ? "SWAT" : "SWAT (" + team + ")";
            case DENY -> "DENIED";
        };
    }
}
