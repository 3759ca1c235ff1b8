package org.resolutionpolicy.benchmarks;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import javax.management.ObjectName;
import org.resolutionpolicy.api.Cases;
import org.resolutionpolicy.api.CustomerCase;
import org.resolutionpolicy.api.Decision;
import org.resolutionpolicy.api.LivePolicy;
import org.resolutionpolicy.api.Policies;
import org.resolutionpolicy.api.ReloadEvent;

/**
 * Measures the heap a live policy retains after many reloads, to show that replaced revisions are released.
 *
 * <p>For YAML, a temporary copy of {@code examples/policies/coffee-shop.yaml} is watched; each reload changes its
 * version string, calls {@link LivePolicy#reloadNow()}, and then two long-lived threads each decide one example case
 * through the live policy (so that any per-thread state a revision keeps gets made). The retained heap (the least of
 * three readings of used heap, each after several full GCs) is read after {@code -Dyaml.first} reloads (default 100)
 * and again after {@code -Dyaml.total} (default 10,000); the second must be within 10% of the first. The same for
 * DRL with the YAML+DRL {@code drl/coffee-shop-mixed} directory ({@code -Ddrl.first}, default 100, and
 * {@code -Ddrl.total}, default 500), whose DRL rule's wait threshold is rewritten on each reload so that the rules
 * change and Drools sessions of every revision are used. The watcher's own debounce and polling are set long so that
 * it stays out of the way. {@code -Dhisto=true} also prints the classes whose live instances grew most between the
 * two readings (the JVM's class histogram), to find a leak.
 *
 * <p>Run from the repository root after {@code mvn -B -Pbenchmarks -pl benchmarks -am package -DskipTests}
 * (two to three minutes on two cores: about 8 ms a YAML reload, 150 ms a DRL one; the fixed heap keeps
 * readings comparable):
 * <pre>
 * java -Xmx512m -cp benchmarks/target/benchmarks.jar org.resolutionpolicy.benchmarks.ReloadMemory
 * java -Xmx512m -Dyaml.total=1000 -Ddrl.total=200 -Dhisto=true -cp benchmarks/target/benchmarks.jar org.resolutionpolicy.benchmarks.ReloadMemory
 * </pre>
 */
public final class ReloadMemory {

    private static final double ALLOWED_GROWTH = 1.10;

    private ReloadMemory() {
    }

    /**
     * Runs the YAML and the DRL measurement and prints them.
     *
     * @param args not used
     * @throws Exception if a reload fails or a thread is interrupted
     */
    public static void main(String[] args) throws Exception {
        boolean histo = Boolean.getBoolean("histo");
        Path yaml = Examples.find("coffee-shop.yaml");
        Path mixed = Examples.find("drl/coffee-shop-mixed");
        List<CustomerCase> cases = cases();
        System.out.println("machine: " + Runtime.getRuntime().availableProcessors() + " cores, "
                + System.getProperty("java.vm.name") + ' ' + System.getProperty("java.version") + ", max heap "
                + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB");
        if (histo) {
            // start the JMX machinery now, so that it is not counted as growth between the readings
            histogram();
        }
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            boolean ok = measure("coffee-shop.yaml", yaml, Integer.getInteger("yaml.first", 100),
                    Integer.getInteger("yaml.total", 10_000), cases, threads, histo);
            ok &= measure("drl/coffee-shop-mixed", mixed, Integer.getInteger("drl.first", 100),
                    Integer.getInteger("drl.total", 500), cases, threads, histo);
            System.out.println(ok ? "\nretained heap within 10% in both" : "\nretained heap GREW by more than 10%");
        } finally {
            threads.shutdownNow();
        }
    }

