package org.resolutionpolicy.benchmarks;

import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.resolutionpolicy.api.CustomerCase;

/** Where each benchmark thread is in a list of 1,024 cases: every call takes the next, round and round. */
@State(Scope.Thread)
public class CaseCursor {

    int next;

    /** Returns the next of 1,024 cases. */
    CustomerCase next(CustomerCase[] cases) {
        return cases[next++ & 1023];
    }
}
