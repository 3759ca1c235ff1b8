package org.resolutionpolicy.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.resolutionpolicy.api.Cases;
import org.resolutionpolicy.api.Customer;
import org.resolutionpolicy.api.CustomerCase;
import org.resolutionpolicy.api.Decision;
import org.resolutionpolicy.api.Impact;
import org.resolutionpolicy.api.Policies;
import org.resolutionpolicy.api.Policy;

/** One compiled policy shared by many threads gives exactly the decisions of a single thread. */
class ConcurrencyTests {

    @Test
    void eight_threads_deciding_on_one_policy_agree_with_one_thread() throws Exception {
        Policy policy = Policies.fromClasspath("spec/coffee-shop.yaml");
        CustomerCase example = Cases.parse(TestFiles.classpath("spec/case-C-1042.yaml"));
        String[] severities = {"LOW", "MEDIUM", "HIGH", "CRITICAL"};
        String[] roles = {"barista", "shift-lead", "store-manager", "district-manager"};
        String[] tiers = {"GOLD", "SILVER", "PLATINUM"};
        List<CustomerCase> cases = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            cases.add(example.toBuilder()
                    .severity(severities[i % 4]).employee(roles[(i / 4) % 4])
                    .customer(Customer.builder().tier(tiers[i % 3])
                            .history("voucher", i % 25, Instant.parse("2026-11-02T10:00:00Z")).build())
                    .impact(Impact.builder().outOfPocket(i % 2).socialReach(i % 7 == 0 ? 20_000 : 0).build())
                    .clearProposals().propose("voucher", i % 40).propose("refund", i * 3 % 300).propose("apology")
                    .build());
        }
        List<Decision> expected = new ArrayList<>();
        for (CustomerCase c : cases) {
            expected.add(policy.decide(c));
        }

        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int offset = t;
                results.add(pool.submit(() -> {
                    int mismatches = 0;
                    for (int round = 0; round < 10; round++) {
                        for (int i = 0; i < cases.size(); i++) {
                            int k = (i + offset * 25) % cases.size();
                            if (!policy.decide(cases.get(k)).equals(expected.get(k))) {
                                mismatches++;
                            }
                        }
                    }
                    return mismatches;
                }));
            }
            for (Future<Integer> result : results) {
                assertThat(result.get(60, TimeUnit.SECONDS)).isZero();
            }
        } finally {
            pool.shutdownNow();
        }
        // the cases exercise every path of the lattice, so agreement means something
        assertThat(expected).extracting(d -> d.proposal("refund").kind()).contains(
                org.resolutionpolicy.api.Outcome.Kind.ALONE, org.resolutionpolicy.api.Outcome.Kind.ESCALATE,
                org.resolutionpolicy.api.Outcome.Kind.SWAT);
    }
}
