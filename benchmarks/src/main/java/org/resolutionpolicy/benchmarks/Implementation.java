package org.resolutionpolicy.benchmarks;

import org.resolutionpolicy.api.CustomerCase;

/** One way of deciding the reference policy. Implementations are thread-safe. */
interface Implementation {

    /** Returns the outcome of each proposal of the case. */
    Verdict[] decide(CustomerCase c);
}
