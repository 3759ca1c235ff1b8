package org.resolutionpolicy.format.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A decision log never holds a decision for long: a process killed after it logged (SIGKILL, no shutdown hook, no
 * close) leaves every decision on disk, at once with a flush after every decision, within the flush interval by
 * default.
 */
class KilledProcessTests {

    private static final int DECISIONS = 25;

    @Test
    void a_log_that_flushes_every_decision_loses_none_when_its_process_is_killed(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("decisions.jsonl");
        Process child = start(log, 0);
        try {
            awaitLogged(child);
            child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        } finally {
            child.destroyForcibly();
        }

        assertThat(lines(log)).isEqualTo(DECISIONS);
    }

    @Test
    void a_log_with_the_default_interval_writes_its_decisions_within_it_without_a_close(@TempDir Path dir)
            throws Exception {
        Path log = dir.resolve("decisions.jsonl");
        Process child = start(log, 1000);
        try {
            awaitLogged(child);
            // the timer writes what waits; a loaded machine may take longer than the interval: poll with a deadline
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (lines(log) < DECISIONS && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        } finally {
            child.destroyForcibly();
        }

        assertThat(lines(log)).isEqualTo(DECISIONS);
    }

    private static Process start(Path log, long flushMillis) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classPath = System.getProperty("java.class.path") + File.pathSeparator
                + System.getProperty("jdk.module.path", "");
        return new ProcessBuilder(java, "-cp", classPath, LoggingChild.class.getName(), log.toString(),
                String.valueOf(DECISIONS), String.valueOf(flushMillis)).redirectErrorStream(true).start();
    }

    private static void awaitLogged(Process child) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        String line;
        StringBuilder seen = new StringBuilder();
        while ((line = out.readLine()) != null) {
            if (line.equals("logged " + DECISIONS)) {
                return;
            }
            seen.append(line).append('\n');
        }
        throw new AssertionError("the child ended before it logged: " + seen);
    }

    private static long lines(Path log) throws IOException {
        if (!Files.exists(log)) {
            return 0;
        }
        try (var lines = Files.lines(log)) {
            return lines.filter(l -> l.startsWith("{\"decisionId\"")).count();
        }
    }
}
