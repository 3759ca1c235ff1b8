package org.resolutionpolicy.engine.internal.shadow;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionHandler;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
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
 * Decides each served case again with the candidate, off the request path: a bounded queue that a small pool of daemon
 * threads drains. {@link #offer} never blocks and never throws: a case that does not fit is counted as dropped.
 *
 * <p>Thread-safe. Memory is bounded by the queue: each waiting case holds its case and served decision only.
 */
final class ShadowRunner implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ShadowRunner.class);
    /** How long {@link #close()} lets the queued cases finish before it stops the workers. */
    private static final Duration CLOSE_GRACE = Duration.ofSeconds(5);

    private final Policy candidate;
    /** The candidate the shadow loaded from files, which it closes; null for one the caller gave. */
    private final LivePolicy owned;
    private final List<String> failure;
    private final List<ShadowListener> listeners;
    private final ThreadPoolExecutor workers;
    private final AtomicLong sequence = new AtomicLong();
    /** Cases queued or being shadowed: {@link #awaitIdle} waits for none. */
    private final AtomicLong pending = new AtomicLong();
    private final LongAdder agreed = new LongAdder();
    private final LongAdder disagreed = new LongAdder();
    private final LongAdder refused = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final LongAdder dropped = new LongAdder();
    private volatile boolean closed;

    private ShadowRunner(Policy candidate, LivePolicy owned, List<String> failure, ShadowPolicy.Settings settings) {
        this.candidate = candidate;
        this.owned = owned;
        this.failure = failure;
        this.listeners = settings.listeners();
        this.workers = candidate == null ? null : pool(settings);
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

    private ThreadPoolExecutor pool(ShadowPolicy.Settings settings) {
        AtomicInteger threads = new AtomicInteger();
        ThreadFactory factory = r -> {
            Thread t = new Thread(r, "policy-shadow-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        // a full queue drops the case and counts it: the deciding thread never waits for the candidate
        RejectedExecutionHandler drop = (r, executor) -> drop(r);
        return new ThreadPoolExecutor(settings.workers(), settings.workers(), 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(settings.queueCapacity()), factory, drop);
    }

    /** Returns the candidate, or null when it failed to load. */
    Policy candidate() {
        return candidate;
    }

    /** Queues a served case for the candidate, or drops and counts it when the queue is full. Never throws. */
    void offer(CustomerCase customerCase, Policy serving, Decision served) {
        if (workers == null || closed) {
            return;
        }
        long number = sequence.incrementAndGet();
        pending.incrementAndGet();
        Task task = new Task(number, customerCase, serving, served);
        try {
            workers.execute(task);
        } catch (RuntimeException e) {
            // a pool shut down between the check and the call: the case is not shadowed, as after close
            drop(task);
        }
    }

    /** One served case waiting for the candidate: all the queue holds of it. */
    private final class Task implements Runnable {
        final long number;
        final CustomerCase customerCase;
        final Policy serving;
        final Decision served;

        Task(long number, CustomerCase customerCase, Policy serving, Decision served) {
            this.number = number;
            this.customerCase = customerCase;
            this.serving = serving;
            this.served = served;
        }

        @Override
        public void run() {
            shadow(number, customerCase, serving, served);
        }
    }

    private void drop(Runnable r) {
        pending.decrementAndGet();
        dropped.increment();
        long number = r instanceof Task t ? t.number : 0;
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
            pending.decrementAndGet();
        }
    }

    ShadowStatus status() {
        ShadowStatus.State state = closed ? ShadowStatus.State.CLOSED
                : candidate == null ? ShadowStatus.State.FAILED : ShadowStatus.State.RUNNING;
        long a = agreed.sum();
        long d = disagreed.sum();
        long r = refused.sum();
        return new ShadowStatus(state, candidate == null ? null : candidate.revision(), failure, a + d + r, a, d, r,
                failed.sum(), dropped.sum(), workers == null ? 0 : workers.getQueue().size());
    }

    /** Polls until no case is queued or being shadowed, or the time runs out. */
    boolean awaitIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (pending.get() > 0) {
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
        if (workers != null) {
            workers.shutdown();
            try {
                if (!workers.awaitTermination(CLOSE_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                    LOG.warn("shadow workers still busy after {}: {} queued cases are not shadowed", CLOSE_GRACE,
                            workers.shutdownNow().size());
                }
            } catch (InterruptedException e) {
                workers.shutdownNow();
                Thread.currentThread().interrupt();
            }
        }
        if (owned != null) {
            owned.close();
        }
    }
}
