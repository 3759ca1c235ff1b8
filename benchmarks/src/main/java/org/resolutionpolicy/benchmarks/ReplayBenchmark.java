package org.resolutionpolicy.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.resolutionpolicy.api.Policies;
import org.resolutionpolicy.api.Policy;
import org.resolutionpolicy.examples.SampleHistory;
import org.resolutionpolicy.replay.Diff;
import org.resolutionpolicy.replay.DiffReport;
import org.resolutionpolicy.replay.History;
import org.resolutionpolicy.replay.Replay;
import org.resolutionpolicy.replay.ReplayReport;

/**
 * Replay throughput in cases per second: the coffee-shop policy over a generated, gzip-compressed history of
 * {@value #CASES} cases on every core ({@code replay}), and the example edit against it ({@code diff}, both policies
 * per case). One operation is one case. The target (QUALITY.md): 1,000,000 cases in under 10 s on two cores for a
 * replay, under 20 s for a diff, memory flat in the history's length. Run from the repository root:
 * {@code java -cp benchmarks/target/benchmarks.jar org.openjdk.jmh.Main ReplayBenchmark -prof gc}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
public class ReplayBenchmark {

    /** The history's length; one replay of it is one invocation of {@value} operations. */
    static final int CASES = 100_000;

    Path dir;
    History history;
    Policy current;
    Policy edited;

    @Setup(Level.Trial)
    public void setup() throws IOException {
        Path policy = Path.of("examples", "policies", "coffee-shop.yaml");
        if (!Files.exists(policy)) {
            throw new IllegalStateException("no " + policy + ": run from the repository root");
        }
        current = Policies.load(policy);
        edited = Policies.load(Path.of("examples", "edits", "coffee-shop-2026.12.yaml"));
        dir = Files.createTempDirectory("replay-benchmark");
        Path file = dir.resolve("history.jsonl.gz");
        SampleHistory.write(current, CASES, 14, file);
        history = History.of(file);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        try {
            Files.deleteIfExists(dir.resolve("history.jsonl.gz"));
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Benchmark
    @OperationsPerInvocation(CASES)
    public ReplayReport replay() {
        return Replay.of(current).run(history);
    }

    @Benchmark
    @OperationsPerInvocation(CASES)
    public DiffReport diff() {
        return Diff.of(current, edited).run(history);
    }
}
