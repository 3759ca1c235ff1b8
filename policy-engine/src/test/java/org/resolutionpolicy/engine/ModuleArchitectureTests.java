package org.resolutionpolicy.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps the house of docs/architecture.md true across modules: which module's main code may import which
 * module's packages, and that nothing but the engine itself reaches into {@code engine.internal}, in main or test
 * code. The engine's own packages are kept by {@link ArchitectureTests}.
 */
class ModuleArchitectureTests {

    private static final Path ROOT = Path.of("..");
    private static final Pattern IMPORT = Pattern.compile(
            "(?m)^import (?:static )?(org\\.resolutionpolicy\\.[a-z]+(?:\\.spi)?)\\b");

    /** The packages each module's main code may import, by the package's first names. */
    private static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
            Map.entry("policy-api", Set.of("api", "api.spi")),
            Map.entry("policy-model", Set.of("api", "model")),
            Map.entry("policy-format", Set.of("api", "api.spi", "model", "format")),
            Map.entry("policy-engine", Set.of("api", "api.spi", "model", "format", "engine", "engine.spi", "schema")),
            Map.entry("policy-drools", Set.of("api", "model", "format", "engine.spi", "drools")),
            Map.entry("policy-analysis", Set.of("api", "model", "format", "analysis")),
            Map.entry("policy-replay", Set.of("api", "model", "format", "replay")),
            Map.entry("policy-report", Set.of("api", "model", "format", "replay", "report")),
            Map.entry("policy-spark", Set.of("api", "model", "format", "replay", "report", "spark")),
            Map.entry("policy-test", Set.of("api", "model", "format", "test")),
            Map.entry("policy-cli", Set.of("api", "model", "format", "drools", "analysis", "replay", "report",
                    "test", "cli")),
            Map.entry("policy-spring-boot-starter", Set.of("api", "model", "format", "spring")));

    @Test
    void each_module_imports_only_the_modules_below_it() throws IOException {
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, Set<String>> module : ALLOWED.entrySet()) {
            for (Path file : sources(ROOT.resolve(module.getKey()).resolve("src/main/java"))) {
                Matcher m = IMPORT.matcher(Files.readString(file));
                while (m.find()) {
                    String used = m.group(1).substring("org.resolutionpolicy.".length());
                    if (!module.getValue().contains(used)) {
                        wrong.add(ROOT.relativize(file) + " imports " + m.group(1));
                    }
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void no_module_but_the_engine_reaches_into_its_internals() throws IOException {
        Set<String> modules = new TreeSet<>();
        try (Stream<Path> dirs = Files.list(ROOT)) {
            dirs.filter(d -> Files.isDirectory(d.resolve("src"))).forEach(d -> modules.add(d.getFileName().toString()));
        }
        assertThat(modules).as("modules the rules know").containsAll(ALLOWED.keySet());
        List<String> wrong = new ArrayList<>();
        for (String module : modules) {
            if (module.equals("policy-engine")) {
                continue;
            }
            for (Path file : sources(ROOT.resolve(module).resolve("src"))) {
                if (Files.readString(file).contains("org.resolutionpolicy.engine.internal")) {
                    wrong.add(ROOT.relativize(file).toString());
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void no_main_source_file_of_any_module_is_over_600_lines() throws IOException {
        List<String> long_ = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(ROOT)) {
            for (Path dir : dirs.filter(d -> Files.isDirectory(d.resolve("src/main/java"))).toList()) {
                for (Path file : sources(dir.resolve("src/main/java"))) {
                    long lines = Files.readAllLines(file).size();
                    if (lines > 600) {
                        long_.add(ROOT.relativize(file) + ": " + lines);
                    }
                }
            }
        }
        assertThat(long_).isEmpty();
    }

    private static List<Path> sources(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(f -> f.toString().endsWith(".java") && !f.toString().contains("/target/")).sorted()
                    .toList();
        }
    }
}
