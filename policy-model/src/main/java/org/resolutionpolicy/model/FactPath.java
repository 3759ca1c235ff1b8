package org.resolutionpolicy.model;

import java.util.function.Function;

/**
 * Names a fact that conditions can test, with its type and how to read it.
 *
 * <p>{@link #read} returns null when the fact is absent from the case; values are String, BigDecimal,
 * Boolean, Instant, or an Integer rank for severities and roles. The facts most rules test are built in: they
 * are read with a switch rather than through an accessor function, because every condition of every rule reads
 * through here and one shared function call site would be megamorphic.
 *
 * <p>Immutable; two paths are equal only if they are the same object (a catalog makes each path once).
 */
public final class FactPath {

    /** The facts read without an accessor function. */
    enum BuiltIn {
        SEVERITY, CATEGORY, CHANNEL, TIER, ROLE, REMEDY, AMOUNT
    }

    private final String name;
    private final FactType type;
    private final Function<Facts, Object> accessor;
    private final boolean perProposal;
    /** The built-in fact this path reads, or null when it reads through {@link #accessor}. */
    private final BuiltIn builtIn;
    /** How the policy defines it from other facts, or null for a fact of the case. */
    private final Derivation derivation;

    /**
     * Creates a path.
     *
     * @param name the path as written in policies, e.g. {@code customer.tier}
     * @param type its type
     * @param accessor reads it from facts
     * @param perProposal true for {@code remedy} and {@code amount}, which differ per proposal
     */
    public FactPath(String name, FactType type, Function<Facts, Object> accessor, boolean perProposal) {
        this.name = name;
        this.type = type;
        this.accessor = accessor;
        this.perProposal = perProposal;
        this.builtIn = null;
        this.derivation = null;
    }

    /**
     * Creates a path to a fact the policy defines from other facts.
     *
     * @param name the path as written in policies, e.g. {@code tables.band}
     * @param perProposal true if computing it reads {@code remedy} or {@code amount}
     */
    public FactPath(String name, FactType type, Derivation derivation, boolean perProposal) {
        this.name = name;
        this.type = type;
        this.accessor = derivation::value;
        this.perProposal = perProposal;
        this.builtIn = null;
        this.derivation = derivation;
    }

    private FactPath(String name, FactType type, BuiltIn builtIn, boolean perProposal) {
        this.name = name;
        this.type = type;
        this.accessor = this::read;
        this.perProposal = perProposal;
        this.builtIn = builtIn;
        this.derivation = null;
    }

    /** Returns a path to a built-in fact, read directly. */
    static FactPath builtIn(String name, FactType type, BuiltIn fact, boolean perProposal) {
        return new FactPath(name, type, fact, perProposal);
    }

    /** Returns the fact's value, or null when absent. */
    public Object read(Facts facts) {
        if (builtIn == null) {
            return accessor.apply(facts);
        }
        switch (builtIn) {
            case SEVERITY:
                return facts.severityRank();
            case CATEGORY:
                return facts.customerCase().category();
            case CHANNEL:
                return facts.customerCase().channel();
            case TIER:
                return facts.customerCase().customer().tier();
            case ROLE:
                return facts.employeeRank();
            case REMEDY:
                return facts.remedy();
            default:
                return facts.amount();
        }
    }

    /** Returns the path as written in policies. */
    public String name() {
        return name;
    }

    /** Returns its type. */
    public FactType type() {
        return type;
    }

    /** Returns the function that reads it. */
    public Function<Facts, Object> accessor() {
        return accessor;
    }

    /** Returns how the policy defines the fact from other facts, or null for a fact of the case. */
    public Derivation derivation() {
        return derivation;
    }

    /** Returns true for {@code remedy} and {@code amount}, which differ per proposal. */
    public boolean perProposal() {
        return perProposal;
    }

    @Override
    public String toString() {
        return name;
    }
}
