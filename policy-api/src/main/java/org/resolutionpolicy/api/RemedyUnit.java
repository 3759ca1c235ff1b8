package org.resolutionpolicy.api;

import java.util.Locale;

/** Lists the units a remedy is measured in, which decide whether a proposal needs an amount. */
public enum RemedyUnit {
    /** An amount of money in the policy's currency; proposals need a non-negative amount. */
    MONEY,
    /** A percentage; proposals need an amount within 0..100. */
    PERCENT,
    /** A number of items; the amount defaults to 1. */
    COUNT,
    /** Nothing to count (an apology, a callback); proposals take no amount. */
    NONE;

    /** Returns the lower-case name used in policy files. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
