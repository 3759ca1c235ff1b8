package org.resolutionpolicy.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.resolutionpolicy.api.Policies;
import org.resolutionpolicy.api.PolicyLoadException;
import org.resolutionpolicy.api.PolicySource;
import org.resolutionpolicy.api.Problem;

/**
 * A YAML syntax mistake is reported where it is, with a hint, and does not hide the other problems of its file or
 * of the other files of the policy.
 */
class YamlSyntaxErrorTests {

    private static final String HEADER = """
            policy: p
            version: '1'
            roles: [agent, manager]
            remedies: { refund: { unit: money }, apology: { unit: none } }
            authority: { agent: { refund: 50, apology: unlimited }, manager: { refund: 500 } }
            """;

    private static List<String> problems(PolicySource... sources) {
        try {
            Policies.compile(List.of(sources));
        } catch (PolicyLoadException e) {
            return e.problems().stream().map(Problem::toString).toList();
        }
        throw new AssertionError("policy loaded, but should not have");
    }

    private static List<String> problems(String yaml) {
        return problems(PolicySource.of("p.yaml", yaml));
    }

    @Test
    void a_key_indented_less_than_its_neighbours_is_reported_at_its_line_and_the_other_rules_are_still_checked() {
        String yaml = HEADER + """
                rules:
                  - id: big-refunds
                    when: { amount: { above: 100 } }
                    remedies: [refund]
                   require: manager
                    because: big
                  - id: typo
                    remedies: [refund]
                    require: manger
                    because: a typo
                """;

        assertThat(problems(yaml)).hasSize(2).satisfies(all -> {
            assertThat(all.get(0)).startsWith("p.yaml:10:4: error: invalid YAML: expected <block end>")
                    .contains("this line is indented 3 spaces, less than line 9 (4)");
            assertThat(all.get(1)).startsWith("p.yaml:14:14: error:").contains("[manger]");
        });
    }

    @Test
    void a_key_indented_more_than_its_neighbours_is_reported_with_the_columns() {
        String yaml = HEADER + """
                rules:
                  - id: r
                    remedies: [refund]
                      require: manager
                    because: x
                """;

        assertThat(problems(yaml)).singleElement().satisfies(p -> assertThat(p)
                .startsWith("p.yaml:9:7: error: invalid YAML: expected <block end>")
                .contains("indented 6 spaces, more than line 8 (4)"));
        assertThat(problems(HEADER + "rules:\n  - id: r\n    because: plain words\n      deny: true\n"))
                .singleElement().satisfies(p -> assertThat(p)
                        .startsWith("p.yaml:9:7: error: invalid YAML: mapping values are not allowed here")
                        .contains("if it continues the value above, quote that value"));
    }

    @Test
    void a_tab_in_the_indentation_is_named_with_its_place() {
        String yaml = HEADER + "rules:\n  - id: r\n\tdeny: true\n    because: x\n";

        assertThat(problems(yaml)).first().satisfies(p -> assertThat(p)
                .startsWith("p.yaml:8:1: error: invalid YAML: a tab character")
                .contains("indent with spaces only"));
    }

    @Test
    void a_key_without_its_colon_is_reported_on_its_own_line_not_the_next() {
        String yaml = HEADER + "rules:\n  - id: r\n    deny: true\n    because it is\n    remedies: [refund]\n";

        assertThat(problems(yaml)).first().satisfies(p -> assertThat(p)
                .startsWith("p.yaml:9:5: error: invalid YAML: this line has no ':' after its key"));
    }

    @Test
    void an_unclosed_quote_or_bracket_is_reported_where_it_opens() {
        assertThat(problems(HEADER + "rules:\n  - id: r\n    deny: true\n    because: \"never closed\n  - id: s\n"))
                .first().satisfies(p -> assertThat(p).startsWith("p.yaml:9:14: error: invalid YAML: the quote "
                        + "opened here is never closed"));
        assertThat(problems(HEADER + "rules:\n  - id: r\n    remedies: [refund\n    deny: true\n"))
                .first().satisfies(p -> assertThat(p).startsWith("p.yaml:8:15: error: invalid YAML:")
                        .contains("the '[' opened here is not closed before line 9"));
    }

    @Test
    void two_mistakes_in_one_file_are_both_reported() {
        String yaml = HEADER + """
                rules:
                  - id: a
                    remedies: [refund]
                   deny: true
                  - id: b
                    remedies: [refund]
                      deny: true
                """;

        assertThat(problems(yaml)).extracting(p -> p.substring(0, p.indexOf(": error")))
                .containsExactly("p.yaml:9:4", "p.yaml:12:7");
    }

    @Test
    void a_broken_rules_file_does_not_hide_the_problems_of_the_policy_file() {
        PolicySource main = PolicySource.of("main.yaml", HEADER + "rules:\n  - id: r\n    require: nobody\n"
                + "    remedies: [refund]\n    because: x\n");
        PolicySource pack = PolicySource.of("more.yaml", "rules:\n  - id: s\n    deny: true\n   because: x\n");

        assertThat(problems(main, pack)).satisfiesExactlyInAnyOrder(
                p -> assertThat(p).startsWith("main.yaml:8:14: error:").contains("[nobody]"),
                p -> assertThat(p).startsWith("more.yaml:4:4: error: invalid YAML"));
    }

    @Test
    void a_broken_policy_header_is_the_one_problem_of_its_file_and_other_files_are_still_read() {
        PolicySource main = PolicySource.of("main.yaml", "policy: p\nversion: '1'\nroles: [agent\n"
                + "remedies: { refund: { unit: money } }\n");
        PolicySource pack = PolicySource.of("more.yaml", "rules:\n  - id: s\n    deny: maybe\n    because: x\n");

        List<String> all = problems(main, pack);

        assertThat(all).hasSize(2);
        assertThat(all.get(0)).startsWith("main.yaml:3:8: error: invalid YAML");
        assertThat(all.get(1)).startsWith("more.yaml:3:11: error:").contains("[maybe]");
        assertThat(all).noneMatch(p -> p.contains("missing key [policy]"));
    }

    @Test
    void a_document_repaired_to_report_its_problems_never_loads() {
        String yaml = HEADER + "description: a harmless line\n   # a comment\n  version2: x\n";

        assertThatThrownBy(() -> Policies.parse(yaml)).isInstanceOf(PolicyLoadException.class)
                .hasMessageContaining("invalid YAML");
    }
}
