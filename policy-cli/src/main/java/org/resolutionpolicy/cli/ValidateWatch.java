package org.resolutionpolicy.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;
import java.util.stream.Stream;
import org.resolutionpolicy.engine.internal.reload.FileWatcher;

/**
 * {@code policy validate --watch}: validates again after every save of the watched files, so a policy owner sees
 * mistakes as they type. It uses the engine's file watcher (events, debounce, polling); a poll that finds no file's
 * size or modification time changed prints nothing.
 */
final class ValidateWatch {

    private static final Duration DEBOUNCE = Duration.ofMillis(150);
    private static final Duration POLL = Duration.ofSeconds(2);

    private ValidateWatch() {
    }

    /**
     * Watches until the thread is interrupted (Ctrl-C ends the JVM), validating after each change.
     *
     * @param validate validates every policy, printing the verdicts, and returns the exit code
     * @return the exit code of the last validation
     */
    @SuppressWarnings("try") // the watcher works on its own thread until closed; the body only waits
    static int run(List<Path> paths, IntSupplier validate, PrintWriter out, PrintWriter err) throws InterruptedException {
        AtomicInteger exit = new AtomicInteger(PolicyCli.OK);
        List<String> seen = new ArrayList<>(fingerprint(paths));
        out.println("watching " + paths + " (Ctrl-C stops)");
        out.flush();
        try (FileWatcher watcher = new FileWatcher(paths, DEBOUNCE, POLL, event -> {
            List<String> now = fingerprint(paths);
            if (!event && now.equals(seen)) {
                return;
            }
            synchronized (seen) {
                seen.clear();
                seen.addAll(now);
                out.println("--- " + LocalTime.now().truncatedTo(ChronoUnit.SECONDS) + " changed, validating again");
                exit.set(validate.getAsInt());
            }
        }, "cli")) {
            new CountDownLatch(1).await();
        } catch (IOException e) {
            err.println("policy: cannot watch " + paths + ": " + e.getMessage());
            return PolicyCli.USAGE;
        } catch (InterruptedException e) {
            return exit.get();
        }
        return exit.get();
    }

    /** Names, sizes and modification times of every file under the paths: what a poll compares. */
    private static List<String> fingerprint(List<Path> paths) {
        List<String> files = new ArrayList<>();
        for (Path path : paths) {
            try (Stream<Path> walk = Files.walk(path)) {
                walk.filter(Files::isRegularFile).sorted().forEach(f -> {
                    try {
                        files.add(f + ":" + Files.size(f) + ":" + Files.getLastModifiedTime(f).toMillis());
                    } catch (IOException e) {
                        files.add(f + ":unreadable");
                    }
                });
            } catch (IOException | RuntimeException e) {
                files.add(path + ":missing");
            }
        }
        return files;
    }
}
