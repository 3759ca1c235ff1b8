package org.resolutionpolicy.engine.internal.yaml;

import org.resolutionpolicy.format.yaml.NodeReader;
import org.resolutionpolicy.format.yaml.PolicyHeader;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.resolutionpolicy.api.PolicySource;
import org.resolutionpolicy.model.PolicyModel;
import org.resolutionpolicy.model.source.Problems;

/** A header written in another source is read as a YAML policy's top keys, its problems placed in that source. */
class PolicyHeaderTests {

    static NodeReader.Entry entry(String key, int line, String value, int column, Problems problems) {
        return new NodeReader.Entry(key, PolicyHeader.string("h.drl", key, line, 1),
                PolicyHeader.compose("h.drl", value, line, column, problems));
    }

    @Test
    void builds_the_same_model_as_the_yaml_it_stands_for_with_rules_from_yaml() {
        Problems problems = new Problems();
        PolicyHeader header = new PolicyHeader("h.drl", List.of(
                entry("policy", 2, "from-header", 10, problems),
                new NodeReader.Entry("version", PolicyHeader.string("h.drl", "version", 3, 1),
                        PolicyHeader.string("h.drl", "2026.11", 3, 11)),
                entry("roles", 4, "[agent, manager]", 9, problems),
                entry("remedies", 5, "{ refund: { unit: money } }", 12, problems)));
        PolicySource rules = PolicySource.of("rules.yaml", """
                rules:
                  - id: big
                    when: { amount: { above: 30 } }
                    require: manager
                    because: Big refunds need a manager
                """);

        PolicyModel model = PolicyReader.read(List.of(rules), header, problems);

        assertThat(problems.all()).isEmpty();
        assertThat(model.id()).isEqualTo("from-header");
        assertThat(model.version()).isEqualTo("2026.11");
        assertThat(model.roles()).containsExactly("agent", "manager");
        assertThat(model.rules()).extracting(r -> r.id()).containsExactly("big");
    }

    @Test
    void places_problems_at_the_line_and_column_of_the_value_in_its_source() {
        Problems problems = new Problems();
        PolicyHeader header = new PolicyHeader("h.drl", List.of(
                entry("policy", 2, "p", 10, problems),
                entry("version", 3, "1", 10, problems),
                entry("roles", 4, "[agent, manager]", 9, problems),
                entry("remedies", 5, "{ refund: { unit: mony } }", 12, problems)));

        assertThat(PolicyReader.read(List.of(), header, problems)).isNull();
        assertThat(problems.all()).extracting(Object::toString)
                .containsExactly("h.drl:5:30: error: unknown unit [mony] for remedy [refund] (did you mean [money]?)");
    }

    @Test
    void blank_text_is_a_null_value_and_broken_text_an_error_at_its_place() {
        Problems problems = new Problems();

        assertThat(NodeReader.isNull(PolicyHeader.compose("h.drl", " ", 3, 7, problems))).isTrue();
        assertThat(PolicyHeader.compose("h.drl", "[a, ", 3, 7, problems)).isNull();
        assertThat(problems.all()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(3);
            assertThat(p.message()).startsWith("invalid YAML");
        });
    }
}
