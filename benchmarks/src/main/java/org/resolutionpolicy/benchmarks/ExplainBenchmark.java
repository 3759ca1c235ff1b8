package org.resolutionpolicy.benchmarks;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.resolutionpolicy.api.CustomerCase;
import org.resolutionpolicy.api.Decision;
import org.resolutionpolicy.api.Explanation;
import org.resolutionpolicy.api.Policies;
import org.resolutionpolicy.api.Policy;

/**
 * One explanation of a three-proposal case under the 20-rule reference policy (YAML), with one decision of the
 * same cases as the baseline: what {@link Policy#explain} costs on top of {@link Policy#decide}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ExplainBenchmark {

    Policy policy;
    CustomerCase[] cases;

    @Setup
    public void setup() {
        policy = Policies.fromClasspath("reference/reference-policy.yaml");
        cases = ReferenceCases.generate(1024, 42).toArray(new CustomerCase[0]);
    }

    @Benchmark
    public Decision decide(CaseCursor cursor) {
        return policy.decide(cursor.next(cases));
    }

    @Benchmark
    public Explanation explain(CaseCursor cursor) {
        return policy.explain(cursor.next(cases));
    }
}
