package org.resolutionpolicy.benchmarks;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.resolutionpolicy.api.LivePolicy;
import org.resolutionpolicy.api.Policies;
import org.resolutionpolicy.api.PolicyWatch;
import org.resolutionpolicy.api.ReloadEvent;
import org.resolutionpolicy.api.ReloadListener;

/**
 * Measures hot reload through the public API: how long after a save returns the live policy serves the new
 * revision, and what one reload costs.
 *
 * <p><b>Latency.</b> A temporary copy of {@code examples/policies/coffee-shop.yaml} is watched with the default
 * debounce ({@link PolicyWatch#DEFAULT_DEBOUNCE}) and polling, then saved {@code -Dreloads} times (default 200) with a
 * new version string, alternately in place (truncate and write) and as editors do (a temporary file renamed over
 * it). Each latency runs from the save returning to the moment the reload listener hears of the new revision, which
 * it does right after the swap; the live policy's revision is checked too. The floor is the debounce.
 *
 * <p><b>Cost.</b> For each example (coffee-shop.yaml, online-retailer.yaml, the DRL-only {@code drl/coffee-shop}
 * directory and the YAML+DRL {@code drl/coffee-shop-mixed} directory) a copy is watched with the longest debounce and
 * polling, so that the watcher stays out of the way, and its version is changed {@code -DcostReloads} times (default
 * 100, after 20 warm-up reloads), each followed by a timed {@link LivePolicy#reloadNow()}. For the mixed policy the
 * DRL file is edited (a comment), so that its rules are compiled on each reload as an edit to them would.
 *
 * <p>Run from the repository root after {@code mvn -B -Pbenchmarks -pl benchmarks -am package -DskipTests}:
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar org.resolutionpolicy.benchmarks.ReloadLatency
 * java -Dreloads=20 -DcostReloads=10 -cp benchmarks/target/benchmarks.jar org.resolutionpolicy.benchmarks.ReloadLatency
 * </pre>
 * The full run takes about a minute (200 saves at a little over the debounce each, and 480 timed reloads).
 */
public final class ReloadLatency {

    private static final int WARMUP = 20;
    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    private ReloadLatency() {
    }

    /**
     * Runs both measurements and prints them.
     *
     * @param args not used
     * @throws InterruptedException if interrupted while waiting for a reload
     */
    public static void main(String[] args) throws InterruptedException {
        int reloads = Integer.getInteger("reloads", 200);
        int costReloads = Integer.getInteger("costReloads", 100);
        Path coffee = Examples.find("coffee-shop.yaml");
        List<Path> costExamples = List.of(coffee, Examples.find("online-retailer.yaml"),
                Examples.find("drl/coffee-shop"), Examples.find("drl/coffee-shop-mixed"));

        System.out.println("machine: " + Runtime.getRuntime().availableProcessors() + " cores, "
                + System.getProperty("java.vm.name") + ' ' + System.getProperty("java.version"));
        System.out.println("\nSave to serving, coffee-shop.yaml, debounce " + PolicyWatch.DEFAULT_DEBOUNCE.toMillis()
                + " ms (default), " + reloads + " saves");
        latency(coffee, reloads);

        System.out.println("\nReload cost: reloadNow() of a changed policy, " + costReloads + " reloads after "
                + WARMUP + " warm-up");
        for (Path example : costExamples) {
            Samples s = cost(example, costReloads);
            System.out.printf("  %-26s median %8.2f ms   p99 %8.2f ms%n",
                    Path.of("examples", "policies").relativize(example), s.quantileMillis(0.5),
                    s.quantileMillis(0.99));
        }
    }

    /** A reload event and when the listener heard it. */
    private record Heard(ReloadEvent event, long nanos) {
    }

    private static void latency(Path example, int reloads) throws InterruptedException {
        Path file = Examples.copyToTemp(example);
        String original = Examples.read(file);
        BlockingQueue<Heard> heard = new LinkedBlockingQueue<>();
        ReloadListener listener = event -> heard.add(new Heard(event, System.nanoTime()));
        Samples inPlace = new Samples();
        Samples renamed = new Samples();
        Samples all = new Samples();
        int otherEvents = 0;
        try (LivePolicy live = Policies.watch(file).allowDrl().listener(listener).start()) {
            for (int i = 0; i < reloads; i++) {
                String version = "latency-" + i;
                String text = Examples.withVersion(original, version);
                boolean atomic = i % 2 == 1;
                long start;
                if (atomic) {
                    Examples.writeAtomically(file, text);
                } else {
                    Examples.writeInPlace(file, text);
                }
                start = System.nanoTime();
                long deadline = start + TIMEOUT.toNanos();
                Heard arrived = null;
                while (arrived == null) {
                    Heard h = heard.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                    if (h == null) {
                        throw new IllegalStateException("save [" + i + "] not served within " + TIMEOUT
                                + "; serving [" + live.revision() + "], last attempt " + live.status());
                    }
                    if (h.event.loaded() && h.event.revision().startsWith(version + "@")) {
                        arrived = h;
                    } else {
                        otherEvents++;
                    }
                }
                if (!live.revision().startsWith(version + "@")) {
                    throw new IllegalStateException("listener heard [" + arrived.event.revision()
                            + "] but the live policy serves [" + live.revision() + "]");
                }
                long took = arrived.nanos - start;
                all.add(took);
                (atomic ? renamed : inPlace).add(took);
            }
        } finally {
            Examples.deleteTemp(file);
        }
        System.out.println("  all           " + all.summary());
        System.out.println("  in place      " + inPlace.summary());
        System.out.println("  rename-save   " + renamed.summary());
        System.out.println("  other reload events heard (failed, or an intermediate revision): " + otherEvents);
    }

    private static Samples cost(Path example, int reloads) {
        Path copy = Examples.copyToTemp(example);
        List<Path> files = Examples.files(copy);
        // a DRL file beside YAML (mixed) is the one edited; alone, the file itself
        Path edited = files.stream().filter(f -> f.toString().endsWith(".drl")).findFirst().orElse(files.get(0));
        boolean comment = files.size() > 1;
        String original = Examples.read(edited);
        Samples samples = new Samples();
        try (LivePolicy live = Policies.watch(copy).allowDrl().debounce(Duration.ofMinutes(1)).pollInterval(Duration.ofDays(1))
                .start()) {
            for (int i = 0; i < WARMUP + reloads; i++) {
                String text = comment ? original + "\n// edit " + i + "\n" : Examples.withVersion(original, "cost-" + i);
                Examples.writeInPlace(edited, text);
                long start = System.nanoTime();
                ReloadEvent event = live.reloadNow();
                long took = System.nanoTime() - start;
                if (event.result() != ReloadEvent.Result.LOADED) {
                    throw new IllegalStateException("reload [" + i + "] of [" + example + "] did not load: " + event);
                }
                if (i >= WARMUP) {
                    samples.add(took);
                }
            }
        } finally {
            Examples.deleteTemp(copy);
        }
        return samples;
    }
}
