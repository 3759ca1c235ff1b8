package org.resolutionpolicy.benchmarks;

import java.io.Writer;
import java.lang.management.ManagementFactory;
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
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;
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
 * the shadow writing a shadow log to a null writer ({@code shadow-log}, every agreement sampled, the log's worst case),
 * and with a shadow of a tenth of the cases ({@code shadow-tenth}, {@code ShadowBuilder.sample(0.1)}).
 * The target: a shadow costs the request path at most 5% over none.
 *
 * <p>Each row measures two things. JMH's time is the decision's latency: it includes what the shadow worker on another
 * core does to the deciding thread (a collection of the worker's garbage stops it too, the two share caches and, on a
 * small machine, cores). The {@link OwnCost} line each trial prints ({@code [own cost decide shadow] ...}) is the
 * request thread's own CPU time and allocation per decision: what deciding with a shadow costs the request path itself
 * (the offer), the target's measure. Both are reported. The paced rows count it only when asked
 * ({@link Pacer#COUNT_EACH}): read around each decision, the CPU clock costs more than the decision.
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
 * java -cp benchmarks/target/benchmarks.jar org.openjdk.jmh.Main 'ShadowBenchmark.decide(Paced)?$' -f 2 -wi 3 -i 5 -w 1s -r 2s \
 *     | grep -E '^\[own cost|^Benchmark|^ShadowBenchmark'
 * </pre>
 */
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ShadowBenchmark {

    private static final String RESOURCE = "reference/reference-policy.yaml";

    /** The traffic: the cases, and the policy that decides them, shadowed or not. */
    @State(Scope.Benchmark)
    public static class Traffic {

        @Param({"none", "shadow", "shadow-log", "shadow-tenth"})
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
            if ("shadow-tenth".equals(shadow)) {
                builder.sample(0.1);
            }
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
     * The request thread's own cost per decision, beside the latency JMH measures: the CPU time the deciding thread
     * spent ({@code ThreadMXBean.getCurrentThreadCpuTime}) and the bytes it allocated
     * ({@code getCurrentThreadAllocatedBytes}), over the measured iterations only. Time the thread spent descheduled,
     * or stopped by a collection the shadow worker caused, is latency but not CPU time: the CPU time is the request
     * path's own cost (its work, its cache misses), the target's measure. The tear-down prints it. Paced, each decision
     * is counted apart (the wait is not the request's) and the count's own floor (two readings of the clocks with no
     * decision between, measured at the trial's start) is taken off; reading the CPU clock is a system call, which
     * itself slows the decision after it a little, the same for every variant. Back to back, the count covers each
     * whole iteration. Where the machine lends its cores to others (a virtual machine, other work), CPU time counts
     * some of that too: compare the variants of one run, on a quiet machine.
     */
    @State(Scope.Thread)
    public static class OwnCost {

        private static final com.sun.management.ThreadMXBean THREADS =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

        private String name;
        private boolean measuring;
        private long cpuStart;
        private long bytesStart;
        long cpu;
        long bytes;
        long decisions;
        private double floor;
        private double bytesFloor;
        /** The measured iterations' CPU time per decision. */
        private final List<Double> perIteration = new java.util.ArrayList<>();
        /** The measured iterations' CPU time, bytes and decisions. */
        private final long[] total = new long[3];

        /** Names the row and measures the clock's floor. */
        @Setup(Level.Trial)
        public void name(BenchmarkParams params) {
            String shadow = params.getParamsKeys().contains("shadow") ? params.getParam("shadow") : "slow";
            String method = params.getBenchmark();
            name = method.substring(method.lastIndexOf('.') + 1) + " " + shadow;
            THREADS.setThreadCpuTimeEnabled(true);
            int n = 20_000;
            for (int i = 0; i < n; i++) {
                startDecision();
                endDecision();
            }
            floor = (double) cpu / n;
            bytesFloor = (double) bytes / n;
        }

        /** Starts an iteration's count: back to back, the whole iteration is the request thread's work. */
        @Setup(Level.Iteration)
        public void startIteration(IterationParams params) {
            measuring = params.getType() == IterationType.MEASUREMENT;
            cpu = 0;
            bytes = 0;
            decisions = 0;
            cpuStart = cpuNow();
            bytesStart = THREADS.getCurrentThreadAllocatedBytes();
        }

        /** Starts one decision's count (paced: the wait before it is not the request's). */
        void startDecision() {
            cpuStart = cpuNow();
            bytesStart = THREADS.getCurrentThreadAllocatedBytes();
        }

        /** Ends one decision's count. */
        void endDecision() {
            cpu += cpuNow() - cpuStart;
            bytes += THREADS.getCurrentThreadAllocatedBytes() - bytesStart;
            decisions++;
        }

        /** Ends an iteration's count: keeps the measured iterations' per-decision CPU time. */
        @TearDown(Level.Iteration)
        public void endIteration() {
            closeIteration();
            if (measuring && decisions > 0) {
                perIteration.add((double) cpu / decisions);
                total[0] += cpu;
                total[1] += bytes;
                total[2] += decisions;
            }
        }

        /** The CPU time and bytes a decision took: back to back, the whole iteration's; paced, each counted apart. */
        void closeIteration() {
            // paced: each decision counted on its own
        }

        /** Prints the request thread's own cost per decision over the measured iterations. */
        @TearDown(Level.Trial)
        public void print() {
            if (total[2] == 0) {
                return;
            }
            // back to back, the count is taken once an iteration: its floor is nothing per decision
            boolean paced = this instanceof Pacer;
            double[] sorted = perIteration.stream().mapToDouble(d -> d).sorted().toArray();
            System.out.printf("%n[own cost %s] request thread per decision: CPU %.0f ns (median iteration %.0f, "
                            + "%.0f..%.0f), allocated %.1f B, over %d decisions, less the count's own floor "
                            + "(CPU %.0f ns, %.1f B)%n", name,
                    (double) total[0] / total[2] - (paced ? floor : 0), sorted[sorted.length / 2] - (paced ? floor : 0),
                    sorted[0] - (paced ? floor : 0), sorted[sorted.length - 1] - (paced ? floor : 0),
                    (double) total[1] / total[2] - (paced ? bytesFloor : 0), total[2], paced ? floor : 0,
                    paced ? bytesFloor : 0);
        }

        private static long cpuNow() {
            return THREADS.getCurrentThreadCpuTime();
        }
    }

    /**
     * Paces each thread's traffic: a case every {@value #INTERVAL_MICROS} µs, waited for (spinning, so the wait is
     * exact and the deciding core stays awake) outside the measured call; a thread that falls behind goes on at once.
     * It counts the request thread's {@link OwnCost} of each decision, outside the measured call too.
     */
    @State(Scope.Thread)
    public static class Pacer extends OwnCost {

        /**
         * Whether each paced decision's own cost is counted ({@code -jvmArgsAppend -Dresolution.bench.countEach=true}):
         * off by default, because reading the CPU clock is a system call of 1-2 us around a decision of well under one,
         * which then dominates the latency rows it sits between and leaves a difference of noisy microseconds.
         */
        static final boolean COUNT_EACH = Boolean.getBoolean("resolution.bench.countEach");

        /** The interval between a thread's cases: 100,000 cases a second per thread, a busy service's rate. */
        public static final long INTERVAL_MICROS = 10;
        private static final long INTERVAL_NANOS = INTERVAL_MICROS * 1_000;

        int next;
        private long due;

        /** Waits until the next case is due, then starts counting its cost. */
        @Setup(Level.Invocation)
        public void awaitTheNextCase() {
            long now = System.nanoTime();
            if (due - now <= 0) {
                due = now + INTERVAL_NANOS;
            } else {
                while (System.nanoTime() - due < 0) {
                    Thread.onSpinWait();
                }
                due += INTERVAL_NANOS;
            }
            if (COUNT_EACH) {
                startDecision();
            }
        }

        /** Ends counting the decision's cost. */
        @TearDown(Level.Invocation)
        public void decided() {
            if (COUNT_EACH) {
                endDecision();
            }
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

    /** The request thread's own cost back to back: its CPU time and allocation over each whole iteration. */
    @State(Scope.Thread)
    public static class BackToBack extends OwnCost {

        @Override
        void closeIteration() {
            long decided = decisions;
            endDecision();
            decisions = decided;
        }
    }

    /** Decides the next case back to back. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    public Decision decide(Traffic traffic, CaseCursor cursor, BackToBack cost) {
        cost.decisions++;
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
        System.out.printf("%n[%s] shadowed %d, dropped %d, sampled out %d, disagreed %d, failed %d%n", name,
                s.shadowed(), s.dropped(), s.sampledOut(), s.disagreed(), s.failed());
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
