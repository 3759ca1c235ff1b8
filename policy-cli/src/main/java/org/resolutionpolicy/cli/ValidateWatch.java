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
import java.util.function.IntSupplier;
import java.util.stream.Stream;

/**
 * {@code policy validate --watch}: validates again after every save of the watched files, so a policy owner sees
 * mistakes as they type. It compares every file's name, size and modification time a few times a second; a save
 * is validated once the files have stayed the same for one more look (an editor's write settles first).
 */
final class ValidateWatch {

    private static final Duration LOOK = Duration.ofMillis(250);

    private ValidateWatch() {
    }

    /**
     * Watches until the thread is interrupted (Ctrl-C ends the JVM), validating after each change.
     *
     * @param validate validates every policy, printing the verdicts, and returns the exit code
     * @return the exit code of the last validation
     */
    static int run(List<Path> paths, IntSupplier validate, PrintWriter out, PrintWriter err) throws InterruptedException {
        int exit = PolicyCli.OK;
        List<String> seen = fingerprint(paths);
        List<String> last = seen;
        out.println("watching " + paths + " (Ctrl-C stops)");
        out.flush();
        while (!Thread.currentThread().isInterrupted()) {
            try {
                Thread.sleep(LOOK.toMillis());
            } catch (InterruptedException e) {
                return exit;
            }
            List<String> now = fingerprint(paths);
            // a change is validated once it has settled: the same on two looks in a row
            if (now.equals(last) && !now.equals(seen)) {
                seen = now;
                out.println("--- " + LocalTime.now().truncatedTo(ChronoUnit.SECONDS) + " changed, validating again");
                exit = validate.getAsInt();
                out.flush();
            }
            last = now;
        }
        return exit;
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
