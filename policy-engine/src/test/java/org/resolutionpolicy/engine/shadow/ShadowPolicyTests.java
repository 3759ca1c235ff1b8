package org.resolutionpolicy.engine.shadow;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.resolutionpolicy.api.AttributeType;
import org.resolutionpolicy.api.CustomerCase;
import org.resolutionpolicy.api.Decision;
import org.resolutionpolicy.api.DecisionListener;
import org.resolutionpolicy.api.Explanation;
import org.resolutionpolicy.api.Cases;
import org.resolutionpolicy.api.Policies;
import org.resolutionpolicy.api.Policy;
import org.resolutionpolicy.api.Problem;
import org.resolutionpolicy.api.RemedyUnit;
import org.resolutionpolicy.api.ShadowListener;
import org.resolutionpolicy.api.ShadowPolicy;
import org.resolutionpolicy.api.ShadowResult;
import org.resolutionpolicy.api.ShadowStatus;

/** The guarantees of a shadow: the served decision never changes, the queue is bounded, drops are counted. */
class ShadowPolicyTests {

    static final String SHOP = """
            policy: shop
            version: "1"
            roles: [clerk, manager]
            swat: { team: swat-team }
            remedies:
              refund: { unit: money }
            authority:
              clerk: { refund: 50 }
              manager: { refund: unlimited }
            """;
    static final String EDITED = SHOP.replace("version: \"1\"", "version: \"2\"").replace("refund: 50", "refund: 100");
    static final CustomerCase CASE = Cases.parse("""
            {"id": "C-1", "severity": "LOW", "employee": {"role": "clerk"},
             "proposals": [{"remedy": "refund", "amount": 80}]}""");

    static final Duration PATIENCE = Duration.ofMinutes(2);

