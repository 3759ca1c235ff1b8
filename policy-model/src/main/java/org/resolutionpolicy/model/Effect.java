package org.resolutionpolicy.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import org.resolutionpolicy.api.Limit;

/**
 * States what a matching rule does to an outcome; every effect only ever makes an outcome stricter,
 * except {@code GRANT}, which widens one role's per-grant limit.
 *
 * @param kind the kind of effect
 * @param role for REQUIRE, the highest role it names, and for GRANT, the role; by rank on the ladder; otherwise -1
 * @param upTo for GRANT, the raised per-grant limit: fixed, or {@linkplain Limit#computed computed} when
 *             {@code computed} gives its value in each case; otherwise null
 * @param approvers for REQUIRE, every role it names by rank, highest first: one for {@code require: <role>}, more
 *                  for a dual approval ({@code require: [director, finance]}), where each must sign off; otherwise
 *                  empty
 * @param computed for GRANT, the raised per-grant limit computed from the case's facts; otherwise null
 * @param entitlement for GRANT, true when the rule states what the customer is entitled to ({@code entitled:}):
 *                    a grant to every role of the computed amount, reported in the decision
 */
public record Effect(Kind kind, int role, Limit upTo, List<Integer> approvers, ComputedAmount computed,
                     boolean entitlement) {

    /** The kinds of effect. */
    public enum Kind {
        /** Only a follow-up. */
        NONE,
        /** {@code deny: true}. */
        DENY,
        /** {@code route: swat}. */
        SWAT,
        /** {@code require: <role>} or {@code require: [<role>, ...]}. */
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

    /**
     * Creates an effect, copying the approvers.
     *
     * @throws IllegalArgumentException if a computed limit comes without its computation, or the other way round
     */
    public Effect {
        approvers = approvers == null ? List.of() : List.copyOf(approvers);
        if (computed != null && upTo == null) {
            upTo = Limit.computed(computed.text());
        }
        if (upTo != null && upTo.isComputed() != (computed != null)) {
            throw new IllegalArgumentException("a computed limit comes with its computation, and only it: [" + upTo
                    + "]");
        }
    }

    /** Creates an effect whose amount, if any, is a constant. */
    public Effect(Kind kind, int role, Limit upTo, List<Integer> approvers) {
        this(kind, role, upTo, approvers, null, false);
    }

    /** Creates an effect that names no approvers beside its role and whose amount, if any, is a constant. */
    public Effect(Kind kind, int role, Limit upTo) {
        this(kind, role, upTo, kind == Kind.REQUIRE ? List.of(role) : List.of());
    }

    /** Creates an effect that names no approvers beside its role: anything but a REQUIRE. */
    public Effect(Kind kind, int role, Limit upTo, ComputedAmount computed, boolean entitlement) {
        this(kind, role, upTo, kind == Kind.REQUIRE ? List.of(role) : List.of(), computed, entitlement);
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
        return computed == null ? upTo : computed.limit(facts, entitlement ? "entitlement" : "limit");
    }

    /** Returns a require effect of one role. */
    public static Effect require(int role) {
        return new Effect(Kind.REQUIRE, role, null);
    }

    /**
     * Returns a require effect of every role given (a dual approval when there are several), each named once.
     *
     * @throws IllegalArgumentException if no role is given
     */
    public static Effect require(Collection<Integer> roles) {
        if (roles.isEmpty()) {
            throw new IllegalArgumentException("a require names at least one role");
        }
        List<Integer> highestFirst = new ArrayList<>(new TreeSet<>(roles).descendingSet());
        return new Effect(Kind.REQUIRE, highestFirst.get(0), null, highestFirst);
    }

    /** Returns a grant effect. */
    public static Effect grant(int role, Limit upTo) {
        return new Effect(Kind.GRANT, role, upTo);
    }

    /** Returns true if this effect asks several roles to sign off, each apart. */
    public boolean dualApproval() {
        return approvers.size() > 1;
    }
}
