package org.resolutionpolicy.model;

import java.math.BigDecimal;
import java.util.function.Function;
import org.resolutionpolicy.api.CustomerCase;

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

    /** The facts read without an accessor function: every fact of the case model, and the attributes. */
    enum BuiltIn {
        SEVERITY, CATEGORY, CHANNEL, TIER, ROLE, REMEDY, AMOUNT, TOTAL, COUNT, OPENED_AT, CUSTOMER_ID, LIFETIME_VALUE, HISTORY,
        OUT_OF_POCKET, AFFECTED_CUSTOMERS, SOCIAL_REACH, LEGAL_THREAT, SAFETY_ISSUE, REGULATOR_INVOLVED, EMPLOYEE_ID,
        ATTRIBUTE
    }

    private final String name;
    private final FactType type;
    private final Function<Facts, Object> accessor;
    private final boolean perProposal;
    /** The built-in fact this path reads, or null when it reads through {@link #accessor}. */
    private final BuiltIn builtIn;
    /** How the policy defines it from other facts, or null for a fact of the case. */
    private final Derivation derivation;
    /** The attribute's name, for {@link BuiltIn#ATTRIBUTE}; otherwise null. */
    private final String attribute;

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
        this.attribute = null;
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
        this.attribute = null;
    }

    private FactPath(String name, FactType type, BuiltIn builtIn, String attribute, boolean perProposal) {
        this.name = name;
        this.type = type;
        this.accessor = this::read;
        this.perProposal = perProposal;
        this.builtIn = builtIn;
        this.derivation = null;
        this.attribute = attribute;
    }

    /** Returns a path to a built-in fact, read directly. */
    static FactPath builtIn(String name, FactType type, BuiltIn fact, boolean perProposal) {
        return new FactPath(name, type, fact, null, perProposal);
    }

    /** Returns a path to a declared attribute of the case, read directly. */
    static FactPath attribute(String name, FactType type, String attribute) {
        return new FactPath(name, type, BuiltIn.ATTRIBUTE, attribute, false);
    }

    /** Returns the fact's value, or null when absent. */
    public Object read(Facts facts) {
        if (builtIn == null) {
            return accessor.apply(facts);
        }
        // one switch for every fact of the case model: a function per fact made this call site megamorphic, and
        // reading facts was the largest part of a decision
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
            case AMOUNT:
                return facts.amount();
            case TOTAL:
                return facts.total();
            case COUNT:
                return facts.count();
            case ATTRIBUTE:
                return facts.attribute(attribute);
            default:
                return readCase(facts.customerCase());
        }
    }

    /**
     * Returns the rank of a severity or role fact without boxing it, or -1 when absent.
     *
     * @throws ClassCastException if the fact is not a severity or a role
     */
    public int readRank(Facts facts) {
        if (builtIn == BuiltIn.SEVERITY) {
            return facts.severityRank();
        }
        if (builtIn == BuiltIn.ROLE) {
            return facts.employeeRank();
        }
        Object rank = read(facts);
        return rank == null ? -1 : (Integer) rank;
    }

    /** Reads one of the less used facts of the case model. */
    private Object readCase(CustomerCase c) {
        switch (builtIn) {
            case OPENED_AT:
                return c.openedAt();
            case CUSTOMER_ID:
                return c.customer().id();
            case LIFETIME_VALUE:
                return c.customer().lifetimeValue();
            case HISTORY:
                return c.customer().history().isEmpty() ? null : c.customer().history();
            case OUT_OF_POCKET:
                return c.impact().outOfPocket();
            case AFFECTED_CUSTOMERS:
                return number(c.impact().affectedCustomers());
            case SOCIAL_REACH:
                return number(c.impact().socialReach());
            case LEGAL_THREAT:
                return c.impact().legalThreat();
            case SAFETY_ISSUE:
                return c.impact().safetyIssue();
            case REGULATOR_INVOLVED:
                return c.impact().regulatorInvolved();
            case EMPLOYEE_ID:
                return c.employee().id();
            default:
                throw new IllegalStateException("fact " + builtIn);
        }
    }

    private static BigDecimal number(Long value) {
        return value == null ? null : BigDecimal.valueOf(value);
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
