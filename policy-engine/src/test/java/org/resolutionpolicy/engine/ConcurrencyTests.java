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
import org.resolutionpolicy.api.Outcome;
import org.resolutionpolicy.api.Policies;
import org.resolutionpolicy.api.Policy;
import org.resolutionpolicy.api.ProposalDecision;

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

    static final Policy RICH = Policies.parse("""
            policy: threads
            version: "1"
            roles: [agent, supervisor, manager, director]
            swat: { team: incident-team }
            attributes: { delayHours: number, vip: boolean }
            remedies:
              refund: { unit: money }
              voucher: { unit: money }
              free-item: { unit: count }
              apology: { unit: none }
            authority:
              agent: { refund: 50, voucher: { perGrant: 20, perCustomer: { max: 40, count: 3, window: P30D } },
                       free-item: 2, apology: unlimited }
              supervisor: { refund: 200, free-item: 5 }
              manager: { refund: 1000, voucher: 100 }
            rules:
              - id: gold-vouchers
                when: { customer.tier: [GOLD, PLATINUM] }
                remedies: [voucher]
                grant: { role: agent, upTo: 35 }
                because: Gold members may get more
              - id: long-delays
                when: "attributes.delayHours >= 3 && severity.atLeast('HIGH')"
                remedies: [refund]
                require: manager
                because: Long delays at high severity go to a manager
              - id: repeat-refunds
                when: "history.count('refund', 'P6M') >= 2 || history.total('refund', 'P30D') + amount > 300"
                remedies: [refund]
                require: director
                because: Repeated refunds are reviewed
              - id: viral
                when: { impact.socialReach: { atLeast: 10000 } }
                route: swat
                because: Viral
              - id: no-refunds-for-vip-tests
                when: { attributes.vip: true, category: test }
                remedies: [refund]
                deny: true
                because: Test orders are not refunded
              - id: callback
                when: { impact.outOfPocket: { above: 0 } }
                followUp: { action: call, within: P2D, owner: manager }
                because: Out of pocket
              - id: big-refund-audit
                when: { amount: { above: 150 } }
                remedies: [refund]
                followUp: { action: audit }
                because: Big refunds are audited
            """);

    static List<CustomerCase> variedCases(int n) {
        String[] severities = {"LOW", "MEDIUM", "HIGH", "CRITICAL"};
        String[] roles = {"agent", "supervisor", "manager", "director"};
        String[] tiers = {"GOLD", "SILVER", "PLATINUM", "BRONZE", "NONE"};
        Instant opened = Instant.parse("2026-11-20T12:00:00Z");
        List<CustomerCase> cases = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Customer.Builder customer = Customer.builder().tier(tiers[i % 5].equals("NONE") ? null : tiers[i % 5]);
            for (int h = 0; h < i % 4; h++) {
                customer.history(h % 2 == 0 ? "refund" : "voucher", 10 + 7 * h + i % 13, opened.minusSeconds(86_400L * (3 + 17 * h)));
            }
            CustomerCase.Builder c = CustomerCase.builder().id("C-" + i).severity(severities[(i / 5) % 4])
                    .employee(roles[(i / 3) % 4]).category(i % 11 == 0 ? "test" : "late").openedAt(opened)
                    .customer(customer.build())
                    .impact(Impact.builder().outOfPocket(i % 3).socialReach(i % 17 == 0 ? 20_000 : 10).build())
                    .attribute("delayHours", i % 6).attribute("vip", i % 2 == 0);
            if (i % 10 != 9) {   // one case in ten asks for the latitude instead
                c.propose("refund", (i * 37) % 1200 + 0.5).propose("voucher", (i * 7) % 60).propose("free-item", i % 7)
                        .propose("apology");
            }
            cases.add(c.build());
        }
        return cases;
    }

    @Test
    void eight_threads_times_two_thousand_varied_decisions_match_the_single_thread_results() throws Exception {
        // given the single-thread answers
        List<CustomerCase> cases = variedCases(2000);
        List<Decision> expected = new ArrayList<>();
        for (CustomerCase c : cases) {
            expected.add(RICH.decide(c));
        }

        // when eight threads start together, each deciding all 2,000 cases from a different offset
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        try {
            List<Future<List<Integer>>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int offset = t * 250;
                results.add(pool.submit(() -> {
                    start.await();
                    List<Integer> mismatches = new ArrayList<>();
                    for (int i = 0; i < cases.size(); i++) {
                        int k = (i + offset) % cases.size();
                        if (!RICH.decide(cases.get(k)).equals(expected.get(k))) {
                            mismatches.add(k);
                        }
                    }
                    return mismatches;
                }));
            }
            start.countDown();

            // then every thread agrees with the single thread on every case
            for (Future<List<Integer>> result : results) {
                assertThat(result.get(120, TimeUnit.SECONDS)).isEmpty();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(expected).flatExtracting(Decision::proposals).extracting(ProposalDecision::kind)
                .contains(Outcome.Kind.ALONE, Outcome.Kind.ESCALATE, Outcome.Kind.SWAT, Outcome.Kind.DENIED);
        assertThat(expected).filteredOn(Decision::isLatitude).hasSize(200);
        assertThat(expected).flatExtracting(Decision::followUps).isNotEmpty();
    }
}
