package org.resolutionpolicy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fails the build when a public or protected type or member of a public package has no javadoc: the API, the
 * published model and formats, the test kit's {@code org.resolutionpolicy.test} and the DRL facts of
 * {@code org.resolutionpolicy.drools}. It runs here
 * because this module's test class path holds what all three compile against.
 *
 * <p>javac's doclint reports a missing comment and a missing {@code @param} in one group ({@code missing}), so the
 * compile cannot fail on one without the other; this runs doclint on the sources and fails on missing comments
 * only. (Malformed javadoc fails the compile itself: see the parent pom.)
 */
class PublicJavadocTests {

    @Test
    void every_public_type_and_member_of_the_api_is_documented(@TempDir Path out) throws IOException {
        assertThat(undocumented(Path.of("../policy-api/src/main/java"),
                "org.resolutionpolicy.api,org.resolutionpolicy.api.spi", out)).isEmpty();
    }

    @Test
    void every_public_type_and_member_of_the_test_kit_is_documented(@TempDir Path out) throws IOException {
        assertThat(undocumented(Path.of("../policy-test/src/main/java"), "org.resolutionpolicy.test", out)).isEmpty();
    }

    @Test
    void every_public_type_and_member_drl_rules_use_is_documented(@TempDir Path out) throws IOException {
        assertThat(undocumented(Path.of("../policy-drools/src/main/java"), "org.resolutionpolicy.drools", out))
                .isEmpty();
    }

    @Test
    void every_public_type_and_member_of_the_published_model_is_documented(@TempDir Path out) throws IOException {
        assertThat(undocumented(Path.of("../policy-model/src/main/java"), "org.resolutionpolicy.model,"
                + "org.resolutionpolicy.model.expr,org.resolutionpolicy.model.source,org.resolutionpolicy.model.value",
                out)).isEmpty();
    }

    @Test
    void every_public_type_and_member_of_the_formats_is_documented(@TempDir Path out) throws IOException {
        assertThat(undocumented(Path.of("../policy-format/src/main/java"), "org.resolutionpolicy.format.json,"
                + "org.resolutionpolicy.format.text,org.resolutionpolicy.format.yaml", out)).isEmpty();
    }

    @Test
    void a_public_method_without_a_comment_is_found_and_a_missing_tag_is_not(@TempDir Path dir) throws IOException {
        Path source = Files.createDirectories(dir.resolve("src/p")).resolve("Gap.java");
        Files.writeString(source, String.join("\n",
                "package p;",
                "/** Documented. */",
                "public final class Gap {",
                "    private Gap() {",
                "    }",
                "    /** Documented, without its tags. */",
                "    public static int tagless(int x) { return x; }",
                "    public static void bare() { }",
                "}",
                ""));

        assertThat(undocumented(dir.resolve("src"), "p", Files.createDirectories(dir.resolve("out"))))
                .singleElement().asString().endsWith("Gap.java:8: no comment");
    }

    /** Returns {@code file:line: message} for each public type or member without a comment. */
    static List<String> undocumented(Path sources, String packages, Path out) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(sources)) {
            files = walk.filter(p -> p.toString().endsWith(".java") && !p.endsWith("module-info.java")).toList();
        }
        String classPath = System.getProperty("java.class.path") + File.pathSeparator
                + System.getProperty("jdk.module.path", "");
        try (StandardJavaFileManager manager = javac.getStandardFileManager(diagnostics, Locale.ROOT,
                StandardCharsets.UTF_8)) {
            boolean compiled = javac.getTask(null, manager, diagnostics, List.of("-proc:none", "-d", out.toString(),
                    "-classpath", classPath, "-Xdoclint:missing/protected", "-Xdoclint/package:" + packages,
                    "-Xmaxwarns", "100000"), null, manager.getJavaFileObjectsFromPaths(files)).call();
            assertThat(compiled).as("the sources compile: %s", diagnostics.getDiagnostics()).isTrue();
        }
        return diagnostics.getDiagnostics().stream()
                .filter(d -> d.getKind() == Diagnostic.Kind.WARNING)
                .filter(d -> {
                    String message = d.getMessage(Locale.ROOT);
                    return message.equals("no comment") || message.startsWith("use of default constructor");
                })
                .map(d -> d.getSource().getName() + ":" + d.getLineNumber() + ": " + d.getMessage(Locale.ROOT))
                .toList();
    }
}
