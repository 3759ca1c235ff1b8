package org.resolutionpolicy.engine.internal.shadow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.resolutionpolicy.api.Cases;
import org.resolutionpolicy.api.CustomerCase;
import org.resolutionpolicy.api.Decision;
import org.resolutionpolicy.api.Policies;
import org.resolutionpolicy.api.Policy;

/** The ring between deciding threads and shadow workers: bounded, first in first out, nothing lost or doubled. */
class ShadowQueueTests {

    static final Policy POLICY = Policies.parse("""
            policy: shop
            version: "1"
            roles: [clerk]
            remedies:
              refund: { unit: money }
            authority:
              clerk: { refund: 50 }
            """);
    static final CustomerCase CASE = Cases.parse("""
            {"id": "C-1", "severity": "LOW", "employee": {"role": "clerk"},
             "proposals": [{"remedy": "refund", "amount": 80}]}""");
    static final Decision DECIDED = POLICY.decide(CASE);

    @ParameterizedTest(name = "capacity {0}")
    @ValueSource(ints = {1, 3, 8, 1000})
    void refuses_what_does_not_fit_and_gives_back_in_order_what_did(int capacity) {
        ShadowQueue queue = new ShadowQueue(capacity);
        List<Long> taken = new ArrayList<>();
        // several rounds, so that every slot is used again
        long number = 0;
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < capacity; i++) {
                assertThat(queue.offer(++number, CASE, POLICY, DECIDED)).isTrue();
            }
            assertThat(queue.size()).isEqualTo(capacity);
            assertThat(queue.offer(++number, CASE, POLICY, DECIDED)).as("an offer to a full ring").isFalse();
            while (queue.poll((n, c, p, d) -> {
                assertThat(c).isSameAs(CASE);
                assertThat(p).isSameAs(POLICY);
                assertThat(d).isSameAs(DECIDED);
                taken.add(n);
            })) {
                // taking
            }
            assertThat(queue.size()).isZero();
        }
        List<Long> expected = new ArrayList<>();
        for (long n = 1; n <= number; n++) {
            if (n % (capacity + 1) != 0) {
                expected.add(n);
            }
        }
        assertThat(taken).isEqualTo(expected);
    }

    @Test
    void concurrent_deciders_and_workers_take_every_queued_case_once_and_never_hold_more_than_the_capacity()
            throws Exception {
        int capacity = 64;
        int producers = 3;
        int consumers = 2;
        int perProducer = 50_000;
        ShadowQueue queue = new ShadowQueue(capacity);
        AtomicLong numbers = new AtomicLong();
        ConcurrentLinkedQueue<Long> queued = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Long> taken = new ConcurrentLinkedQueue<>();
        AtomicBoolean producing = new AtomicBoolean(true);
        AtomicLong overCapacity = new AtomicLong();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int p = 0; p < producers; p++) {
            threads.add(new Thread(() -> {
                await(start);
                for (int i = 0; i < perProducer; i++) {
                    long n = numbers.incrementAndGet();
                    if (queue.offer(n, CASE, POLICY, DECIDED)) {
                        queued.add(n);
                    }
                    if (queue.size() > capacity) {
                        overCapacity.incrementAndGet();
                    }
                }
            }));
        }
        List<Thread> workers = new ArrayList<>();
        for (int c = 0; c < consumers; c++) {
            workers.add(new Thread(() -> {
                await(start);
                ShadowQueue.Sink sink = (n, customerCase, policy, decision) -> taken.add(n);
                while (producing.get() || queue.size() > 0) {
                    if (!queue.poll(sink)) {
                        Thread.onSpinWait();
                    }
                }
            }));
        }
        threads.forEach(Thread::start);
        workers.forEach(Thread::start);
        start.countDown();
        for (Thread t : threads) {
            t.join(TimeUnit.MINUTES.toMillis(2));
        }
        producing.set(false);
        for (Thread t : workers) {
            t.join(TimeUnit.MINUTES.toMillis(2));
        }

        assertThat(overCapacity.get()).isZero();
        assertThat(queued).isNotEmpty();
        assertThat(taken.stream().sorted().toList()).as("taken, each once").isEqualTo(queued.stream().sorted().toList());
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
