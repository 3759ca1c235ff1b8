package org.resolutionpolicy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code main} in a JVM of its own, as the {@code policy} script starts it: exit codes and bytes on stdout. */
@DisplayName("policy in a JVM of its own")
class PolicyCliProcessTests {

    @TempDir
    Path dir;

    /** What a JVM running {@code PolicyCli.main} printed and exited with. */
    record Exit(int code, String out, String err) {
    }

    /** Runs main with an ASCII default charset, what Java 17 picks under {@code LANG=C}, as in many containers. */
    Exit main(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dfile.encoding=US-ASCII",
                "-cp", System.getProperty("java.class.path"),
                PolicyCli.class.getName()));
        command.addAll(List.of(args));
        File out = dir.resolve("stdout").toFile();
        File err = dir.resolve("stderr").toFile();
        Process process = new ProcessBuilder(command).redirectOutput(out).redirectError(err).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("finished within a minute").isTrue();
        return new Exit(process.exitValue(), Files.readString(out.toPath(), StandardCharsets.UTF_8),
                Files.readString(err.toPath(), StandardCharsets.UTF_8));
    }

    @Test
    void exits_0_and_writes_json_in_utf8_whatever_the_default_charset() throws Exception {
        // given
        Path policy = Files.writeString(dir.resolve("p.yaml"), String.join("\n",
                "policy: cafe",
                "version: \"1\"",
                "roles: [barista]",
                "remedies: { voucher: { unit: money } }",
                "authority: { barista: { voucher: 10 } }",
                "rules:",
                "  - id: regulars",
                "    remedies: [voucher]",
                "    grant: { role: barista, upTo: 20 }",
                "    because: Regulars \u2013 \u201cthe usual\u201d \u2013 get up to \u20ac20",
                ""), StandardCharsets.UTF_8);
        Path c = Files.writeString(dir.resolve("c.yaml"),
                "{ id: C-1, severity: LOW, employee: { role: barista }, proposals: [ { remedy: voucher, amount: 15 } ] }");

        // when
        Exit exit = main("decide", policy.toString(), "--case", c.toString(), "--format", "json");

        // then
        assertThat(exit.code()).isZero();
        assertThat(exit.err()).isEmpty();
        assertThat(exit.out()).contains("\"because\": \"Regulars \u2013 \u201cthe usual\u201d \u2013 get up to \u20ac20\"");
    }

    @Test
    void exits_1_for_a_policy_with_errors_and_2_for_a_missing_file_without_stack_traces() throws Exception {
        Path broken = Files.writeString(dir.resolve("broken.yaml"), "policy: Not An Id\nversion: \"1\"\n");

        Exit invalid = main("validate", broken.toString());
        Exit missing = main("validate", dir.resolve("nope.yaml").toString());

        assertThat(invalid.code()).isEqualTo(1);
        assertThat(invalid.out()).contains(broken + ":1:9: error: policy id [Not An Id]");
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).isEqualTo("policy: no such file or directory [" + dir.resolve("nope.yaml") + "]\n");
        assertThat(invalid.err() + invalid.out() + missing.out()).doesNotContain("\tat ");
    }
}
