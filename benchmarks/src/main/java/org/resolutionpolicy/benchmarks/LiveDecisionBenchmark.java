package org.resolutionpolicy.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
import org.openjdk.jmh.annotations.TearDown;
import org.resolutionpolicy.api.CustomerCase;
import org.resolutionpolicy.api.Decision;
import org.resolutionpolicy.api.LivePolicy;
import org.resolutionpolicy.api.Policies;
import org.resolutionpolicy.api.Policy;

/**
 * One decision of a three-proposal case under the 20-rule reference policy, through the plain compiled policy
 * ({@code plain}, as {@code ours-yaml} in {@link ReferencePolicyBenchmark}) and through a {@link LivePolicy} watching
 * a temporary copy of the same YAML file ({@code live}, default debounce and polling: its watcher thread runs).
 * The target is live at most 5% slower than plain.
 *
 * <p>Run from anywhere after {@code mvn -B -Pbenchmarks -pl benchmarks -am package -DskipTests}:
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar org.openjdk.jmh.Main LiveDecisionBenchmark -f 3 -wi 3 -i 5 -w 1s -r 2s -prof gc
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class LiveDecisionBenchmark {

    private static final String RESOURCE = "reference/reference-policy.yaml";

    @Param({"plain", "live"})
    public String policy;

    Policy decider;
    CustomerCase[] cases;
    private LivePolicy live;
    private Path copy;

    /** Where each thread is in the case list. */
    @State(Scope.Thread)
    public static class Cursor {
        int next;
    }

    /**
     * Loads the policy the parameter names and checks that it decides the cases as the plain policy does.
     *
     * @throws IOException if the temporary copy cannot be written
     */
    @Setup
    public void setup() throws IOException {
        List<CustomerCase> generated = ReferenceCases.generate(1024, 42);
        cases = generated.toArray(new CustomerCase[0]);
        Policy plain = Policies.fromClasspath(RESOURCE);
        if ("live".equals(policy)) {
            copy = Files.createTempDirectory("rp-live-bench-").resolve("reference-policy.yaml");
            Files.writeString(copy, Resources.text(RESOURCE), StandardCharsets.UTF_8);
            live = Policies.watch(copy).start();
            decider = live;
        } else {
            decider = plain;
        }
        for (CustomerCase c : cases) {
            if (!outcomes(decider.decide(c)).equals(outcomes(plain.decide(c)))) {
                throw new IllegalStateException("[" + policy + "] decides case [" + c.id() + "] unlike the plain policy");
            }
        }
    }

    private static List<String> outcomes(Decision d) {
        return d.proposals().stream().map(p -> String.valueOf(p.outcome())).toList();
    }

    /**
     * Stops watching and removes the temporary copy.
     *
     * @throws IOException if the copy cannot be deleted
     */
    @TearDown
    public void tearDown() throws IOException {
        if (live != null) {
            live.close();
            Files.deleteIfExists(copy);
            Files.deleteIfExists(copy.getParent());
        }
    }

    /** Decides the next case. */
    @Benchmark
    public Decision decide(Cursor cursor) {
        return decider.decide(cases[cursor.next++ & 1023]);
    }
}
