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

    /**
     * Returns what a person would find wrong with the page's layout in a window of a width: a copy of the page, with
     * a measuring script added and its Content-Security-Policy left out (for the script only), is opened and lists
     * {@code scroll <scrollWidth> <clientWidth>} when the page scrolls sideways, {@code cut <chart> <label>} for each
     * label of a chart whose box is not inside its chart, and {@code overflow <text>} for each table cell whose
     * content does not fit it. Empty when nothing is wrong.
     */
    java.util.List<String> layoutProblems(Path page, int width) throws IOException, InterruptedException {
        String html = Files.readString(page, StandardCharsets.UTF_8)
                .replaceFirst("<meta http-equiv=\"Content-Security-Policy\"[^>]*>", "");
        String measure = String.join("\n", "<script>(function () {",
                "  var out = [], de = document.documentElement;",
                "  if (de.scrollWidth > de.clientWidth) { out.push('scroll ' + de.scrollWidth + ' ' + de.clientWidth); }",
                "  document.querySelectorAll('svg.chart').forEach(function (svg, i) {",
                "    var box = svg.getBoundingClientRect();",
                "    svg.querySelectorAll('text').forEach(function (t) {",
                "      var b = t.getBoundingClientRect();",
                "      if (b.left < box.left - 0.5 || b.right > box.right + 0.5 || b.top < box.top - 0.5",
                "          || b.bottom > box.bottom + 0.5) { out.push('cut ' + i + ' ' + t.textContent); }",
                "    });",
                "  });",
                "  document.querySelectorAll('td, th').forEach(function (td) {",
                "    if (td.scrollWidth > td.clientWidth + 1) { out.push('overflow ' + td.textContent.slice(0, 80)); }",
                "  });",
                "  var pre = document.createElement('pre'); pre.id = 'layout-problems';",
                "  pre.textContent = JSON.stringify(out); document.body.appendChild(pre);",
                "})();</script>");
        Path copy = page.resolveSibling(page.getFileName().toString().replace(".html", "") + ".measured.html");
        Files.writeString(copy, html.replace("</body>", measure + "\n</body>"), StandardCharsets.UTF_8);
        String dom = run(List.of("--window-size=" + width + ",900", "--hide-scrollbars", "--dump-dom",
                url(copy, null)));
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("<pre id=\"layout-problems\">(.*?)</pre>",
                java.util.regex.Pattern.DOTALL).matcher(dom);
        if (!m.find()) {
            fail("the measuring script did not run on " + copy);
        }
        String json = m.group(1).replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&amp;", "&");
        List<String> problems = new ArrayList<>();
        java.util.regex.Matcher item = java.util.regex.Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(json);
        while (item.find()) {
            problems.add(item.group(1));
        }
        return problems;
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
