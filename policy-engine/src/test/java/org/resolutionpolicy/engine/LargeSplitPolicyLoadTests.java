package org.resolutionpolicy.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.resolutionpolicy.api.Policies;
import org.resolutionpolicy.api.PolicyLoadException;
import org.resolutionpolicy.api.PolicySource;
import org.resolutionpolicy.api.Problem;

/** A large policy split into files, whose files are composed side by side: the same rules, problems in file order. */
class LargeSplitPolicyLoadTests {

    private static final String HEADER = """
            policy: split
            version: "1"
            roles: [agent, supervisor]
            remedies: { refund: { unit: money } }
            authority:
              agent: { refund: 50 }
              supervisor: { refund: unlimited }
            """;

    /** Rules {@code from} to {@code to}, each about 120 characters: 1,200 of them pass the side-by-side threshold. */
    private static String rules(int from, int to, int brokenAt) {
        StringBuilder y = new StringBuilder("rules:\n");
        for (int i = from; i < to; i++) {
            y.append("  - id: r").append(i).append('\n')
                    .append(i == brokenAt ? "     when: { amount: { above: " : "    when: { amount: { above: ")
                    .append(i % 500).append(" } }\n")
                    .append("    require: supervisor\n")
                    .append("    because: rule ").append(i).append(" of a policy split into files\n");
        }
        return y.toString();
    }

    private static List<PolicySource> sources(int brokenAt) {
        List<PolicySource> sources = new ArrayList<>(List.of(PolicySource.of("header.yaml", HEADER)));
        for (int file = 0; file < 3; file++) {
            sources.add(PolicySource.of("rules-" + file + ".yaml", rules(file * 1200, (file + 1) * 1200, brokenAt)));
        }
        return sources;
    }

    @Test
    void every_rule_of_every_file_is_loaded() {
        List<PolicySource> sources = sources(-1);
        assertThat(sources.stream().mapToInt(s -> s.text().length()).sum()).isGreaterThan(256 * 1024);

        assertThat(Policies.compile(sources).ruleIds()).hasSize(3600).contains("r0", "r1199", "r1200", "r3599");
    }

    @Test
    void the_problems_of_several_files_come_in_file_order_each_at_its_line() {
        List<PolicySource> sources = new ArrayList<>(sources(-1));
        // a line indented one space too far in the second and in the third file of rules
        sources.set(2, PolicySource.of("rules-1.yaml", rules(1200, 2400, 1300)));
        sources.set(3, PolicySource.of("rules-2.yaml", rules(2400, 3600, 2410)));

        PolicyLoadException e = catchThrowableOfType(() -> Policies.compile(sources), PolicyLoadException.class);

        List<Problem> errors = e.problems().stream().filter(Problem::isError).toList();
        assertThat(errors).extracting(Problem::source).containsSubsequence("rules-1.yaml", "rules-2.yaml");
        assertThat(errors.stream().map(Problem::source).distinct()).containsExactly("rules-1.yaml", "rules-2.yaml");
        // rule 1300 is the 101st of its file, 4 lines a rule after the 'rules:' line: its 'when' is line 403
        assertThat(errors).filteredOn(p -> p.source().equals("rules-1.yaml")).first()
                .extracting(Problem::line).isEqualTo(403);
        assertThat(errors).filteredOn(p -> p.source().equals("rules-2.yaml")).first()
                .extracting(Problem::line).isEqualTo(43);
    }
}
