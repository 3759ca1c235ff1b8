package org.resolutionpolicy.api;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Reads files, directories and classpath resources into sources. Not part of the public API. */
final class Sources {

    /** Larger files are refused before they are read: a policy or a case is kilobytes. */
    static final long MAX_BYTES = 4L * 1024 * 1024;

    private Sources() {
    }

    static List<PolicySource> policyFiles(Path path) {
        if (Files.isDirectory(path)) {
            List<Path> files;
            try (Stream<Path> walk = Files.walk(path)) {
                files = walk.filter(Files::isRegularFile).filter(Sources::isPolicyFile).sorted()
                        .collect(Collectors.toList());
            } catch (IOException e) {
                throw new PolicyException("cannot read directory [" + path + "]: " + e.getMessage(), e);
            }
            if (files.isEmpty()) {
                throw new PolicyException("no policy files (*.yaml, *.yml, *.drl) in directory [" + path + "]");
            }
            List<PolicySource> sources = new ArrayList<>();
            for (Path file : files) {
                sources.add(read(file));
            }
            return sources;
        }
        return List.of(read(path));
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
        try {
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw new PolicyException("file [" + file + "] is too large: " + size + " bytes, at most " + MAX_BYTES);
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

    static PolicySource resource(ClassLoader loader, String resource) {
        String name = resource.startsWith("/") ? resource.substring(1) : resource;
        try (InputStream in = loader.getResourceAsStream(name)) {
            if (in == null) {
                throw new PolicyException("no classpath resource [" + name + "]");
            }
            byte[] bytes = in.readNBytes((int) MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw new PolicyException("classpath resource [" + name + "] is too large: more than " + MAX_BYTES + " bytes");
            }
            return PolicySource.of("classpath:" + name, new String(bytes, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new PolicyException("cannot read classpath resource [" + name + "]: " + e.getMessage(), e);
        }
    }
}
