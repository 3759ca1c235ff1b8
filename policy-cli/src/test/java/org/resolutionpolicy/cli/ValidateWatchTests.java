package org.resolutionpolicy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code policy validate --watch}: every save is validated again and its verdict printed. */
class ValidateWatchTests {

    @TempDir
    Path dir;

    private static boolean await(Predicate<String> condition, ByteArrayOutputStream out) throws InterruptedException {
        for (int i = 0; i < 1_000; i++) {
            if (condition.test(out.toString(StandardCharsets.UTF_8))) {
                return true;
            }
            Thread.sleep(10);
        }
        return false;
    }

    @Test
    void prints_the_problems_of_a_broken_save_then_ok_with_the_revision_of_the_fix() throws Exception {
        Path file = dir.resolve("coffee-shop.yaml");
        Files.writeString(file, PolicyCliTests.COFFEE);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        AtomicInteger exit = new AtomicInteger(-1);
        Thread cli = new Thread(() -> exit.set(PolicyCli.run(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), "validate", "--watch", dir.toString())));
        cli.start();
        try {
            assertThat(await(o -> o.contains("watching"), out)).isTrue();
            assertThat(out.toString(StandardCharsets.UTF_8)).contains("ok: " + dir, "revision 2026.11@");

            Files.writeString(file, PolicyCliTests.COFFEE.replace("barista:", "barsita:"));
            assertThat(await(o -> o.contains("unknown role [barsita]"), out)).as(out.toString()).isTrue();

            Files.writeString(file, PolicyCliTests.COFFEE.replace("2026.11", "2026.12"));
            assertThat(await(o -> o.contains("revision 2026.12@"), out)).as(out.toString()).isTrue();
            assertThat(out.toString(StandardCharsets.UTF_8)).contains("changed, validating again");
        } finally {
            cli.interrupt();
            cli.join(5_000);
        }
        assertThat(cli.isAlive()).isFalse();
        assertThat(exit.get()).isZero();
    }
}
