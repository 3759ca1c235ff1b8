package org.resolutionpolicy.engine.internal.shadow;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import org.resolutionpolicy.api.CustomerCase;
import org.resolutionpolicy.api.Decision;
import org.resolutionpolicy.api.InvalidCaseException;
import org.resolutionpolicy.api.LivePolicy;
import org.resolutionpolicy.api.Policies;
import org.resolutionpolicy.api.Policy;
import org.resolutionpolicy.api.PolicyException;
import org.resolutionpolicy.api.PolicyLoadException;
import org.resolutionpolicy.api.Problem;
import org.resolutionpolicy.api.ShadowListener;
import org.resolutionpolicy.api.ShadowPolicy;
import org.resolutionpolicy.api.ShadowResult;
import org.resolutionpolicy.api.ShadowStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides each served case again with the candidate, off the request path: a bounded lock-free ring
 * ({@link ShadowQueue}) that a small pool of daemon threads drains. {@link #offer} never blocks, never throws and
 * allocates nothing: a case that does not fit is counted as dropped.
 *
 * <p>The deciding thread pays one atomic increment (the case's number) and one slot of the ring. A worker never spins
 * and is never woken: when the ring is empty it sleeps, a little longer each time it finds nothing, from
 * {@value #MIN_IDLE_NANOS} to {@value #MAX_IDLE_NANOS} ns, then takes everything that waits in one go. A producer
 * never wakes it: a wake-up is a system call (on a busy service, one on nearly every decision, since a worker that
 * keeps up is asleep when the next case comes), and the request path would pay it. The sleeps also keep the worker
 * behind the producers by a batch, so that a producer fills slots whose cache lines it already holds rather than
 * taking each back from a worker that has just emptied it. The workers are daemon threads of the lowest priority (a
 * hint the operating system may ignore).
 *
 * <p>Thread-safe. Memory is bounded by the ring: each waiting case holds its case and served decision only.
 */
final class ShadowRunner implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ShadowRunner.class);
    /** How long {@link #close()} lets the queued cases finish before it stops the workers. */
    private static final Duration CLOSE_GRACE = Duration.ofSeconds(5);
    /** How long {@link #close()} waits for the decisions it caught between numbering a case and queueing it. */
    private static final Duration CLOSE_SETTLE = Duration.ofMillis(100);
    /** The first sleep of an idle worker, doubled each time up to {@link #MAX_IDLE_NANOS}. */
    static final long MIN_IDLE_NANOS = 50_000;
    /** The longest an idle worker sleeps: the most a case waits for an idle worker to look. */
    static final long MAX_IDLE_NANOS = 1_000_000;

    private final Policy candidate;
    /** The candidate the shadow loaded from files, which it closes; null for one the caller gave. */
    private final LivePolicy owned;
    private final List<String> failure;
    /** An array, so that counting a drop on the deciding thread makes no iterator. */
    private final ShadowListener[] listeners;
    private final ShadowQueue queue;
    private final List<Thread> workers;
    /** The cases offered so far: the last case's number. Only deciding threads change it. */
    private final AtomicLong sequence = new AtomicLong();
    /** The cases a worker has finished with (shadowed, or failed in the candidate). Only workers change it. */
    private final LongAdder done = new LongAdder();
    private final LongAdder agreed = new LongAdder();
    private final LongAdder disagreed = new LongAdder();
    private final LongAdder refused = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final LongAdder dropped = new LongAdder();
    /** The cases numbered but not offered to the candidate, the shadow sampling a share of the traffic. */
    private final LongAdder sampledOut = new LongAdder();
    /** The share of the cases offered to the candidate: 1, every case, or less ({@link #sampled}). */
    private final double sample;
    private volatile boolean closed;
    /** Set by {@link #close()}: workers stop once the ring is empty. */
    private volatile boolean stopping;
    /** Set by {@link #close()} when the grace ran out: workers stop at once. */
    private volatile boolean abandon;

    private ShadowRunner(Policy candidate, LivePolicy owned, List<String> failure, ShadowPolicy.Settings settings) {
        this.candidate = candidate;
        this.owned = owned;
        this.failure = failure;
        this.listeners = settings.listeners().toArray(ShadowListener[]::new);
        this.sample = settings.sample();
        this.queue = candidate == null ? null : new ShadowQueue(settings.queueCapacity());
        this.workers = candidate == null ? List.of() : startWorkers(settings.workers());
    }

    /** Loads the candidate when it is given as files, and starts the workers unless it failed to load. */
    static ShadowRunner start(ShadowPolicy.Settings settings) {
        if (settings.candidate() != null) {
            return new ShadowRunner(settings.candidate(), null, List.of(), settings);
        }
        List<java.nio.file.Path> paths = settings.candidatePaths();
        try {
            LivePolicy live = Policies.watch(paths.get(0), paths.subList(1, paths.size())
                    .toArray(java.nio.file.Path[]::new)).start();
            LOG.info("shadow candidate {} {} (revision {}) from {} decides beside {} {}", live.id(), live.version(),
                    live.revision(), paths, settings.serving().id(), settings.serving().version());
            return new ShadowRunner(live, live, List.of(), settings);
        } catch (PolicyLoadException e) {
            List<String> problems = e.errors().stream().map(Problem::toString).toList();
            LOG.warn("shadow candidate {} did not load, the serving policy {} {} serves as always and nothing is "
                    + "shadowed: {}", paths, settings.serving().id(), settings.serving().version(), problems);
            return new ShadowRunner(null, null, problems, settings);
        } catch (PolicyException e) {
            LOG.warn("shadow candidate {} did not load, the serving policy {} {} serves as always and nothing is "
                    + "shadowed: {}", paths, settings.serving().id(), settings.serving().version(), e.getMessage());
            return new ShadowRunner(null, null, List.of(String.valueOf(e.getMessage())), settings);
        }
    }

    private List<Thread> startWorkers(int count) {
        List<Thread> threads = new ArrayList<>(count);
        for (int i = 1; i <= count; i++) {
            Thread t = new Thread(this::work, "policy-shadow-" + i);
            t.setDaemon(true);
            t.setPriority(Thread.MIN_PRIORITY);
            threads.add(t);
        }
        threads.forEach(Thread::start);
        return List.copyOf(threads);
    }

    /**
     * A worker: takes everything that waits in the ring, then sleeps, a little longer each time it finds nothing,
     * until the shadow stops. It never spins.
     */
    private void work() {
        ShadowQueue.Sink sink = this::shadow;
        long sleep = MIN_IDLE_NANOS;
        while (!abandon) {
            if (queue.poll(sink)) {
                // a batch: what waited while this worker slept
                while (!abandon && queue.poll(sink)) {
                    // taking
                }
                sleep = MIN_IDLE_NANOS;
            } else if (stopping) {
                return;
            }
            if (!abandon && !stopping) {
                // no producer wakes a worker (that would put a system call on the request path): it looks again
                LockSupport.parkNanos(this, sleep);
                sleep = Math.min(sleep * 2, MAX_IDLE_NANOS);
            }
        }
    }

    /** Returns the candidate, or null when it failed to load. */
    Policy candidate() {
        return candidate;
    }

    /**
     * Queues a served case for the candidate, or drops and counts it when the ring is full. Never throws, never waits,
     * allocates nothing.
     */
    void offer(CustomerCase customerCase, Policy serving, Decision served) {
        long number = admit();
        if (number > 0) {
            if (sampled(number)) {
                enqueue(number, customerCase, serving, served);
            } else {
                sampledOut.increment();
            }
        }
    }

    /**
     * Returns whether the case of this number is offered to the candidate: always when the sample is 1; otherwise when
     * a hash of the number falls below the sample, so that the chosen share is spread over the traffic without a
     * pattern (a shadow log sampling agreements by the same numbers is not in step with it).
     */
    private boolean sampled(long number) {
        if (sample >= 1) {
            return true;
        }
        // SplittableRandom's mixer: a number's bits spread over the whole long
        long z = (number ^ (number >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        z ^= z >>> 31;
        return (z >>> 11) * 0x1.0p-53 < sample;
    }

    /** Numbers the next case to offer, or returns 0 when there is no shadow to offer it to (failed or closed). */
    long admit() {
        if (queue == null || closed) {
            return 0;
        }
        return sequence.incrementAndGet();
    }

    /**
     * Queues a numbered case, or drops and counts it when the ring is full. If the shadow closed meanwhile, its last
     * drain may have come before this case was in the ring: the deciding thread then counts what is left as dropped
     * itself (a volatile read on the request path, and nothing more while the shadow is open).
     */
    void enqueue(long number, CustomerCase customerCase, Policy serving, Decision served) {
        if (!queue.offer(number, customerCase, serving, served)) {
            drop(number);
        } else if (closed) {
            dropQueued();
        }
    }

    /** Takes every case left in the ring and counts it as dropped; returns how many. */
    private long dropQueued() {
        long[] left = new long[1];
        while (queue.poll((number, c, serving, served) -> {
            left[0]++;
            drop(number);
        })) {
            // counting
        }
        return left[0];
    }

    private void drop(long number) {
        dropped.increment();
        for (ShadowListener listener : listeners) {
            try {
                listener.onDropped(number);
            } catch (RuntimeException e) {
                LOG.warn("shadow listener {} failed on a dropped case; the shadow goes on", listener, e);
            }
        }
    }

    private void shadow(long number, CustomerCase customerCase, Policy serving, Decision served) {
        try {
            ShadowResult result;
            Policy deciding = candidate.current();
            try {
                result = ShadowResult.decided(number, customerCase, serving, served, deciding,
                        deciding.decideWithoutSentences(customerCase));
            } catch (InvalidCaseException e) {
                result = ShadowResult.refused(number, customerCase, serving, served, deciding, e);
            } catch (RuntimeException e) {
                failed.increment();
                LOG.warn("shadow candidate {} failed on case [{}] (the served decision is not touched)",
                        deciding.revision(), customerCase.id(), e);
                return;
            }
            switch (result.kind()) {
                case AGREED -> agreed.increment();
                case DISAGREED -> disagreed.increment();
                case REFUSED -> refused.increment();
            }
            for (ShadowListener listener : listeners) {
                try {
                    listener.onShadow(result);
                } catch (RuntimeException e) {
                    LOG.warn("shadow listener {} failed on case [{}]; the shadow goes on", listener,
                            customerCase.id(), e);
                }
            }
        } finally {
            done.increment();
        }
    }

    ShadowStatus status() {
        ShadowStatus.State state = closed ? ShadowStatus.State.CLOSED
                : candidate == null ? ShadowStatus.State.FAILED : ShadowStatus.State.RUNNING;
        long a = agreed.sum();
        long d = disagreed.sum();
        long r = refused.sum();
        return new ShadowStatus(state, candidate == null ? null : candidate.revision(), failure, a + d + r, a, d, r,
                failed.sum(), dropped.sum(), queue == null ? 0 : queue.size(), sampledOut.sum());
    }

    /** Polls until every case offered so far is shadowed or dropped, or the time runs out. */
    boolean awaitIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long offered = sequence.get();
        while (done.sum() + dropped.sum() + sampledOut.sum() < offered) {
            if (System.nanoTime() - deadline >= 0) {
                return false;
            }
            Thread.sleep(2);
        }
        return true;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        stopping = true;
        // a sleeping worker looks at once, finishes what waits and stops
        workers.forEach(LockSupport::unpark);
        long deadline = System.nanoTime() + CLOSE_GRACE.toNanos();
        try {
            for (Thread worker : workers) {
                long left = deadline - System.nanoTime();
                if (left > 0) {
                    worker.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (workers.stream().anyMatch(Thread::isAlive)) {
            abandon = true;
            workers.forEach(Thread::interrupt);
        }
        if (queue != null) {
            // what the grace did not let finish, or what a decision offered while the shadow closed: counted as dropped
            long left = dropQueued();
            // a decision numbered before the shadow closed may put its case in the ring only now: it is awaited a
            // moment; one that comes later still finds the shadow closed and counts its case itself (enqueue)
            long settle = System.nanoTime() + CLOSE_SETTLE.toNanos();
            while (done.sum() + dropped.sum() + sampledOut.sum() < sequence.get() && System.nanoTime() - settle < 0) {
                Thread.yield();
                left += dropQueued();
            }
            if (left > 0) {
                LOG.warn("shadow closed: {} queued cases are not shadowed (counted as dropped)", left);
            }
        }
        if (owned != null) {
            owned.close();
        }
    }
}
