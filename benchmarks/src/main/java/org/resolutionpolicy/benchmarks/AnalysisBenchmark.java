package org.resolutionpolicy.benchmarks;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.resolutionpolicy.analysis.Analysis;
import org.resolutionpolicy.analysis.Report;
import org.resolutionpolicy.api.Policies;
import org.resolutionpolicy.api.Policy;

/**
 * The full analysis ({@code policy analyze}: every finding, one solver context) of the example policies and of
 * generated policies of 20, 200 and 2,000 rules ({@link GeneratedPolicies}). Target: 200 rules in under 2 s.
 * One analysis takes seconds, so the runs are few: {@code java -cp benchmarks.jar org.openjdk.jmh.Main
 * AnalysisBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(1)
public class AnalysisBenchmark {

    @Param({"coffee-shop", "online-retailer", "eu261", "20", "200", "2000"})
    public String policy;

    Policy compiled;

    @Setup
    public void setup() {
        compiled = Character.isDigit(policy.charAt(0))
                ? Policies.compile(GeneratedPolicies.sources(Integer.parseInt(policy)))
                : Policies.load(Examples.find(policy + ".yaml"));
    }

    @Benchmark
    public Report analyse() {
        return Analysis.of(compiled).findings();
    }
}
