package org.resolutionpolicy.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The BOM lists every module that publishes, at the build's version, and nothing else. */
class BomTests {

    static final Path ROOT = Path.of("..");

    @Test
    void the_bom_manages_every_published_module_and_only_those() throws IOException {
        String parent = Files.readString(ROOT.resolve("pom.xml"));
        List<String> published = new ArrayList<>();
        Matcher modules = Pattern.compile("<module>([^<]+)</module>").matcher(parent);
        while (modules.find()) {
            Path pom = ROOT.resolve(modules.group(1)).resolve("pom.xml");
            String text = Files.readString(pom);
            if (!text.contains("<packaging>pom</packaging>") && !text.contains("<maven.deploy.skip>true")) {
                published.add(first(text, "<artifactId>([^<]+)</artifactId>", 2));
            }
        }
        String bom = Files.readString(ROOT.resolve("policy-bom").resolve("pom.xml"));
        List<String> managed = new ArrayList<>();
        Matcher m = Pattern.compile("<artifactId>([^<]+)</artifactId>\\s*<version>\\$\\{project.version}</version>")
                .matcher(bom);
        while (m.find()) {
            managed.add(m.group(1));
        }

        assertThat(published).contains("policy-api", "policy-engine", "policy-spring-boot-starter");
        assertThat(managed).containsExactlyInAnyOrderElementsOf(published);
        assertThat(first(bom, "<version>([^<]+)</version>", 1)).isEqualTo(first(parent, "<version>([^<]+)</version>", 1));
    }

    /** Returns the n-th match of a pattern's group. */
    private static String first(String text, String regex, int n) {
        Matcher m = Pattern.compile(regex).matcher(text);
        for (int i = 0; i < n; i++) {
            assertThat(m.find()).as("match %d of %s", i + 1, regex).isTrue();
        }
        return m.group(1);
    }
}
