package org.resolutionpolicy.engine.internal.reload;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.resolutionpolicy.api.PolicyFiles;

/**
 * What a live policy's own files look like now, without opening any of them: for each policy file under the watched
 * paths (the files {@code Policies.load} reads: a watched file itself, and below a watched directory every
 * policy file by {@link PolicyFiles}: not hidden, nor a scenario or guarantees file), its kind, size,
 * modification time and identity, following links.
 *
 * <p>Two looks that differ say the files changed in between: the watcher ignores events that change nothing of its
 * own files (an application log beside a policy), and a reload reads again files that changed while it read them or
 * too recently to be whole.
 *
 * @param files each file and its stamp, in walk order
 */
record FileStamps(Map<Path, Stamp> files) {

    /** What a look at one file found. */
    enum Kind {
        /** A regular file, or a link to one. */
        FILE,
        /** A directory where a file is watched. */
        DIRECTORY,
        /** A pipe, device or socket, or a link to one. */
        SPECIAL,
        /** Missing, a dangling or looping link, or a file that cannot be looked at. */
        MISSING
    }

    /**
     * One file's stamp.
     *
     * @param kind what it is
     * @param size its size in bytes (0 unless a file)
     * @param modified its modification time in nanoseconds since the epoch (0 unless a file)
     * @param identity the file system's key of the file (device and inode), which changes when a file is replaced
     */
    record Stamp(Kind kind, long size, long modified, Object identity) {

        static final Stamp MISSING = new Stamp(Kind.MISSING, 0, 0, null);
    }

    FileStamps {
        files = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(files));
    }

    /** Looks at the policy files under the paths now, opening none of them. */
    static FileStamps of(List<Path> paths) {
        Map<Path, Stamp> files = new LinkedHashMap<>();
        for (Path path : paths) {
            Stamp stamp = stamp(path);
            if (stamp.kind() != Kind.DIRECTORY) {
                files.put(path, stamp);
                continue;
            }
            try (Stream<Path> walk = Files.walk(path)) {
                walk.filter(f -> !PolicyFiles.isHidden(path, f) && PolicyFiles.isPolicyFile(f) && !Files.isDirectory(f))
                        .forEach(f -> files.put(f, stamp(f)));
            } catch (IOException | RuntimeException e) {
                // a directory that vanishes or cannot be listed mid-walk: a look of its own, unlike any other
                files.put(path, new Stamp(Kind.MISSING, 0, 0, Objects.toString(e.getMessage())));
            }
        }
        return new FileStamps(files);
    }

    private static Stamp stamp(Path path) {
        try {
            BasicFileAttributes a = Files.readAttributes(path, BasicFileAttributes.class);
            if (a.isRegularFile()) {
                return new Stamp(Kind.FILE, a.size(), a.lastModifiedTime().to(TimeUnit.NANOSECONDS), a.fileKey());
            }
            return new Stamp(a.isDirectory() ? Kind.DIRECTORY : Kind.SPECIAL, 0, 0, a.fileKey());
        } catch (IOException | RuntimeException e) {
            return Stamp.MISSING;
        }
    }

    /** Returns true if the path is one of these files. */
    boolean concerns(Path path) {
        return files.containsKey(path);
    }

    /**
     * Returns the newest modification time of the files, in nanoseconds since the epoch, or {@link Long#MAX_VALUE}
     * when one is not a regular file (so that only a look repeated after the settle time can settle it).
     */
    long newest() {
        long newest = Long.MIN_VALUE;
        for (Stamp stamp : files.values()) {
            if (stamp.kind() != Kind.FILE) {
                return Long.MAX_VALUE;
            }
            newest = Math.max(newest, stamp.modified());
        }
        return newest;
    }

    /** Returns the file of the newest modification time, or the first that is not a regular file; null if none. */
    Path newestFile() {
        Path newest = null;
        long time = Long.MIN_VALUE;
        for (Map.Entry<Path, Stamp> e : files.entrySet()) {
            if (e.getValue().kind() != Kind.FILE) {
                return e.getKey();
            }
            if (e.getValue().modified() > time) {
                time = e.getValue().modified();
                newest = e.getKey();
            }
        }
        return newest;
    }

    /** Returns a file that looks different in the other look, or is in one look only; null if the looks are equal. */
    Path differentFrom(FileStamps other) {
        for (Map.Entry<Path, Stamp> e : files.entrySet()) {
            if (!e.getValue().equals(other.files.get(e.getKey()))) {
                return e.getKey();
            }
        }
        for (Path path : other.files.keySet()) {
            if (!files.containsKey(path)) {
                return path;
            }
        }
        return null;
    }
}
