package org.resolutionpolicy.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * A project set up as the README says, with only {@code policy-test} in test scope: its jqwik property runs. The
 * project's test classpath is exactly what Maven gives it from this artifact (its compile and runtime dependencies,
 * written by the build to {@code target/user-test-classpath.txt}), plus the JUnit launcher that Surefire adds; its
 * test is compiled and run in a JVM of its own, so nothing of this module's test classpath leaks in.
 */
class ReadmeSetupTests {

    static final Path TARGET = Path.of("target");

    @TempDir
    static Path project;

    /** The project's test and its runner, compiled once against the project's test classpath. */
    static Path classes;

    @BeforeAll
    static void compile() throws Exception {
        Path sources = Files.createDirectories(project.resolve("src/readme"));
        classes = Files.createDirectories(project.resolve("classes"));
        List<String> javac = new ArrayList<>(List.of(tool("javac"), "-d", classes.toString(), "-cp",
                String.join(File.pathSeparator, userTestClasspath()), "-proc:none", "-nowarn"));
        for (String name : List.of("ReadmeProperties", "RunTests")) {
            Path file = sources.resolve(name + ".java");
            try (InputStream in = ReadmeSetupTests.class.getResourceAsStream("/readme-project/" + name + ".java.txt")) {
                Files.writeString(file, new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
            javac.add(file.toString());
        }
        assertThat(exec(javac, project.resolve("javac.txt"))).as("javac ends").isTrue();
        assertThat(classes.resolve("readme/RunTests.class")).as(Files.readString(project.resolve("javac.txt")))
                .exists();
    }

    @Test
    void a_property_runs_with_only_policy_test_in_test_scope() throws Exception {
        List<String> classpath = userTestClasspath();

        assertThat(run(classpath)).isEqualTo("RESULT found=1 succeeded=1 failed=0");
    }

    @Test
    void without_the_jqwik_engine_the_same_property_is_silently_skipped() throws Exception {
        // the trap the engine dependency closes: the run passes, and no property ran
        List<String> classpath = userTestClasspath().stream().filter(e -> !e.contains("jqwik-engine")).toList();

        assertThat(run(classpath)).isEqualTo("RESULT found=0 succeeded=0 failed=0");
    }

    private static String tool(String name) {
        return Path.of(System.getProperty("java.home"), "bin", name).toString();
    }

    /** Runs a command in the project directory, its output to a file; returns false if it took over a minute. */
    private static boolean exec(List<String> command, Path out) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(project.toFile()).redirectErrorStream(true)
                .redirectOutput(out.toFile()).start();
        return process.waitFor(60, TimeUnit.SECONDS);
    }

    /** Returns this artifact's classes, its compile and runtime dependencies, and the JUnit launcher. */
    private static List<String> userTestClasspath() throws IOException, URISyntaxException {
        List<String> classpath = new ArrayList<>();
        classpath.add(TARGET.resolve("classes").toAbsolutePath().toString());
        String dependencies = Files.readString(TARGET.resolve("user-test-classpath.txt")).trim();
        classpath.addAll(List.of(dependencies.split(File.pathSeparator)));
        classpath.add(Path.of(LauncherFactory.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .toString());
        return classpath;
    }

    /** Runs the project's tests on the classpath in a JVM of their own, and returns the result line. */
    private static String run(List<String> classpath) throws IOException, InterruptedException {
        List<String> runtime = new ArrayList<>(classpath);
        runtime.add(0, classes.toString());
        Path out = Files.createTempFile(project, "out", ".txt");
        assertThat(exec(List.of(tool("java"), "-Dpolicy=" + Kit.dir("policies").resolve("cafe.yaml"), "-cp",
                String.join(File.pathSeparator, runtime), "readme.RunTests"), out)).as("the project's tests end")
                .isTrue();
        List<String> lines = Files.readAllLines(out);
        return lines.stream().filter(l -> l.startsWith("RESULT ")).findFirst().orElse(String.join("\n", lines));
    }
}
