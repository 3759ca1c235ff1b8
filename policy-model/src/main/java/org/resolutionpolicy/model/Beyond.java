package org.resolutionpolicy.model;

/**
 * What happens to a proposal no role's authority covers ({@code beyondAuthority}).
 *
 * @param kind deny, swat, or a role
 * @param role for ROLE, the role's rank; otherwise -1
 */
public record Beyond(Kind kind, int role) {

    /** The kinds of {@code beyondAuthority}. */
    public enum Kind {
        /** The default: such proposals are denied. */
        DENY,
        /** Such proposals go to the SWAT team. */
        SWAT,
        /** Such proposals need a named role. */
        ROLE
    }

    /** The default. */
    public static final Beyond DENY = new Beyond(Kind.DENY, -1);
}
