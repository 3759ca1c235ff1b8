package org.resolutionpolicy.benchmarks;

import java.util.List;
import org.resolutionpolicy.api.Policies;
import org.resolutionpolicy.api.Policy;
import org.resolutionpolicy.api.PolicySource;

/**
 * Loads a generated policy again and again in one JVM and prints each load's wall time: the first loads are what
 * {@link BenchmarkTable}'s "load ms" measures (the median of the first three in a fresh JVM), the later ones the
 * warm load, and a profiler attached to this loop shows where loading spends its time.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar org.resolutionpolicy.benchmarks.GeneratedLoad [rules] [loads]
 * </pre>
 */
public final class GeneratedLoad {

    private GeneratedLoad() {
    }

    /**
     * Runs the loop.
     *
     * @param args the rule count (10,000 unless given) and the number of loads (12 unless given)
     */
    public static void main(String[] args) {
        int rules = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int loads = args.length > 1 ? Integer.parseInt(args[1]) : 12;
        List<PolicySource> sources = GeneratedPolicies.sources(rules);
        for (int i = 0; i < loads; i++) {
            long t0 = System.nanoTime();
            Policy policy = Policies.compile(sources);
            long ms = (System.nanoTime() - t0) / 1_000_000;
            System.out.printf("load %d: %d ms (%,d rules)%n", i + 1, ms, policy.ruleIds().size());
        }
    }
}