    private static List<CustomerCase> cases() throws Exception {
        Path dir = Path.of("examples", "cases", "coffee-shop");
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".yaml")).sorted().map(Cases::load).toList();
        }
    }

    /** Reloads up to first, reads the heap, goes on to total, reads it again; returns true if it grew under 10%. */
    private static boolean measure(String name, Path example, int first, int total, List<CustomerCase> cases,
                                   ExecutorService threads, boolean histo) throws Exception {
        Path copy = Examples.copyToTemp(example);
        List<Path> files = Examples.files(copy);
        Path edited = files.stream().filter(f -> f.toString().endsWith(".drl")).findFirst().orElse(files.get(0));
        String original = Examples.read(edited);
        boolean drl = edited.toString().endsWith(".drl");
        if (drl && !original.contains(">= 15")) {
            throw new IllegalStateException("[" + edited + "] has no [>= 15] threshold to rewrite");
        }
        System.out.printf("%n%s: %d then %d reloads, two threads deciding between reloads%n", name, first, total);
        long started = System.nanoTime();
        try (LivePolicy live = Policies.watch(copy).allowDrl().debounce(Duration.ofMinutes(1)).pollInterval(Duration.ofDays(1))
                .start()) {
            decideOnBoth(live, cases.get(0), threads);
            double before = retainedMb();
            System.out.printf("  after     0 reloads: %7.2f MB%n", before);
            reload(live, edited, original, drl, 0, first, cases, threads);
            double atFirst = retainedMb();
            // spooled to a file so that the histogram itself is not in the heap at the second reading
            Path histoFirst = histo ? Files.writeString(Files.createTempFile("rp-histo-", ".txt"), histogram()) : null;
            System.out.printf("  after %5d reloads: %7.2f MB%n", first, atFirst);
            reload(live, edited, original, drl, first, total, cases, threads);
            double atTotal = retainedMb();
            System.out.printf("  after %5d reloads: %7.2f MB   ratio %.3f   (%.0f s; serving %s)%n", total, atTotal,
                    atTotal / atFirst, (System.nanoTime() - started) / 1e9, live.revision());
            if (histo) {
                String now = histogram();
                printGrowth(parse(Files.readString(histoFirst)), parse(now));
                Files.delete(histoFirst);
            }
            return atTotal <= atFirst * ALLOWED_GROWTH;
        } finally {
            Examples.deleteTemp(copy);
        }
    }

    private static void reload(LivePolicy live, Path edited, String original, boolean drl, int from, int to,
                               List<CustomerCase> cases, ExecutorService threads) throws Exception {
        for (int i = from; i < to; i++) {
            String text = drl ? original.replace(">= 15", ">= " + (15 + i % 1000)) + "\n// reload " + i + "\n"
                    : Examples.withVersion(original, "memory-" + i);
            Examples.writeInPlace(edited, text);
            ReloadEvent event = live.reloadNow();
            if (event.result() != ReloadEvent.Result.LOADED) {
                throw new IllegalStateException("reload [" + i + "] did not load: " + event);
            }
            decideOnBoth(live, cases.get(i % cases.size()), threads);
        }
    }

    /** Decides the case once on each of the two threads, at the same time. */
    private static void decideOnBoth(LivePolicy live, CustomerCase c, ExecutorService threads)
            throws InterruptedException, ExecutionException {
        CountDownLatch both = new CountDownLatch(2);
        List<Future<Decision>> done = new ArrayList<>(2);
        for (int t = 0; t < 2; t++) {
            // each task waits for the other, so the two run on the pool's two threads
            done.add(threads.submit(() -> {
                both.countDown();
                both.await();
                return live.decide(c);
            }));
        }
        String serving = live.revision();
        for (Future<Decision> f : done) {
            String decidedBy = f.get().revision();
            if (!decidedBy.equals(serving)) {
                throw new IllegalStateException("case [" + c.id() + "] decided by [" + decidedBy + "], not by ["
                        + serving + "] that serves");
            }
        }
    }

    /** Returns the used heap in MB after full GCs: the least of three readings. */
    private static double retainedMb() throws InterruptedException {
        Runtime rt = Runtime.getRuntime();
        long least = Long.MAX_VALUE;
        for (int reading = 0; reading < 3; reading++) {
            for (int gc = 0; gc < 3; gc++) {
                System.gc();
                Thread.sleep(40);
            }
            least = Math.min(least, rt.totalMemory() - rt.freeMemory());
        }
        return least / (1024.0 * 1024.0);
    }

    /** Returns the JVM's class histogram of live objects (after a full GC), as {@code jcmd GC.class_histogram}. */
    private static String histogram() throws Exception {
        return (String) ManagementFactory.getPlatformMBeanServer().invoke(
                new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                new Object[] {new String[0]}, new String[] {String[].class.getName()});
    }

    /** Returns the live instances and bytes per class of a class histogram. */
    private static Map<String, long[]> parse(String text) {
        Map<String, long[]> byClass = new HashMap<>();
        for (String line : text.split("\n")) {
            String[] cols = line.trim().split("\\s+");
            if (cols.length >= 4 && cols[0].endsWith(":")) {
                byClass.put(cols[3], new long[] {Long.parseLong(cols[1]), Long.parseLong(cols[2])});
            }
        }
        return byClass;
    }

    private static void printGrowth(Map<String, long[]> before, Map<String, long[]> after) {
        System.out.println("  classes that grew most between the two readings (instances, bytes):");
        after.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), new long[] {
                    e.getValue()[0] - before.getOrDefault(e.getKey(), new long[2])[0],
                    e.getValue()[1] - before.getOrDefault(e.getKey(), new long[2])[1]}))
                .filter(e -> e.getValue()[1] > 0)
                .sorted((a, b) -> Long.compare(b.getValue()[1], a.getValue()[1]))
                .limit(15)
                .forEach(e -> System.out.printf("    %+10d %+12d  %s%n", e.getValue()[0], e.getValue()[1], e.getKey()));
    }
}
