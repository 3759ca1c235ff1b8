package org.resolutionpolicy.benchmarks;

import java.io.Writer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
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
import org.resolutionpolicy.api.AttributeType;
import org.resolutionpolicy.api.CustomerCase;
import org.resolutionpolicy.api.Decision;
import org.resolutionpolicy.api.DecisionListener;
import org.resolutionpolicy.api.Explanation;
import org.resolutionpolicy.api.Policies;
import org.resolutionpolicy.api.Policy;
import org.resolutionpolicy.api.Problem;
import org.resolutionpolicy.api.RemedyUnit;
import org.resolutionpolicy.api.ShadowBuilder;
import org.resolutionpolicy.api.ShadowLog;
import org.resolutionpolicy.api.ShadowPolicy;
import org.resolutionpolicy.api.ShadowStatus;

/**
 * What a shadow costs the request path: one decision of a three-proposal case under the 20-rule reference policy,
 * plain ({@code none}), with a candidate in shadow ({@code shadow}: the default ring of 1024 and one worker), and with
 * the shadow writing a shadow log to a null writer ({@code shadow-log}, every agreement sampled, the log's worst case).
 * The target: a shadow at most 5% slower than none on the request path.
 *
 * <ul>
 *   <li>{@link #decide} decides back to back (average time). It saturates its thread, and the shadow worker, deciding
 *       as much again, saturates another core: on a 2-core machine the two compete for the machine (cores, caches,
 *       the collector), so this is the worst case, not the request path's own cost. Most cases are dropped.</li>
 *   <li>{@link #decidePaced} is a service with headroom: a case every {@value Pacer#INTERVAL_MICROS} µs per thread
 *       (the wait is not measured), each decision's latency sampled (sample time: the mean and the percentiles).
 *       This is the number the 5% target is about. The tear-down prints how many cases were shadowed and dropped
 *       (none should be).</li>
 *   <li>{@link #decideBesideSlowCandidate} paces the traffic the same way with a candidate ten times slower than it
 *       (each of its decisions waits ten intervals first): the ring fills and stays full, drops are counted, and the
 *       tear-downs check that at most the ring's capacity waits (memory stays bounded) and that drops were counted,
 *       and print the heap used after a collection at each iteration's end (it does not grow).</li>
 * </ul>
 *
 * <p>Run from anywhere after {@code mvn -B -Pbenchmarks -pl benchmarks -am package -DskipTests}:
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar org.openjdk.jmh.Main ShadowBenchmark -f 2 -wi 5 -i 10 -w 1s -r 2s -prof gc
 * </pre>
 */
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ShadowBenchmark {

    private static final String RESOURCE = "reference/reference-policy.yaml";

    /** The traffic: the cases, and the policy that decides them, shadowed or not. */
    @State(Scope.Benchmark)
    public static class Traffic {

        @Param({"none", "shadow", "shadow-log"})
        public String shadow;

        Policy decider;
        CustomerCase[] cases;
        private ShadowPolicy shadowed;
        private ShadowLog log;

        /** Loads the serving policy and, but for {@code none}, a candidate compiled from the same file beside it. */
        @Setup(Level.Trial)
        public void setup() {
            cases = ReferenceCases.generate(1024, 42).toArray(new CustomerCase[0]);
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
            servesAsTheServingPolicy(shadowed, serving, cases);
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
                report(shadow, shadowed);
                shadowed.close();
            }
            if (log != null) {
                log.close();
            }
        }
    }

    /**
     * Paces each thread's traffic: a case every {@value #INTERVAL_MICROS} µs, waited for (spinning, so the wait is
     * exact and the deciding core stays awake) outside the measured call; a thread that falls behind goes on at once.
     */
    @State(Scope.Thread)
    public static class Pacer {

        /** The interval between a thread's cases: 100,000 cases a second per thread, a busy service's rate. */
        public static final long INTERVAL_MICROS = 10;
        private static final long INTERVAL_NANOS = INTERVAL_MICROS * 1_000;

        int next;
        private long due;

        /** Waits until the next case is due. */
        @Setup(Level.Invocation)
        public void awaitTheNextCase() {
            long now = System.nanoTime();
            if (due - now <= 0) {
                due = now + INTERVAL_NANOS;
                return;
            }
            while (System.nanoTime() - due < 0) {
                Thread.onSpinWait();
            }
            due += INTERVAL_NANOS;
        }
    }

    /** A shadow whose candidate is ten times slower than the paced traffic, on a small ring. */
    @State(Scope.Benchmark)
    public static class SlowCandidate {

        static final int CAPACITY = 256;

        ShadowPolicy shadowed;
        CustomerCase[] cases;
        private int maxQueued;

        /** Builds the shadow. */
        @Setup(Level.Trial)
        public void setup() {
            cases = ReferenceCases.generate(1024, 42).toArray(new CustomerCase[0]);
            Policy serving = Policies.fromClasspath(RESOURCE);
            Policy candidate = new Slow(Policies.fromClasspath(RESOURCE), 10 * Pacer.INTERVAL_NANOS);
            shadowed = Policies.shadow(serving).candidate(candidate).queueCapacity(CAPACITY).build();
        }

        /** Checks that no more than the ring's capacity waits, and prints the heap used after a collection. */
        @TearDown(Level.Iteration)
        public void checkBounded() {
            ShadowStatus s = shadowed.status();
            maxQueued = Math.max(maxQueued, s.queued());
            if (s.queued() > CAPACITY) {
                throw new IllegalStateException(s.queued() + " cases wait, more than the ring's " + CAPACITY);
            }
            System.gc();
            Runtime r = Runtime.getRuntime();
            System.out.printf("%n[slow candidate] queued %d of %d, shadowed %d, dropped %d, heap used %d KiB%n",
                    s.queued(), CAPACITY, s.shadowed(), s.dropped(), (r.totalMemory() - r.freeMemory()) / 1024);
        }

        /**
         * Checks that the drops were counted, and stops the shadow.
         *
         * @throws InterruptedException if interrupted while the queue drains
         */
        @TearDown(Level.Trial)
        public void tearDown() throws InterruptedException {
            ShadowStatus s = report("slow candidate", shadowed);
            shadowed.close();
            if (s.dropped() == 0) {
                throw new IllegalStateException("no case was dropped: the candidate kept up with the traffic");
            }
        }
    }

    /** Decides the next case back to back. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    public Decision decide(Traffic traffic, CaseCursor cursor) {
        return traffic.decider.decide(cursor.next(traffic.cases));
    }

    /** Decides the next case when it is due. */
    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    public Decision decidePaced(Traffic traffic, Pacer pacer) {
        return traffic.decider.decide(traffic.cases[pacer.next++ & 1023]);
    }

    /** Decides the next case when it is due, beside a candidate ten times slower than the traffic. */
    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    public Decision decideBesideSlowCandidate(SlowCandidate slow, Pacer pacer) {
        return slow.shadowed.decide(slow.cases[pacer.next++ & 1023]);
    }

    private static void servesAsTheServingPolicy(Policy shadowed, Policy serving, CustomerCase[] cases) {
        for (CustomerCase c : cases) {
            if (!shadowed.decide(c).equals(serving.decide(c))) {
                throw new IllegalStateException("the shadow serves case [" + c.id() + "] unlike the serving policy");
            }
        }
    }

    private static ShadowStatus report(String name, ShadowPolicy shadowed) throws InterruptedException {
        shadowed.awaitIdle(Duration.ofSeconds(60));
        ShadowStatus s = shadowed.status();
        System.out.printf("%n[%s] shadowed %d, dropped %d, disagreed %d, failed %d%n", name, s.shadowed(),
                s.dropped(), s.disagreed(), s.failed());
        return s;
    }

    /** A policy that decides as another after a pause: a candidate slower than the traffic. */
    record Slow(Policy policy, long pauseNanos) implements Policy {
        @Override public String id() { return policy.id(); }
        @Override public String version() { return policy.version(); }
        @Override public String revision() { return policy.revision(); }
        @Override public String description() { return policy.description(); }
        @Override public List<String> severities() { return policy.severities(); }
        @Override public List<String> roles() { return policy.roles(); }
        @Override public Map<String, RemedyUnit> remedies() { return policy.remedies(); }
        @Override public Map<String, AttributeType> attributes() { return policy.attributes(); }
        @Override public List<String> ruleIds() { return policy.ruleIds(); }
        @Override public List<Problem> warnings() { return policy.warnings(); }
        @Override public Explanation explain(CustomerCase c) { return policy.explain(c); }
        @Override public Policy withListener(DecisionListener l) { return this; }

        @Override
        public Decision decide(CustomerCase c) {
            LockSupport.parkNanos(pauseNanos);
            return policy.decide(c);
        }
    }
}
