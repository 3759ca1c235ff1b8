package org.resolutionpolicy.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.resolutionpolicy.api.Policies;
import org.resolutionpolicy.api.Policy;
import org.resolutionpolicy.api.PolicySource;

/**
 * One load of an example YAML policy from text already in memory (compile only, no file reading), per example.
 * The examples are read from {@code examples/policies} as {@link BenchmarkTable} does: run from the repository root.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class LoadBenchmark {

    @Param({"coffee-shop.yaml", "online-retailer.yaml"})
    public String example;

    List<PolicySource> sources;

    @Setup
    public void setup() {
        Path path = Path.of("examples", "policies", example);
        if (!Files.exists(path)) {
            throw new IllegalStateException("no " + path + ": run from the repository root");
        }
        try {
            sources = List.of(PolicySource.of(path.toString(), Files.readString(path)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Benchmark
    public Policy load() {
        return Policies.compile(sources);
    }
}
