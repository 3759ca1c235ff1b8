package org.resolutionpolicy.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.resolutionpolicy.api.Cases;
import org.resolutionpolicy.api.CustomerCase;
import org.resolutionpolicy.api.InvalidCaseException;
import org.resolutionpolicy.api.Outcome;
import org.resolutionpolicy.api.Policies;
import org.resolutionpolicy.api.Policy;

/** Every YAML example in the policy-format guide and the README loads, and what the guide claims holds. */
class DocumentationTests {

    private static final Path GUIDE = Path.of("..", "docs", "policy-format.md");
    private static final Path README = Path.of("..", "README.md");
    private static final Pattern YAML_BLOCK = Pattern.compile("```yaml\\n(.*?)```", Pattern.DOTALL);

    @TestFactory
    List<DynamicTest> every_yaml_block_of_the_docs_loads_as_a_policy_or_a_case() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path doc : List.of(GUIDE, README)) {
            Matcher m = YAML_BLOCK.matcher(Files.readString(doc));
            int n = 0;
            while (m.find()) {
                String yaml = m.group(1);
                String name = doc.getFileName() + " block " + (++n);
                tests.add(DynamicTest.dynamicTest(name, () -> {
                    if (yaml.contains("\nscenarios:")) {
                        // a scenario file: run it beside a copy of the example policy it names
                        Path dir = Files.createTempDirectory("doc-scenarios");
                        Files.copy(Path.of("policies", "coffee-shop.yaml"), dir.resolve("coffee-shop.yaml"));
                        Path file = Files.writeString(dir.resolve("doc.test.yaml"), yaml);
                        org.resolutionpolicy.test.ScenarioReport report =
                                org.resolutionpolicy.test.ScenarioRunner.run(List.of(file));
                        assertThat(report.unreadable()).as("unreadable " + name).isEmpty();
                        assertThat(report.results()).as("scenarios of " + name)
                                .isNotEmpty().allSatisfy(r -> assertThat(r.mismatches()).as(r.report()).isEmpty());
                    } else if (yaml.startsWith("policy:")) {
                        Policy policy = Policies.parse(yaml);
                        // the guide shows enabled: false on purpose; any other warning is a mistake in the docs
                        assertThat(policy.warnings()).as("warnings of " + name)
                                .allSatisfy(w -> assertThat(w.message()).contains("is disabled and never applies"));
                    } else {
                        assertThat(Cases.parse(yaml).severity()).isNotNull();
                    }
                }));
            }
        }
        assertThat(tests).hasSizeGreaterThanOrEqualTo(5);
        return tests;
    }

    @Test
    void every_drl_block_of_the_drl_guide_is_quoted_from_a_tested_example_file() throws IOException {
        String examples = Files.readString(Path.of("policies", "drl", "coffee-shop", "coffee-shop.drl"))
                + Files.readString(Path.of("policies", "drl", "online-retailer", "online-retailer.drl"));
        Matcher m = Pattern.compile("```drl\\n(.*?)```", Pattern.DOTALL).matcher(Files.readString(Path.of("..", "docs", "drl.md")));
        int blocks = 0;
        while (m.find()) {
            blocks++;
            assertThat(examples).as("DRL block %d of docs/drl.md", blocks).contains(m.group(1).strip());
        }
        assertThat(blocks).isGreaterThanOrEqualTo(3);
    }

    @Test
    void every_java_block_of_the_reload_guide_and_of_the_readme_on_reload_and_load_options_is_quoted_from_an_example()
            throws IOException {
        List<String> examples = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src", "main", "java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                examples.add(trimmedLines(Files.readString(file)));
            }
        }
        String readme = Files.readString(README);
        List<String> quoting = List.of(Files.readString(Path.of("..", "docs", "reload.md")),
                section(readme, "## Hot reload"), section(readme, "## Load options"));
        int blocks = 0;
        for (String text : quoting) {
            Matcher m = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL).matcher(text);
            while (m.find()) {
                String block = trimmedLines(m.group(1));
                blocks++;
                assertThat(examples).as("java block %d, not quoted line for line (indentation aside) from an example:%n%s",
                        blocks, m.group(1)).anySatisfy(example -> assertThat(example).contains(block));
            }
        }
        assertThat(blocks).isGreaterThanOrEqualTo(4);
    }

    /** Returns the text of a markdown section, from its heading to the next heading of its level. */
    private static String section(String markdown, String heading) {
        int start = markdown.indexOf("\n" + heading + "\n");
        assertThat(start).as("section [%s]", heading).isNotNegative();
        int end = markdown.indexOf("\n## ", start + heading.length() + 2);
        return markdown.substring(start, end < 0 ? markdown.length() : end);
    }

    private static String trimmedLines(String text) {
        return text.strip().lines().map(String::strip).collect(Collectors.joining("\n"));
    }

    @Test
    void the_first_policy_of_the_guide_decides_as_the_guide_says() throws IOException {
        Matcher m = YAML_BLOCK.matcher(Files.readString(GUIDE));
        assertThat(m.find()).isTrue();
        Policy cafe = Policies.parse(m.group(1));
        CustomerCase.Builder base = CustomerCase.builder().severity("LOW").employee("barista");

        assertThat(cafe.decide(base.clearProposals().propose("refund", 10).build()).proposal("refund").outcome())
                .isEqualTo(Outcome.alone());
        assertThat(cafe.decide(base.clearProposals().propose("refund", 11).build()).proposal("refund").outcome())
                .isEqualTo(Outcome.escalate("manager"));
        assertThat(cafe.decide(base.clearProposals().propose("refund", 100).build()).proposal("refund").outcome())
                .isEqualTo(Outcome.escalate("manager"));
        assertThat(cafe.decide(base.clearProposals().propose("refund", 101).build()).proposal("refund").outcome())
                .isEqualTo(Outcome.denied());
        assertThat(cafe.decide(CustomerCase.builder().severity("LOW").category("gift-card").employee("manager")
                .propose("refund", 5).build()).proposal("refund").outcome())
                .isEqualTo(Outcome.denied());
    }

    @Test
    void the_severity_scale_of_the_guide_decides_the_two_passengers_of_a_two_hour_delay_as_the_guide_says()
            throws IOException {
        Matcher m = YAML_BLOCK.matcher(Files.readString(GUIDE));
        Policy delays = null;
        while (m.find() && delays == null) {
            delays = m.group(1).startsWith("policy: delays") ? Policies.parse(m.group(1)) : null;
        }
        assertThat(delays).as("the guide's severity scale example").isNotNull();
        CustomerCase.Builder twoHours = CustomerCase.builder().severity("LOW").employee("agent").propose("voucher", 40);

        org.resolutionpolicy.api.Decision meeting = delays.decide(twoHours.build());
        org.resolutionpolicy.api.Decision holiday = delays.decide(twoHours.attribute("lostHoliday", true).build());
        org.resolutionpolicy.api.Decision safety = delays.decide(CustomerCase.builder().severity("LOW").employee("agent")
                .impact(org.resolutionpolicy.api.Impact.builder().safetyIssue(true).build()).propose("voucher", 40).build());

        assertThat(meeting.severity().text()).isEqualTo("LOW (as given)");
        assertThat(meeting.proposal("voucher").outcome()).isEqualTo(Outcome.alone());
        assertThat(holiday.severity().text()).isEqualTo("HIGH (raised from LOW by a-lost-holiday-is-high)");
        assertThat(holiday.proposal("voucher").outcome()).isEqualTo(Outcome.escalate("duty-manager"));
        assertThat(safety.severity().text()).isEqualTo("CRITICAL (raised from LOW by safety-or-legal-is-critical)");
        assertThat(org.resolutionpolicy.format.json.DecisionJson.write(safety)).contains(
                "\"severity\":{\"used\":\"CRITICAL\",\"given\":\"LOW\",\"raisedBy\":\"safety-or-legal-is-critical\"}");
        assertThat(safety.proposal("voucher").outcome().kind()).isEqualTo(Outcome.Kind.SWAT);
    }

    @Test
    void the_invalid_case_message_of_the_guide_is_what_the_engine_prints() throws IOException {
        String guide = Files.readString(GUIDE);
        Policy coffee = Policies.fromClasspath("policies/coffee-shop.yaml");
        CustomerCase bad = CustomerCase.builder().id("C-1042").severity("HIHG").employee("barista")
                .propose("voucher", 15).propose("refund", -80).propose("apology").build();

        assertThatThrownBy(() -> coffee.decide(bad))
                .isInstanceOf(InvalidCaseException.class)
                .satisfies(e -> assertThat(guide).contains(e.getMessage()));
    }
}
