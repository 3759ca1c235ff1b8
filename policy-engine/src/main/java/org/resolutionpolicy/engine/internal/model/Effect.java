package org.resolutionpolicy.engine.internal.model;

import org.resolutionpolicy.api.Limit;

/**
 * States what a matching rule does to an outcome; every effect only ever makes an outcome stricter,
 * except {@code GRANT}, which widens one role's per-grant limit.
 *
 * @param kind the kind of effect
 * @param role for REQUIRE and GRANT, the role's rank on the ladder; otherwise -1
 * @param upTo for GRANT, the raised per-grant limit; otherwise null
 */
public record Effect(Kind kind, int role, Limit upTo) {

    /** The kinds of effect. */
    public enum Kind {
        /** Only a follow-up. */
        NONE,
        /** {@code deny: true}. */
        DENY,
        /** {@code route: swat}. */
        SWAT,
        /** {@code require: <role>}. */
        REQUIRE,
        /** {@code grant: {role, upTo}}. */
        GRANT
    }

    /** The effect of a follow-up-only rule. */
    public static final Effect NONE = new Effect(Kind.NONE, -1, null);
    /** The deny effect. */
    public static final Effect DENY = new Effect(Kind.DENY, -1, null);
    /** The route-to-SWAT effect. */
    public static final Effect SWAT = new Effect(Kind.SWAT, -1, null);

    /** Returns a require effect. */
    public static Effect require(int role) {
        return new Effect(Kind.REQUIRE, role, null);
    }

    /** Returns a grant effect. */
    public static Effect grant(int role, Limit upTo) {
        return new Effect(Kind.GRANT, role, upTo);
    }
}
