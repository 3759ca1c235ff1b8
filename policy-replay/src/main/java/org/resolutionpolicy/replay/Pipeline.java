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
import org.resolutionpolicy.api.CaseProblem;
import org.resolutionpolicy.api.CustomerCase;
import org.resolutionpolicy.api.InvalidCaseException;
import org.resolutionpolicy.api.PolicyException;
import org.resolutionpolicy.format.json.CaseJsonReader;
import org.resolutionpolicy.replay.LineSplitter.Batch;

/**
 * Runs a history through workers: the calling thread cuts the file into batches of lines and puts them on a bounded
 * queue; each worker reads and decides the lines of one batch at a time into a tally of its own; the tallies are
 * merged at the end. Memory is the queue's few batches and the tallies, whatever the history's length.
 *
 * <p>With {@link BadLines#FAIL}, the first bad line stops the reading; the batches already queued are still decided,
 * so that every line before any bad line found has been seen and the bad line reported is the first of the file.
 */
final class Pipeline<T extends Tally<T>> {

    private static final Batch END = new Batch(0);
    private static final long PROGRESS_NANOS = 250_000_000L;

    private final History history;
    private final int threads;
    private final BadLines badLines;
    private final Progress progress;
    private final Supplier<T> tallies;
    private final BlockingQueue<Batch> queue;
    private final AtomicBoolean stop = new AtomicBoolean();
    private final AtomicReference<Throwable> crash = new AtomicReference<>();
    private final AtomicLong done = new AtomicLong();
    private final AtomicLong read = new AtomicLong();

    Pipeline(History history, int threads, BadLines badLines, Progress progress, Supplier<T> tallies) {
        this.history = history;
        this.threads = threads;
        this.badLines = badLines;
        this.progress = progress;
        this.tallies = tallies;
        this.queue = new ArrayBlockingQueue<>(2 * threads);
    }

    /** Runs the history and returns the merged tally and the number of lines read. */
    Result<T> run() {
        List<T> results = new ArrayList<>();
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            T tally = tallies.get();
            results.add(tally);
            Thread t = new Thread(() -> work(tally), "replay-" + (i + 1));
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
        T merged = results.get(0);
        for (int i = 1; i < results.size(); i++) {
            merged.merge(results.get(i));
            merged.mergeLines(results.get(i));
        }
        if (badLines == BadLines.FAIL && !merged.badLines.isEmpty()) {
            throw new HistoryException(history.name(), merged.badLines.get(0));
        }
        return new Result<>(merged, read.get());
    }

    /**
     * The merged tally of a run.
     *
     * @param tally the counts
     * @param lines every line read
     */
    record Result<T>(T tally, long lines) {
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

    private void work(T tally) {
        try {
            while (true) {
                Batch batch = queue.take();
                if (batch == END) {
                    return;
                }
                if (crash.get() == null) {
                    decide(batch, tally);
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

    private void decide(Batch batch, T tally) {
        for (int i = 0; i < batch.count; i++) {
            long line = batch.firstLine + i;
            int length = batch.lengths[i];
            if (length == LineSplitter.TOO_LONG) {
                bad(tally, new BadLine(line, "longer than [" + LineSplitter.MAX_LINE_BYTES + "] bytes; a case is one "
                        + "line of at most that"));
                continue;
            }
            if (batch.blank(i)) {
                continue;
            }
            try {
                Optional<CustomerCase> c = CaseJsonReader.readLine(batch.data, batch.starts[i], length, history.name(), line);
                if (c.isEmpty()) {
                    tally.passedOver++;
                    continue;
                }
                tally.decide(line, c.get());
                tally.cases++;
            } catch (InvalidCaseException e) {
                bad(tally, new BadLine(line, message(e)));
            }
        }
    }

    private void bad(T tally, BadLine line) {
        tally.bad(line);
        if (badLines == BadLines.FAIL) {
            stop.set(true);
        }
    }

    /** Returns the problems of a case on one line: {@code invalid case [C-1]: severity: unknown ...; ...}. */
    static String message(InvalidCaseException e) {
        String header = e.getMessage().lines().findFirst().orElse("invalid case");
        String name = header.contains(":") ? header.substring(0, header.lastIndexOf(':')) : header;
        StringBuilder out = new StringBuilder(name).append(": ");
        List<CaseProblem> problems = e.problems();
        for (int i = 0; i < problems.size(); i++) {
            out.append(i == 0 ? "" : "; ").append(problems.get(i));
        }
        return out.toString();
    }
}
