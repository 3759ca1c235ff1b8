package org.resolutionpolicy.api;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Reads files, directories and classpath resources into sources. Not part of the public API. */
final class Sources {

    /**
     * UTF-8 spends at most this many bytes on one character, so a file of more bytes than this many times
     * {@link LoadOptions#maxSourceChars()} cannot be within the limit and is refused before it is read; a file of
     * fewer bytes is read and its characters are counted by the engine, which reports the excess where it is.
     */
    static final int MAX_BYTES_PER_CHAR = 4;

    /** Arrays cannot be much longer than this; a limit above it reads at most this much. */
    private static final int MAX_ARRAY = Integer.MAX_VALUE - 8;

    private Sources() {
    }

    /** Returns the most bytes a source may have to fit within the character limit of the options. */
    static long maxBytes(LoadOptions options) {
        return Math.min((long) MAX_BYTES_PER_CHAR * options.maxSourceChars(), MAX_ARRAY);
    }

    static List<PolicySource> policyFiles(Path path) {
        return policyFiles(path, LoadOptions.defaults());
    }

    static List<PolicySource> policyFiles(Path path, LoadOptions options) {
        if (Files.isDirectory(path)) {
            List<Path> files;
            try (Stream<Path> walk = Files.walk(path)) {
                files = walk.filter(f -> !hidden(path, f)).filter(Files::isRegularFile).filter(Sources::isPolicyFile)
                        .sorted().collect(Collectors.toList());
            } catch (IOException e) {
                throw new PolicyException("cannot read directory [" + path + "]: " + e.getMessage(), e);
            }
            if (files.isEmpty()) {
                throw new PolicyException("no policy files (*.yaml, *.yml, *.drl) in directory [" + path + "]");
            }
            List<PolicySource> sources = new ArrayList<>();
            for (Path file : files) {
                sources.add(read(file, options));
            }
            return sources;
        }
        return List.of(read(path, options));
    }

    /**
     * Returns true if a file below a directory is hidden or inside a hidden directory (a name starting with a dot):
     * editors' temporary files, and the {@code ..data} and {@code ..<timestamp>} directories of a Kubernetes
     * ConfigMap mount, whose files are also reachable through the mount's visible symlinks.
     */
    static boolean hidden(Path root, Path file) {
        for (Path part : root.relativize(file)) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    /** Policy files in a directory: YAML and DRL, but not scenario files ({@code *.test.yaml}) that live beside them. */
    static boolean isPolicyFile(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".test.yaml") || name.endsWith(".test.yml")) {
            return false;
        }
        return name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".drl");
    }

    static PolicySource read(Path file) {
        return read(file, LoadOptions.defaults());
    }

    static PolicySource read(Path file, LoadOptions options) {
        try {
            long size = Files.size(file);
            long max = maxBytes(options);
            if (size > max) {
                throw tooLarge(file.toString(), "[" + size + "] bytes", max, options);
            }
            return PolicySource.of(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            throw new PolicyException("no such file [" + file + "]", e);
        } catch (java.nio.charset.MalformedInputException e) {
            throw new PolicyException("file [" + file + "] is not valid UTF-8", e);
        } catch (IOException e) {
            throw new PolicyException("cannot read [" + file + "]: " + e.getMessage(), e);
        }
    }

    static PolicySource resource(ClassLoader loader, String resource, LoadOptions options) {
        String name = resource.startsWith("/") ? resource.substring(1) : resource;
        try (InputStream in = loader.getResourceAsStream(name)) {
            if (in == null) {
                throw new PolicyException("no classpath resource [" + name + "]");
            }
            int max = (int) maxBytes(options);
            byte[] bytes = in.readNBytes(max);
            if (bytes.length == max && in.read() != -1) {
                throw tooLarge("classpath:" + name, "more than [" + max + "] bytes", max, options);
            }
            return PolicySource.of("classpath:" + name, new String(bytes, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new PolicyException("cannot read classpath resource [" + name + "]: " + e.getMessage(), e);
        }
    }

    /** A source too large to read is a load problem of that source, like one found too large once read. */
    private static PolicyLoadException tooLarge(String source, String size, long max, LoadOptions options) {
        return new PolicyLoadException(List.of(Problem.error(source, 0, 0, "file is too large: " + size
                + ", at most [" + max + "] bytes for [" + options.maxSourceChars() + "] characters",
                "a policy is usually a few kilobytes; split it into several files, or raise LoadOptions.maxSourceChars")));
    }

    /**
     * Groups the sources read from a registry's directory by the entry directly inside it that holds them: a file
     * there is an entry of its own, a subdirectory one entry with every file below it. Keys are the entries' paths,
     * in name order.
     */
    static Map<String, List<PolicySource>> registryEntries(Path directory, List<PolicySource> sources) {
        Map<String, List<PolicySource>> entries = new TreeMap<>();
        for (PolicySource source : sources) {
            Path relative = directory.relativize(Path.of(source.name()));
            String entry = directory.resolve(relative.getName(0)).toString();
            entries.computeIfAbsent(entry, e -> new ArrayList<>()).add(source);
        }
        return entries;
    }
}
