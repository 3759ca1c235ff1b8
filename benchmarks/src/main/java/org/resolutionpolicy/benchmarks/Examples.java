package org.resolutionpolicy.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds the example policies of the repository (relative to the working directory, as {@link BenchmarkTable} does),
 * copies them to temporary directories and edits the copies the way an operator would.
 */
final class Examples {

    private static final Pattern YAML_VERSION = Pattern.compile("(?m)^version:.*$");
    private static final Pattern DRL_VERSION = Pattern.compile("@version\\(\"[^\"]*\"\\)");

    private Examples() {
    }

    /**
     * Returns the example at this path below {@code examples/policies}.
     *
     * @throws IllegalStateException if it is not there: the program was not started from the repository root
     */
    static Path find(String relative) {
        Path path = Path.of("examples", "policies", relative);
        if (!Files.exists(path)) {
            throw new IllegalStateException("cannot find [" + path + "] under the working directory ["
                    + Path.of("").toAbsolutePath() + "]: run this program from the repository root");
        }
        return path;
    }

    /** Copies a file, or the policy files of a directory, into a new temporary directory; returns the copy. */
    static Path copyToTemp(Path source) {
        try {
            Path dir = Files.createTempDirectory("rp-reload-");
            if (Files.isDirectory(source)) {
                Path copy = dir.resolve(source.getFileName());
                Files.createDirectory(copy);
                try (Stream<Path> files = Files.list(source)) {
                    for (Path f : files.filter(Files::isRegularFile).toList()) {
                        Files.copy(f, copy.resolve(f.getFileName()));
                    }
                }
                return copy;
            }
            return Files.copy(source, dir.resolve(source.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes a temporary copy and the directory it was made in, as far as it can. */
    static void deleteTemp(Path copy) {
        Path root = copy.getParent();
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            System.err.println("could not delete [" + root + "]: " + e.getMessage());
        }
    }

    /** Returns the files of a policy copy: the file itself, or the .yaml and .drl files of the directory. */
    static List<Path> files(Path copy) {
        if (!Files.isDirectory(copy)) {
            return List.of(copy);
        }
        try (Stream<Path> files = Files.list(copy)) {
            return files.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".drl")).sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Returns the text with its policy version replaced: the {@code version:} line of YAML or the
     * {@code @version("...")} of a DRL header.
     *
     * @throws IllegalArgumentException if the text declares no version
     */
    static String withVersion(String text, String version) {
        Matcher yaml = YAML_VERSION.matcher(text);
        if (yaml.find()) {
            return yaml.replaceFirst(Matcher.quoteReplacement("version: \"" + version + "\""));
        }
        Matcher drl = DRL_VERSION.matcher(text);
        if (drl.find()) {
            return drl.replaceFirst(Matcher.quoteReplacement("@version(\"" + version + "\")"));
        }
        throw new IllegalArgumentException("no version to change in a text starting [" + text.substring(0,
                Math.min(60, text.length())) + "]");
    }

    /** Reads a file as UTF-8. */
    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes a file in place (truncate, then write), as most programs save. */
    static void writeInPlace(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes a file as editors do: a hidden temporary beside it, then an atomic rename over it. */
    static void writeAtomically(Path file, String text) {
        Path tmp = file.resolveSibling("." + file.getFileName() + ".tmp");
        try {
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
