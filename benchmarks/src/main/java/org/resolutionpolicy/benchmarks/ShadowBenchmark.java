package org.resolutionpolicy.benchmarks;

import java.io.Writer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.resolutionpolicy.api.ShadowBuilder;
import org.resolutionpolicy.api.CustomerCase;
import org.resolutionpolicy.api.Decision;
import org.resolutionpolicy.api.Policies;
import org.resolutionpolicy.api.Policy;
import org.resolutionpolicy.api.ShadowLog;
import org.resolutionpolicy.api.ShadowPolicy;
import org.resolutionpolicy.api.ShadowStatus;

/**
 * What a shadow costs the request path: one decision of a three-proposal case under the 20-rule reference policy,
 * plain ({@code none}), with a candidate in shadow ({@code shadow}: default queue of 1024 and one worker), and with the
 * shadow writing a shadow log to a null writer ({@code shadow-log}, every agreement sampled, the log's worst case).
 * The target is a shadow at most 5% slower than none. The benchmark decides faster than one worker can shadow, so
 * the queue fills and most cases are dropped: the request path pays the offer either way, and the tear-down prints
 * how many were shadowed and dropped.
 *
 * <p>Run from anywhere after {@code mvn -B -Pbenchmarks -pl benchmarks -am package -DskipTests}:
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar org.openjdk.jmh.Main ShadowBenchmark -f 3 -wi 3 -i 5 -w 1s -r 2s -prof gc
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ShadowBenchmark {

    private static final String RESOURCE = "reference/reference-policy.yaml";

    @Param({"none", "shadow", "shadow-log"})
    public String shadow;

    Policy decider;
    CustomerCase[] cases;
    private ShadowPolicy shadowed;
    private ShadowLog log;

    /** Where each thread is in the case list. */
    @State(Scope.Thread)
    public static class Cursor {
        int next;
    }

    /** Loads the serving policy and, but for {@code none}, a candidate compiled from the same file beside it. */
    @Setup(Level.Trial)
    public void setup() {
        List<CustomerCase> generated = ReferenceCases.generate(1024, 42);
        cases = generated.toArray(new CustomerCase[0]);
        Policy serving = Policies.fromClasspath(RESOURCE);
        if ("none".equals(shadow)) {
            decider = serving;
            return;
        }
        ShadowBuilder builder = Policies.shadow(serving).candidate(Policies.fromClasspath(RESOURCE));
        if ("shadow-log".equals(shadow)) {
            log = ShadowLog.jsonLines(Writer.nullWriter(), ShadowLog.Options.DEFAULTS.withAgreementSample(1));
            builder.listener(log);
        }
        shadowed = builder.build();
        for (CustomerCase c : cases) {
            if (!shadowed.decide(c).equals(serving.decide(c))) {
                throw new IllegalStateException("the shadow serves case [" + c.id() + "] unlike the serving policy");
            }
        }
        decider = shadowed;
    }

    /**
     * Stops the shadow and says how much of the traffic it shadowed.
     *
     * @throws InterruptedException if interrupted while the queue drains
     */
    @TearDown(Level.Trial)
    public void tearDown() throws InterruptedException {
        if (shadowed != null) {
            shadowed.awaitIdle(Duration.ofSeconds(30));
            ShadowStatus s = shadowed.status();
            System.out.printf("%n[%s] shadowed %d, dropped %d, disagreed %d%n", shadow, s.shadowed(), s.dropped(),
                    s.disagreed());
            shadowed.close();
        }
        if (log != null) {
            log.close();
        }
    }

    /** Decides the next case. */
    @Benchmark
    public Decision decide(Cursor cursor) {
        return decider.decide(cases[cursor.next++ & 1023]);
    }
}
