package org.resolutionpolicy.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.resolutionpolicy.api.Cases;
import org.resolutionpolicy.api.CustomerCase;
import org.resolutionpolicy.api.Decision;
import org.resolutionpolicy.api.DecisionLog;
import org.resolutionpolicy.api.Policies;
import org.resolutionpolicy.api.Policy;
import org.yaml.snakeyaml.Yaml;

/** Every decision has an id of its own, the decision log writes that id, and the JSON of a decision carries it. */
class DecisionIdTests {

    static final Policy POLICY = Policies.fromClasspath("spec/coffee-shop.yaml");
    static final CustomerCase EXAMPLE = Cases.parse(TestFiles.classpath("spec/case-C-1042.yaml"));

    @Test
    void each_decision_has_a_random_uuid_of_its_own_and_equal_decisions_stay_equal() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 1_000; i++) {
            ids.add(POLICY.decide(EXAMPLE).id());
        }
        assertThat(ids).hasSize(1_000);
        UUID id = UUID.fromString(ids.iterator().next());
        assertThat(id.version()).isEqualTo(4);
        assertThat(id.variant()).isEqualTo(2);

        Decision first = POLICY.decide(EXAMPLE);
        Decision second = POLICY.decide(EXAMPLE);
        assertThat(first.id()).isNotEqualTo(second.id());
        assertThat(first).isEqualTo(second).hasSameHashCodeAs(second);
        assertThat(POLICY.explain(EXAMPLE).decision()).isEqualTo(first);
        assertThat(POLICY.explain(EXAMPLE).decision().id()).isNotNull().isNotEqualTo(first.id());
    }

    @Test
    void the_decision_log_writes_the_id_the_caller_got() {
        StringWriter out = new StringWriter();
        Decision decision;
        try (DecisionLog log = DecisionLog.jsonLines(out, DecisionLog.Options.DEFAULTS)) {
            decision = POLICY.withListener(log).decide(EXAMPLE);
        }
        Map<String, Object> line = new Yaml().load(out.toString());
        assertThat(line).containsEntry("decisionId", decision.id());
    }

    @Test
    void to_json_is_the_cli_mapping_with_the_decision_id_first() {
        Decision decision = POLICY.decide(EXAMPLE);

        Map<String, Object> json = new Yaml().load(decision.toJson());

        assertThat(json.keySet()).containsExactly("decisionId", "policy", "version", "revision", "case",
                "employeeRole", "swat", "proposals", "followUps");
        assertThat(json).containsEntry("decisionId", decision.id()).containsEntry("policy", "coffee-shop")
                .containsEntry("revision", POLICY.revision());
        assertThat(decision.toJson()).doesNotContain("\n")
                .contains("{\"remedy\":\"refund\",\"amount\":80,\"outcome\":\"ESCALATE\",\"approver\":\"store-manager\"");
    }

    @Test
    void a_decision_made_by_hand_has_no_id_and_its_json_none() {
        Decision byHand = POLICY.decide(EXAMPLE).withId(null);

        assertThat(byHand.id()).isNull();
        assertThat(byHand.toJson()).startsWith("{\"policy\":\"coffee-shop\"");
    }
}
