package org.resolutionpolicy.benchmarks;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.resolutionpolicy.api.Cases;
import org.resolutionpolicy.format.json.DecisionJson;
import org.resolutionpolicy.api.CustomerCase;
import org.resolutionpolicy.api.Decision;
import org.resolutionpolicy.api.Policies;
import org.resolutionpolicy.api.Policy;

/**
 * What a REST backend pays per request: a case received as a JSON string, parsed with {@code Cases.parse} and
 * decided ({@code parseAndDecide}), against deciding the same case already parsed ({@code decide}), and the decision
 * written back with {@code DecisionJson.write} ({@code parseDecideAndWrite}), under the 20-rule reference policy. The
 * target is parse and decide within 5x of decide alone.
 *
 * <p>Run from anywhere after {@code mvn -B -Pbenchmarks -pl benchmarks -am package -DskipTests}:
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar org.openjdk.jmh.Main ParseDecideBenchmark -f 1 -wi 3 -i 5 -w 1s -r 2s -prof gc
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ParseDecideBenchmark {

    /** A three-proposal case of the reference policy, as a CRM posts it. */
    static final String CASE_JSON = """
            {"id": "R-1", "severity": "HIGH", "category": "late-delivery", "channel": "email",
             "employee": {"id": "E-7", "role": "senior"},
             "customer": {"id": "K-9", "tier": "GOLD"},
             "impact": {"outOfPocket": 120, "socialReach": 300, "legalThreat": false, "safetyIssue": false,
                        "affectedCustomers": 1, "regulatorInvolved": false},
             "proposals": [{"remedy": "refund", "amount": 250}, {"remedy": "voucher", "amount": 40},
                           {"remedy": "apology"}]}
            """;

    Policy policy;
    CustomerCase parsed;

    /** Loads the reference policy and checks that the JSON case decides as the same case parsed once does. */
    @Setup
    public void setup() {
        policy = Policies.fromClasspath("reference/reference-policy.yaml");
        parsed = Cases.parse(CASE_JSON);
        if (!policy.decide(Cases.parse(CASE_JSON)).equals(policy.decide(parsed))) {
            throw new IllegalStateException("the parsed case decides differently");
        }
    }

    /** Decides the case already parsed: the floor. */
    @Benchmark
    public Decision decide() {
        return policy.decide(parsed);
    }

    /** Parses the JSON case and decides it. */
    @Benchmark
    public Decision parseAndDecide() {
        return policy.decide(Cases.parse(CASE_JSON));
    }

    /** Parses the JSON case, decides it and writes the decision as JSON: the whole request. */
    @Benchmark
    public String parseDecideAndWrite() {
        return DecisionJson.write(policy.decide(Cases.parse(CASE_JSON)));
    }
}
