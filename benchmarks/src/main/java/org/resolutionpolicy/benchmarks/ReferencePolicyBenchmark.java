package org.resolutionpolicy.benchmarks;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.resolutionpolicy.api.CustomerCase;

/** One decision of a three-proposal case under the 20-rule reference policy, per implementation. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ReferencePolicyBenchmark {

    @Param({"hand-written", "ours-yaml", "ours-drl", "drools-session", "drools-same-drl", "drools-stateless",
        "easy-rules"})
    public String implementation;

    Implementation decider;
    CustomerCase[] cases;

    @Setup
    public void setup() {
        List<CustomerCase> generated = ReferenceCases.generate(1024, 42);
        cases = generated.toArray(new CustomerCase[0]);
        decider = Implementations.create(implementation);
    }

    @Benchmark
    public Verdict[] decide(CaseCursor cursor) {
        return decider.decide(cursor.next(cases));
    }
}
