package org.resolutionpolicy.replay;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.resolutionpolicy.api.CustomerCase;
import org.resolutionpolicy.api.InvalidCaseException;
import org.resolutionpolicy.api.PolicyException;
import org.resolutionpolicy.format.json.CaseJsonReader;
import org.resolutionpolicy.replay.LineSplitter.Batch;

/**
 * Runs a history through workers: the calling thread cuts the file into batches of lines and puts them on a bounded
 * queue; each worker reads and decides the lines of one batch at a time into a counter of its own; the counters'
 * snapshots are added up at the end ({@link HistoryCounts#plus}), as a Spark replay adds up its partitions'. Memory
 * is the queue's few batches and the counters, whatever the history's length.
 *
 * <p>With {@link BadLines#FAIL}, the first bad line stops the reading; the batches already queued are still decided,
 * so that every line before any bad line found has been seen and the bad line reported is the first of the file.
 */
final class Pipeline<S extends HistoryCounts<S, ?>> {

    private static final Batch END = new Batch(0);
    private static final long PROGRESS_NANOS = 250_000_000L;

    private final History history;
    private final int threads;
    private final BadLines badLines;
    private final Progress progress;
    private final Supplier<? extends HistoryCounter<S>> counters;
    private final BlockingQueue<Batch> queue;
    private final AtomicBoolean stop = new AtomicBoolean();
    private final AtomicReference<Throwable> crash = new AtomicReference<>();
    private final AtomicLong done = new AtomicLong();
    private final AtomicLong read = new AtomicLong();

    Pipeline(History history, int threads, BadLines badLines, Progress progress,
             Supplier<? extends HistoryCounter<S>> counters) {
        this.history = history;
        this.threads = threads;
        this.badLines = badLines;
        this.progress = progress;
        this.counters = counters;
        this.queue = new ArrayBlockingQueue<>(2 * threads);
    }

    /** Runs the history and returns what its lines hold, counted. */
    S run() {
        List<HistoryCounter<S>> results = new ArrayList<>();
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            HistoryCounter<S> counter = counters.get();
            results.add(counter);
            Thread t = new Thread(() -> work(counter), "replay-" + (i + 1));
            t.setDaemon(true);
            workers.add(t);
            t.start();
        }
        History.Opened opened = history.open();
        try (InputStream in = opened.in()) {
            feed(new LineSplitter(in), opened);
        } catch (IOException e) {
            stop.set(true);
            crash.compareAndSet(null, new HistoryException("cannot read history [" + history.name() + "] after line ["
                    + read.get() + "]: " + e.getMessage(), e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop.set(true);
            crash.compareAndSet(null, new PolicyException("the replay of [" + history.name() + "] was interrupted"));
        } finally {
            finish(workers);
        }
        progress.update(done.get(), opened.counted().count(), opened.size());
        Throwable failure = crash.get();
        if (failure instanceof RuntimeException r) {
            throw r;
        } else if (failure instanceof Error e) {
            throw e;
        }
        S counts = results.stream().map(HistoryCounter::snapshot).reduce(HistoryCounts::plus).orElseThrow();
        if (badLines == BadLines.FAIL && !counts.badLines().isEmpty()) {
            throw new HistoryException(history.name(), counts.badLines().get(0));
        }
        if (counts.cases() == 0 && counts.skippedLines() > 0) {
            // every line refused (a remedy renamed by the edit, say): a report of nothing would read as "no change"
            throw new HistoryException(history.name(), counts.skippedLines(), counts.badLines().get(0));
        }
        return counts;
    }

    private void feed(LineSplitter lines, History.Opened opened) throws IOException, InterruptedException {
        long lastReport = System.nanoTime();
        Batch batch;
        while (!stop.get() && (batch = lines.next()) != null) {
            read.addAndGet(batch.count);
            while (!queue.offer(batch, 100, TimeUnit.MILLISECONDS)) {
                if (stop.get()) {
                    return;
                }
            }
            long now = System.nanoTime();
            if (now - lastReport >= PROGRESS_NANOS) {
                lastReport = now;
                progress.update(done.get(), opened.counted().count(), opened.size());
            }
        }
    }

    /**
     * Puts one end mark per worker (each worker takes exactly one, in {@link #work} or {@link #drain}) and waits for
     * them all; marks stop being offered only when no worker is left to take them.
     */
    private void finish(List<Thread> workers) {
        boolean interrupted = false;
        int marks = 0;
        while (marks < workers.size() && workers.stream().anyMatch(Thread::isAlive)) {
            try {
                if (queue.offer(END, 100, TimeUnit.MILLISECONDS)) {
                    marks++;
                }
            } catch (InterruptedException e) {
                interrupted = true;
                stop.set(true);
            }
        }
        for (Thread worker : workers) {
            while (worker.isAlive()) {
                try {
                    worker.join();
                } catch (InterruptedException e) {
                    interrupted = true;
                    stop.set(true);
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void work(HistoryCounter<S> counter) {
        try {
            while (true) {
                Batch batch = queue.take();
                if (batch == END) {
                    return;
                }
                if (crash.get() == null) {
                    decide(batch, counter);
                }
                done.addAndGet(batch.count);
            }
        } catch (InterruptedException e) {
            stop.set(true);
        } catch (RuntimeException | Error e) {
            // a bug, or a policy that fails otherwise than by refusing a case: the run stops and says so
            stop.set(true);
            crash.compareAndSet(null, e);
            drain();
        }
    }

    /** Takes what is queued until the end mark, so that the reader and the other workers are never blocked by this one. */
    private void drain() {
        try {
            while (queue.take() != END) {
                // the run has failed: the batches are not decided
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void decide(Batch batch, HistoryCounter<S> counter) {
        for (int i = 0; i < batch.count; i++) {
            long line = batch.firstLine + i;
            int length = batch.lengths[i];
            if (length == LineSplitter.TOO_LONG) {
                bad(counter, new BadLine(line, "longer than [" + LineSplitter.MAX_LINE_BYTES + "] bytes; a case is "
                        + "one line of at most that"));
                continue;
            }
            if (batch.blank(i)) {
                counter.blank();
                continue;
            }
            try {
                Optional<CustomerCase> c = CaseJsonReader.readLine(batch.data, batch.starts[i], length, history.name(), line);
                if (c.isEmpty()) {
                    counter.passOver();
                    continue;
                }
                counter.decide(line, c.get());
            } catch (InvalidCaseException e) {
                bad(counter, BadLine.of(line, e));
            }
        }
    }

    private void bad(HistoryCounter<S> counter, BadLine line) {
        counter.skip(line);
        if (badLines == BadLines.FAIL) {
            stop.set(true);
        }
    }
}