    /**
     * A policy that decides as another, slower by a pause of ten times the traffic's measured interval between cases:
     * a candidate that cannot keep up, however loaded the machine.
     */
    record Slow(Policy policy, AtomicLong intervalNanos) implements Policy {
        @Override public String id() { return policy.id(); }
        @Override public String version() { return policy.version(); }
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
            LockSupport.parkNanos(10 * intervalNanos.get());
            return policy.decide(c);
        }
    }

    @Nested
    @DisplayName("under load")
    class UnderLoad {

        @Test
        void memory_stays_bounded_when_the_candidate_is_ten_times_slower_than_the_traffic() throws Exception {
            Policy serving = Policies.parse(SHOP);
            long traffic = 100_000; // a case every 0.1 ms or more; the candidate takes ten times what it measures
            AtomicLong interval = new AtomicLong(traffic);
            Policy candidate = new Slow(Policies.parse(EDITED), interval);
            AtomicLong heardDropped = new AtomicLong();
            AtomicLong heard = new AtomicLong();
            int capacity = 16;
            int cases = 2_000;
            int maxQueued = 0;
            try (ShadowPolicy shadow = Policies.shadow(serving).candidate(candidate).queueCapacity(capacity)
                    .listener(new ShadowListener() {
                        @Override
                        public void onShadow(ShadowResult result) {
                            heard.incrementAndGet();
                        }

                        @Override
                        public void onDropped(long sequence) {
                            heardDropped.incrementAndGet();
                        }
                    }).build()) {
                long start = System.nanoTime();
                for (int i = 1; i <= cases; i++) {
                    assertThat(shadow.decide(CASE)).isEqualTo(serving.decide(CASE));
                    maxQueued = Math.max(maxQueued, shadow.status().queued());
                    LockSupport.parkNanos(traffic);
                    interval.set((System.nanoTime() - start) / i);
                }
                assertThat(shadow.awaitIdle(PATIENCE)).isTrue();
                ShadowStatus status = shadow.status();

                assertThat(maxQueued).as("cases waiting at most").isLessThanOrEqualTo(capacity);
                assertThat(status.dropped()).as("dropped").isPositive();
                assertThat(status.shadowed() + status.dropped()).isEqualTo(cases);
                assertThat(heardDropped.get()).isEqualTo(status.dropped());
                assertThat(heard.get()).isEqualTo(status.shadowed());
                assertThat(status.disagreed()).isEqualTo(status.shadowed());
            }
        }
    }

    @Nested
    @DisplayName("bad input")
    class BadInput {

        @Test
        void a_candidate_that_fails_to_load_leaves_the_serving_policy_serving_and_says_why(@TempDir Path dir)
                throws Exception {
            Path broken = dir.resolve("edited.yaml");
            Files.writeString(broken, EDITED.replace("clerk: { refund: 100 }", "clerk: { refund: lots }"));
            Policy serving = Policies.parse(SHOP);

            try (ShadowPolicy shadow = Policies.shadow(serving).candidate(broken).build()) {
                assertThat(shadow.decide(CASE)).isEqualTo(serving.decide(CASE));
                assertThat(shadow.awaitIdle(PATIENCE)).isTrue();
                ShadowStatus status = shadow.status();
                assertThat(status.state()).isEqualTo(ShadowStatus.State.FAILED);
                assertThat(status.failure()).anySatisfy(p -> assertThat(p).contains("edited.yaml:").contains("lots"));
                assertThat(status.candidateRevision()).isNull();
                assertThat(status.shadowed()).isZero();
                assertThat(shadow.candidate()).isNull();
            }
        }

        @Test
        void a_listener_that_throws_does_not_stop_the_shadow() throws Exception {
            Policy serving = Policies.parse(SHOP);
            ConcurrentLinkedQueue<ShadowResult> heard = new ConcurrentLinkedQueue<>();
            try (ShadowPolicy shadow = Policies.shadow(serving).candidate(Policies.parse(EDITED))
                    .listener(r -> {
                        throw new IllegalStateException("a broken listener");
                    }).listener(heard::add).build()) {
                for (int i = 0; i < 10; i++) {
                    shadow.decide(CASE);
                }
                assertThat(shadow.awaitIdle(PATIENCE)).isTrue();
                assertThat(heard).hasSize(10).allSatisfy(r -> {
                    assertThat(r.kind()).isEqualTo(ShadowResult.Kind.DISAGREED);
                    assertThat(r.transitions()).singleElement().satisfies(t -> {
                        assertThat(t.from().approver()).isEqualTo("manager");
                        assertThat(t.to().kind()).isEqualTo(org.resolutionpolicy.api.Outcome.Kind.ALONE);
                    });
                });
                assertThat(shadow.status().disagreed()).isEqualTo(10);
            }
        }

        @Test
        void a_case_the_serving_policy_refuses_is_thrown_as_without_a_shadow_and_not_shadowed() throws Exception {
            CustomerCase unknownRole = Cases.parse("""
                    {"id": "C-2", "severity": "LOW", "employee": {"role": "intern"},
                     "proposals": [{"remedy": "refund", "amount": 80}]}""");
            Policy serving = Policies.parse(SHOP);
            try (ShadowPolicy shadow = Policies.shadow(serving).candidate(Policies.parse(EDITED)).build()) {
                Throwable alone = org.assertj.core.api.Assertions.catchThrowable(() -> serving.decide(unknownRole));
                Throwable shadowed = org.assertj.core.api.Assertions.catchThrowable(() -> shadow.decide(unknownRole));
                assertThat(shadowed).isNotNull().hasSameClassAs(alone).hasMessage(alone.getMessage());
                assertThat(shadow.awaitIdle(PATIENCE)).isTrue();
                assertThat(shadow.status().shadowed()).isZero();
            }
        }
    }

    @Nested
    @DisplayName("reloads")
    class Reloads {

        @Test
        void a_candidate_from_files_reloads_on_its_own_and_results_name_its_revision(@TempDir Path dir)
                throws Exception {
            Path file = dir.resolve("edited.yaml");
            Files.writeString(file, EDITED);
            Policy serving = Policies.parse(SHOP);
            ConcurrentLinkedQueue<ShadowResult> heard = new ConcurrentLinkedQueue<>();
            try (ShadowPolicy shadow = Policies.shadow(serving).candidate(file).listener(heard::add).build()) {
                String first = shadow.status().candidateRevision();
                assertThat(shadow.status().state()).isEqualTo(ShadowStatus.State.RUNNING);
                shadow.decide(CASE);
                assertThat(shadow.awaitIdle(PATIENCE)).isTrue();
                assertThat(heard.poll().kind()).isEqualTo(ShadowResult.Kind.DISAGREED);

                // the edit undone: the candidate now decides as the serving policy
                Files.writeString(file, EDITED.replace("refund: 100", "refund: 50"));
                long deadline = System.nanoTime() + PATIENCE.toNanos();
                while (first.equals(shadow.status().candidateRevision()) && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                assertThat(shadow.status().candidateRevision()).isNotEqualTo(first);
                shadow.decide(CASE);
                assertThat(shadow.awaitIdle(PATIENCE)).isTrue();
                ShadowResult after = heard.poll();
                assertThat(after.kind()).isEqualTo(ShadowResult.Kind.AGREED);
                assertThat(after.candidatePolicy().revision()).isEqualTo(shadow.status().candidateRevision());
            }
            assertThat(new ArrayList<>(heard)).isEmpty();
        }
    }
}
