package org.resolutionpolicy.engine.internal.model;

import org.resolutionpolicy.api.Limit;

/**
 * States what a matching rule does to an outcome; every effect only ever makes an outcome stricter,
 * except {@code GRANT}, which widens one role's per-grant limit.
 *
 * @param kind the kind of effect
 * @param role for REQUIRE and GRANT, the role's rank on the ladder; otherwise -1
 * @param upTo for GRANT, the raised per-grant limit; otherwise null (and null when {@code computed} gives it)
 * @param computed for GRANT, the raised per-grant limit computed from the case's facts; otherwise null
 * @param entitlement for GRANT, true when the rule states what the customer is entitled to ({@code entitled:}):
 *                    a grant to every role of the computed amount, reported in the decision
 */
public record Effect(Kind kind, int role, Limit upTo, ComputedAmount computed, boolean entitlement) {

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

    /** Creates an effect whose amount, if any, is a constant. */
    public Effect(Kind kind, int role, Limit upTo) {
        this(kind, role, upTo, null, false);
    }

    /** Returns a grant effect whose limit is computed from the case's facts. */
    public static Effect grant(int role, ComputedAmount upTo) {
        return new Effect(Kind.GRANT, role, null, upTo, false);
    }

    /**
     * Returns the effect of {@code entitled:}: the customer is entitled to the computed amount, so every role (the
     * lowest, inherited up the ladder) may grant up to it.
     */
    public static Effect entitled(ComputedAmount amount) {
        return new Effect(Kind.GRANT, 0, null, amount, true);
    }

    /** Returns the raised per-grant limit of a GRANT in a case: the constant, or the computed amount. */
    public Limit upTo(Facts facts) {
        return computed == null ? upTo : computed.limit(facts);
    }

    /** Returns a require effect. */
    public static Effect require(int role) {
        return new Effect(Kind.REQUIRE, role, null);
    }

    /** Returns a grant effect. */
    public static Effect grant(int role, Limit upTo) {
        return new Effect(Kind.GRANT, role, upTo);
    }
}
