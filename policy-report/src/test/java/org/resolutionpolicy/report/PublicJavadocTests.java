package org.resolutionpolicy.report;

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
 * Fails the build when a public or protected type or member of {@code org.resolutionpolicy.report} has no javadoc,
 * as policy-cli's PublicJavadocTests does for the API: doclint on the sources, failing on missing comments only.
 */
class PublicJavadocTests {

    @Test
    void every_public_type_and_member_of_the_report_kit_is_documented(@TempDir Path out) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(Path.of("src/main/java"))) {
            files = walk.filter(p -> p.toString().endsWith(".java") && !p.endsWith("module-info.java")).toList();
        }
        String classPath = System.getProperty("java.class.path") + File.pathSeparator
                + System.getProperty("jdk.module.path", "");
        try (StandardJavaFileManager manager = javac.getStandardFileManager(diagnostics, Locale.ROOT,
                StandardCharsets.UTF_8)) {
            boolean compiled = javac.getTask(null, manager, diagnostics, List.of("-proc:none", "-d", out.toString(),
                    "-classpath", classPath, "-Xdoclint:missing/protected",
                    "-Xdoclint/package:org.resolutionpolicy.report", "-Xmaxwarns", "100000"), null,
                    manager.getJavaFileObjectsFromPaths(files)).call();
            assertThat(compiled).as("the sources compile: %s", diagnostics.getDiagnostics()).isTrue();
        }
        assertThat(diagnostics.getDiagnostics().stream()
                .filter(d -> d.getKind() == Diagnostic.Kind.WARNING)
                .filter(d -> d.getMessage(Locale.ROOT).equals("no comment")
                        || d.getMessage(Locale.ROOT).startsWith("use of default constructor"))
                .map(d -> d.getSource().getName() + ":" + d.getLineNumber() + ": " + d.getMessage(Locale.ROOT)))
                .isEmpty();
    }
}
