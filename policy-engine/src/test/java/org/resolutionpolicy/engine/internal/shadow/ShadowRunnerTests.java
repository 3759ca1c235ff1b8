package org.resolutionpolicy.engine.internal.shadow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.resolutionpolicy.engine.internal.shadow.ShadowQueueTests.CASE;
import static org.resolutionpolicy.engine.internal.shadow.ShadowQueueTests.DECIDED;
import static org.resolutionpolicy.engine.internal.shadow.ShadowQueueTests.POLICY;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.Test;
import org.resolutionpolicy.api.Policies;
import org.resolutionpolicy.api.ShadowListener;
import org.resolutionpolicy.api.ShadowPolicy;
import org.resolutionpolicy.api.ShadowResult;
import org.resolutionpolicy.api.ShadowStatus;

/** The shadow's runner: every case offered is shadowed or counted as dropped, also while it closes. */
class ShadowRunnerTests {

    /** Counts what the listeners hear. */
    static final class Counting implements ShadowListener {
        final LongAdder shadowed = new LongAdder();
        final LongAdder dropped = new LongAdder();

        @Override
        public void onShadow(ShadowResult result) {
            shadowed.increment();
        }

        @Override
        public void onDropped(long sequence) {
            dropped.increment();
        }
    }

    private static ShadowRunner start(int capacity, ShadowListener listener) {
        return ShadowRunner.start(new ShadowPolicy.Settings(POLICY, POLICY, List.of(), capacity, 1,
                List.of(listener)));
    }

    @Test
    void a_case_offered_while_the_shadow_closes_after_its_last_drain_is_counted_as_dropped() throws Exception {
        Counting heard = new Counting();
        ShadowRunner runner = start(8, heard);
        // the deciding thread has passed the check that the shadow is open ...
        long number = runner.admit();
        assertThat(number).isEqualTo(1);
        // ... when close() stops the workers and drains a ring that is still empty ...
        runner.close();
        // ... and only then puts its case in the ring
        runner.enqueue(number, CASE, POLICY, DECIDED);

        assertThat(runner.awaitIdle(Duration.ofSeconds(10))).as("every case offered is shadowed or dropped").isTrue();
        ShadowStatus status = runner.status();
        assertThat(status.dropped()).isEqualTo(1);
        assertThat(status.shadowed()).isZero();
        assertThat(status.queued()).as("no case is left in a closed shadow's ring").isZero();
        assertThat(heard.dropped.sum()).isEqualTo(1);
    }

    @Test
    void a_sample_offers_a_share_of_the_cases_and_counts_the_others_as_sampled_out() throws Exception {
        Counting heard = new Counting();
        ShadowRunner runner = ShadowRunner.start(new ShadowPolicy.Settings(POLICY, POLICY, List.of(), 10_000, 1,
                List.of(heard), 0.1));
        int cases = 5_000;
        for (int i = 0; i < cases; i++) {
            runner.offer(CASE, POLICY, DECIDED);
        }
        assertThat(runner.awaitIdle(Duration.ofSeconds(30))).isTrue();
        ShadowStatus status = runner.status();
        runner.close();
        assertThat(status.dropped()).as("sampled out is not dropped").isZero();
        assertThat(status.shadowed() + status.sampledOut()).isEqualTo(cases);
        assertThat(status.shadowed()).as("about a tenth").isBetween(350L, 650L);
        assertThat(heard.shadowed.sum()).isEqualTo(status.shadowed());
        assertThat(heard.dropped.sum()).isZero();
    }

    @Test
    void a_sample_outside_0_to_1_is_refused_with_its_value() {
        for (double bad : new double[] {0, -0.5, 1.5, Double.NaN}) {
            assertThatThrownBy(() -> Policies.shadow(POLICY).candidate(POLICY).sample(bad))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("sample must be more than 0 and at most 1").hasMessageContaining("[" + bad);
        }
        Policies.shadow(POLICY).candidate(POLICY).sample(1);
    }

    @Test
    void every_case_is_shadowed_by_default() throws Exception {
        ShadowRunner runner = start(1_000, new Counting());
        for (int i = 0; i < 500; i++) {
            runner.offer(CASE, POLICY, DECIDED);
        }
        assertThat(runner.awaitIdle(Duration.ofSeconds(30))).isTrue();
        assertThat(runner.status().shadowed()).isEqualTo(500);
        assertThat(runner.status().sampledOut()).isZero();
        runner.close();
    }

    @Test
    void cases_decided_while_the_shadow_closes_are_each_shadowed_or_dropped() throws Exception {
        for (int round = 0; round < 20; round++) {
            Counting heard = new Counting();
            ShadowRunner runner = start(4, heard);
            AtomicBoolean going = new AtomicBoolean(true);
            List<Thread> deciding = new ArrayList<>();
            LongAdder offered = new LongAdder();
            for (int t = 0; t < 3; t++) {
                Thread thread = new Thread(() -> {
                    while (going.get()) {
                        runner.offer(CASE, POLICY, DECIDED);
                        offered.increment();
                    }
                });
                deciding.add(thread);
                thread.start();
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (runner.status().shadowed() + runner.status().dropped() < 50 && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            runner.close();
            going.set(false);
            for (Thread thread : deciding) {
                thread.join();
            }

            assertThat(runner.awaitIdle(Duration.ofSeconds(10))).as("round %d: every case offered is counted", round)
                    .isTrue();
            ShadowStatus status = runner.status();
            assertThat(status.queued()).isZero();
            assertThat(status.shadowed() + status.dropped()).isPositive().isLessThanOrEqualTo(offered.sum());
            assertThat(heard.shadowed.sum()).isEqualTo(status.shadowed());
            assertThat(heard.dropped.sum()).isEqualTo(status.dropped());
        }
    }
}
