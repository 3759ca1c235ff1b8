package org.resolutionpolicy.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import org.resolutionpolicy.api.CustomerCase;
import org.resolutionpolicy.api.Policies;
import org.resolutionpolicy.api.Policy;
import org.resolutionpolicy.api.ShadowPolicy;

/**
 * Decides the reference cases without and with a shadow in alternating batches, in one JVM, and prints each one's
 * cost per decision: the fairest comparison this machine allows, since its speed drifts (a virtual machine whose
 * paced latency moves between two levels, 2x apart, from one second to the next) and alternated batches share the
 * drift where {@link ShadowBenchmark}'s forks, one variant after the other, do not. Paced (a case every 10 us, the
 * wait spun after each decision, not counted), it sums the wall time of the decide calls; back to back, the deciding thread's CPU time.
 * The first quarter of the batches warms up and is not counted.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar org.resolutionpolicy.benchmarks.ShadowAlternating [paced|back-to-back] [sample]
 * </pre>
 */
public final class ShadowAlternating {

    private static final long INTERVAL_NANOS = 10_000;
    private static final int ROUNDS = 40;
    /** What the decisions add up to, printed at the end: the JIT cannot leave a decision out. */
    private static long sink;

    private ShadowAlternating() {
    }

    /**
     * Runs the batches and prints the minimum, first quartile and median per decision of each variant.
     *
     * @param args {@code paced} (the default) or {@code back-to-back}; then the shadow's sample, 1 (every case) unless
     *             given ({@link org.resolutionpolicy.api.ShadowBuilder#sample})
     */
    public static void main(String[] args) {
        boolean paced = args.length == 0 || args[0].equals("paced");
        double sample = args.length > 1 ? Double.parseDouble(args[1]) : 1;
        CustomerCase[] cases = ReferenceCases.generate(1024, 42).toArray(new CustomerCase[0]);
        Policy serving = Policies.fromClasspath("reference/reference-policy.yaml");
        Policy candidate = Policies.fromClasspath("reference/reference-policy.yaml");
        try (ShadowPolicy shadow = Policies.shadow(serving).candidate(candidate).sample(sample).build()) {
            Policy[] variants = {serving, shadow};
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            int batch = paced ? 20_000 : 100_000;
            long[][] spent = new long[2][ROUNDS];
            for (int round = 0; round < ROUNDS; round++) {
                for (int v = 0; v < 2; v++) {
                    spent[v][round] = paced ? paced(variants[v], cases, batch)
                            : backToBack(variants[v], cases, batch, threads);
                }
            }
            String[] names = {"none", "shadow"};
            for (int v = 0; v < 2; v++) {
                long[] counted = Arrays.copyOfRange(spent[v], ROUNDS / 4, ROUNDS);
                Arrays.sort(counted);
                System.out.printf("%s %-6s min %.0f, first quartile %.0f, median %.0f ns per decision (%s)%n",
                        paced ? "paced" : "back-to-back", names[v], counted[0] / (double) batch,
                        counted[counted.length / 4] / (double) batch, counted[counted.length / 2] / (double) batch,
                        paced ? "wall time of the decide calls" : "the deciding thread's CPU time");
            }
            System.out.println(shadow.status() + " (" + sink + " proposals decided)");
        }
    }

    private static long paced(Policy policy, CustomerCase[] cases, int batch) {
        long spent = 0;
        for (int i = 0; i < batch; i++) {
            long due = System.nanoTime() + INTERVAL_NANOS;
            while (System.nanoTime() - due < 0) {
                Thread.onSpinWait();
            }
            long start = System.nanoTime();
            sink += policy.decide(cases[i & 1023]).proposals().size();
            spent += System.nanoTime() - start;
        }
        return spent;
    }

    private static long backToBack(Policy policy, CustomerCase[] cases, int batch, ThreadMXBean threads) {
        long start = threads.getCurrentThreadCpuTime();
        for (int i = 0; i < batch; i++) {
            sink += policy.decide(cases[i & 1023]).proposals().size();
        }
        return threads.getCurrentThreadCpuTime() - start;
    }
}
