package org.resolutionpolicy.cli;

import org.resolutionpolicy.format.ExplanationFormat;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.resolutionpolicy.api.CustomerCase;
import org.resolutionpolicy.api.Explanation;
import org.resolutionpolicy.api.Policies;
import org.resolutionpolicy.api.Policy;

/** {@code explain} shows what issue 16 added: the siblings that counted, every approver, when a follow-up applies. */
class ExplanationRendererTests {

    static final Policy POLICY = Policies.parse("""
            policy: render
            version: "1"
            roles: [agent, finance, director]
            remedies: { refund: { unit: money } }
            authority: { agent: { refund: 50 }, director: { refund: unlimited } }
            rules:
              - id: two-signatures
                when: { amount: { above: 500 } }
                require: [director, finance]
                followUp: { action: receipt, when: granted }
                because: Large refunds are signed twice
            """);
    static final CustomerCase CASE = CustomerCase.builder().severity("LOW").employee("agent")
            .propose("refund", 40).propose("refund", 600).build();

    @Test
    void the_text_names_the_siblings_and_the_approvers() {
        String text = ExplanationFormat.text(CASE, POLICY.explain(CASE));

        assertThat(text).contains("refund 600: ESCALATE to director and finance")
                .contains("counted with this case's earlier proposals [0]: 1 grant totalling 40")
                .contains("(require director and finance, follow-up receipt when granted)");
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_json_carries_them_as_data() {
        Explanation e = POLICY.explain(CASE);
        List<Map<String, Object>> proposals = (List<Map<String, Object>>) ExplanationFormat.json(e).get("proposals");
        Map<String, Object> second = proposals.get(1);
        Map<String, Object> authority = (Map<String, Object>) second.get("authority");
        Map<String, Object> rule = ((List<Map<String, Object>>) second.get("rules")).get(0);
        Map<String, Object> effect = (Map<String, Object>) rule.get("effect");

        assertThat(authority.get("countedWith")).isEqualTo(
                Map.of("proposals", List.of(0), "count", 1, "total", new BigDecimal("40")));
        assertThat(effect).containsEntry("approvers", List.of("director", "finance"))
                .containsEntry("followUpWhen", List.of("granted"));
        assertThat(((Map<String, Object>) proposals.get(0).get("authority"))).doesNotContainKey("countedWith");
    }
}
