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

/** Keeps docs/architecture.md true: which engine package may use which, and files of a readable size. */
class ArchitectureTests {

    private static final Path SOURCES = Path.of("src", "main", "java", "org", "resolutionpolicy", "engine", "internal");
    private static final Pattern IMPORT = Pattern.compile(
            "(?m)^import (?:static )?org\\.resolutionpolicy\\.engine\\.internal\\.(?:([a-z]+)\\.)?[A-Z]");

    /** The engine packages each package may import; the root package wires them all. */
    private static final Map<String, Set<String>> ALLOWED = Map.of(
            "support", Set.of(),
            "mvel", Set.of("support"),
            "yaml", Set.of("mvel", "support"),
            "eval", Set.of("support"),
            "reload", Set.of("eval", "support"),
            "shadow", Set.of());

    private static List<Path> sources() throws IOException {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        }
    }

    @Test
    void each_package_imports_only_the_packages_below_it() throws IOException {
        List<String> wrong = new ArrayList<>();
        Set<String> seen = new TreeSet<>();
        for (Path file : sources()) {
            Path relative = SOURCES.relativize(file);
            String pkg = relative.getNameCount() == 1 ? "" : relative.getName(0).toString();
            seen.add(pkg);
            Matcher m = IMPORT.matcher(Files.readString(file));
            while (m.find()) {
                String used = m.group(1) == null ? "" : m.group(1);
                if (!pkg.isEmpty() && !used.equals(pkg) && !ALLOWED.getOrDefault(pkg, Set.of()).contains(used)) {
                    wrong.add(relative + " imports internal." + (used.isEmpty() ? "<root>" : used));
                }
            }
        }
        assertThat(seen).as("packages the rules know").containsAll(ALLOWED.keySet());
        assertThat(seen).as("every package has a rule").isSubsetOf(new TreeSet<>(Set.of("", "support", "mvel", "yaml",
                "eval", "reload", "shadow")));
        assertThat(wrong).isEmpty();
    }

    @Test
    void no_source_file_is_over_600_lines() throws IOException {
        List<String> long_ = new ArrayList<>();
        for (Path file : sources()) {
            long lines = Files.readAllLines(file).size();
            if (lines > 600) {
                long_.add(file + ": " + lines);
            }
        }
        assertThat(long_).isEmpty();
    }
}
