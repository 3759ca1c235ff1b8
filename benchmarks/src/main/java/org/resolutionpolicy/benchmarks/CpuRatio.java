package org.resolutionpolicy.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import org.resolutionpolicy.api.CustomerCase;

/**
 * Thread CPU time per reference decision of several implementations, alternated round by round in one JVM: a ratio
 * that a loaded machine (where JMH's wall times mean little) still gives. A timed main, not JMH:
 * {@code java -cp benchmarks/target/benchmarks.jar org.resolutionpolicy.benchmarks.CpuRatio
 * ours-drl,drools-session,drools-same-drl 6 60000} (implementations, rounds, decisions per round); the first rounds
 * include the JIT's warm-up.
 */
public final class CpuRatio {

    private CpuRatio() {
    }

    public static void main(String[] args) {
        String[] names = args[0].split(",");
        int rounds = Integer.parseInt(args[1]);
        int decisions = Integer.parseInt(args[2]);
        CustomerCase[] cases = ReferenceCases.generate(1024, 42).toArray(new CustomerCase[0]);
        Implementation[] implementations = new Implementation[names.length];
        for (int i = 0; i < names.length; i++) {
            implementations[i] = Implementations.create(names[i]);
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long sink = 0;
        for (int r = 0; r < rounds; r++) {
            StringBuilder line = new StringBuilder("round ").append(r).append(':');
            for (int i = 0; i < names.length; i++) {
                long start = threads.getCurrentThreadCpuTime();
                for (int k = 0; k < decisions; k++) {
                    sink += implementations[i].decide(cases[k & 1023]).length;
                }
                long cpu = threads.getCurrentThreadCpuTime() - start;
                line.append(String.format(java.util.Locale.ROOT, "  %s %.0f ns", names[i], cpu / (double) decisions));
            }
            System.out.println(line);
        }
        System.out.println("verdicts: " + sink);
    }
}
