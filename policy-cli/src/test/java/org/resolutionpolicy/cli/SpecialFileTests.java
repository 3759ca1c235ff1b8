package org.resolutionpolicy.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Special files given to the command line are refused with a message and exit 2, never read whole: {@code /dev/zero}
 * reports a size of 0 and never ends, and a named pipe with no writer blocks whoever opens it.
 */
class SpecialFileTests {

    private static final Duration LIMIT = Duration.ofSeconds(60);
    private static final Path ZERO = Path.of("/dev/zero");

    @TempDir
    Path dir;

    @BeforeEach
    void needsDevZero() {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(ZERO), "/dev/zero is needed");
    }

    private static PolicyCliTests.Run run(String... args) {
        return assertTimeoutPreemptively(LIMIT, () -> PolicyCliTests.run(args));
    }

    @Test
    void validate_refuses_dev_zero() {
        PolicyCliTests.Run r = run("validate", ZERO.toString());

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("policy: [/dev/zero] is a character device, not a regular file: policies and "
                + "cases are read only from regular files\n");
    }

    @Test
    void validate_refuses_a_link_to_dev_zero_saying_where_it_leads() throws IOException {
        Path link = Files.createSymbolicLink(dir.resolve("policy.yaml"), ZERO);

        PolicyCliTests.Run r = run("validate", link.toString());

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("[" + link + "] (a link to [/dev/zero]) is a character device, not a regular file");
    }

    @Test
    void validate_refuses_a_named_pipe_without_waiting_for_a_writer() throws Exception {
        Path pipe = dir.resolve("policy.yaml");
        Process p = new ProcessBuilder("mkfifo", pipe.toString()).redirectErrorStream(true).start();
        org.junit.jupiter.api.Assumptions.assumeTrue(p.waitFor() == 0, "mkfifo is needed");

        PolicyCliTests.Run r = run("validate", pipe.toString());

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("is a named pipe (FIFO), not a regular file");
    }

    @Test
    void decide_refuses_dev_zero_as_a_case() throws IOException {
        Path policy = Files.writeString(dir.resolve("policy.yaml"), PolicyCliTests.COFFEE);

        PolicyCliTests.Run r = run("decide", policy.toString(), "--case", ZERO.toString());

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("[/dev/zero] is a character device, not a regular file");
    }

    @Test
    void analyze_refuses_a_guarantees_file_linked_to_dev_zero() throws IOException {
        Path link = Files.createSymbolicLink(dir.resolve("shop.guarantees.yaml"), ZERO);

        PolicyCliTests.Run r = run("analyze", link.toString());

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("policy: guarantees file [" + link + "] is a pipe, device or socket, not a "
                + "regular file: it is read only from a regular file\n");
    }

    @Test
    void analyze_refuses_a_guarantees_file_over_its_limit_while_reading_it() throws IOException {
        Path big = dir.resolve("big.guarantees.yaml");
        Files.write(big, new byte[BoundedFiles.MAX_GUARANTEES_BYTES + 1]);

        PolicyCliTests.Run r = run("analyze", big.toString());

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("policy: guarantees file [" + big + "] is larger than 4 MiB (4,194,304 bytes): "
                + "a guarantees file is usually a few kilobytes\n");
    }

    @Test
    void log_summary_stops_at_the_first_endless_line_of_dev_zero() {
        PolicyCliTests.Run r = run("log-summary", ZERO.toString());

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("policy: line 1 of [/dev/zero] is longer than 1,048,576 characters: this is not "
                + "a decision log, whose lines are one decision each, of a few kilobytes\n");
    }
}
