package org.resolutionpolicy.report;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs headless Chromium (the Debian package {@code chromium}) on a page: its DOM after the page's script ran, or a
 * screenshot. Each run gets a profile directory of its own, so that parallel builds on one machine never share one.
 *
 * <p>{@link #require()} skips the calling test when Chromium is not on the PATH, saying so on stderr, unless the
 * environment variable {@code CI} is set: there a missing browser fails the build, since CI installs it.
 */
final class Chromium {

    private static final List<String> NAMES = List.of("chromium", "chromium-browser", "google-chrome");
    private static final long TIMEOUT_SECONDS = 90;
    /** Says once per test run that the browser tests are skipped, however many ask. */
    private static final AtomicBoolean WARNED = new AtomicBoolean();

    private final Path executable;

    private Chromium(Path executable) {
        this.executable = executable;
    }

    /** Returns Chromium, or skips (fails on CI) the test that asks when it is not on the PATH. */
    static Chromium require() {
        Optional<Path> found = find();
        if (found.isEmpty()) {
            String missing = "Chromium is not on the PATH (looked for " + NAMES + ")";
            if (System.getenv("CI") != null) {
                fail(missing + ": CI is set, where the browser tests of the HTML pages must run (.ci/run installs it)");
            }
            String message = missing + ": the browser tests of the HTML pages are SKIPPED. Install the Debian package"
                    + " chromium to run them.";
            if (WARNED.compareAndSet(false, true)) {
                System.err.println("WARNING: " + message);
            }
            assumeTrue(false, message);
        }
        return new Chromium(found.orElseThrow());
    }

    static Optional<Path> find() {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String name : NAMES) {
            for (String dir : path.split(File.pathSeparator)) {
                Path candidate = Path.of(dir, name);
                if (Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    /** Returns the page's DOM once it loaded and its script ran, opened with the given fragment (or none). */
    String dumpDom(Path page, String fragment) throws IOException, InterruptedException {
        return run(List.of("--dump-dom", url(page, fragment)));
    }

    /** Saves a screenshot of the page (its top, at the window's size) and returns the file. */
    Path screenshot(Path page, String fragment, Path png, int width, int height)
            throws IOException, InterruptedException {
        return screenshot(page, fragment, png, width, height, 1);
    }

    /** Saves a screenshot drawn at a scale (0.75: a 1200 px wide layout in a 900 px wide image). */
    Path screenshot(Path page, String fragment, Path png, int width, int height, double scale)
            throws IOException, InterruptedException {
        Files.createDirectories(png.toAbsolutePath().getParent());
        Files.deleteIfExists(png);
        run(List.of("--screenshot=" + png.toAbsolutePath(), "--window-size=" + width + "," + height,
                "--force-device-scale-factor=" + scale, "--hide-scrollbars", url(page, fragment)));
        return png;
    }

    private static String url(Path page, String fragment) {
        return page.toAbsolutePath().toUri() + (fragment == null ? "" : "#" + fragment);
    }

    private String run(List<String> args) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory("chromium-profile");
        Path out = Files.createTempFile("chromium", ".out");
        Path err = Files.createTempFile("chromium", ".err");
        try {
            List<String> command = new ArrayList<>(List.of(executable.toString(), "--headless", "--no-sandbox",
                    "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--disable-extensions",
                    "--user-data-dir=" + profile));
            command.addAll(args);
            Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                fail("chromium did not finish within " + TIMEOUT_SECONDS + " s: " + command);
            }
            if (p.exitValue() != 0) {
                fail("chromium exited with " + p.exitValue() + ": " + Files.readString(err, StandardCharsets.UTF_8));
            }
            return Files.readString(out, StandardCharsets.UTF_8);
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
            try (var walk = Files.walk(profile)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }
}
