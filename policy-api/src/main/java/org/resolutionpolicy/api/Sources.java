package org.resolutionpolicy.api;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
                // a pipe or device named like a policy file is read, that is refused, rather than skipped unsaid
                files = walk.filter(f -> !PolicyFiles.isHidden(path, f))
                        .filter(f -> Files.isRegularFile(f) || special(f))
                        .filter(PolicyFiles::isPolicyFile).sorted().collect(Collectors.toList());
            } catch (IOException e) {
                throw new PolicyException("cannot read directory [" + path + "]: " + e.getMessage(), e);
            }
            if (files.isEmpty()) {
                throw new PolicyException("no policy files (*.yaml, *.yml, *.drl) in directory [" + path + "]: scenario"
                        + " files (*.test.yaml) and guarantees files (*.guarantees.yaml) are not policy files");
            }
            List<PolicySource> sources = new ArrayList<>();
            for (Path file : files) {
                sources.add(read(file, options));
            }
            return sources;
        }
        return List.of(read(path, options));
    }

    /** Returns true for a pipe, device or socket (or a link to one); false for a missing or looping link. */
    private static boolean special(Path file) {
        try {
            return Files.readAttributes(file, BasicFileAttributes.class).isOther();
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    static PolicySource read(Path file) {
        return read(file, LoadOptions.defaults());
    }

    /**
     * Reads a policy or case file: only a regular file (or a link to one), and at most {@link #maxBytes} bytes counted
     * while reading, since the size a special file reports says nothing ({@code /dev/zero} reports 0 and never ends)
     * and a file may grow between a look at its size and its read. A named pipe, a device, a socket or a directory is
     * refused before it is opened, so that a pipe with no writer cannot block the caller.
     */
    static PolicySource read(Path file, LoadOptions options) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            if (!attributes.isRegularFile()) {
                throw notRegular(file, attributes);
            }
            long max = maxBytes(options);
            if (attributes.size() > max) {
                throw tooLarge(file.toString(), "[" + attributes.size() + "] bytes", max, options);
            }
            byte[] bytes;
            try (InputStream in = Files.newInputStream(file)) {
                bytes = in.readNBytes((int) max);
                if (bytes.length == max && in.read() != -1) {
                    throw tooLarge(file.toString(), "more than [" + max + "] bytes", max, options);
                }
            }
            return PolicySource.of(file.toString(), StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString());
        } catch (NoSuchFileException e) {
            throw new PolicyException("no such file [" + file + "]", e);
        } catch (CharacterCodingException e) {
            throw new PolicyException("file [" + file + "] is not valid UTF-8", e);
        } catch (AccessDeniedException e) {
            throw new PolicyException("cannot read [" + file + "]: permission denied", e);
        } catch (IOException e) {
            throw new PolicyException("cannot read [" + file + "]: " + e.getMessage(), e);
        }
    }

    /**
     * Refuses a path that is not a regular file, saying what it is: with an I/O cause, since like a missing file it
     * is a file that cannot be read (the command line exits 2 on it).
     */
    private static PolicyException notRegular(Path file, BasicFileAttributes attributes) {
        String what = attributes.isDirectory() ? "a directory" : specialKind(file);
        String link = "";
        if (Files.isSymbolicLink(file)) {
            try {
                link = " (a link to [" + file.toRealPath() + "])";
            } catch (IOException | RuntimeException e) {
                link = " (a link)";
            }
        }
        String message = "[" + file + "]" + link + " is " + what + ", not a regular file: policies and cases are read "
                + "only from regular files";
        return new PolicyException(message, new FileSystemException(file.toString(), null, "not a regular file"));
    }

    /** Names a special file as its owner would: a named pipe, a device or a socket. */
    private static String specialKind(Path file) {
        try {
            int type = ((Integer) Files.getAttribute(file, "unix:mode")) & 0xF000;
            switch (type) {
                case 0x1000:
                    return "a named pipe (FIFO)";
                case 0x2000:
                    return "a character device";
                case 0x6000:
                    return "a block device";
                case 0xC000:
                    return "a socket";
                default:
                    break;
            }
        } catch (IOException | RuntimeException e) {
            // no unix view (Windows): a special file all the same
        }
        return "a special file (a pipe, device or socket)";
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
