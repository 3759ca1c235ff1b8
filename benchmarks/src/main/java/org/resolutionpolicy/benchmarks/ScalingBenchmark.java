package org.resolutionpolicy.benchmarks;

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
import org.resolutionpolicy.api.Decision;
import org.resolutionpolicy.api.Policies;
import org.resolutionpolicy.api.Policy;

/** One decision of a three-proposal case under generated YAML policies of growing size. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ScalingBenchmark {

    @Param({"10", "100", "1000", "10000"})
    public int rules;

    Policy policy;
    CustomerCase[] cases;

    @Setup
    public void setup() {
        policy = Policies.compile(GeneratedPolicies.sources(rules));
        cases = ReferenceCases.generate(1024, 7).toArray(new CustomerCase[0]);
    }

    @Benchmark
    public Decision decide(CaseCursor cursor) {
        return policy.decide(cursor.next(cases));
    }
}
