package org.resolutionpolicy.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.resolutionpolicy.api.CustomerCase;
import org.resolutionpolicy.api.Policies;
import org.resolutionpolicy.api.Policy;
import org.resolutionpolicy.api.ProposalDecision;

/** A proposal that dozens of rules escalate lists them all as reasons, in rule id order, whatever the file's order. */
class ManyReasonsTests {

    @Test
    void forty_matching_rules_of_one_role_are_listed_by_rule_id() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            ids.add((char) ('a' + i % 26) + "-rule-" + (i * 7919 % 1000));
        }
        Collections.shuffle(ids, new Random(11));
        StringBuilder yaml = new StringBuilder("""
                policy: many-reasons
                version: "1"
                roles: [agent, supervisor]
                remedies: { refund: { unit: money } }
                authority:
                  agent: { refund: 50 }
                  supervisor: { refund: 500 }
                rules:
                """);
        for (int i = 0; i < ids.size(); i++) {
            // bounds of several values, so that the rules are searched by bound as well
            yaml.append("  - id: ").append(ids.get(i)).append("\n    when: { amount: { above: ").append(i % 5)
                    .append(" } }\n    require: supervisor\n    because: rule ").append(i).append('\n');
        }
        Policy policy = Policies.parse(yaml.toString());

        ProposalDecision decided = policy.decide(CustomerCase.builder().id("C").severity("LOW").employee("agent")
                .propose("refund", 80).build()).proposals().get(0);

        List<String> sorted = new ArrayList<>(ids);
        Collections.sort(sorted);
        assertThat(decided.ruleIds()).containsExactlyElementsOf(sorted);
    }
}
