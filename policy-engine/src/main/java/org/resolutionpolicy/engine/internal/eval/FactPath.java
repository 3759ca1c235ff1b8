package org.resolutionpolicy.engine.internal.eval;

import java.util.function.Function;

/**
 * Names a fact that conditions can test, with its type and how to read it.
 *
 * <p>{@link #read} returns null when the fact is absent from the case; values are String, BigDecimal,
 * Boolean, Instant, or an Integer rank for severities and roles. The facts most rules test are read directly
 * rather than through the accessor function: every condition of every rule reads through here.
 *
 * <p>Immutable; two paths are equal only if they are the same object (a catalog makes each path once).
 */
public final class FactPath {

    private static final int OTHER = 0;
    private static final int SEVERITY = 1;
    private static final int CATEGORY = 2;
    private static final int CHANNEL = 3;
    private static final int TIER = 4;
    private static final int ROLE = 5;
    private static final int REMEDY = 6;
    private static final int AMOUNT = 7;

    private final String name;
    private final FactType type;
    private final Function<Facts, Object> accessor;
    private final boolean perProposal;
    private final int direct;

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
        this.direct = direct(name);
    }

    private static int direct(String name) {
        switch (name) {
            case "severity":
                return SEVERITY;
            case "category":
                return CATEGORY;
            case "channel":
                return CHANNEL;
            case "customer.tier":
                return TIER;
            case "employee.role":
                return ROLE;
            case "remedy":
                return REMEDY;
            case "amount":
                return AMOUNT;
            default:
                return OTHER;
        }
    }

    /** Returns the fact's value, or null when absent. */
    public Object read(Facts facts) {
        switch (direct) {
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
            default:
                return accessor.apply(facts);
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

    /** Returns true for {@code remedy} and {@code amount}, which differ per proposal. */
    public boolean perProposal() {
        return perProposal;
    }

    @Override
    public String toString() {
        return name;
    }
}
