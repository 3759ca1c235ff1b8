package org.resolutionpolicy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CLI started as a module ({@code java --module-path ... -m org.resolutionpolicy.cli}), in a JVM of its own:
 * proves that every module descriptor resolves (no split package, every {@code requires} there, the qualified
 * exports enough) and that the services are bound: the engine through the API, the DRL compiler through the engine.
 */
@DisplayName("policy on the module path")
class PolicyCliModulePathTests {

    static final Path EXAMPLES = Path.of("..", "examples");

    @TempDir
    Path dir;

    /** What the module JVM printed and exited with. */
    record Exit(int code, String out, String err) {
    }

    /** The test class path without this module's tests: the CLI's own classes, its siblings' and the libraries. */
    static String modulePath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.endsWith("test-classes"))
                .collect(Collectors.joining(File.pathSeparator));
    }

    Exit module(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--module-path", modulePath(),
                "-m", "org.resolutionpolicy.cli/org.resolutionpolicy.cli.PolicyCli"));
        command.addAll(List.of(args));
        File out = dir.resolve("stdout").toFile();
        File err = dir.resolve("stderr").toFile();
        Process process = new ProcessBuilder(command).redirectOutput(out).redirectError(err).start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("finished within two minutes").isTrue();
        return new Exit(process.exitValue(), Files.readString(out.toPath(), StandardCharsets.UTF_8),
                Files.readString(err.toPath(), StandardCharsets.UTF_8));
    }

    @Test
    void decides_a_case_with_a_yaml_policy_and_drl_rules_beside_it() throws Exception {
        Exit exit = module("decide", EXAMPLES.resolve("policies/drl/coffee-shop-mixed").toString(),
                "--case", EXAMPLES.resolve("cases/coffee-shop/03-gift-card-refund.yaml").toString(), "--format", "json");

        assertThat(exit.err()).isEmpty();
        assertThat(exit.code()).isZero();
        assertThat(exit.out()).contains("\"policy\"").contains("\"outcome\"");
    }

    @Test
    void runs_scenario_files_through_the_test_kit() throws Exception {
        Exit exit = module("test", EXAMPLES.resolve("policies/coffee-shop.test.yaml").toString());

        assertThat(exit.err()).isEmpty();
        assertThat(exit.code()).isZero();
        assertThat(exit.out()).contains("PASS  coffee-shop.test.yaml").contains(" 0 failed");
    }
}
