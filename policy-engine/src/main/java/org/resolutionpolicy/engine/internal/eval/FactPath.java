package org.resolutionpolicy.engine.internal.eval;

import java.util.function.Function;

/**
 * Names a fact that conditions can test, with its type and how to read it.
 *
 * <p>{@link #read} returns null when the fact is absent from the case; values are String, BigDecimal,
 * Boolean, Instant, or an Integer rank for severities and roles.
 *
 * @param name the path as written in policies, e.g. {@code customer.tier}
 * @param type its type
 * @param accessor reads it from facts
 * @param perProposal true for {@code remedy} and {@code amount}, which differ per proposal
 */
public record FactPath(String name, FactType type, Function<Facts, Object> accessor, boolean perProposal) {

    /** Returns the fact's value, or null when absent. */
    public Object read(Facts facts) {
        return accessor.apply(facts);
    }
}
