package org.resolutionpolicy.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.resolutionpolicy.api.Policies;
import org.resolutionpolicy.api.Policy;
import org.resolutionpolicy.api.Problem;

/** What is probably a mistake but not an error loads, with a located warning that says why. */
class WarningTests {

    static final String HEADER = """
            policy: warnings
            version: "1"
            roles: [agent, supervisor, manager]
            remedies: { refund: { unit: money } }
            """;

    @Test
    void warns_when_authority_shrinks_up_the_ladder() {
        Policy p = Policies.parse(HEADER + """
                authority:
                  agent: { refund: 50 }
                  supervisor: { refund: 250 }
                  manager: { refund: 100 }
                """);

        assertThat(p.warnings()).singleElement().hasToString("<string>:8:14: warning: authority shrinks up the "
                + "ladder: [manager] may grant [refund] up to [100], less than [supervisor] below it may (250) "
                + "(a role inherits the authority of every role below it, so the smaller limit has no effect)");
    }

    @Test
    void warns_about_a_require_of_the_lowest_role_a_disabled_rule_and_a_missing_because() {
        Policy p = Policies.parse(HEADER + """
                authority: { agent: { refund: 50 } }
                rules:
                  - id: pointless
                    require: agent
                    because: every employee is at least an agent
                  - id: retired
                    enabled: false
                    deny: true
                    because: no longer used
                  - id: silent
                    require: manager
                """);

        assertThat(p.warnings()).extracting(Problem::line, Problem::column, Problem::message).containsExactly(
                org.assertj.core.groups.Tuple.tuple(8, 14, "rule [pointless] requires the lowest role [agent], which "
                        + "every employee has: it never changes an outcome"),
                org.assertj.core.groups.Tuple.tuple(11, 14, "rule [retired] is disabled and never applies"),
                org.assertj.core.groups.Tuple.tuple(14, 5, "rule [silent] has no because"));
        assertThat(p.warnings()).allMatch(w -> !w.isError());
    }

    @Test
    void a_clean_policy_has_no_warnings() {
        assertThat(Policies.parse(HEADER + "authority: { agent: { refund: 50 }, manager: { refund: 500 } }\n").warnings())
                .isEmpty();
    }
}
