package org.resolutionpolicy.benchmarks;

import java.util.ArrayList;
import java.util.Collections;
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
import org.resolutionpolicy.api.Cases;
import org.resolutionpolicy.api.CustomerCase;
import org.resolutionpolicy.api.Decision;
import org.resolutionpolicy.api.Policies;
import org.resolutionpolicy.api.Policy;
import org.resolutionpolicy.api.PolicySource;

/**
 * Shows that the cost of the largest inputs the engine accepts grows linearly: one load of a policy whose rule has
 * an expression of 50 or 500 terms (500 is the limit), and one read and decision of a case of 1,000 or 10,000
 * proposals. Ten times the input should cost about ten times the time, and the large sizes well under a second.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar GrowthBenchmark -f 1
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class GrowthBenchmark {

    static final String HEADER = """
            policy: growth
            version: "1"
            roles: [agent, manager]
            remedies:
              refund: { unit: money }
              voucher: { unit: money }
            authority:
              agent: { refund: 50, voucher: 20 }
              manager: { refund: unlimited, voucher: unlimited }
            rules:
              - id: long-expression
                when: "%s"
                remedies: [refund]
                require: manager
                because: a long sum
              - id: big-vouchers
                when: { amount: { above: 15 } }
                remedies: [voucher]
                require: manager
                because: big vouchers
            """;

    /** A policy whose first rule has an expression of {@link #terms} terms. */
    @State(Scope.Benchmark)
    public static class LongExpression {
        /** The terms of the expression: the fact {@code amount} and the numbers it is compared with. */
        @Param({"50", "500"})
        public int terms;

        List<PolicySource> sources;

        /** Writes the policy. */
        @Setup
        public void setup() {
            sources = List.of(PolicySource.of("growth.yaml", HEADER.formatted(expression(terms))));
            Policies.compile(sources);
        }
    }

    /** A case of {@link #proposals} proposals, as YAML text, and the policy that decides it. */
    @State(Scope.Benchmark)
    public static class ManyProposals {
        /** The proposals of the case. */
        @Param({"1000", "10000"})
        public int proposals;

        Policy policy;
        String caseText;
        CustomerCase parsed;

        /** Writes the case and loads the policy. */
        @Setup
        public void setup() {
            policy = Policies.compile(List.of(PolicySource.of("growth.yaml", HEADER.formatted(expression(50)))));
            caseText = caseWith(proposals);
            parsed = Cases.parse(caseText);
        }
    }

    /**
     * Writes {@code amount < (1+1+...)+(1+...)+...} with {@code terms} terms in all, in groups of at most 50 so that
     * no operator chain nests beyond the parser's limit, and short enough for its length limit.
     */
    static String expression(int terms) {
        List<String> groups = new ArrayList<>();
        int left = terms - 1;
        while (left > 0) {
            int size = Math.min(50, left);
            groups.add("(" + String.join("+", Collections.nCopies(size, "1")) + ")");
            left -= size;
        }
        return "amount < " + String.join("+", groups);
    }

    /** Writes a case in YAML whose proposals alternate refunds and vouchers of growing amounts. */
    static String caseWith(int proposals) {
        StringBuilder text = new StringBuilder("id: C-growth\nseverity: LOW\nemployee: { role: agent }\nproposals:\n");
        for (int i = 0; i < proposals; i++) {
            text.append(i % 2 == 0 ? "  - { remedy: refund, amount: " : "  - { remedy: voucher, amount: ")
                    .append(i % 100).append(" }\n");
        }
        return text.toString();
    }

    /** Loads the policy with the long expression. */
    @Benchmark
    public Policy loadLongExpression(LongExpression state) {
        return Policies.compile(state.sources);
    }

    /** Reads the large case and decides it. */
    @Benchmark
    public Decision decideManyProposals(ManyProposals state) {
        return state.policy.decide(Cases.parse(state.caseText));
    }

    /** Decides the large case, read beforehand: the part of {@link #decideManyProposals} that is not YAML. */
    @Benchmark
    public Decision decideManyProposalsRead(ManyProposals state) {
        return state.policy.decide(state.parsed);
    }
}
