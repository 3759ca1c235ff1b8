package org.resolutionpolicy.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.resolutionpolicy.api.Cases;
import org.resolutionpolicy.api.LoadOptions;
import org.resolutionpolicy.api.Policies;
import org.resolutionpolicy.api.PolicyException;
import org.resolutionpolicy.api.PolicyLoadException;

/**
 * Policy and case files are read only from regular files, and every read is bounded while reading: a named pipe
 * with no writer would block the reader, and {@code /dev/zero} reports a size of 0 and never ends.
 */
class SpecialFileLoadTests {

    private static final Duration LIMIT = Duration.ofSeconds(30);
    private static final Path ZERO = Path.of("/dev/zero");

    @TempDir
    Path dir;

    private static final String POLICY = """
            policy: shop
            version: "1"
            roles: [agent]
            remedies:
              apology: { unit: none }
            authority:
              agent: { apology: unlimited }
            """;

    private void mkfifo(Path path) throws Exception {
        Process p = new ProcessBuilder("mkfifo", path.toString()).redirectErrorStream(true).start();
        Assumptions.assumeTrue(p.waitFor() == 0, "mkfifo is needed to make a named pipe");
    }

    @Test
    void a_named_pipe_is_refused_without_waiting_for_a_writer() throws Exception {
        Path pipe = dir.resolve("pipe.yaml");
        mkfifo(pipe);

        assertTimeoutPreemptively(LIMIT, () -> assertThatThrownBy(() -> Policies.load(pipe))
                .isInstanceOf(PolicyException.class)
                .hasMessage("[" + pipe + "] is a named pipe (FIFO), not a regular file: policies and cases are read "
                        + "only from regular files"));
    }

    @Test
    void a_named_pipe_named_like_a_policy_file_in_a_directory_is_refused_not_skipped() throws Exception {
        Files.writeString(dir.resolve("a.yaml"), POLICY);
        mkfifo(dir.resolve("pipe.yaml"));

        assertTimeoutPreemptively(LIMIT, () -> assertThatThrownBy(() -> Policies.load(dir))
                .isInstanceOf(PolicyException.class).hasMessageContaining("pipe.yaml] is a named pipe (FIFO)"));
    }

    @Test
    void dev_zero_and_a_link_to_it_are_refused_as_policies_and_as_cases() throws Exception {
        Assumptions.assumeTrue(Files.exists(ZERO), "/dev/zero is needed");
        Path link = Files.createSymbolicLink(dir.resolve("policy.yaml"), ZERO);

        assertTimeoutPreemptively(LIMIT, () -> {
            assertThatThrownBy(() -> Policies.load(ZERO)).isInstanceOf(PolicyException.class)
                    .hasMessage("[/dev/zero] is a character device, not a regular file: policies and cases are read "
                            + "only from regular files");
            assertThatThrownBy(() -> Policies.load(link)).isInstanceOf(PolicyException.class)
                    .hasMessageContaining("[" + link + "] (a link to [/dev/zero]) is a character device");
            assertThatThrownBy(() -> Cases.load(ZERO)).isInstanceOf(PolicyException.class)
                    .hasMessageContaining("is a character device, not a regular file");
        });
    }

    @Test
    void a_directory_given_as_a_case_says_so() {
        assertThatThrownBy(() -> Cases.load(dir)).isInstanceOf(PolicyException.class)
                .hasMessageContaining("is a directory, not a regular file");
    }

    @Test
    void a_read_is_bounded_while_reading_not_by_the_size_a_file_reports() throws Exception {
        // /proc files are regular files that report a size of 0 and hold more
        Path maps = Path.of("/proc/self/maps");
        Assumptions.assumeTrue(Files.isReadable(maps) && Files.size(maps) == 0, "a /proc file is needed");
        Path link = Files.createSymbolicLink(dir.resolve("policy.yaml"), maps);
        LoadOptions small = LoadOptions.builder().maxSourceChars(16).build();

        assertThatThrownBy(() -> Policies.loader(small).load(link))
                .isInstanceOfSatisfying(PolicyLoadException.class, e -> assertThat(e.errors()).singleElement()
                        .satisfies(p -> assertThat(p.message()).contains("file is too large: more than [64] bytes")));
    }
}
